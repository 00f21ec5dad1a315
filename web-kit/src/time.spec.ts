import { describe, expect, it } from 'vitest';
import { addDays, FALLBACK_TIMEZONE, formatCalendarDay, formatTime, todayIn, validTimeZone } from './time';

describe('times in the office timezone', () => {
  it('formats an instant as read in Garbsen, whatever the browser timezone', () => {
    expect(formatTime('2026-12-01T09:00:00Z', 'Europe/Berlin', 'de-DE')).toBe('10:00');
    // Summer time: UTC+2
    expect(formatTime('2026-06-30T08:30:00Z', 'Europe/Berlin', 'en-GB')).toBe('10:30');
    expect(formatTime('2026-12-01T09:05:00Z', 'Europe/Berlin', 'ar-u-nu-latn')).toContain('10:05');
  });

  it('uses a 24-hour clock unless told to use the locale one', () => {
    expect(formatTime('2026-12-01T13:05:00Z', 'Europe/Berlin', 'en')).toBe('14:05');
    expect(formatTime('2026-12-01T13:05:00Z', 'Europe/Berlin', 'en', { localeClock: true })).toMatch(/02:05\sPM/);
  });

  it('shows nothing for what is no instant', () => {
    expect(formatTime('soon', 'Europe/Berlin', 'de-DE')).toBe('');
  });

  it('knows the calendar day in a timezone', () => {
    expect(todayIn('Europe/Berlin', new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
  });

  it('falls back to Berlin for a timezone the browser does not know', () => {
    expect(validTimeZone('Europe/Lisbon')).toBe('Europe/Lisbon');
    expect(validTimeZone('Not/AZone')).toBe(FALLBACK_TIMEZONE);
  });
});

describe('formatCalendarDay', () => {
  it('formats a calendar day in the chosen language without a timezone shift', () => {
    expect(formatCalendarDay('2026-12-01', 'de-DE')).toBe('Dienstag, 1. Dezember 2026');
    expect(formatCalendarDay('2026-12-01', 'en-GB')).toContain('1 December 2026');
    expect(formatCalendarDay('2026-12-01', 'de-DE', { month: 'long', year: 'numeric' })).toBe('Dezember 2026');
  });
  it('leaves what is no date as it is', () => {
    expect(formatCalendarDay('tomorrow', 'de-DE')).toBe('tomorrow');
  });
});
