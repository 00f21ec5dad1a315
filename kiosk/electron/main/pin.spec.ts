import { describe, expect, it } from 'vitest';
import { hashPin, PinGuard, verifyPinHash } from './pin';

describe('admin PIN', () => {
  it('stores a salted scrypt hash, never the PIN', async () => {
    const hash = await hashPin('4711');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('4711');
    expect(await hashPin('4711')).not.toBe(hash);
  });

  it('verifies the right PIN and rejects a wrong one', async () => {
    const hash = await hashPin('4711');
    expect(await verifyPinHash('4711', hash)).toBe(true);
    expect(await verifyPinHash('4712', hash)).toBe(false);
    expect(await verifyPinHash('4711', 'garbage')).toBe(false);
  });

  it('locks after five wrong PINs, then lets the right one in after the pause', async () => {
    let now = 0;
    const guard = new PinGuard(() => now, 5, 60_000);
    const hash = await hashPin('4711');
    for (let i = 0; i < 4; i++) expect(await guard.check('0000', hash)).toEqual({ ok: false, reason: 'wrong' });
    expect(await guard.check('0000', hash)).toMatchObject({ ok: false, reason: 'locked', retryAfterSeconds: 60 });
    // Even the right PIN is refused during the lock.
    expect(await guard.check('4711', hash)).toMatchObject({ ok: false, reason: 'locked' });
    now = 61_000;
    expect(await guard.check('4711', hash)).toEqual({ ok: true });
  });

  it('reports a missing PIN', async () => {
    expect(await new PinGuard().check('1234', undefined)).toEqual({ ok: false, reason: 'not_set' });
  });
});
