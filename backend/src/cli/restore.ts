import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from '../config/config.js';
import { restoreDatabase } from '../operations/backup.js';

/** `npm run restore -- FILE`: replaces DATABASE_URL's database with a backup. Stop every instance first. */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) throw new Error('usage: npm run restore -- <backup file>');
  loadDotEnv();
  const config = loadConfig();
  const file = resolve(positionals[0]);
  await restoreDatabase(config.database, file);
  console.log(`Restored ${file}; start the instances again (migrations newer than the backup run at start).`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `restore: ${(error as Error).message}`);
  process.exit(1);
});
