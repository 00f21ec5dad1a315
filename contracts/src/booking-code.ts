/**
 * Booking codes, one set of rules for the backend and the apps. A code is 8 characters of
 * Crockford base32 (digits and capital letters without I, L, O and U — nothing to confuse when
 * read out or typed), stored without hyphen and shown as `XXXX-XXXX`. People type codes in many
 * ways: lower case, O for 0, I or L for 1, spaces and hyphens are forgiven.
 */
export const BOOKING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BOOKING_CODE_LENGTH = 8;

/** Upper case, O→0, I/L→1: how a typed character is read. */
function readConfusables(text: string): string {
  return text.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The raw characters of what a person typed: read as a code, without spaces, hyphens or other separators. */
export function bookingCodeCharacters(raw: string): string {
  return readConfusables(raw.toUpperCase().replace(/[^0-9A-Z]/g, ''));
}

/** The stored form (8 characters, no hyphen) of a typed code; null when it cannot be a code. */
export function normalizeBookingCode(input: string): string | null {
  const s = readConfusables(input.replace(/[\s\-–_.]/g, ''));
  if (s.length !== BOOKING_CODE_LENGTH) return null;
  for (const c of s) if (!BOOKING_CODE_ALPHABET.includes(c)) return null;
  return s;
}

/** `7KQ4M2XD` (or `7kq4-m2xd`) → `7KQ4-M2XD`; anything that is not 8 characters stays as it is. */
export function formatBookingCode(code: string): string {
  const plain = code.replace(/[\s-]/g, '').toUpperCase();
  return plain.length === BOOKING_CODE_LENGTH ? `${plain.slice(0, 4)}-${plain.slice(4)}` : code;
}
