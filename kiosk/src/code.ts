/**
 * Booking codes are Crockford base32 (`7KQ4-M2XD`): digits and capital letters without
 * I, L, O and U. People type them in many ways; these functions forgive that.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

const COMPLETE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The raw characters of a code: upper case, O→0, I/L→1, without spaces, hyphens or other separators. */
export function codeCharacters(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Normalises what a person typed to the `XXXX-XXXX` form (the hyphen after four characters). */
export function normalizeCode(raw: string): string {
  const chars = codeCharacters(raw);
  return chars.length > 4 ? `${chars.slice(0, 4)}-${chars.slice(4)}` : chars;
}

export function isCompleteCode(code: string): boolean {
  return COMPLETE.test(normalizeCode(code));
}

/** Appends one key of the keypad, ignoring characters outside the alphabet and anything past 8 characters. */
export function appendToCode(current: string, key: string): string {
  const chars = codeCharacters(current + key);
  return normalizeCode(chars.slice(0, CODE_LENGTH));
}

export function backspaceCode(current: string): string {
  return normalizeCode(codeCharacters(current).slice(0, -1));
}

/**
 * A scanner may deliver the bare code or something around it (a URL, a prefix).
 * Takes the code from the end of what was scanned; otherwise the normalised input.
 */
export function extractScannedCode(scanned: string): string {
  const trimmed = scanned.trim();
  if (codeCharacters(trimmed).length === CODE_LENGTH) return normalizeCode(trimmed);
  const match = /([0-9A-Za-z]{4})[-\s]?([0-9A-Za-z]{4})\W*$/.exec(trimmed);
  if (match) return normalizeCode(match[1] + match[2]);
  return normalizeCode(trimmed).slice(0, 9);
}
