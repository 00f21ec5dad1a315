import type { AvailabilityDay } from '@einlass/contracts';
import { describe, expect, it } from 'vitest';
import { buildMonthGrid, formatLongDate, formatTime, weekdayName } from './dates';
import { availability } from './testing/fixtures';

describe('buildMonthGrid', () => {
  const days = new Map<string, AvailabilityDay>(availability().days.map((d) => [d.date, d]));
  const weeks = buildMonthGrid({ year: 2026, month: 12 }, days);
  const cells = weeks.flat();

  it('starts the week on Monday: 1 December 2026 is a Tuesday', () => {
    expect(weeks[0][0]).toBeNull();
    expect(weeks[0][1]?.date).toBe('2026-12-01');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(cells.filter(Boolean)).toHaveLength(31);
  });

  it('marks days with free times, booked-out days and days without openings', () => {
    const byDate = new Map(cells.filter((c) => c !== null).map((c) => [c.date, c]));
    expect(byDate.get('2026-12-01')).toMatchObject({ status: 'free', freeSlots: 12, day: 1 });
    expect(byDate.get('2026-12-02')).toMatchObject({ status: 'full', freeSlots: 0 });
    expect(byDate.get('2026-12-03')).toMatchObject({ status: 'free', freeSlots: 1 });
    expect(byDate.get('2026-12-04')).toMatchObject({ status: 'closed', freeSlots: 0 });
  });

  it('counts only times with a free seat', () => {
    const grid = buildMonthGrid(
      { year: 2026, month: 12 },
      new Map([['2026-12-07', { date: '2026-12-07', slots: [{ start: 'x', free: 0 }] }]]),
    );
    expect(grid.flat().find((c) => c?.date === '2026-12-07')?.status).toBe('full');
  });
});

describe('dates in the office timezone', () => {
  it('formats an instant as the citizen reads it in Garbsen, in the page language', () => {
    expect(formatLongDate('2026-12-01T09:00:00Z', 'Europe/Berlin', 'de')).toBe('Dienstag, 1. Dezember 2026');
    expect(
      `${formatLongDate('2026-06-30T22:30:00Z', 'Europe/Berlin', 'en')} ${formatTime('2026-06-30T22:30:00Z', 'Europe/Berlin', 'en')}`,
    ).toBe('Wednesday, 1 July 2026 00:30');
  });

  it('names weekdays in both languages', () => {
    expect(weekdayName(1, 'de')).toBe('Montag');
    expect(weekdayName(7, 'en')).toBe('Sunday');
  });
});
