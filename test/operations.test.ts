import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShutdownState } from '../backend/src/common/shutdown.js';
import { openDatabase } from '../backend/src/database/database.js';
import { backupDatabase, restoreDatabase } from '../backend/src/operations/backup.js';
import { migrations } from '../migrations/index.js';
import { createConnection } from 'mysql2/promise';
import { describeEachDatabase, describeWithMysql } from './support/databases.js';
import { createMysqlDatabase } from './support/mysql.js';
import { freePort, portAccepts } from './support/net.js';
import { startSystem, type TestSystem } from './support/system.js';

const REPO = resolve(import.meta.dirname, '..');

async function portRefuses(port: number): Promise<boolean> {
  return !(await portAccepts(port));
}

/** The built server started the way an operator starts it; resolves once it has printed its start-up lines. */
function startBuilt(
  command: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(command[0], command.slice(1), { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((done, reject) => {
    const onData = (c: Buffer) => {
      output += c.toString();
      if (/API docs/.test(output)) done({ child, output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
}

function serverEnv(dir: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'einlass.sqlite')}`,
    MAIL_OUTBOX_DIR: join(dir, 'outbox'),
    EINLASS_JOBS: 'off',
    EINLASS_DEMO_APPOINTMENTS: 'off',
    NODE_ENV: '',
    ...extra,
  };
}

describe('the built server as an operator runs it', () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'einlass-ops-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('`npm run start:prod` passes SIGTERM through npm to the server, which drains and exits 0', async () => {
    const port = await freePort();
    const server = await startBuilt(['npm', 'run', 'start:prod'], serverEnv(dir, port));
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: draining');
    // nothing was left running on the port (before, the server was orphaned and kept listening)
    expect(await portRefuses(port)).toBe(true);
  });

  it('prints working demo URLs with their device tokens and the address it is bound to', async () => {
    const port = await freePort();
    const server = await startBuilt(
      ['node', 'scripts/run.mjs', 'server'],
      serverEnv(dir, port, { PUBLIC_URL: `http://127.0.0.1:${port}` }),
    );
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain(`listens on 127.0.0.1:${port}`);
    expect(server.output()).toContain(`http://127.0.0.1:${port}/display/?token=demo-display`);
    expect(server.output()).toContain(`http://127.0.0.1:${port}/kiosk/?token=demo-kiosk`);
  });

  it('LOG_FORMAT=json writes one JSON object per line, with a request line that carries no query string', async () => {
    const port = await freePort();
    const server = await startBuilt(['node', 'scripts/run.mjs', 'server'], serverEnv(dir, port, { LOG_FORMAT: 'json' }));
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/bookings/preview?token=secret-token-123`, {
      headers: { 'x-request-id': 'req-42' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-42');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const lines = server.output().trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { level: string; context?: string; message: unknown });
    expect(entries.every((e) => typeof e.level === 'string')).toBe(true);
    const request = entries.find((e) => e.context === 'HTTP');
    expect(request?.message).toMatchObject({ requestId: 'req-42', method: 'GET', path: '/api/v1/bookings/preview', status: res.status });
    expect(server.output()).not.toContain('secret-token-123');
    // eslint-disable-next-line no-control-regex
    expect(server.output()).not.toMatch(/\u001b\[/);
  });
});

describe('draining', () => {
  let system: TestSystem;
  beforeAll(async () => void (system = await startSystem()));
  afterAll(async () => system?.close());

  it('answers health and new requests with 503 while the instance shuts down', async () => {
    const state = system.backend.app.get(ShutdownState);
    state.draining = true;
    try {
      const health = await system.api('/health');
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'draining', database: 'ok' });
      const other = await system.api('/locations');
      expect(other.status).toBe(503);
      expect(other.headers.get('retry-after')).toBe('5');
      expect(await other.json()).toMatchObject({ error: 'shutting_down' });
    } finally {
      state.draining = false;
    }
    expect((await system.api('/locations')).status).toBe(200);
  });
});

describeEachDatabase('backup and restore', (name) => {
  let system: TestSystem;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'einlass-backup-'));
    system = await startSystem({ database: name });
  });
  afterAll(async () => {
    await system?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a backup taken while the server runs brings back its bookings, and only those', async () => {
    const kept = await system.bookConfirmed();
    const file = join(dir, name === 'sqlite' ? 'backup.sqlite' : 'backup.sql');
    await backupDatabase(system.config.database, file);
    const later = await system.bookConfirmed();
    await system.stop();
    await restoreDatabase(system.config.database, file);
    await system.ensureRunning();
    // a known code is never answered with unknown_code, whatever the hour
    const keptAnswer = await system.checkIn(kept.code);
    expect(keptAnswer.body.outcome).not.toBe('unknown_code');
    expect((await system.checkIn(later.code)).body.outcome).toBe('unknown_code');
  });
});

describeWithMysql('migrations of instances starting together (MySQL)', () => {
  it('run once, under a lock: both instances start on the fresh database', async () => {
    const mysql = await createMysqlDatabase();
    try {
      const config = { type: 'mysql' as const, url: mysql.url, poolSize: 2 };
      const [a, b] = await Promise.all([openDatabase(config), openDatabase(config)]);
      const applied = (await a.dataSource.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[];
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
      await Promise.all([a.close(), b.close()]);
    } finally {
      await mysql.drop();
    }
  });

  it('never wait for a migration of another database on the same server', async () => {
    const [busy, fresh] = await Promise.all([createMysqlDatabase(), createMysqlDatabase()]);
    // the other database's migration lock, held as a starting instance holds it
    const holder = await createConnection({ uri: busy.url });
    try {
      const [[row]] = (await holder.query(
        "SELECT GET_LOCK(CONCAT('einlass-migrations:', LEFT(SHA1(DATABASE()), 40)), 0) AS got",
      )) as unknown as [{ got: number }[]];
      expect(Number(row.got)).toBe(1);
      const db = await openDatabase({ type: 'mysql', url: fresh.url, poolSize: 2 });
      expect(((await db.dataSource.query('SELECT COUNT(*) AS n FROM migrations')) as { n: number }[])[0].n).toBeGreaterThan(0);
      await db.close();
    } finally {
      await holder.end();
      await Promise.all([busy.drop(), fresh.drop()]);
    }
  });
});
