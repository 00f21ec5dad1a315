import { createHash, randomBytes, randomInt } from 'node:crypto';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '@einlass/contracts';

/** 32 random bytes, base64url — for links in e-mails and device tokens. Stored only as hashes. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 8 characters (40 bits), stored without hyphen, shown as XXXX-XXXX (the rules are in contracts). */
export function newBookingCode(): string {
  let s = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) s += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  return s;
}

export { formatBookingCode, normalizeBookingCode } from '@einlass/contracts';
