// Date and time helpers shared by the apps. Times are shown in the office's timezone, whatever
// the browser's; a date without a time (`YYYY-MM-DD`) is a calendar day there and is handled as
// UTC noon, so no timezone ever shifts it.

/** The office's timezone when the location has not told it yet (or names one the browser does not know). */
export const FALLBACK_TIMEZONE = 'Europe/Berlin';

/** `zone` if this browser knows it, otherwise the fallback. */
export function validTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return FALLBACK_TIMEZONE;
  }
}

/** The calendar day `YYYY-MM-DD` as a Date at UTC noon. */
export function parseCalendarDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

export function addDays(date: string, days: number): string {
  const d = parseCalendarDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date (`YYYY-MM-DD`) in the office's timezone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * `2026-12-01T10:05:00+01:00` → `10:05` in the office's timezone; '' for what is no instant.
 * A 24-hour clock unless `localeClock` asks for the locale's own (e.g. `10:05 AM` in `en`).
 */
export function formatTime(iso: string, timeZone: string, locale: string, { localeClock = false } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(localeClock ? {} : { hourCycle: 'h23' }),
  }).format(date);
}

const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };

/** A calendar day `YYYY-MM-DD`, by default long: `Dienstag, 1. Dezember 2026`. What is no date stays as it is. */
export function formatCalendarDay(date: string, locale: string, options: Intl.DateTimeFormatOptions = LONG_DAY): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return date;
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(parseCalendarDay(date.slice(0, 10)));
}
