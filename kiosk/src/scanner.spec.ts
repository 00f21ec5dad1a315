import { describe, expect, it } from 'vitest';
import { ScanDetector } from './scanner';

function feed(detector: ScanDetector, text: string, start: number, gap: number): string | null {
  let t = start;
  for (const ch of text) {
    detector.key(ch, t);
    t += gap;
  }
  return detector.key('Enter', t);
}

describe('ScanDetector', () => {
  it('recognises a fast burst ending in Enter', () => {
    expect(feed(new ScanDetector(), '7KQ4-M2XD', 0, 15)).toBe('7KQ4-M2XD');
  });
  it('ignores slow typing', () => {
    expect(feed(new ScanDetector(), '7KQ4-M2XD', 0, 250)).toBeNull();
  });
  it('ignores short bursts', () => {
    expect(feed(new ScanDetector(), 'ABC', 0, 10)).toBeNull();
  });
  it('starts over after a pause, keeping only the fast part', () => {
    const detector = new ScanDetector();
    detector.key('X', 0);
    detector.key('Y', 50);
    expect(feed(detector, '7KQ4M2XD', 1000, 10)).toBe('7KQ4M2XD');
  });
  it('lets Shift pass inside a burst', () => {
    const detector = new ScanDetector();
    let t = 0;
    for (const ch of 'ABCDEFGH') {
      detector.key('Shift', t);
      detector.key(ch, (t += 5));
      t += 5;
    }
    expect(detector.key('Enter', t + 5)).toBe('ABCDEFGH');
  });
});
