/**
 * Tells a barcode/QR scanner that acts as a keyboard from a person typing: the scanner sends
 * a burst of characters with only milliseconds between them and ends it with Enter.
 */
export interface ScanDetectorOptions {
  /** Fewest characters that count as a scan. */
  minLength?: number;
  /** Longest pause between two keys of one scan. */
  maxGapMs?: number;
}

export class ScanDetector {
  private buffer = '';
  private lastTime = -Infinity;
  private readonly minLength: number;
  private readonly maxGapMs: number;

  constructor(options: ScanDetectorOptions = {}) {
    this.minLength = options.minLength ?? 6;
    this.maxGapMs = options.maxGapMs ?? 100;
  }

  /** Feeds one `KeyboardEvent.key`; returns the scanned text when Enter ends a fast burst, else null. */
  key(key: string, time: number): string | null {
    const gap = time - this.lastTime;
    this.lastTime = time;
    if (key === 'Enter') {
      const scanned = gap <= this.maxGapMs && this.buffer.length >= this.minLength ? this.buffer : null;
      this.buffer = '';
      return scanned;
    }
    if (key.length !== 1) {
      // Shift and other modifiers come with scanners too; they neither add nor break a burst.
      if (key === 'Shift' || key === 'Control' || key === 'Alt') this.lastTime = time - gap;
      else this.buffer = '';
      return null;
    }
    this.buffer = gap <= this.maxGapMs ? this.buffer + key : key;
    return null;
  }

  clear(): void {
    this.buffer = '';
    this.lastTime = -Infinity;
  }
}
