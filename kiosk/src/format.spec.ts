import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from './format';

describe('formatTime', () => {
  it('shows the time in the location timezone, not the machine one', () => {
    expect(formatTime('2026-12-01T09:05:00Z', 'Europe/Berlin', 'de')).toBe('10:05');
    expect(formatTime('2026-07-01T08:05:00Z', 'Europe/Berlin', 'en')).toBe('10:05');
  });
  it('uses Latin digits in Arabic', () => {
    expect(formatTime('2026-12-01T09:05:00Z', 'Europe/Berlin', 'ar')).toContain('10:05');
  });
});

describe('formatDate', () => {
  it('formats the calendar date in the chosen language', () => {
    expect(formatDate('2026-12-01', 'de')).toBe('Dienstag, 1. Dezember 2026');
    expect(formatDate('2026-12-01', 'en')).toContain('1 December 2026');
  });
});
