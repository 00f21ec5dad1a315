import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { migrations } from '../../../migrations/index.js';
import { BookingEntity, EmailGuardEntity } from '../bookings/booking.entity.js';
import { ConcernEntity } from '../concerns/concern.entity.js';
import { CounterConcernEntity, CounterEntity, LocationEntity } from '../locations/location.entity.js';
import { MailOutboxEntity } from '../mail/mail-outbox.entity.js';
import { OpeningRuleEntity, ScheduleExceptionEntity, SlotDayEntity, SlotEntity } from '../schedule/schedule.entity.js';
import { StaffSessionEntity, StaffUserEntity, StaffUserLocationEntity } from '../auth/staff-user.entity.js';
import { DeviceEntity } from '../devices/device.entity.js';
import { CallLogEntity, TicketEntity, TicketSequenceEntity } from '../queue/ticket.entity.js';

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
];

export function dataSourceOptions(db: AppConfig['database']): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (db.type === 'mysql') {
    return { ...common, type: 'mysql', url: db.url, charset: 'utf8mb4_unicode_ci', extra: { connectionLimit: db.poolSize }, bigNumberStrings: false, supportBigNumbers: true };
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
        const errno = (error as { driverError?: { errno?: number }; errno?: number }).driverError?.errno ?? (error as { errno?: number }).errno;
        if (attempt >= 5 || !errno || !RETRYABLE_MYSQL.has(errno)) throw error;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
      }
    }
  }

  /** True when the database answers a trivial query within two seconds. */
  async ping(): Promise<boolean> {
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
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
  if (options.migrate !== false) await ds.runMigrations({ transaction: 'each' });
  return new Database(ds);
}
