import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from '../config/config.js';
import { backupDatabase, defaultBackupFile } from '../operations/backup.js';

/** `npm run backup [-- --out FILE]`: a consistent copy of DATABASE_URL's database, while the server runs. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  loadDotEnv();
  const config = loadConfig();
  const file = values.out ? resolve(values.out) : defaultBackupFile(config.database, resolve('data', 'backups'), new Date());
  await backupDatabase(config.database, file);
  console.log(`Backup written to ${file}`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `backup: ${(error as Error).message}`);
  process.exit(1);
});
