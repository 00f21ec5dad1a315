import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { Database } from '../backend/src/database/database.js';
import { mysqlAvailable } from './support/mysql.js';
import { linkIn } from './support/smtp.js';
import { flushMail, startSystem, type TestSystem } from './support/system.js';

// The calendar is served from a short shared cache (AVAILABILITY_CACHE_MS, 1 s by default).
// A change made through the backend shows at once (the location's seats changed → the cache's
// version rises); a change it does not know of shows at the latest after the cache's age. The
// clocks are frozen and moved by hand: no test waits for real time.

const databases = [
  { name: 'sqlite', run: true },
  { name: 'mysql', run: mysqlAvailable },
] as const;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CACHE_MS = 1000;

function availabilityPath(system: TestSystem, concernId: number, date: string): string {
  return `/locations/${system.demo.locationId}/availability?concernId=${concernId}&from=${date}&to=${date}`;
}

async function freeOf(system: TestSystem, concernId: number, start: string): Promise<number> {
  const res = await system.api(availabilityPath(system, concernId, start.slice(0, 10)));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { days: { slots: { start: string; free: number }[] }[] };
  return body.days.flatMap((d) => d.slots).find((s) => s.start === start)?.free ?? 0;
}

/**
 * A conditional GET as a browser revalidating its copy sends it (fetch adds `Cache-Control:
 * no-cache` to any request with If-None-Match, which forbids a 304).
 */
function revalidate(system: TestSystem, path: string, etag: string): Promise<{ status: number; etag: string | undefined }> {
  return new Promise((resolve, reject) => {
    get(`${system.url}/api/v1${path}`, { headers: { 'if-none-match': etag } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag }));
    }).on('error', reject);
  });
}

/** A seat taken behind the backend's back (as by an instance that shares no cache with it). */
async function takeSeatDirectly(system: TestSystem, start: string): Promise<void> {
  await system.backend.app
    .get(Database)
    .manager.query('UPDATE slot SET booked = booked + 1 WHERE location_id = ? AND start_at = ?', [
      system.demo.locationId,
      Date.parse(start),
    ]);
}

