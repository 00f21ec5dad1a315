// The booking site's calendar: months, weeks and days as the citizen picks them. The shared
// time helpers (calendar days as UTC noon, the office's timezone) are in the web kit.
import type { AvailabilityDay, BookingLanguage } from '@einlass/contracts';
import { addDays, formatCalendarDay, formatTime as formatTimeIn, parseCalendarDay } from '@einlass/web-kit/time';

/** The Intl locale used for each page language (24-hour clock in both). */
export const INTL_LOCALE: Record<BookingLanguage, string> = { de: 'de-DE', en: 'en-GB' };

export interface YearMonth {
  year: number;
  /** 1 = January … 12 = December */
  month: number;
}

export function monthOf(date: string): YearMonth {
  const [year, month] = date.split('-').map(Number);
  return { year, month };
}

export function addMonths({ year, month }: YearMonth, delta: number): YearMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function compareMonths(a: YearMonth, b: YearMonth): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

export function lastDayOfMonth({ year, month }: YearMonth): string {
  return new Date(Date.UTC(year, month, 0, 12)).toISOString().slice(0, 10);
}

export function firstDayOfMonth({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return parseCalendarDay(date).getUTCDay() || 7;
}

export type DayStatus = 'free' | 'full' | 'closed';

export interface CalendarCell {
  date: string;
  day: number;
  status: DayStatus;
  /** Number of start times with at least one free seat. */
  freeSlots: number;
}

/**
 * The weeks (Monday first) of a month; `null` pads the first and last week. A day the API
 * returned with slots is `free`, one it returned with no slots is `full` (booked out), and a
 * day it did not return at all is `closed`.
 */
export function buildMonthGrid(month: YearMonth, days: ReadonlyMap<string, AvailabilityDay>): (CalendarCell | null)[][] {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const cells: (CalendarCell | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const day = days.get(date);
    const freeSlots = day ? day.slots.filter((s) => s.free > 0).length : 0;
    cells.push({
      date,
      day: Number(date.slice(8)),
      status: !day ? 'closed' : freeSlots > 0 ? 'free' : 'full',
      freeSlots,
    });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (CalendarCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function formatDay(date: string, language: BookingLanguage, options: Intl.DateTimeFormatOptions): string {
  return formatCalendarDay(date, INTL_LOCALE[language], options);
}

export function formatMonth(month: YearMonth, language: BookingLanguage): string {
  return formatDay(firstDayOfMonth(month), language, { month: 'long', year: 'numeric' });
}

/** Weekday name for ISO weekday 1 … 7 (2024-01-01 was a Monday). */
export function weekdayName(weekday: number, language: BookingLanguage, width: 'long' | 'short' = 'long'): string {
  return formatDay(addDays('2024-01-01', weekday - 1), language, { weekday: width });
}

/** `Dienstag, 1. Dezember 2026` for an instant, in the location's timezone. */
export function formatLongDate(iso: string, timeZone: string, language: BookingLanguage): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** `10:00` for an instant, in the location's timezone. */
export function formatTime(iso: string, timeZone: string, language: BookingLanguage): string {
  return formatTimeIn(iso, timeZone, INTL_LOCALE[language]);
}
