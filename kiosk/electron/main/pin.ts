import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The admin PIN is stored only as a scrypt hash: `scrypt$N$r$p$salt$hash` (base64). */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(secret, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPinHash(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Slows down guessing at the kiosk: after `maxAttempts` wrong PINs, no check for `lockMs`. */
export class PinGuard {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxAttempts = 5,
    private readonly lockMs = 60_000,
  ) {}

  async check(
    pin: string,
    stored: string | undefined,
  ): Promise<{ ok: true } | { ok: false; reason: 'wrong' | 'locked' | 'not_set'; retryAfterSeconds?: number }> {
    if (!stored) return { ok: false, reason: 'not_set' };
    const now = this.now();
    if (now < this.lockedUntil) return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((this.lockedUntil - now) / 1000) };
    if (typeof pin === 'string' && (await verifyPinHash(pin, stored))) {
      this.failures = 0;
      return { ok: true };
    }
    this.failures += 1;
    if (this.failures >= this.maxAttempts) {
      this.failures = 0;
      this.lockedUntil = now + this.lockMs;
      return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil(this.lockMs / 1000) };
    }
    return { ok: false, reason: 'wrong' };
  }
}
