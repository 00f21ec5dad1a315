import { getCurrentScope, onScopeDispose, readonly, ref } from 'vue';
import type { AnnouncedCall } from '../announcement';

/** Plays the gong; resolves when it has faded out (or at once when sound is unavailable). */
export interface GongBackend {
  play(): Promise<void>;
}
/** Speaks a sentence; resolves when it has been spoken, failed, or cannot be spoken. */
export interface SpeechBackend {
  speak(text: string, lang: string): Promise<void>;
  cancel(): void;
}

export interface AnnouncerSettings {
  gong: boolean;
  speech: boolean;
  /** BCP 47 tag for the synthesiser, e.g. de-DE */
  lang: string;
}

export interface AnnouncementRecord extends AnnouncedCall {
  text: string;
}

export interface AnnouncerOptions {
  gong: GongBackend;
  speech: SpeechBackend;
  settings: () => AnnouncerSettings;
  /** The spoken sentence for a call. */
  format: (call: AnnouncedCall) => string;
  /** Told about every announcement when it is queued (test hook, logging). */
  record?: (entry: AnnouncementRecord) => void;
  /** Announcements waiting at most; the oldest waiting one is dropped beyond this. */
  maxQueue?: number;
  /** Silence between two announcements. */
  pauseMs?: number;
  /** A backend that never finishes (a known speechSynthesis failure) cannot stall the queue longer. */
  stepTimeoutMs?: number;
}

export const DEFAULT_MAX_QUEUE = 5;
export const DEFAULT_PAUSE_MS = 600;
export const DEFAULT_STEP_TIMEOUT_MS = 12_000;

function settleWithin(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Announces calls one after another — gong, then the spoken sentence — so that two
 * announcements never overlap. Sound devices are injected, so tests can use fakes.
 */
export function useAnnouncer(options: AnnouncerOptions) {
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  const pauseMs = options.pauseMs ?? DEFAULT_PAUSE_MS;
  const stepTimeoutMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;

  const queue: AnnouncementRecord[] = [];
  const waiting = ref(0);
  const current = ref<AnnouncementRecord | null>(null);
  let disposed = false;
  let running = false;

  async function run() {
    if (running) return;
    running = true;
    try {
      while (!disposed && queue.length > 0) {
        const next = queue.shift()!;
        waiting.value = queue.length;
        current.value = next;
        const settings = options.settings();
        if (settings.gong) await settleWithin(options.gong.play(), stepTimeoutMs);
        if (settings.speech && !disposed) await settleWithin(options.speech.speak(next.text, settings.lang), stepTimeoutMs);
        current.value = null;
        if (queue.length > 0 && !disposed) await sleep(pauseMs);
      }
    } finally {
      current.value = null;
      running = false;
    }
  }

  function announce(call: AnnouncedCall) {
    if (disposed) return;
    const entry: AnnouncementRecord = { ...call, text: options.format(call) };
    options.record?.(entry);
    queue.push(entry);
    while (queue.length > maxQueue) queue.shift();
    waiting.value = queue.length;
    void run();
  }

  function dispose() {
    disposed = true;
    queue.length = 0;
    waiting.value = 0;
    options.speech.cancel();
  }

  if (getCurrentScope()) onScopeDispose(dispose);

  return { announce, dispose, waiting: readonly(waiting), current: readonly(current) };
}
