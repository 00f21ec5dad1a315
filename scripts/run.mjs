#!/usr/bin/env node
// Runs a built entry point of the backend (the server, migrate, admin:create, backup, restore)
// as a child that receives this process's signals, and exits with its code — so SIGTERM from
// npm, systemd or Ctrl-C reaches the server, which drains and exits 0.
//
//   node scripts/run.mjs [--build] <entry> [args…]
//
// --build (npm start): builds first when there is no build or a source file is newer than it.
// Without it (start:prod, migrate, …) a missing build is an error: production never builds.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(root, 'backend', 'dist', '.build-stamp');
const ENTRIES = {
  server: 'backend/dist/backend/src/main.js',
  migrate: 'backend/dist/backend/src/cli/migrate.js',
  'admin-create': 'backend/dist/backend/src/cli/admin-create.js',
  backup: 'backend/dist/backend/src/cli/backup.js',
  restore: 'backend/dist/backend/src/cli/restore.js',
};
/** What a build is made from: a change in any of these makes `npm start` build again. */
const SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'contracts',
  'backend',
  'migrations',
  'web-kit',
  'booking',
  'desk',
  'display',
  'kiosk',
];
const SKIP = new Set(['node_modules', 'dist', 'out', 'release']);

function newestSource(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestSource(join(path, entry.name)));
  }
  return newest;
}

/** Why a build is needed, or null when the build is newer than every source. */
export function buildNeeded() {
  if (!existsSync(STAMP)) return 'no build yet';
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestSource(s) > built) ? 'sources changed since the last build' : null;
}

export function writeStamp() {
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--stamp') return writeStamp();
  const build = args[0] === '--build';
  if (build) args.shift();
  const [name, ...rest] = args;
  const entry = ENTRIES[name];
  if (!entry) {
    console.error(`usage: node scripts/run.mjs [--build] <${Object.keys(ENTRIES).join('|')}> [args…]`);
    process.exit(2);
  }
  if (build) {
    const reason = buildNeeded();
    if (reason) {
      console.log(`Building first (${reason}); \`npm run start:prod\` starts without building.`);
      const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) process.exit(r.status ?? 1);
    } else {
      console.log('The build is newer than the sources: starting without building.');
    }
  }
  if (!existsSync(join(root, entry))) {
    console.error(`${entry} is missing: run \`npm run build\` first (a production host builds once, then runs \`npm ci --omit=dev\`).`);
    process.exit(2);
  }
  const child = spawn(process.execPath, [join(root, entry), ...rest], { cwd: process.cwd(), stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
