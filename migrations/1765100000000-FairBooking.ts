import { createHash } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { canonicalEmail } from '../backend/src/fairness/email-address.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The per-location limits and their town-sized defaults (backend/src/locations/location-defaults.ts). */
const LIMITS = {
  limit_per_minute: 6,
  limit_per_hour: 30,
  limit_open_per_client: 10,
  limit_mails_per_domain_hour: 1000,
  challenge_after: 3,
  rush_per_minute: 30,
};

/**
 * Fair booking under a rush:
 * - per-location limits of online reservations (columns with the town-sized defaults),
 * - unconfirmed reservations hold their seat 15 minutes (offices still at the old default 30 move to 15),
 * - `app_secret` for secrets all instances share (the ALTCHA HMAC key when ALTCHA_HMAC_KEY is unset),
 * - the e-mail hashes of bookings and guard rows rehashed from the lower-case address to its
 *   canonical form (erika+1@ and e.rika@gmail.com are one person); `down` hashes back.
 */
export class FairBooking1765100000000 implements MigrationInterface {
  name = 'FairBooking1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both databases: TypeORM's addColumn rebuilds a SQLite table (copy,
    // DROP, rename), and dropping `location` would cascade to its concerns, counters and slots.
    for (const [column, value] of Object.entries(LIMITS)) {
      await q.query(`ALTER TABLE location ADD COLUMN ${column} integer NOT NULL DEFAULT ${value}`);
    }
    await q.query('UPDATE location SET activation_ttl_min = 15 WHERE activation_ttl_min = 30');
    await q.createTable(
      new Table({
        name: 'app_secret',
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'varchar', length: '200' },
        ],
      }),
    );
    await rehash(q, canonicalEmail);
  }

  async down(q: QueryRunner): Promise<void> {
    await rehash(q, (email) => email.toLowerCase());
    await q.dropTable('app_secret');
    await q.query('UPDATE location SET activation_ttl_min = 30 WHERE activation_ttl_min = 15');
    // SQLite ≥ 3.35 drops a column in place (see up)
    for (const column of Object.keys(LIMITS).reverse()) await q.query(`ALTER TABLE location DROP COLUMN ${column}`);
  }
}

/**
 * Rehashes the bookings that still hold their address (erased ones have neither address nor
 * hash), in batches by id; then every hash in use gets its guard row and unused rows go —
 * so "a new guard row means no booking of this address" stays true.
 */
async function rehash(q: QueryRunner, form: (email: string) => string): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await q.query('SELECT id, email, email_hash FROM booking WHERE email IS NOT NULL AND id > ? ORDER BY id LIMIT 500', [
      after,
    ])) as {
      id: string;
      email: string;
      email_hash: string | null;
    }[];
    for (const r of rows) {
      const hash = sha256(form(r.email));
      if (hash !== r.email_hash) await q.query('UPDATE booking SET email_hash = ? WHERE id = ?', [hash, r.id]);
    }
    if (rows.length < 500) break;
    after = rows[rows.length - 1].id;
  }
  await q.query(
    'INSERT INTO email_guard (email_hash, uses) SELECT DISTINCT b.email_hash, 1 FROM booking b ' +
      'WHERE b.email_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM email_guard g WHERE g.email_hash = b.email_hash)',
  );
  await q.query('DELETE FROM email_guard WHERE NOT EXISTS (SELECT 1 FROM booking b WHERE b.email_hash = email_guard.email_hash)');
}
