import { spawn } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { AppConfig } from '../config/config.js';

/**
 * Backup and restore of the whole database, for `npm run backup` / `npm run restore`.
 * SQLite: the online backup API (consistent while the server runs). MySQL/MariaDB:
 * `mysqldump --single-transaction` (a consistent snapshot without locking the tables), read back
 * with the `mysql` client. A restore replaces the database's content: stop the instances first.
 */
export type DatabaseConfig = AppConfig['database'];

export function defaultBackupFile(db: DatabaseConfig, dir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return resolve(dir, `einlass-${stamp}.${db.type === 'sqlite' ? 'sqlite' : 'sql'}`);
}

export async function backupDatabase(db: DatabaseConfig, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  if (db.type === 'sqlite') {
    if (!existsSync(db.path)) throw new Error(`no SQLite database at ${db.path}`);
    const source = new BetterSqlite3(db.path, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return;
  }
  const { args, env } = mysqlClientArgs(db.url);
  await run('mysqldump', ['--single-transaction', '--quick', '--routines', '--triggers', '--no-tablespaces', '--hex-blob', ...args], env, {
    stdout: file,
  });
}

export async function restoreDatabase(db: DatabaseConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  if (db.type === 'sqlite') {
    // check that it is an Einlass SQLite database before replacing anything
    const check = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      check.prepare('SELECT COUNT(*) FROM migrations').get();
    } finally {
      check.close();
    }
    mkdirSync(dirname(db.path), { recursive: true });
    for (const suffix of ['-wal', '-shm']) rmSync(db.path + suffix, { force: true });
    copyFileSync(file, db.path);
    return;
  }
  const { args, env } = mysqlClientArgs(db.url);
  await run('mysql', ['--binary-mode', ...args], env, { stdin: file });
}

/** Client arguments for a mysql:// URL; the password goes through the environment, never the command line. */
function mysqlClientArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL names no database');
  const args = [
    `--host=${u.hostname}`,
    `--port=${u.port || '3306'}`,
    `--user=${decodeURIComponent(u.username) || 'root'}`,
    '--default-character-set=utf8mb4',
    database,
  ];
  return { args, env: { ...process.env, MYSQL_PWD: decodeURIComponent(u.password) } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, io: { stdout?: string; stdin?: string }): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { env, stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    if (io.stdout) child.stdout!.pipe(createWriteStream(io.stdout));
    if (io.stdin) createReadStream(io.stdin).pipe(child.stdin!);
    child.on('error', (error) => reject(new Error(`${command} could not be started (${error.message}); install the MariaDB/MySQL client`)));
    child.on('close', (code) => (code === 0 ? resolveRun() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
