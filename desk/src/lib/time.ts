/** The desk's own date and time helpers; the shared ones (todayIn, addDays, …) are in the web kit. */
import { formatTime as formatTimeIn } from '@einlass/web-kit/time';

/** The desk's clock follows the UI language (`10:05 AM` in English), unlike the citizens' apps. */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return formatTimeIn(iso, timeZone, locale, { localeClock: true });
}

export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Whole minutes from `from` to `to`, never negative (clocks of browser and server may differ a little). */
export function minutesBetween(from: string | Date, to: string | Date): number {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Math.max(0, Math.floor(ms / 60_000));
}

/** ISO weekday (1 = Monday … 7 = Sunday) and HH:MM of `now` in the given timezone. */
export function weekdayAndTime(timeZone: string, now: Date = new Date()): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, time: `${get('hour')}:${get('minute')}` };
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What is wrong with a time range typed into an admin form (opening hours, closures, hotline):
 * each side must be HH:MM, and `from` must lie before `to`. Reports per side, as the forms mark it.
 */
export function timeRangeProblems(from: string, to: string): { part: 'from' | 'to'; problem: 'time' | 'order' }[] {
  const out: { part: 'from' | 'to'; problem: 'time' | 'order' }[] = [];
  if (!HH_MM.test(from)) out.push({ part: 'from', problem: 'time' });
  if (!HH_MM.test(to)) out.push({ part: 'to', problem: 'time' });
  else if (HH_MM.test(from) && from >= to) out.push({ part: 'to', problem: 'order' });
  return out;
}
