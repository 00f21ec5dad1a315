import type { BookingStatus } from './citizen.js';

export const STAFF_ROLES = ['admin', 'clerk', 'hotline'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface LoginRequest {
  username: string;
  password: string;
}
export interface StaffUserResponse {
  id: number;
  username: string;
  displayName: string;
  roles: StaffRole[];
  locationIds: number[];
}

export interface HotlineBookingRequest {
  locationId: number;
  concernId: number;
  start: string;
  name: string;
  email?: string;
  phone?: string;
  language?: 'de' | 'en';
}
export interface HotlineBookingResponse {
  id: string;
  status: 'confirmed';
  code: string;
  start: string;
}

export interface CounterResponse {
  id: number;
  locationId: number;
  name: string;
  concernIds: number[];
}

export type TicketStatus = Extract<BookingStatus, 'checked_in' | 'called' | 'serving' | 'done' | 'no_show'>;

/** A checked-in appointment in the queue. Never carries the citizen's name to devices. */
export interface TicketResponse {
  /** Names the ticket in /tickets/:id */
  id: number;
  /** Short number shown on the display, e.g. A017 */
  ticket: string;
  status: TicketStatus;
  bookingId: string;
  /** name in German; names per language the office keeps (de, en) */
  concern: { id: number; name: string; names?: Record<string, string> };
  start: string;
  checkedInAt: string;
  calledAt: string | null;
  recallCount: number;
  counter: { id: number; name: string } | null;
  /** A transferred ticket (back to checked_in) waits for this counter only; null or absent otherwise. */
  targetCounter?: { id: number; name: string } | null;
}
export interface TransferRequest {
  counterId: number;
}

/** GET /locations/:id/stats?date=YYYY-MM-DD — one day's figures for the admin area. */
export interface LocationStatsResponse {
  date: string;
  booked: number;
  checkedIn: number;
  served: number;
  noShows: number;
  cancelled: number;
  /** Check-in to call, in minutes; null when nobody was called that day. */
  avgWaitMinutes: number | null;
  /** Start to finish, in minutes; null when nobody was served that day. */
  avgServiceMinutes: number | null;
}