describe.each(databases)('availability cache on $name', ({ name, run }) => {
  let system: TestSystem;
  let concernId: number;
  beforeAll(async () => {
    if (!run) return;
    system = await startSystem({ database: name, env: { AVAILABILITY_CACHE_MS: String(CACHE_MS) } });
    system.clock.freeze();
    concernId = system.demo.concernIds.register;
  });
  afterAll(() => system?.close());

  it.runIf(run)('answers with Cache-Control: no-cache and an ETag; an unchanged calendar revalidates to 304', async () => {
    const start = await system.firstFreeStart(concernId);
    const path = availabilityPath(system, concernId, start.slice(0, 10));
    const first = await system.api(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const body = (await first.json()) as { days: { date: string; slots: { start: string; free: number }[] }[] };
    expect(body.days[0].slots.some((s) => s.start === start)).toBe(true);

    expect((await revalidate(system, path, etag!)).status).toBe(304);
    // the age bound is the server's: past it, the same calendar is computed again and keeps its ETag
    system.clock.advance(CACHE_MS);
    const recomputed = await system.api(path);
    expect(recomputed.headers.get('etag')).toBe(etag);

    await system.bookConfirmed({ concernId, start });
    const changed = await revalidate(system, path, etag!);
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(etag);
  });

  it.runIf(run)('keeps idle keep-alive connections longer than a balancer does', () => {
    const server = system.backend.app.getHttpServer() as import('node:http').Server;
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBe(66_000);
  });

  it.runIf(run)('a change the backend did not make shows once the cache is older than its age, not before', async () => {
    const start = await system.firstFreeStart(concernId);
    const before = await freeOf(system, concernId, start);
    await takeSeatDirectly(system, start);
    expect(await freeOf(system, concernId, start)).toBe(before); // served from the cache
    system.clock.advance(CACHE_MS - 1);
    expect(await freeOf(system, concernId, start)).toBe(before);
    system.clock.advance(1);
    expect(await freeOf(system, concernId, start)).toBe(before - 1);
  });

  it.runIf(run)('a seat taken online, by phone, or freed by a cancellation or an expiry shows at once', async () => {
    // two days ahead, so the slot is still ahead when the clock passes the activation TTL
    const start = await system.firstFreeStart(
      concernId,
      new Date(system.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
    );
    const free = await freeOf(system, concernId, start);

    const reserved = await system.api('/bookings', {
      method: 'POST',
      json: { locationId: 1, concernId, start, name: 'Cache Reserve', email: `cache-reserve-${name}@example.org`, consent: true },
    });
    expect(reserved.status).toBe(201);
    expect(await freeOf(system, concernId, start)).toBe(free - 1);

    const email = `cache-phone-${name}@example.org`;
    await system.bookConfirmed({ concernId, start, email });
    expect(await freeOf(system, concernId, start)).toBe(free - 2);

    await flushMail(system);
    const confirmation = await system.smtp.waitFor((m) => JSON.stringify(m.to).includes(email));
    const token = new URL(linkIn(confirmation, `${system.url}/cancel?token=`)).searchParams.get('token');
    const cancelled = await system.api('/bookings/cancel', { method: 'POST', json: { token } });
    expect(cancelled.status).toBe(200);
    expect(await freeOf(system, concernId, start)).toBe(free - 1);

    // the online reservation lapses: a lapsed hold is freed before the calendar is answered
    // (issue 10: a seat shows as taken only while it is held), without waiting for the expiry job
    system.clock.advance(31 * 60_000);
    expect(await freeOf(system, concernId, start)).toBe(free);
    expect(await system.backend.app.get(BookingsService).expireDue()).toBe(0);
    expect(await freeOf(system, concernId, start)).toBe(free);
  });

  it.runIf(run)('the last seat taken never shows as free, and a refused reservation is decided by the database', async () => {
    const day = await system.dayWithSeats(concernId, 1);
    const start = day.slots[0].start;
    const free = await freeOf(system, concernId, start);
    for (let i = 0; i < free; i++) await system.bookConfirmed({ concernId, start, name: `Filler ${i}` });
    expect(await freeOf(system, concernId, start)).toBe(0);
    // a stale calendar (another instance's, unshared) would still offer it: the database refuses
    const full = await system.api('/bookings', {
      method: 'POST',
      json: { locationId: 1, concernId, start, name: 'Too Late', email: `cache-late-${name}@example.org`, consent: true },
    });
    expect(full.status).toBe(409);
  });
});

describe.runIf(mysqlAvailable)('availability cache shared by two instances through Redis', () => {
  let a: TestSystem;
  let b: TestSystem;
  let lone: TestSystem;
  beforeAll(async () => {
    a = await startSystem({ database: 'mysql', env: { REDIS_URL, AVAILABILITY_CACHE_MS: String(CACHE_MS) } });
    b = await startSystem({ database: 'mysql', shareDatabaseOf: a, env: { REDIS_URL, AVAILABILITY_CACHE_MS: String(CACHE_MS) } });
    // a third instance on the same database without Redis: only the cache's age bounds what it shows
    lone = await startSystem({ database: 'mysql', shareDatabaseOf: a, env: { AVAILABILITY_CACHE_MS: String(CACHE_MS) } });
    const at = a.clock.now();
    for (const s of [a, b, lone]) s.clock.freeze(at);
  });
  afterAll(async () => {
    await lone?.close();
    await b?.close();
    await a?.close();
  });

  it('uses the deployment prefix for its keys', () => {
    expect(a.config.redisPrefix).toMatch(/^einlass-test-[0-9a-f]+:$/);
    expect(b.config.redisPrefix).toBe(a.config.redisPrefix);
  });

  it('a seat taken on one instance shows at once on the other; an instance without the shared cache within its age', async () => {
    const concernId = a.demo.concernIds.passport;
    const start = await a.firstFreeStart(concernId);
    const free = await freeOf(a, concernId, start);
    expect(await freeOf(b, concernId, start)).toBe(free);
    expect(await freeOf(lone, concernId, start)).toBe(free);

    await b.bookConfirmed({ concernId, start });
    expect(await freeOf(a, concernId, start)).toBe(free - 1);
    expect(await freeOf(b, concernId, start)).toBe(free - 1);
    expect(await freeOf(lone, concernId, start)).toBe(free); // its own cache, still within its age
    lone.clock.advance(CACHE_MS);
    expect(await freeOf(lone, concernId, start)).toBe(free - 1);

    // a change nobody announced: the shared answer lapses after the age too
    await takeSeatDirectly(a, start);
    expect(await freeOf(b, concernId, start)).toBe(free - 1);
    a.clock.advance(CACHE_MS);
    expect(await freeOf(a, concernId, start)).toBe(free - 2);
  });
});
