import { describe, expect, it } from 'vitest';
import { addDays, localDate, offsetMinutes, toZonedIso, weekdayOf, zonedToUtc } from './time.js';

const TZ = 'Europe/Berlin';

describe('time in the location timezone', () => {
  it('converts wall-clock times to UTC in winter and summer', () => {
    expect(zonedToUtc('2026-12-01', '10:00', TZ).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(zonedToUtc('2026-07-01', '10:00', TZ).toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('handles the spring-forward day (29 March 2026): 08:00 is already summer time', () => {
    expect(zonedToUtc('2026-03-29', '01:30', TZ).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedToUtc('2026-03-29', '08:00', TZ).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    // 02:30 does not exist that day; it maps to the later offset's reading
    expect(toZonedIso(zonedToUtc('2026-03-29', '02:30', TZ), TZ)).toMatch(/^2026-03-29T0[13]:30:00\+0[12]:00$/);
  });

  it('handles the fall-back day (25 October 2026)', () => {
    expect(zonedToUtc('2026-10-25', '08:00', TZ).toISOString()).toBe('2026-10-25T07:00:00.000Z');
    expect(offsetMinutes(new Date('2026-10-25T00:30:00Z'), TZ)).toBe(120);
    expect(offsetMinutes(new Date('2026-10-25T01:30:00Z'), TZ)).toBe(60);
  });

  it('formats ISO with offset and local dates', () => {
    expect(toZonedIso(new Date('2026-12-01T09:00:00Z'), TZ)).toBe('2026-12-01T10:00:00+01:00');
    expect(toZonedIso(new Date('2026-07-01T08:00:00Z'), TZ)).toBe('2026-07-01T10:00:00+02:00');
    expect(localDate(new Date('2026-11-30T23:30:00Z'), TZ)).toBe('2026-12-01');
  });

  it('does calendar arithmetic', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(weekdayOf('2026-12-01')).toBe(2); // Tuesday
    expect(weekdayOf('2026-11-29')).toBe(7); // Sunday
  });
});

describe('toZonedIso with milliseconds', () => {
  it('keeps call instants unique within a second', () => {
    expect(toZonedIso(new Date('2026-12-01T09:00:00.250Z'), TZ, true)).toBe('2026-12-01T10:00:00.250+01:00');
  });
});
