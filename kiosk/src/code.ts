import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, bookingCodeCharacters, normalizeBookingCode } from '@einlass/contracts';

/**
 * The kiosk's code entry on top of the booking-code rules in contracts: the keypad and the
 * scanner show what was typed so far as `XXXX-XXXX`.
 */
export const CODE_ALPHABET = BOOKING_CODE_ALPHABET;
export const CODE_LENGTH = BOOKING_CODE_LENGTH;

/** Normalises what a person typed to the `XXXX-XXXX` form (the hyphen after four characters). */
export function normalizeCode(raw: string): string {
  const chars = bookingCodeCharacters(raw);
  return chars.length > 4 ? `${chars.slice(0, 4)}-${chars.slice(4)}` : chars;
}

export function isCompleteCode(code: string): boolean {
  return normalizeBookingCode(bookingCodeCharacters(code)) !== null;
}

/** Appends one key of the keypad, ignoring characters outside the alphabet and anything past 8 characters. */
export function appendToCode(current: string, key: string): string {
  const chars = bookingCodeCharacters(current + key);
  return normalizeCode(chars.slice(0, CODE_LENGTH));
}

export function backspaceCode(current: string): string {
  return normalizeCode(bookingCodeCharacters(current).slice(0, -1));
}

/**
 * A scanner may deliver the bare code or something around it (a URL, a prefix).
 * Takes the code from the end of what was scanned; otherwise the normalised input.
 */
export function extractScannedCode(scanned: string): string {
  const trimmed = scanned.trim();
  if (bookingCodeCharacters(trimmed).length === CODE_LENGTH) return normalizeCode(trimmed);
  const match = /([0-9A-Za-z]{4})[-\s]?([0-9A-Za-z]{4})\W*$/.exec(trimmed);
  if (match) return normalizeCode(match[1] + match[2]);
  return normalizeCode(trimmed).slice(0, 9);
}
