import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 32 random bytes, base64url — for links in e-mails and device tokens. Stored only as hashes. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Crockford base32: no I, L, O, U — nothing to confuse when read out or typed.
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 8 characters (40 bits), stored without hyphen, shown as XXXX-XXXX. */
export function newBookingCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CROCKFORD[randomInt(32)];
  return s;
}

/** Forgives what people type: lower case, O for 0, I/L for 1, spaces and hyphens. Null when it cannot be a code. */
export function normalizeBookingCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-–_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== 8) return null;
  for (const c of s) if (!CROCKFORD.includes(c)) return null;
  return s;
}

export function formatBookingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
