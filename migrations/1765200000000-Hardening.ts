import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

const normalize = (username: string) => username.normalize('NFKC').trim().toLowerCase();

/**
 * Usernames are stored in their one normal form (NFKC, trimmed, lower case; see
 * backend/src/auth/username.ts), so lookup and login throttle agree on who is meant. A name
 * whose normal form is taken already keeps its id as a suffix. And a kiosk remembers when its
 * last unknown code was typed, so the slow-down for unknown codes wears off instead of being
 * reset by the next valid code.
 */
export class Hardening1765200000000 implements MigrationInterface {
  name = 'Hardening1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const users = (await q.query('SELECT id, username FROM staff_user ORDER BY id')) as { id: number; username: string }[];
    const taken = new Set(users.map((u) => u.username));
    for (const u of users) {
      const normal = normalize(u.username);
      if (normal === u.username) continue;
      const name = taken.has(normal) ? `${normal}-${u.id}` : normal;
      taken.add(name);
      await q.query('UPDATE staff_user SET username = ? WHERE id = ?', [name, u.id]);
    }
    await q.addColumn('device', new TableColumn({ name: 'last_failed_at', type: 'bigint', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    // the names stay in their normal form: the former spelling is not kept, and any spelling logs in
    await q.dropColumn('device', 'last_failed_at');
  }
}
