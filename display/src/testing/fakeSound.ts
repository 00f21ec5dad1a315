import type { GongBackend, SpeechBackend } from '../composables/useAnnouncer';

export interface SoundEvent {
  kind: 'gong' | 'speech';
  phase: 'start' | 'end';
  text?: string;
  lang?: string;
}

/**
 * Gong and speech that take as long as the test says: each play/speak stays open until
 * `finish()` is called, and every start and end is logged, so overlaps can be seen.
 */
export class FakeSound {
  log: SoundEvent[] = [];
  active = 0;
  maxActive = 0;
  cancelled = 0;
  private open: (() => void)[] = [];

  private begin(kind: SoundEvent['kind'], text?: string, lang?: string): Promise<void> {
    this.log.push({ kind, phase: 'start', text, lang });
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    return new Promise((resolve) => {
      this.open.push(() => {
        this.active--;
        this.log.push({ kind, phase: 'end', text, lang });
        resolve();
      });
    });
  }

  readonly gong: GongBackend = { play: () => this.begin('gong') };
  readonly speech: SpeechBackend = {
    speak: (text, lang) => this.begin('speech', text, lang),
    cancel: () => {
      this.cancelled++;
    },
  };

  get playing(): number {
    return this.open.length;
  }
  /** Ends the sound that is playing now. */
  finish() {
    const done = this.open.shift();
    if (!done) throw new Error('nothing is playing');
    done();
  }
  spoken(): string[] {
    return this.log.filter((e) => e.kind === 'speech' && e.phase === 'start').map((e) => e.text!);
  }
}

/** A gong and a speech that finish at once. */
export const silentSound: { gong: GongBackend; speech: SpeechBackend } = {
  gong: { play: () => Promise.resolve() },
  speech: { speak: () => Promise.resolve(), cancel: () => undefined },
};
