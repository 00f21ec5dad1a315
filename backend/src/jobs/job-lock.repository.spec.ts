import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlDatabase, mysqlAvailable } from '../../../test/support/mysql.js';
import { type Database, openDatabase } from '../database/database.js';
import { JobLockRepository } from './job-lock.repository.js';

/** Two instances are two connection pools on one database: GET_LOCK lets one of them in. */
describe.runIf(mysqlAvailable)('JobLockRepository on MySQL', () => {
  let mysql: Awaited<ReturnType<typeof createMysqlDatabase>>;
  let one: Database;
  let two: Database;
  beforeAll(async () => {
    mysql = await createMysqlDatabase();
    one = await openDatabase({ type: 'mysql', url: mysql.url, poolSize: 3 });
    two = await openDatabase({ type: 'mysql', url: mysql.url, poolSize: 3 }, { migrate: false });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await mysql?.drop();
  });

  it('lets one holder in at a time, per name, and frees the lock after the work and after a failure', async () => {
    const a = new JobLockRepository(one);
    const b = new JobLockRepository(two);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = a.withLock('erase-personal-data', async () => (entered(), await held, 1));
    await inside;
    expect(await b.withLock('erase-personal-data', async () => 2)).toEqual({ acquired: false });
    expect(await b.withLock('send-mail', async () => 3)).toEqual({ acquired: true, value: 3 });
    release();
    expect(await first).toEqual({ acquired: true, value: 1 });
    await expect(b.withLock('erase-personal-data', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await a.withLock('erase-personal-data', async () => 4)).toEqual({ acquired: true, value: 4 });
  });
});
