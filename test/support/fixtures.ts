import { expect } from 'vitest';
import { addDays } from '../../backend/src/common/time.js';
import type { TestSystem } from './system.js';

const MIN = 60_000;

export type StaffRole = 'admin' | 'clerk' | 'hotline';

/**
 * Session cookies of the demo staff, logged in now. A session lasts 12 hours of the test clock:
 * log in after the clock has moved to the day a test acts on, not before.
 */
export async function staffCookies<R extends StaffRole>(system: TestSystem, ...roles: R[]): Promise<Record<R, string>> {
  const cookies = {} as Record<R, string>;
  for (const role of roles) cookies[role] = await system.login(role);
  return cookies;
}

export interface ConfirmedBooking {
  id: string;
  code: string;
  start: string;
}

export interface CheckedInTicket {
  booking: ConfirmedBooking;
  /** The ticket label, e.g. A001. */
  ticket: string;
}

/** Moves the test clock to `minutes` before the booking's start (negative: after it); it keeps running from there. */
export function moveClockBefore(system: TestSystem, booking: { start: string }, minutes: number): void {
  system.clock.set(new Date(Date.parse(booking.start) - minutes * MIN));
}

/** Checks a confirmed booking in at the demo kiosk 5 minutes before its start (the clock moves there). */
export async function checkInBooking(system: TestSystem, booking: ConfirmedBooking, minutesBefore = 5): Promise<CheckedInTicket> {
  moveClockBefore(system, booking, minutesBefore);
  return checkInNow(system, booking);
}

/** Checks a confirmed booking in at the demo kiosk at the clock's present moment; it must be admitted. */
export async function checkInNow(system: TestSystem, booking: ConfirmedBooking): Promise<CheckedInTicket> {
  const res = await system.checkIn(booking.code);
  expect(res.body, `check-in of ${booking.code} (${booking.start}) at ${system.clock.now().toISOString()}`).toMatchObject({
    outcome: 'admitted',
  });
  return { booking, ticket: res.body.ticket as string };
}

/** A citizen with a confirmed booking (first free slot of the concern, or `start`) checked in 5 minutes before it. */
export async function checkedInTicket(system: TestSystem, opts: { concernId?: number; start?: string } = {}): Promise<CheckedInTicket> {
  return checkInBooking(system, await system.bookConfirmed(opts));
}

/**
 * Hands out whole days to the tests of one system, one after the other, so that each test has a
 * queue of its own: tickets are called per day, and a test never sees another test's tickets.
 */
export function ownDays(system: TestSystem) {
  let last: string | undefined;
  return {
    /** The first day after the last one handed out with `seats` free seats for the concern, and its free seats in time order. */
    async next(concernId: number, seats: number): Promise<{ date: string; slots: { start: string; free: number }[]; seats: string[] }> {
      const day = await system.dayWithSeats(concernId, seats, last ? addDays(last, 1) : undefined);
      last = day.date;
      return { ...day, seats: day.slots.flatMap((s) => Array.from({ length: s.free }, () => s.start)).slice(0, seats) };
    },
    /**
     * Two free starts at most 15 minutes apart on the next such day: both can be checked in at one
     * moment (the check-in window is 15 minutes before to 10 after). The first two free starts of a
     * day may lie either side of the lunch break.
     */
    async nextPair(concernId: number): Promise<{ date: string; earlier: string; later: string }> {
      for (let tries = 0; tries < 10; tries++) {
        const day = await this.next(concernId, 2);
        const i = day.slots.findIndex((s, k) => k > 0 && Date.parse(s.start) - Date.parse(day.slots[k - 1].start) <= 15 * MIN);
        if (i > 0) return { date: day.date, earlier: day.slots[i - 1].start, later: day.slots[i].start };
      }
      throw new Error(`no day with two free starts of concern ${concernId} at most 15 minutes apart`);
    },
  };
}

/** The JSON body of a response, after checking its status (so that a 401 or 429 fails with its own message, not as a wrong shape). */
export async function jsonOf<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, `${r.url} answered ${r.status}: ${text.slice(0, 300)}`).toBe(status);
  return JSON.parse(text) as T;
}
