import type { StaffRole } from './staff.js';
import type { WeeklyHours } from './citizen.js';

// The office admin area (role admin): concerns, counters, opening hours, closures, users, settings.

export interface ConcernTranslation {
  name: string;
  notes: string;
  /** For concerns that cannot be booked online: how to reach the office instead. */
  contactHint?: string;
}

/** GET /locations/:id/admin/concerns — every concern, inactive ones too, in both languages. */
export interface AdminConcernResponse {
  id: number;
  locationId: number;
  translations: { de: ConcernTranslation; en: ConcernTranslation };
  durationMinutes: number;
  onlineBookable: boolean;
  active: boolean;
  sortOrder: number;
}
/** POST /locations/:id/concerns. German texts are required, English may be empty (falls back to German). */
export interface AdminConcernCreateRequest {
  translations: { de: ConcernTranslation; en?: ConcernTranslation };
  /** A multiple of the location's slot length. */
  durationMinutes: number;
  onlineBookable: boolean;
  active?: boolean;
  sortOrder?: number;
}
/** PATCH /concerns/:id — only the given fields change; a given language replaces that language's texts. */
export interface AdminConcernUpdateRequest extends Partial<Omit<AdminConcernCreateRequest, 'translations'>> {
  translations?: { de?: ConcernTranslation; en?: ConcernTranslation };
}

/** Counters for the admin area, inactive ones too. */
export interface AdminCounterResponse {
  id: number;
  locationId: number;
  name: string;
  concernIds: number[];
  active: boolean;
  sortOrder: number;
}
/** POST /locations/:id/counters */
export interface AdminCounterCreateRequest {
  name: string;
  concernIds: number[];
}
/** PATCH /counters/:id */
export interface AdminCounterUpdateRequest {
  name?: string;
  concernIds?: number[];
  active?: boolean;
  /** Position in the clerks' counter list (ascending). */
  sortOrder?: number;
}

/** One weekly opening rule; `capacity` = staffed counters (1..50). Times HH:MM, from < to. */
export interface OpeningHoursRule {
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  from: string;
  to: string;
  capacity: number;
}
/** PUT /locations/:id/opening-hours — replaces the whole weekly set. */
export interface OpeningHoursRequest {
  rules: OpeningHoursRule[];
}

export type ScheduleExceptionKind = 'closed' | 'hours';
/** GET /locations/:id/exceptions?from&to */
export interface ScheduleExceptionResponse {
  id: number;
  locationId: number;
  date: string;
  kind: ScheduleExceptionKind;
  from: string | null;
  to: string | null;
  capacity: number | null;
  note: string | null;
}
/** POST /locations/:id/exceptions — `hours` needs from, to and capacity; they replace the weekly hours that day. */
export interface ScheduleExceptionCreateRequest {
  date: string;
  kind: ScheduleExceptionKind;
  from?: string;
  to?: string;
  capacity?: number;
  note?: string;
}

/**
 * The answer to every change of hours or exceptions: the already planned future days were
 * planned again. Bookings outside the new hours stay valid — the office should contact them.
 */
export interface ReplanResult {
  replannedDays: number;
  bookingsOutsideHours: number;
  /** The days (YYYY-MM-DD) that hold such bookings. */
  daysWithBookingsOutsideHours: string[];
}
export interface OpeningHoursResponse extends ReplanResult {
  rules: OpeningHoursRule[];
}
export interface ScheduleExceptionCreatedResponse extends ReplanResult {
  exception: ScheduleExceptionResponse;
}

/** GET /admin/users — never carries password hashes. */
export interface AdminUserResponse {
  id: number;
  username: string;
  displayName: string;
  roles: StaffRole[];
  locationIds: number[];
  active: boolean;
  createdAt: string;
}
/** POST /admin/users — the password has at least 12 characters. */
export interface AdminUserCreateRequest {
  username: string;
  displayName: string;
  password: string;
  roles: StaffRole[];
  locationIds: number[];
}
/** PATCH /admin/users/:id — deactivating or a new password ends the user's sessions. */
export interface AdminUserUpdateRequest {
  displayName?: string;
  roles?: StaffRole[];
  locationIds?: number[];
  active?: boolean;
  password?: string;
}

/** PATCH /locations/:id — the location's settings; answers the LocationResponse. */
export interface LocationUpdateRequest {
  name?: string;
  address?: string;
  contactEmail?: string;
  hotline?: { phone?: string; hours?: WeeklyHours[] };
  admission?: { beforeMinutes?: number; afterMinutes?: number };
  activationTtlMinutes?: number;
  retentionDays?: number;
  /** Hours before the appointment the reminder mail goes out; 0 = no reminders. */
  reminderHours?: number;
  bookingHorizonDays?: number;
  imprintUrl?: string | null;
  privacyUrl?: string | null;
  accessibilityUrl?: string | null;
  fairness?: Partial<FairnessSettings>;
}

/** Limits of online reservations at a location (the hotline is not limited). */
export interface FairnessSettings {
  /** Reservations one client address may make per minute … */
  reservationsPerMinute: number;
  /** … and per hour. */
  reservationsPerHour: number;
  /** Unconfirmed reservations one client address may hold at once. */
  openReservationsPerClient: number;
  /** Activation mails per recipient domain (e.g. example.org) per hour. */
  mailsPerDomainPerHour: number;
  /** Reservations a client makes in an hour before it is asked for proof of work. */
  challengeAfter: number;
  /** Reservations per minute at the location from which every client is asked for proof of work. */
  rushPerMinute: number;
}
