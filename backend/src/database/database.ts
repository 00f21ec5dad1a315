import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { migrations } from '../../../migrations/index.js';
import { migrate } from './migrate.js';
import mysql, { type Pool, type PoolConnection, type ResultSetHeader } from 'mysql2';
import { type Sql, type SqlResult, type Statement, sqlOf } from './sql.js';
import { BookingEntity, EmailGuardEntity } from '../bookings/booking.entity.js';
import { ConcernEntity } from '../concerns/concern.entity.js';
import { CounterConcernEntity, CounterEntity, LocationEntity } from '../locations/location.entity.js';
import { MailOutboxEntity } from '../mail/mail-outbox.entity.js';
import { OpeningRuleEntity, ScheduleExceptionEntity, SlotDayEntity, SlotEntity } from '../schedule/schedule.entity.js';
import { StaffSessionEntity, StaffUserEntity, StaffUserLocationEntity } from '../auth/staff-user.entity.js';
import { DeviceEntity } from '../devices/device.entity.js';
import { CallLogEntity, TicketEntity, TicketSequenceEntity } from '../queue/ticket.entity.js';
import { AppSecretEntity } from '../fairness/app-secret.entity.js';

export const entities = [
  LocationEntity,
  CounterEntity,
  CounterConcernEntity,
  ConcernEntity,
  OpeningRuleEntity,
  ScheduleExceptionEntity,
  SlotDayEntity,
  SlotEntity,
  BookingEntity,
  EmailGuardEntity,
  MailOutboxEntity,
  StaffUserEntity,
  StaffUserLocationEntity,
  StaffSessionEntity,
  DeviceEntity,
  TicketEntity,
  TicketSequenceEntity,
  CallLogEntity,
  AppSecretEntity,
];

export function dataSourceOptions(db: AppConfig['database']): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (db.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: db.url,
      charset: 'utf8mb4_unicode_ci',
      extra: { connectionLimit: db.poolSize, connectTimeout: 3_000, enableKeepAlive: true },
      bigNumberStrings: false,
      supportBigNumbers: true,
    };
  }
  if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    // better-sqlite3 13 (N-API, prebuilt): 12.x aborts on Node 24 when a statement is collected
    // outside a context. TypeORM peers ^12, so the driver is handed in rather than looked up.
    driver: BetterSqlite3,
    database: db.path,
    enableWAL: db.path !== ':memory:',
    prepareDatabase: (conn: { pragma: (s: string) => unknown }) => {
      conn.pragma('busy_timeout = 5000');
      // WAL with NORMAL sync: no corruption on a crash, commits without an fsync each
      conn.pragma('synchronous = NORMAL');
    },
  };
}

/** MySQL error numbers worth retrying the whole transaction for. */
const RETRYABLE_MYSQL = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);

/**
 * The database handle every repository uses. Transactions are the unit of every write:
 * on SQLite (one connection) they are queued so that one request's statements never land in
 * another's transaction; on MySQL a deadlock retries the transaction a few times.
 */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get isMysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isMysql) {
      const run = this.sqliteQueue.then(() => this.dataSource.transaction(work));
      this.sqliteQueue = run.catch(() => undefined);
      return run;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        const errno =
          (error as { driverError?: { errno?: number }; errno?: number }).driverError?.errno ?? (error as { errno?: number }).errno;
        if (attempt >= 5 || !errno || !RETRYABLE_MYSQL.has(errno)) throw error;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
      }
    }
  }

  /**
   * A transaction of raw statements (see Sql). On MySQL it runs on a connection of its own
   * pool that accepts several statements per round trip: START TRANSACTION travels with the
   * first batch, so a transaction of one batch costs two round trips (batch, COMMIT). Only
   * fixed statement strings with `?` placeholders go through it (values are escaped by
   * mysql2, as for every other query). The same deadlock retry as transaction(). On SQLite it
   * joins the queue of write transactions.
   */
  async sqlTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    if (!this.isMysql) return this.transaction((tx) => work(sqlOf(tx)));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.mysqlTransaction(work);
      } catch (error) {
        const errno = (error as { errno?: number }).errno;
        if (attempt >= 5 || !errno || !RETRYABLE_MYSQL.has(errno)) throw error;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
      }
    }
  }

  private batchPool: Pool | null = null;

  private pool(): Pool {
    if (!this.batchPool) {
      const options = this.dataSource.options as { url?: string; extra?: { connectionLimit?: number } };
      this.batchPool = mysql.createPool({
        uri: options.url,
        connectionLimit: options.extra?.connectionLimit ?? 10,
        connectTimeout: 3_000,
        enableKeepAlive: true,
        charset: 'utf8mb4_unicode_ci',
        supportBigNumbers: true,
        bigNumberStrings: false,
        multipleStatements: true,
      });
    }
    return this.batchPool;
  }

  private async mysqlTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const conn = await new Promise<PoolConnection>((resolve, reject) => this.pool().getConnection((e, c) => (e ? reject(e) : resolve(c))));
    let begun = false;
    const send = (sql: string, params: unknown[]) =>
      new Promise<unknown>((resolve, reject) => conn.query(sql, params, (e, result) => (e ? reject(e) : resolve(result))));
    const toResult = (r: unknown): SqlResult =>
      Array.isArray(r)
        ? { rows: r as Record<string, unknown>[], affected: 0 }
        : { rows: [], affected: (r as ResultSetHeader).affectedRows };
    const batch = async (statements: readonly Statement[]): Promise<SqlResult[]> => {
      const parts = statements.map(([sql]) => sql);
      const first = !begun;
      if (first) parts.unshift('START TRANSACTION');
      // set before sending: a batch that fails half-way has begun the transaction all the same
      begun = true;
      const raw = await send(
        parts.join(';\n'),
        statements.flatMap(([, p]) => p),
      );
      const results = parts.length === 1 ? [raw] : (raw as unknown[]);
      if (first) results.shift();
      return results.map(toResult);
    };
    let broken = false;
    try {
      const value = await work({ mysql: true, batch, exec: async (sql, params = []) => (await batch([[sql, params]]))[0] });
      if (begun) await send('COMMIT', []);
      return value;
    } catch (error) {
      if (begun) await send('ROLLBACK', []).catch(() => (broken = true));
      throw error;
    } finally {
      if (broken) conn.destroy();
      else conn.release();
    }
  }

  /** Closes the connections (the batch pool too). */
  async close(): Promise<void> {
    const pool = this.batchPool;
    this.batchPool = null;
    if (pool) await new Promise<void>((resolve) => pool.end(() => resolve()));
    await this.dataSource.destroy();
  }

  /** True when the database answers a trivial query within two seconds. */
  async ping(): Promise<boolean> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      return true;
    } catch {
      return false;
    }
  }

  /** Rows changed by an UPDATE/DELETE result, on both drivers. */
  static affected(result: { affected?: number | null }): number {
    return result.affected ?? 0;
  }
}

export async function openDatabase(config: AppConfig['database'], options: { migrate?: boolean } = {}): Promise<Database> {
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  if (options.migrate !== false) await migrate(ds);
  return new Database(ds);
}
