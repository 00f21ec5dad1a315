import { EventsService } from '../events/events.service.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { loadConfig } from '../config/config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../common/clock.js';
import type { Database } from '../database/database.js';
import { twoOffices } from '../demo/offices.fixture.js';
import { AuthRepository } from './auth.repository.js';
import type { StaffPrincipal } from './auth.service.js';
import { UsersService } from './users.service.js';

const fields = (e: unknown) => (e as { getResponse(): { fields?: { field: string }[] } }).getResponse().fields?.map((f) => f.field);

describe('UsersService: the admin area’s rules for staff accounts (on SQLite)', () => {
  let db: Database;
  let users: UsersService;
  let admin: StaffPrincipal;
  const password = 'a long password';
  beforeAll(async () => {
    db = await twoOffices();
    const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
    users = new UsersService(
      new AuthRepository(db),
      new RateLimiter(loadConfig({ DATABASE_URL: 'sqlite::memory:' }), clock),
      new EventsService(),
      clock,
    );
    // bootstrap: an admin of location 1, and a colleague of location 2 only
    const root: StaffPrincipal = { id: 0, username: 'root', displayName: 'Root', roles: ['admin'], locationIds: [1, 2], sessionId: 'x' };
    const created = await users.create(root, { username: 'chef', displayName: 'Chefin', password, roles: ['admin'], locationIds: [1] });
    await users.create(root, { username: 'fremd', displayName: 'Fremd', password, roles: ['clerk'], locationIds: [2] });
    admin = { id: created.id, username: 'chef', displayName: 'Chefin', roles: ['admin'], locationIds: [1], sessionId: 'own' };
  });
  afterAll(() => db.close());

  it('shows only users sharing a location with the admin, without password hashes', async () => {
    const list = await users.list(admin);
    expect(list.map((u) => u.username)).toEqual(['chef']);
    expect(Object.keys(list[0]).sort()).toEqual(['active', 'createdAt', 'displayName', 'id', 'locationIds', 'roles', 'username']);
  });

  it('grants only the admin’s own locations, and refuses a taken username with 409', async () => {
    await expect(
      users.create(admin, { username: 'neu', displayName: 'Neu', password, roles: ['clerk'], locationIds: [2] }),
    ).rejects.toSatisfy((e) => fields(e)?.[0] === 'locationIds');
    await expect(
      users.create(admin, { username: 'fremd', displayName: 'X', password, roles: ['clerk'], locationIds: [1] }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('answers 404 for a user of another office', async () => {
    const fremd = (await new AuthRepository(db).findUserByUsername('fremd'))!;
    await expect(users.update(admin, fremd.id, { displayName: 'Y' })).rejects.toMatchObject({ status: 404 });
  });

  it('keeps an admin from locking themselves out', async () => {
    await expect(users.update(admin, admin.id, { active: false })).rejects.toSatisfy((e) => fields(e)?.[0] === 'active');
    await expect(users.update(admin, admin.id, { roles: ['clerk'] })).rejects.toSatisfy((e) => fields(e)?.[0] === 'roles');
    await expect(users.update(admin, admin.id, { locationIds: [] as number[] })).rejects.toSatisfy((e) => fields(e)?.[0] === 'locationIds');
  });

  it('keeps the locations the admin does not manage when changing a shared user’s locations', async () => {
    const root: StaffPrincipal = { id: 0, username: 'root', displayName: 'Root', roles: ['admin'], locationIds: [1, 2], sessionId: 'x' };
    const both = await users.create(root, { username: 'beide', displayName: 'Beide', password, roles: ['clerk'], locationIds: [1, 2] });
    const changed = await users.update(admin, both.id, { locationIds: [1], displayName: 'Beide B.' });
    expect(changed).toMatchObject({ locationIds: [1, 2], displayName: 'Beide B.' });
  });
});
