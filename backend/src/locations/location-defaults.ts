import type { LocationEntity } from './location.entity.js';

/** The settings a new location starts with (DESIGN.md defaults); an admin changes them in the desk. */
export const LOCATION_DEFAULTS = {
  admissionBeforeMin: 15,
  admissionAfterMin: 10,
  activationTtlMin: 30,
  retentionDays: 14,
  reminderHours: 24,
  bookingHorizonDays: 56,
  slotMinutes: 15,
  maxOpenBookingsPerEmail: 2,
  ticketPrefix: 'A',
  imprintUrl: null,
  privacyUrl: null,
  accessibilityUrl: null,
  displaySeq: 0,
  active: true,
} satisfies Partial<LocationEntity>;
