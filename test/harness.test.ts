import { describe, expect, it } from 'vitest';
import { systemForSuite } from './support/system.js';

describe('test harness', () => {
  const system = systemForSuite();

  it('boots the demo office, books, checks in and calls', async () => {
    expect(system.demo.concerns.length).toBeGreaterThanOrEqual(7);
    const booking = await system.bookConfirmed();
    system.clock.set(new Date(new Date(booking.start).getTime() - 5 * 60_000));
    const checkIn = await system.checkIn(booking.code);
    expect(checkIn.body.outcome).toBe('admitted');
    const called = await system.callNext(1);
    expect(called?.ticket).toBe(checkIn.body.ticket);
  });

  it('reports health for load balancers', async () => {
    const res = await system.api('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      database: 'ok',
      redis: 'not_configured',
      mail: { waiting: expect.any(Number), failed: 0 },
    });
  });

  it('restarts on the same port and database', async () => {
    await system.restart();
    const res = await system.api('/locations');
    expect(res.status).toBe(200);
  });
});
