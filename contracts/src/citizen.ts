import type { FairnessSettings } from './admin.js';

/** Languages the citizen-facing mails and pages support. The kiosk has more (see KIOSK_LANGUAGES). */
export const BOOKING_LANGUAGES = ['de', 'en'] as const;
export type BookingLanguage = (typeof BOOKING_LANGUAGES)[number];

export const BOOKING_STATUSES = [
  'reserved',
  'confirmed',
  'checked_in',
  'called',
  'serving',
  'done',
  'expired',
  'cancelled',
  'no_show',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type BookingChannel = 'online' | 'phone';

/** A weekly time range, weekday 1 = Monday … 7 = Sunday, times `HH:MM` local. */
export interface WeeklyHours {
  weekday: number;
  from: string;
  to: string;
}

export interface LocationResponse {
  id: number;
  name: string;
  address: string;
  timezone: string;
  contactEmail: string;
  hotline: { phone: string; hours: WeeklyHours[] };
  /** Admission window around the appointment start, in minutes. */
  admission: { beforeMinutes: number; afterMinutes: number };
  activationTtlMinutes: number;
  bookingHorizonDays: number;
  imprintUrl: string | null;
  privacyUrl: string | null;
  /** The office's accessibility statement (BITV 2.0), linked from every page. */
  accessibilityUrl?: string | null;
  /** Days after the appointment until the citizen's personal data is erased (for the privacy notice). */
  retentionDays?: number;
  /** Hours before the appointment a reminder mail is sent; 0 = none. */
  reminderHours?: number;
  /** Limits of online reservations (fair booking under a rush). */
  fairness?: FairnessSettings;
}

export interface ConcernResponse {
  id: number;
  name: string;
  /** What to bring, fees, where to go — plain text, paragraphs separated by blank lines. */
  notes: string;
  durationMinutes: number;
  onlineBookable: boolean;
  /** For concerns that cannot be booked online: how to reach the office instead. */
  contactHint?: string;
}

export interface AvailabilitySlot {
  /** ISO 8601 with the location's offset, e.g. 2026-12-01T10:00:00+01:00 */
  start: string;
  free: number;
}
export interface AvailabilityDay {
  /** YYYY-MM-DD in the location's timezone */
  date: string;
  slots: AvailabilitySlot[];
}
export interface AvailabilityResponse {
  days: AvailabilityDay[];
}

export interface BookingCreateRequest {
  locationId: number;
  concernId: number;
  start: string;
  name: string;
  email: string;
  phone?: string;
  language?: BookingLanguage;
  consent: true;
  /** An ALTCHA solution (base64 JSON), where the server asked for proof of work (428 challenge_required). */
  altcha?: string;
}
export interface BookingCreatedResponse {
  id: string;
  status: 'reserved';
  /** The activation link must be used before this moment. */
  expiresAt: string;
}

export interface BookingConcernSummary {
  id: number;
  name: string;
  notes: string;
}
export interface BookingLocationSummary {
  id: number;
  name: string;
  address: string;
  timezone: string;
}
export interface BookingPreviewResponse {
  id: string;
  status: BookingStatus;
  start: string;
  end: string;
  concern: BookingConcernSummary;
  location: BookingLocationSummary;
  /** Only while the booking is still reserved. */
  expiresAt: string | null;
  /** Only once confirmed. */
  code: string | null;
}
export interface TokenRequest {
  token: string;
}
export interface BookingActivatedResponse {
  id: string;
  status: 'confirmed' | BookingStatus;
  code: string;
  start: string;
  end: string;
  concern: BookingConcernSummary;
  location: BookingLocationSummary;
}
export interface BookingCancelledResponse {
  id: string;
  status: 'cancelled';
}
