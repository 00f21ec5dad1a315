import { readonly, ref } from 'vue';
import type { GongBackend, SpeechBackend } from './composables/useAnnouncer';

type AudioContextClass = typeof AudioContext;

const unlocked = ref(false);
let context: AudioContext | null = null;

function audioContextClass(): AudioContextClass | undefined {
  const w = globalThis as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext;
}

function getContext(): AudioContext | null {
  if (context) return context;
  const Ctor = audioContextClass();
  if (!Ctor) return null;
  try {
    context = new Ctor();
    context.addEventListener('statechange', () => {
      unlocked.value = context?.state === 'running';
    });
    unlocked.value = context.state === 'running';
  } catch {
    context = null;
  }
  return context;
}

/** Whether the browser lets this page make sound (it needs one user gesture first). */
export const soundUnlocked = readonly(unlocked);

/** Probes the audio policy without a gesture: a kiosk browser may allow sound from the start. */
export function probeSound(): void {
  getContext();
}

/** Call from a click or key handler: resumes audio and primes speech synthesis. */
export async function unlockSound(): Promise<boolean> {
  const ctx = getContext();
  try {
    await ctx?.resume();
  } catch {
    // stays locked
  }
  try {
    // an empty utterance inside the gesture lets later announcements speak
    if (globalThis.speechSynthesis && typeof SpeechSynthesisUtterance !== 'undefined') {
      const primer = new SpeechSynthesisUtterance('');
      primer.volume = 0;
      globalThis.speechSynthesis.speak(primer);
    }
  } catch {
    // no speech on this device
  }
  unlocked.value = ctx?.state === 'running';
  return unlocked.value;
}

/** Partials of a struck bell, relative to the fundamental, with their loudness. */
const PARTIALS: readonly [number, number][] = [
  [1, 0.6],
  [2, 0.25],
  [3, 0.12],
  [4.2, 0.06],
];
/** A two-tone "ding-dong" (E5 then C5), each note ringing out. */
const NOTES: readonly { frequency: number; at: number }[] = [
  { frequency: 659.25, at: 0 },
  { frequency: 523.25, at: 0.65 },
];
const RING_SECONDS = 1.8;

/** The gong, synthesised with the Web Audio API: no audio file to ship. */
export const webAudioGong: GongBackend = {
  play() {
    const ctx = getContext();
    if (!ctx || ctx.state !== 'running') return Promise.resolve();
    const start = ctx.currentTime + 0.05;
    const master = ctx.createGain();
    master.gain.value = 0.8;
    master.connect(ctx.destination);
    for (const note of NOTES) {
      for (const [ratio, level] of PARTIALS) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        const t0 = start + note.at;
        osc.type = 'sine';
        osc.frequency.value = note.frequency * ratio;
        gain.gain.setValueAtTime(0.0001, t0);
        gain.gain.exponentialRampToValueAtTime(level, t0 + 0.015);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + RING_SECONDS / ratio ** 0.5);
        osc.connect(gain).connect(master);
        osc.start(t0);
        osc.stop(t0 + RING_SECONDS + 0.1);
      }
    }
    const totalMs = (NOTES[NOTES.length - 1]!.at + RING_SECONDS) * 1000;
    return new Promise((resolve) =>
      setTimeout(() => {
        master.disconnect();
        resolve();
      }, totalMs),
    );
  },
};

// Chrome forgets an utterance that nothing references and never fires its end event.
let speaking: SpeechSynthesisUtterance | null = null;

function pickVoice(lang: string): SpeechSynthesisVoice | undefined {
  const voices = globalThis.speechSynthesis?.getVoices() ?? [];
  const base = lang.split('-')[0]!.toLowerCase();
  return (
    voices.find((v) => v.lang.toLowerCase() === lang.toLowerCase() && v.localService) ??
    voices.find((v) => v.lang.toLowerCase() === lang.toLowerCase()) ??
    voices.find((v) => v.lang.toLowerCase().startsWith(base))
  );
}

/** Speech through the browser's speechSynthesis, when the device has it. */
export const browserSpeech: SpeechBackend = {
  speak(text, lang) {
    const synth = globalThis.speechSynthesis;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return Promise.resolve();
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.rate = 0.9;
      const voice = pickVoice(lang);
      if (voice) utterance.voice = voice;
      const done = () => {
        if (speaking === utterance) speaking = null;
        resolve();
      };
      utterance.onend = done;
      utterance.onerror = done;
      speaking = utterance;
      // announcements are serialised, so anything still queued in the synthesiser is stale
      // (Chrome sometimes keeps a finished utterance "speaking" after a long idle time)
      if (synth.speaking || synth.pending) synth.cancel();
      synth.resume();
      synth.speak(utterance);
    });
  },
  cancel() {
    speaking = null;
    globalThis.speechSynthesis?.cancel();
  },
};
