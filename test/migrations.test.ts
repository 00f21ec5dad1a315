import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../backend/src/database/database.js';
import { describeEachDatabase } from './support/databases.js';
import { createMysqlDatabase } from './support/mysql.js';

/** The one set of migrations runs up, down and up again on both databases. */
describeEachDatabase('migrations', (name) => {
  it('apply, revert completely and apply again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'einlass-mig-'));
    const mysql = name === 'mysql' ? await createMysqlDatabase() : null;
    const db = await openDatabase(
      mysql ? { type: 'mysql', url: mysql.url, poolSize: 2 } : { type: 'sqlite', path: join(dir, 'm.sqlite') },
      { migrate: false },
    );
    try {
      const all = db.dataSource.migrations.length;
      expect(await db.dataSource.runMigrations()).toHaveLength(all);
      const ours = [
        'location',
        'concern',
        'counter',
        'counter_concern',
        'opening_rule',
        'schedule_exception',
        'slot_day',
        'slot',
        'booking',
        'email_guard',
        'ticket',
        'ticket_sequence',
        'call_log',
        'mail_outbox',
        'staff_user',
        'staff_user_location',
        'staff_session',
        'device',
      ];
      const runner = db.dataSource.createQueryRunner();
      const tables = async () => {
        const present = await Promise.all(ours.map((t) => runner.hasTable(t)));
        return ours.filter((_, i) => present[i]);
      };
      expect(await tables()).toEqual(ours);
      expect(await runner.hasColumn('mail_outbox', 'claim_token')).toBe(true);
      for (let i = 0; i < all; i++) await db.dataSource.undoLastMigration();
      expect(await tables()).toEqual([]);
      expect(await db.dataSource.runMigrations()).toHaveLength(all);
      expect(await db.dataSource.showMigrations()).toBe(false);
      await runner.release();
    } finally {
      await db.close();
      await mysql?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
