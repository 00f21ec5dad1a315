import { argon2 as argon2Cb, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;
const argon2 = promisify(argon2Cb) as (
  algorithm: 'argon2id',
  parameters: { message: string; nonce: Buffer; parallelism: number; tagLength: number; memory: number; passes: number },
) => Promise<Buffer>;

/** Argon2id as OWASP advises (19 MiB, 2 passes, 1 lane), from node:crypto (Node ≥ 24.7). */
const ARGON2 = { memory: 19_456, passes: 2, parallelism: 1 };
const CURRENT = `$argon2id$v=19$m=${ARGON2.memory},t=${ARGON2.passes},p=${ARGON2.parallelism}$`;

/** PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash (base64 without padding). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await argon2('argon2id', { message: password, nonce: salt, ...ARGON2, tagLength: 32 });
  return `${CURRENT}${salt.toString('base64').replace(/=+$/, '')}$${hash.toString('base64').replace(/=+$/, '')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2id$')) {
    const m = stored.match(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/);
    if (!m) return false;
    const expected = Buffer.from(m[5], 'base64');
    const actual = await argon2('argon2id', {
      message: password,
      nonce: Buffer.from(m[4], 'base64'),
      memory: Number(m[1]),
      passes: Number(m[2]),
      parallelism: Number(m[3]),
      tagLength: expected.length,
    });
    return timingSafeEqual(actual, expected);
  }
  // scrypt$N$r$p$salt$hash (base64): the hashes made before Argon2id, rehashed at the next login
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/** Whether a (verified) hash should be replaced by one of the current kind and cost. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT);
}

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
export const DUMMY_HASH = `${CURRENT}AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
