import type { LocationEntity } from './location.entity.js';

/**
 * Fair booking, sized for a town: a family books from one address, and a mobile carrier puts
 * many citizens behind one shared address — so the hard limits are loose and the early step
 * is proof of work, which a browser solves unnoticed. Changed per location in the desk.
 */
export const FAIRNESS_DEFAULTS = {
  limitPerMinute: 6,
  limitPerHour: 30,
  limitOpenPerClient: 10,
  limitMailsPerDomainHour: 1000,
  challengeAfter: 3,
  rushPerMinute: 30,
} satisfies Partial<LocationEntity>;

/** The settings a new location starts with (DESIGN.md defaults); an admin changes them in the desk. */
export const LOCATION_DEFAULTS = {
  admissionBeforeMin: 15,
  admissionAfterMin: 10,
  activationTtlMin: 15,
  retentionDays: 14,
  reminderHours: 24,
  bookingHorizonDays: 56,
  slotMinutes: 15,
  maxOpenBookingsPerEmail: 2,
  ticketPrefix: 'A',
  ...FAIRNESS_DEFAULTS,
  imprintUrl: null,
  privacyUrl: null,
  accessibilityUrl: null,
  displaySeq: 0,
  active: true,
} satisfies Partial<LocationEntity>;
