import { describe, expect, it } from 'vitest';
import { intlReference, localDate, localTime, offsetMinutes, toZonedIso, zonedParts, zonedToUtc } from './time.js';

const TZ = 'Europe/Berlin';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** What the functions answered when they asked Intl for every instant. */
function expectedIso(instant: Date, tz: string): string {
  const p = intlReference.zonedParts(instant, tz);
  const off = intlReference.offsetMinutes(instant, tz);
  const abs = Math.abs(off);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${off >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function expectSameAsIntl(instant: Date, tz: string): void {
  const what = `${instant.toISOString()} in ${tz}`;
  expect(zonedParts(instant, tz), what).toEqual(intlReference.zonedParts(instant, tz));
  expect(offsetMinutes(instant, tz), what).toBe(intlReference.offsetMinutes(instant, tz));
  expect(toZonedIso(instant, tz), what).toBe(expectedIso(instant, tz));
  const p = intlReference.zonedParts(instant, tz);
  expect(localDate(instant, tz), what).toBe(`${p.year}-${pad(p.month)}-${pad(p.day)}`);
  expect(localTime(instant, tz), what).toBe(`${pad(p.hour)}:${pad(p.minute)}`);
}

/** A small deterministic generator, so a failure can be reproduced. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe('local time by arithmetic (offset cached per UTC hour) equals Intl', () => {
  it.each([
    ['spring forward', '2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z'],
    ['fall back', '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z'],
  ])('every 15 minutes (and every second around the switch) over the %s day in Berlin', (_name, from, to) => {
    for (let t = Date.parse(from); t <= Date.parse(to); t += 15 * 60_000) {
      expectSameAsIntl(new Date(t), TZ);
      expectSameAsIntl(new Date(t + 59_999), TZ);
    }
    // both 2026 switches happen at 01:00 UTC
    const day = from.slice(0, 8) + String(Number(from.slice(8, 10)) + 1).padStart(2, '0');
    const at = Date.parse(`${day}T01:00:00Z`);
    for (let t = at - 3000; t <= at + 3000; t += 250) expectSameAsIntl(new Date(t), TZ);
  });

  it('wall-clock times of both switch days map to the same instants as before', () => {
    expect(zonedToUtc('2026-03-29', '01:45', TZ).toISOString()).toBe('2026-03-29T00:45:00.000Z');
    expect(zonedToUtc('2026-03-29', '03:00', TZ).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(toZonedIso(zonedToUtc('2026-03-29', '02:15', TZ), TZ)).toBe(expectedIso(zonedToUtc('2026-03-29', '02:15', TZ), TZ));
    expect(zonedToUtc('2026-10-25', '02:30', TZ).toISOString()).toBe('2026-10-25T01:30:00.000Z'); // the repeated hour: its second reading
    for (let m = 0; m < 24 * 60; m += 15) {
      const time = `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
      for (const date of ['2026-03-29', '2026-10-25']) {
        const instant = zonedToUtc(date, time, TZ);
        // the instant reads back as that wall-clock time, except the hour skipped in spring
        if (!(date === '2026-03-29' && time.startsWith('02:'))) expect(localTime(instant, TZ), `${date} ${time}`).toBe(time);
      }
    }
  });

  it('random instants 1970–2100 in several zones, including half-hour and southern ones', () => {
    const random = lcg(20261201);
    const zones = [
      TZ,
      'UTC',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Pacific/Chatham',
      'Asia/Kathmandu',
    ];
    const from = Date.UTC(1970, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 4000; i++) {
      const t = Math.floor(from + random() * (to - from));
      expectSameAsIntl(new Date(t), zones[i % zones.length]);
    }
  });

  it('historic offsets with seconds and instants outside the cached years', () => {
    for (const iso of ['1890-06-01T12:00:00.500Z', '1893-03-31T23:06:31Z', '1900-01-01T00:00:00Z', '2300-07-01T10:00:00Z']) {
      expectSameAsIntl(new Date(iso), TZ);
      expectSameAsIntl(new Date(iso), 'Europe/Amsterdam');
    }
    expect(() => localDate(new Date(NaN), TZ)).toThrow(RangeError);
    expect(() => offsetMinutes(new Date(NaN), TZ)).toThrow(RangeError);
  });
});
