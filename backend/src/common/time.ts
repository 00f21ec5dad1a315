// Instants are stored in UTC; days and times of day belong to a location's timezone.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function intlParts(instant: Date, timeZone: string): ZonedParts {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAYS[out.weekday],
  };
}

/** The zone's offset from UTC at the instant, in ms (whole seconds), asked of Intl. */
function intlOffsetMs(t: number, timeZone: string): number {
  const p = intlParts(new Date(t), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/**
 * Offsets per timezone and UTC hour. Intl.DateTimeFormat#formatToParts costs ~7–10 µs a call;
 * a calendar of 60 days needs thousands of conversions, so each zone's offset is asked of Intl
 * once per hour of UTC (at the hour's first and last millisecond). Where both agree
 * — every hour but the one holding a transition — every instant of that hour gets its local
 * time by arithmetic; an hour holding a transition (`null`) asks Intl for each instant.
 */
const HOUR = 3_600_000;
const offsetCache = new Map<string, Map<number, number | null>>();
// Outside these years (and for invalid dates) Intl answers directly: calendars never go there.
const CACHE_FROM = Date.UTC(1900, 0, 1);
const CACHE_TO = Date.UTC(2200, 0, 1);

function cachedOffsetMs(t: number, timeZone: string): number | null {
  if (!(t >= CACHE_FROM && t < CACHE_TO)) return null;
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(t / HOUR);
  let off = zone.get(bucket);
  if (off === undefined) {
    const atStart = intlOffsetMs(bucket * HOUR, timeZone);
    off = intlOffsetMs((bucket + 1) * HOUR - 1, timeZone) === atStart ? atStart : null;
    if (zone.size >= 200_000) zone.clear();
    zone.set(bucket, off);
  }
  return off;
}

function offsetMs(t: number, timeZone: string): number {
  return cachedOffsetMs(t, timeZone) ?? intlOffsetMs(t, timeZone);
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const t = instant.getTime();
  const off = cachedOffsetMs(t, timeZone);
  if (off === null) return intlParts(instant, timeZone);
  const local = new Date(Math.floor(t / 1000) * 1000 + off);
  const w = local.getUTCDay();
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: w === 0 ? 7 : w,
  };
}

/** Offset of the timezone from UTC at that instant, in minutes (Berlin winter: +60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const t = instant.getTime();
  if (!Number.isFinite(t)) intlParts(instant, timeZone); // throws the RangeError Intl throws
  return Math.round(offsetMs(t, timeZone) / 60000);
}

/** For tests: the answers of Intl itself, without the offset cache. */
export const intlReference = {
  zonedParts: intlParts,
  offsetMinutes: (instant: Date, timeZone: string) => Math.round(intlOffsetMs(instant.getTime(), timeZone) / 60000),
};

/** The instant of a local wall-clock time. For a time skipped by DST the later offset is used. */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60000;
  const second = naive - offsetMinutes(new Date(guess), timeZone) * 60000;
  if (second !== guess) guess = second;
  return new Date(guess);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO 8601 with the location's offset, e.g. 2026-12-01T10:00:00+01:00 (with `ms`: 10:00:00.250+01:00). */
export function toZonedIso(instant: Date, timeZone: string, ms = false): string {
  const t = instant.getTime();
  const cached = cachedOffsetMs(t, timeZone);
  // one offset for both the local reading and the suffix (the same two answers as asking twice)
  const p = cached === null ? intlParts(instant, timeZone) : zonedParts(instant, timeZone);
  const off = cached === null ? offsetMinutes(instant, timeZone) : Math.round(cached / 60000);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  const frac = ms ? `.${pad(instant.getUTCMilliseconds(), 3)}` : '';
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${frac}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** YYYY-MM-DD of the instant in the timezone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** HH:MM of the instant in the timezone. */
export function localTime(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** 1 = Monday … 7 = Sunday for a calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export function timeOfMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Days between two calendar dates (b - a). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number);
  const [by, bm, bd] = b.split('-').map(Number);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86400000);
}
