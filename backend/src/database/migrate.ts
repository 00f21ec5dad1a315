import { type DataSource, type Migration, MigrationExecutor, type QueryRunner } from 'typeorm';

/**
 * The MySQL advisory lock that lets one instance migrate while the others wait. Lock names are
 * server-wide, so the name carries the database: databases on one server never wait for each other.
 */
const MIGRATION_LOCK = "CONCAT('einlass-migrations:', LEFT(SHA1(DATABASE()), 40))";
const LOCK_WAIT_SECONDS = 120;

/**
 * Runs `work` while holding the migration lock: instances that start together (a deploy of two)
 * migrate one after the other, and the second finds nothing left to do. TypeORM has no lock of
 * its own. SQLite needs none: its writers are serialised by the file lock and TypeORM runs the
 * migrations in one connection.
 */
export async function withMigrationLock<T>(ds: DataSource, work: (locked?: QueryRunner) => Promise<T>): Promise<T> {
  if (ds.options.type !== 'mysql') return work();
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query(`SELECT GET_LOCK(${MIGRATION_LOCK}, ?) AS got`, [LOCK_WAIT_SECONDS])) as {
      got: number | string | null;
    }[];
    if (Number(row?.got) !== 1) throw new Error(`another instance has been migrating the database for ${LOCK_WAIT_SECONDS} s; giving up`);
    try {
      return await work(runner);
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(${MIGRATION_LOCK})`);
    }
  } finally {
    await runner.release();
  }
}

/** Applies the pending migrations under the lock; returns those applied. */
export function migrate(ds: DataSource): Promise<Migration[]> {
  return withMigrationLock(ds, (locked) => {
    if (!locked) return ds.runMigrations({ transaction: 'each' });
    // on the connection that holds the lock: with a pool of one (DATABASE_POOL_SIZE=1) there is no
    // other, and the migrations waited for ever for a connection the lock would never give back
    const executor = new MigrationExecutor(ds, locked);
    executor.transaction = 'each';
    return executor.executePendingMigrations();
  });
}

/** Reverts the newest applied migration under the lock; returns its name, or null when none was applied. */
export async function revertLast(ds: DataSource): Promise<string | null> {
  return withMigrationLock(ds, async () => {
    const executed = await ds.query(`SELECT name FROM ${ds.driver.escape('migrations')} ORDER BY id DESC LIMIT 1`).catch(() => []);
    if (!executed.length) return null;
    await ds.undoLastMigration({ transaction: 'each' });
    return executed[0].name as string;
  });
}
