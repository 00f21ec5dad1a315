/**
 * The citizen's choices so far, kept in this tab's sessionStorage so that a reload (mobile
 * browsers reload a page after switching apps) or coming back with Back/Forward goes on where
 * the booking was. Only what points at the office's offer is kept — ids, a day, a start time;
 * never a name, e-mail address or phone number (DSGVO). sessionStorage belongs to this tab
 * and is gone when the tab is closed.
 */
import { readStoredJson, writeStored } from '@einlass/web-kit/storage';

export const CHOICES_STORAGE_KEY = 'einlass.booking.choices';

export interface SavedChoices {
  locationId: number | null;
  concernId: number | null;
  /** `YYYY-MM-DD` in the office's timezone. */
  date: string | null;
  /** The chosen start exactly as the API gave it (ISO 8601 with offset). */
  start: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function id(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/**
 * Only the four known fields, each checked; anything else in storage is dropped. A later
 * choice needs the earlier one: no concern without a location, no time without its day.
 */
export function sanitizeChoices(value: unknown): SavedChoices | null {
  if (!value || typeof value !== 'object') return null;
  const raw = value as Record<string, unknown>;
  const locationId = id(raw.locationId);
  if (locationId === null) return null;
  const concernId = id(raw.concernId);
  const date = concernId !== null && typeof raw.date === 'string' && DATE.test(raw.date) ? raw.date : null;
  const start =
    date !== null &&
    typeof raw.start === 'string' &&
    START.test(raw.start) &&
    raw.start.startsWith(date) &&
    !Number.isNaN(Date.parse(raw.start))
      ? raw.start
      : null;
  return { locationId, concernId, date, start };
}

export function readChoices(): SavedChoices | null {
  const stored = readStoredJson(CHOICES_STORAGE_KEY, 'session');
  return stored ? sanitizeChoices(stored) : null;
}

/** Writes the choices (nothing else: the object is rebuilt from the four fields). */
export function writeChoices(choices: SavedChoices): void {
  const clean = sanitizeChoices(choices);
  writeStored(CHOICES_STORAGE_KEY, clean && JSON.stringify(clean), 'session');
}

export function clearChoices(): void {
  writeStored(CHOICES_STORAGE_KEY, null, 'session');
}
