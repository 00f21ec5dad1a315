import { EventsService } from '../events/events.service.js';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../common/api-error.js';
import { ManualClock } from '../common/clock.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../database/database.js';
import { twoOffices } from '../demo/offices.fixture.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService, SESSION_COOKIE } from './auth.service.js';
import { AtLocation, LocationAccess } from './location-access.js';
import { hashPassword } from './password.js';
import { Roles, StaffGuard } from './staff.guard.js';

/** Routes as the guard sees them: only their metadata matters. */
class Routes {
  @Roles('admin') @AtLocation('location') location() {}
  @Roles('clerk', 'admin') @AtLocation('counter') counter() {}
  @Roles('hotline') @AtLocation('body') phoneBooking() {}
  @Roles('admin') users() {}
}

const denied = (status: number) => expect.objectContaining({ constructor: ApiError, status }) as unknown as ApiError;

describe('StaffGuard: who may act where (on SQLite)', () => {
  let db: Database;
  let guard: StaffGuard;
  let access: LocationAccess;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    db = await twoOffices();
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:' });
    const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
    const repo = new AuthRepository(db);
    const auth = new AuthService(repo, new RateLimiter(config, clock), new EventsService(), clock, config);
    const passwordHash = await hashPassword('a long password');
    await repo.createUser(
      { username: 'admin1', displayName: 'A', passwordHash, roles: 'admin', active: true, createdAt: clock.now() },
      [1],
    );
    await repo.createUser(
      { username: 'clerk2', displayName: 'C', passwordHash, roles: 'clerk,hotline', active: true, createdAt: clock.now() },
      [2],
    );
    for (const name of ['admin1', 'clerk2'])
      cookies[name] = `${SESSION_COOKIE}=${(await auth.login(name, 'a long password', '127.0.0.1')).token}`;
    access = new LocationAccess();
    // counters 10 (location 1) and 20 (location 2); others do not exist
    const counters = new Map([
      [10, 1],
      [20, 2],
    ]);
    access.resolveWith('counter', async (id) => {
      const l = counters.get(id);
      if (l === undefined) throw new ApiError(404, 'not_found', 'The counter was not found.');
      return l;
    });
    guard = new StaffGuard(auth, access, new Reflector(), config);
  });
  afterAll(() => db.close());

  const call = (route: keyof Routes, req: { cookie?: string; params?: Record<string, string>; body?: unknown }) => {
    const request = { headers: { cookie: req.cookie }, params: req.params ?? {}, body: req.body } as Record<string, unknown>;
    const context = {
      switchToHttp: () => ({ getRequest: () => request }),
      getHandler: () => Routes.prototype[route],
      getClass: () => Routes,
    } as unknown as ExecutionContext;
    return guard.canActivate(context).then((ok) => ({ ok, staff: request.staff as { username: string } | undefined }));
  };

  it('answers 401 without a session and 403 for a role the route does not allow', async () => {
    await expect(call('users', {})).rejects.toEqual(denied(401));
    await expect(call('users', { cookie: `${SESSION_COOKIE}=forged` })).rejects.toEqual(denied(401));
    await expect(call('users', { cookie: cookies.clerk2 })).rejects.toEqual(denied(403));
    expect((await call('users', { cookie: cookies.admin1 })).staff?.username).toBe('admin1');
  });

  it('lets staff act only at the locations they work at', async () => {
    expect((await call('location', { cookie: cookies.admin1, params: { id: '1' } })).ok).toBe(true);
    await expect(call('location', { cookie: cookies.admin1, params: { id: '2' } })).rejects.toEqual(denied(403));
  });

  it('finds the location of a row through its module: 404 for a missing row before any 403', async () => {
    expect((await call('counter', { cookie: cookies.clerk2, params: { id: '20' } })).ok).toBe(true);
    await expect(call('counter', { cookie: cookies.clerk2, params: { id: '10' } })).rejects.toEqual(denied(403));
    await expect(call('counter', { cookie: cookies.clerk2, params: { id: '99' } })).rejects.toEqual(denied(404));
  });

  it('reads the location from the body, and leaves ids that are no whole numbers to validation', async () => {
    expect((await call('phoneBooking', { cookie: cookies.clerk2, body: { locationId: 2 } })).ok).toBe(true);
    await expect(call('phoneBooking', { cookie: cookies.clerk2, body: { locationId: 1 } })).rejects.toEqual(denied(403));
    expect((await call('phoneBooking', { cookie: cookies.clerk2, body: { locationId: '1' } })).ok).toBe(true);
    expect((await call('counter', { cookie: cookies.clerk2, params: { id: 'abc' } })).ok).toBe(true);
  });

  it('fails loudly when a route names a source no module registered', async () => {
    expect(() => access.locationOf('ticket', 1)).toThrow(/no location resolver registered for ticket/);
  });
});
