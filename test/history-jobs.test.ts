import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { Database } from '../backend/src/database/database.js';
import { mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

// The jobs that grow with history work in batches found by index (500 rows a batch): more
// rows than one batch must all be handled, and nothing outside the job's condition touched.

const databases = [
  { name: 'sqlite', run: true },
  { name: 'mysql', run: mysqlAvailable },
] as const;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(databases)('history jobs in batches on $name', ({ name, run }) => {
  let system: TestSystem;
  let db: Database;
  let concernId: number;
  beforeAll(async () => {
    if (!run) return;
    system = await startSystem({ database: name });
    system.clock.freeze();
    db = system.backend.app.get(Database);
    concernId = system.demo.concernIds.register;
  });
  afterAll(() => system?.close());

  async function insertBookings(
    prefix: string,
    n: number,
    row: (i: number) => { startAt: number; status: string; email: string | null },
  ): Promise<void> {
    for (let from = 0; from < n; from += 200) {
      const values: unknown[] = [];
      const marks: string[] = [];
      for (let i = from; i < Math.min(n, from + 200); i++) {
        const r = row(i);
        marks.push("(?, 1, ?, ?, ?, ?, ?, ?, 'de', 'online', ?, ?, ?, ?)");
        values.push(
          `${prefix}-${i}`,
          concernId,
          r.startAt,
          r.startAt + 900_000,
          `Name ${prefix} ${i}`,
          r.email,
          r.email ? sha(r.email) : null,
          r.status,
          `${prefix.slice(0, 2)}${String(i).padStart(6, '0')}`,
          r.startAt - DAY,
          r.startAt - DAY,
        );
      }
      await db.manager.query(
        `INSERT INTO booking (id, location_id, concern_id, start_at, end_at, name, email, email_hash, language, channel, status, code, created_at, confirmed_at) VALUES ${marks.join(', ')}`,
        values,
      );
    }
  }

  const statusOf = async (id: string) =>
    ((await db.manager.query('SELECT status FROM booking WHERE id = ?', [id])) as { status: string }[])[0].status;

  it.runIf(run)('the no-show job marks 1,234 missed appointments in batches and leaves the rest', async () => {
    const now = system.clock.now().getTime();
    // missed: started 1–3 h ago (the admission window of 10 minutes long closed); then some still admissible and some done
    await insertBookings('ms', 1234, (i) => ({ startAt: now - HOUR - i * 5000, status: 'confirmed', email: null }));
    await insertBookings('ok', 3, (i) => ({ startAt: now - 5 * 60_000 + i * 60_000, status: 'confirmed', email: null }));
    await insertBookings('dn', 3, (i) => ({ startAt: now - 2 * HOUR - i * 60_000, status: 'done', email: null }));
    expect(await system.backend.app.get(BookingsService).markMissed()).toBe(1234);
    expect(await statusOf('ms-0')).toBe('no_show');
    expect(await statusOf('ms-1233')).toBe('no_show');
    for (let i = 0; i < 3; i++) {
      expect(await statusOf(`ok-${i}`)).toBe('confirmed');
      expect(await statusOf(`dn-${i}`)).toBe('done');
    }
    expect(await system.backend.app.get(BookingsService).markMissed()).toBe(0);
  });

  it.runIf(run)('the erasure erases 1,100 past appointments in batches with the guard rows nobody holds any more', async () => {
    const now = system.clock.now().getTime();
    const old = now - 20 * DAY;
    // 1,100 past bookings of 300 addresses; address 0 also holds a future booking, so its guard row stays
    await insertBookings('er', 1100, (i) => ({ startAt: old - i * 60_000, status: 'done', email: `erase-${name}-${i % 300}@example.org` }));
    await insertBookings('fu', 1, () => ({ startAt: now + 3 * DAY, status: 'confirmed', email: `erase-${name}-0@example.org` }));
    const hashes = Array.from({ length: 300 }, (_, i) => sha(`erase-${name}-${i}@example.org`));
    for (const h of hashes) await db.manager.query('INSERT INTO email_guard (email_hash, uses) VALUES (?, 1)', [h]);

    expect(await system.backend.app.get(BookingsService).eraseDue()).toBeGreaterThanOrEqual(1100);
    const left = (await db.manager.query(
      'SELECT COUNT(*) AS n FROM booking WHERE id LIKE ? AND (erased_at IS NULL OR email IS NOT NULL OR email_hash IS NOT NULL OR name IS NOT NULL)',
      ['er-%'],
    )) as { n: number | string }[];
    expect(Number(left[0].n)).toBe(0);
    const guards = ((await db.manager.query('SELECT email_hash FROM email_guard')) as { email_hash: string }[]).map((g) => g.email_hash);
    expect(guards).toContain(hashes[0]);
    expect(guards.filter((g) => hashes.includes(g))).toEqual([hashes[0]]);
    const future = (await db.manager.query('SELECT name, email FROM booking WHERE id = ?', ['fu-0'])) as { name: string; email: string }[];
    expect(future[0]).toEqual({ name: 'Name fu 0', email: `erase-${name}-0@example.org` });
  });
});
