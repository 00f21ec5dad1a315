import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../backend/src/database/database.js';
import { describeEachDatabase } from './support/databases.js';
import { createMysqlDatabase } from './support/mysql.js';

/**
 * Database.sqlTransaction, the hot path's transactions of raw statements: on MySQL several
 * statements travel in one round trip (START TRANSACTION with the first batch). All or nothing
 * must hold whichever statement of a batch fails, and the pooled connection must come back clean.
 */
describeEachDatabase('sqlTransaction', (name) => {
  let db: Database;
  let dir: string;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'einlass-sqltx-'));
    const mysql = name === 'mysql' ? await createMysqlDatabase() : null;
    drop = mysql?.drop;
    // one connection: the next transaction gets the very connection the failed one used
    db = await openDatabase(mysql ? { type: 'mysql', url: mysql.url, poolSize: 1 } : { type: 'sqlite', path: join(dir, 's.sqlite') });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const guards = async () =>
    ((await db.manager.query('SELECT email_hash FROM email_guard ORDER BY email_hash')) as { email_hash: string }[]).map(
      (r) => r.email_hash,
    );
  const insert = (hash: string) => ['INSERT INTO email_guard (email_hash, uses) VALUES (?, 1)', [hash]] as const;

  it('commits a batch and returns each statement’s result', async () => {
    const results = await db.sqlTransaction(async (sql) => {
      const r = await sql.batch([
        insert('a'),
        insert('b'),
        ['UPDATE email_guard SET uses = uses + 1 WHERE email_hash IN (?, ?)', ['a', 'b']],
      ]);
      const { rows } = await sql.exec('SELECT COUNT(*) AS n FROM email_guard', []);
      return [...r.map((x) => x.affected), Number(rows[0].n)];
    });
    expect(results).toEqual([1, 1, 2, 2]);
    expect(await guards()).toEqual(['a', 'b']);
  });

  it('rolls the whole batch back when a statement in its middle fails, and leaves the connection clean', async () => {
    await expect(db.sqlTransaction((sql) => sql.batch([insert('c'), insert('a'), insert('d')]))).rejects.toThrow(
      /Duplicate entry|UNIQUE constraint/,
    );
    // the next transaction on the same connection commits only its own row
    await db.sqlTransaction((sql) => sql.exec(...insert('e')));
    expect(await guards()).toEqual(['a', 'b', 'e']);
  });

  it('rolls back what earlier batches did when the work throws afterwards', async () => {
    await expect(
      db.sqlTransaction(async (sql) => {
        await sql.batch([insert('f')]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await guards()).toEqual(['a', 'b', 'e']);
  });
});
