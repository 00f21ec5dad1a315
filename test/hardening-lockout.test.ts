import type { DeviceResponse } from '@einlass/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevicesService } from '../backend/src/devices/devices.service.js';
import { mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

for (const database of ['sqlite', 'mysql'] as const) {
  describe.runIf(database === 'sqlite' || mysqlAvailable)(`nobody locks staff or citizens out (${database})`, () => {
    let system: TestSystem;
    let admin: string;
    beforeAll(async () => {
      system = await startSystem({ database });
      admin = await system.login('admin');
    });
    afterAll(() => system?.close());

    // the backend trusts the loopback proxy, so X-Forwarded-For names the client
    const login = (password: string, from: string) =>
      system.api('/auth/login', { method: 'POST', json: { username: 'clerk', password }, headers: { 'x-forwarded-for': from } });

    it('slows down wrong passwords per user and address with a growing delay; the clerk at her own desk still gets in; an admin lifts it', async () => {
      const attacker = '203.0.113.7';
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await login('wrong', attacker)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      // the right password from the attacker's address waits too
      expect((await login('demo', attacker)).status).toBe(429);
      // the clerk at her desk is not affected
      expect((await login('demo', '198.51.100.20')).status).toBe(200);

      // the delay grows: 30 s after the 5th failure, then 60 s after the 6th
      system.clock.advance(31_000);
      expect((await login('wrong', attacker)).status).toBe(401);
      const slower = await login('wrong', attacker);
      expect(slower.status).toBe(429);
      expect(Number(slower.headers.get('retry-after'))).toBeGreaterThan(45);
      system.clock.advance(31_000);
      expect((await login('wrong', attacker)).status).toBe(429);

      // an admin lifts it
      const me = (await (await system.api('/auth/me', { cookie: await system.login('clerk') })).json()) as { id: number };
      expect((await system.api(`/admin/users/${me.id}/unlock`, { method: 'POST', cookie: admin })).status).toBe(204);
      expect((await login('demo', attacker)).status).toBe(200);
    });

    it('slows a kiosk down after unknown codes but always admits a valid code, without resetting the count; an admin lifts it', async () => {
      const kiosk = await system.backend.app.get(DevicesService).register(1, 'kiosk', `Lockout ${database}`);
      const booking = await system.bookConfirmed();
      system.clock.set(new Date(new Date(booking.start).getTime() - 5 * 60_000));
      // logged in after the clock moved: late in the day the appointment is tomorrow, past a session's lifetime
      const admin = await system.login('admin');
      const checkIn = (code: string) => system.api('/kiosk/check-in', { method: 'POST', json: { code }, bearer: kiosk.token });
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await checkIn(`ZZZZ-ZZ${String(i).padStart(2, '0')}`)).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 429]);
      const locked = await checkIn('ZZZZ-ZZXX');
      expect(locked.status).toBe(429);
      expect(await locked.json()).toMatchObject({ error: 'device_locked' });

      // a valid code passes while the kiosk is slowed down …
      const valid = await checkIn(booking.code);
      expect(valid.status).toBe(200);
      expect(await valid.json()).toMatchObject({ outcome: 'admitted' });
      // … and does not reset the count: after the delay the next unknown code locks again, longer
      system.clock.advance(31_000);
      const again = await checkIn('ZZZZ-ZZYY');
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(45);

      const list = (await (await system.api('/locations/1/devices', { cookie: admin })).json()) as DeviceResponse[];
      expect(list.find((d) => d.id === kiosk.id)?.lockedUntil).toBeTruthy();
      const unlocked = await system.api(`/devices/${kiosk.id}/unlock`, { method: 'POST', cookie: admin });
      expect(unlocked.status).toBe(200);
      expect(await unlocked.json()).toMatchObject({ lockedUntil: null });
      expect((await checkIn('ZZZZ-ZZZZ')).status).toBe(404);
    });
  });
}
