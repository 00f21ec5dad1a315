import type { InjectionKey } from 'vue';
import type { AnnouncementRecord, GongBackend, SpeechBackend } from './composables/useAnnouncer';
import type { ConnectionFactory } from './connection';

/** How the board connects to the server (socket.io in the app, a fake in tests). */
export const CONNECTION_KEY: InjectionKey<ConnectionFactory> = Symbol('einlass.display.connection');
/** The sound devices (Web Audio gong and speechSynthesis in the app, fakes in tests). */
export const SOUND_KEY: InjectionKey<{ gong: GongBackend; speech: SpeechBackend }> = Symbol('einlass.display.sound');
/** Told about every announcement (the `?test=1` hook). */
export const RECORD_KEY: InjectionKey<(entry: AnnouncementRecord) => void> = Symbol('einlass.display.record');
