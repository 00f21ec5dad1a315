import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../backend/src/database/database.js';
import { seedDemo } from '../backend/src/demo/demo-seed.js';
import { canonicalEmail } from '../backend/src/fairness/email-address.js';
import { createMysqlDatabase, mysqlAvailable } from './support/mysql.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Migration 1765100000000-FairBooking rehashes the e-mail guard from the lower-case address to its canonical form, and back. */
describe.each([
  { name: 'sqlite', run: true },
  { name: 'mysql', run: mysqlAvailable },
] as const)('fair-booking migration on $name', ({ name, run }) => {
  it.runIf(run)('rehashes the bookings and guard rows of existing addresses, and hashes back on down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'einlass-fbmig-'));
    const mysql = name === 'mysql' ? await createMysqlDatabase() : null;
    const db = await openDatabase(
      mysql ? { type: 'mysql', url: mysql.url, poolSize: 2 } : { type: 'sqlite', path: join(dir, 'm.sqlite') },
      { migrate: false },
    );
    try {
      // undoes the newest migrations until `name` is no longer applied (later ones come after it)
      const undoThrough = async (name: string) => {
        for (;;) {
          const [last] = (await db.dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as { name: string }[];
          await db.dataSource.undoLastMigration();
          if (last.name === name) return;
        }
      };
      await db.dataSource.runMigrations();
      await seedDemo(db);
      await undoThrough('FairBooking1765100000000'); // the state before FairBooking, with the demo office in it
      const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params) as Promise<Record<string, unknown>[]>;
      const [{ id: concernId }] = await q('SELECT id FROM concern ORDER BY id LIMIT 1');
      const offices = async () =>
        (
          await q(
            'SELECT (SELECT COUNT(*) FROM concern) AS concerns, (SELECT COUNT(*) FROM slot) AS slots, (SELECT COUNT(*) FROM counter) AS counters',
          )
        )[0];
      const office = await offices();
      expect(Number(office.concerns)).toBeGreaterThan(0);
      const typed = ['Erika.Mustermann+amt@gmail.com', 'erikamustermann@googlemail.com', 'max@web.de'];
      const ids: string[] = [];
      for (const [i, email] of typed.entries()) {
        const id = randomUUID();
        ids.push(id);
        await q(
          "INSERT INTO booking (id, location_id, concern_id, start_at, end_at, name, email, email_hash, language, channel, status, code, created_at) VALUES (?, 1, ?, ?, ?, 'Erika', ?, ?, 'de', 'online', 'confirmed', ?, ?)",
          [id, concernId, 2_000_000_000_000 + i, 2_000_000_900_000 + i, email, sha256(email.toLowerCase()), `CODE000${i}`, 1],
        );
        await q('INSERT INTO email_guard (email_hash, uses) VALUES (?, 1)', [sha256(email.toLowerCase())]);
      }
      const hashes = async () => (await q('SELECT id, email_hash FROM booking ORDER BY id')).map((r) => [r.id, r.email_hash] as const);
      const guards = async () => (await q('SELECT email_hash FROM email_guard ORDER BY email_hash')).map((r) => r.email_hash);

      await db.dataSource.runMigrations();
      const erika = sha256(canonicalEmail(typed[0]));
      expect(erika).toBe(sha256('erikamustermann@gmail.com'));
      expect(new Map(await hashes())).toEqual(
        new Map([
          [ids[0], erika],
          [ids[1], erika],
          [ids[2], sha256('max@web.de')],
        ]),
      );
      expect(await guards()).toEqual([erika, sha256('max@web.de')].sort());
      expect((await q('SELECT activation_ttl_min, limit_per_minute, challenge_after FROM location WHERE id = 1'))[0]).toMatchObject({
        limit_per_minute: 6,
        challenge_after: 3,
      });

      expect(await offices()).toEqual(office); // altering `location` took nothing with it

      await undoThrough('FairBooking1765100000000');
      expect(await offices()).toEqual(office);
      expect(new Map(await hashes())).toEqual(new Map(typed.map((e, i) => [ids[i], sha256(e.toLowerCase())])));
      expect(await guards()).toEqual(typed.map((e) => sha256(e.toLowerCase())).sort());
    } finally {
      await db.close();
      await mysql?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
