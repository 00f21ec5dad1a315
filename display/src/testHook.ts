import type { AnnouncementRecord } from './composables/useAnnouncer';

declare global {
  interface Window {
    /** With `?test=1`: every announcement, oldest first, for browser tests. */
    __einlassAnnouncements?: AnnouncementRecord[];
  }
}

const LIMIT = 1000;

/** With `?test=1` the announcer also pushes into `window.__einlassAnnouncements`. */
export function announcementRecorder(enabled: boolean): ((entry: AnnouncementRecord) => void) | undefined {
  if (!enabled || typeof window === 'undefined') return undefined;
  const list: AnnouncementRecord[] = (window.__einlassAnnouncements ??= []);
  return (entry) => {
    list.push({ ...entry });
    if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
  };
}
