import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../backend/src/database/database.js';
import { createMysqlDatabase, mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

for (const database of ['sqlite', 'mysql'] as const) {
  describe.runIf(database === 'sqlite' || mysqlAvailable)(`usernames in one normal form (${database})`, () => {
    let system: TestSystem;
    beforeAll(async () => {
      system = await startSystem({ database });
    });
    afterAll(() => system?.close());

    const login = (username: string, password: string, headers: Record<string, string> = {}) =>
      system.api('/auth/login', { method: 'POST', json: { username, password }, headers });

    it('logs in with full-width, padded, upper-case and no-break-space spellings as the one user, but not with look-alikes', async () => {
      for (const variant of ['ｃｌｅｒｋ', ' clerk ', 'clerk\u00a0', 'CLERK']) {
        const res = await login(variant, 'demo');
        expect(res.status, JSON.stringify(variant)).toBe(200);
        expect(await res.json()).toMatchObject({ username: 'clerk' });
      }
      // utf8mb4_unicode_ci finds "clerk" for "Clérk"; the lookup compares exactly
      expect((await login('Clérk', 'demo')).status).toBe(401);
    });

    it('throttles every spelling of a locked user together', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await login('hotline', 'wrong')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      for (const variant of ['hotline ', 'Hotline', 'ｈｏｔｌｉｎｅ', 'hotline\u00a0']) {
        expect((await login(variant, 'demo')).status, JSON.stringify(variant)).toBe(429);
      }
      // a look-alike is another (unknown) name: it never logs in as hotline
      expect((await login('Hótline', 'demo')).status).toBe(401);
    });
  });
}

describe.each([
  { name: 'sqlite', run: true },
  { name: 'mysql', run: mysqlAvailable },
] as const)('migration 1765200000000-Hardening on $name', ({ name, run }) => {
  it.runIf(run)('normalises stored usernames, keeping a taken normal form apart, and reverts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'einlass-mig-'));
    const mysql = name === 'mysql' ? await createMysqlDatabase() : null;
    const db = await openDatabase(
      mysql ? { type: 'mysql', url: mysql.url, poolSize: 2 } : { type: 'sqlite', path: join(dir, 'm.sqlite') },
      { migrate: false },
    );
    try {
      await db.dataSource.runMigrations();
      await db.dataSource.undoLastMigration();
      const insert = (username: string) =>
        db.manager.query(
          "INSERT INTO staff_user (username, display_name, password_hash, roles, active, created_at) VALUES (?, 'x', 'x', 'clerk', 1, 0)",
          [username],
        );
      await insert('m.mueller');
      await insert(' Ａｎｎａ.Schmidt ');
      await insert(name === 'sqlite' ? 'M.Mueller' : 'k.klein\u00a0');
      expect(await db.dataSource.runMigrations()).toHaveLength(1);
      const rows = (await db.manager.query('SELECT id, username FROM staff_user ORDER BY id')) as { id: number; username: string }[];
      expect(rows.map((r) => r.username)).toEqual(['m.mueller', 'anna.schmidt', name === 'sqlite' ? `m.mueller-${rows[2].id}` : 'k.klein']);
      const runner = db.dataSource.createQueryRunner();
      expect(await runner.hasColumn('device', 'last_failed_at')).toBe(true);
      await db.dataSource.undoLastMigration();
      expect(await runner.hasColumn('device', 'last_failed_at')).toBe(false);
      await runner.release();
    } finally {
      await db.close();
      await mysql?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
