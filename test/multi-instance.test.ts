import { io, type Socket } from 'socket.io-client';
import type { DisplayCallEvent, DisplaySnapshot } from '@einlass/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithMysql } from './support/databases.js';
import { startSystem, type TestSystem } from './support/system.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two stateless backend instances on one MySQL and one Redis, as behind a load balancer. */
describeWithMysql('two backend instances sharing MySQL and Redis', () => {
  let a: TestSystem;
  let b: TestSystem;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    a = await startSystem({ database: 'mysql', env: { REDIS_URL } });
    b = await startSystem({ database: 'mysql', shareDatabaseOf: a, env: { REDIS_URL } });
    b.clock.set(a.clock.now());
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b?.close();
    await a?.close();
  });

  it('shows a call taken on instance A on a display connected to instance B, in sequence', async () => {
    const display = io(`${b.url}/display`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token: 'demo-display' },
    });
    sockets.push(display);
    const snapshot = await new Promise<DisplaySnapshot>((resolve) => display.once('snapshot', resolve));
    const calls: DisplayCallEvent[] = [];
    display.on('call', (c: DisplayCallEvent) => calls.push(c));
    const firstCall = new Promise<void>((resolve) => display.once('call', () => resolve()));

    const booking = await a.bookConfirmed();
    const at = new Date(new Date(booking.start).getTime() - 5 * 60_000);
    a.clock.set(at);
    b.clock.set(at);
    // checked in through B, called through A
    const checkIn = await b.checkIn(booking.code);
    expect(checkIn.body.outcome).toBe('admitted');
    const clerk = await a.login('clerk');
    const res = await a.api('/counters/3/call-next', { method: 'POST', cookie: clerk });
    expect(res.status).toBe(200);

    await firstCall;
    expect(calls).toEqual([
      expect.objectContaining({ seq: snapshot.seq + 1, ticket: checkIn.body.ticket, counter: 'Schalter 3', recall: false }),
    ]);
  });

  it('shares the login throttle between instances through Redis', async () => {
    const user = `nobody-${Date.now()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const sys = i % 2 === 0 ? a : b;
      statuses.push((await sys.api('/auth/login', { method: 'POST', json: { username: user, password: 'wrong' } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
