import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from '../config/config.js';
import { openDatabase } from '../database/database.js';
import { migrate, revertLast } from '../database/migrate.js';

/**
 * `npm run migrate` applies pending migrations to DATABASE_URL and exits; `npm run migrate --
 * --revert` undoes the newest one. Runs on a built tree (no rebuild) and takes the same lock as
 * a starting instance, so it is safe while instances start.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { revert: { type: 'boolean', default: false } } });
  loadDotEnv();
  const config = loadConfig();
  const db = await openDatabase(config.database, { migrate: false });
  try {
    if (values.revert) {
      const name = await revertLast(db.dataSource);
      console.log(name ? `Reverted: ${name}` : 'No migration has been applied.');
    } else {
      const applied = await migrate(db.dataSource);
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date.');
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
