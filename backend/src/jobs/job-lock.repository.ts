import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

/** MySQL's lock names are server-wide: one database's job must not block another's on the same server. */
const LOCK_NAME = "CONCAT('einlass:', LEFT(SHA1(CONCAT(DATABASE(), ':', ?)), 40))";

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

/**
 * One instance at a time per job. On MySQL a named lock (`GET_LOCK(name, 0)`: taken or not,
 * never waited for) held on a connection of its own for as long as the job runs; if the
 * instance dies the server drops the lock with the connection. On SQLite one process owns the
 * database file, so the runner's in-process guard is all it takes.
 */
@Injectable()
export class JobLockRepository {
  constructor(private readonly db: Database) {}

  async withLock<T>(name: string, work: () => Promise<T>): Promise<Locked<T>> {
    if (!this.db.isMysql) return { acquired: true, value: await work() };
    const runner = this.db.dataSource.createQueryRunner();
    try {
      const [row] = (await runner.query(`SELECT GET_LOCK(${LOCK_NAME}, 0) AS got`, [name])) as { got: number | string | null }[];
      if (Number(row?.got) !== 1) return { acquired: false };
      try {
        return { acquired: true, value: await work() };
      } finally {
        await runner.query(`SELECT RELEASE_LOCK(${LOCK_NAME})`, [name]);
      }
    } finally {
      await runner.release();
    }
  }
}
