import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from './support/system.js';

/**
 * Infrastructure faults on servers of the test's own — never the shared MariaDB on 3306 or the
 * shared Redis: a mariadbd with its own data directory and a redis-server, each on a spare port,
 * stopped and killed by PID.
 */
async function sparePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls until `check` holds (the servers come up in their own time); fails after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<number> {
  const start = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - start > ms) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - start;
}

class OwnMariaDb {
  process: ChildProcess | null = null;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}
  static async create(): Promise<OwnMariaDb> {
    const dir = mkdtempSync(join(tmpdir(), 'einlass-faults-db-'));
    chmodSync(dir, 0o755);
    execFileSync(
      'mariadb-install-db',
      ['--user=mysql', `--datadir=${dir}/data`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { stdio: 'ignore' },
    );
    const db = new OwnMariaDb(dir, await sparePort());
    await db.start();
    const conn = await createConnection({ host: '127.0.0.1', port: db.port, user: 'root' });
    await conn.query('CREATE DATABASE einlass CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await conn.end();
    return db;
  }
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/einlass`;
  }
  async start(): Promise<void> {
    this.process = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        '--user=mysql',
        `--datadir=${this.dir}/data`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${this.dir}/data/mysqld.sock`,
        '--skip-log-bin',
        '--innodb-buffer-pool-size=16M',
      ],
      { stdio: 'ignore' },
    );
    await until('mariadbd accepting connections', async () => {
      const c = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 });
      await c.end();
      return true;
    });
  }
  async kill(): Promise<void> {
    const p = this.process!;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
    this.process = null;
  }
  async close(): Promise<void> {
    if (this.process) await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('the database goes away and comes back (own mariadbd)', () => {
  let db: OwnMariaDb;
  let system: TestSystem;
  beforeAll(async () => {
    db = await OwnMariaDb.create();
    system = await startSystem({ env: { DATABASE_URL: db.url } });
  }, 180_000);
  afterAll(async () => {
    await system?.close();
    await db?.close();
  });

  it('answers 503 with Retry-After while MariaDB is killed, never 422 or 500, and recovers by itself', async () => {
    const concernId = system.demo.concernIds.certificate;
    const start = await system.firstFreeStart(concernId);
    let n = 0;
    const book = () =>
      system.api('/bookings', {
        method: 'POST',
        json: { locationId: 1, concernId, start, name: 'Fault Test', email: `fault${n++}@example.org`, consent: true },
      });
    expect((await book()).status).toBe(201);

    await db.kill();
    const killedAt = Date.now();
    const statuses: number[] = [];
    let first503 = -1;
    for (let i = 0; i < 8; i++) {
      const res = await book();
      statuses.push(res.status);
      if (res.status === 503) {
        if (first503 < 0) first503 = Date.now() - killedAt;
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await res.json()).toMatchObject({ error: 'service_unavailable' });
      } else await res.arrayBuffer();
    }
    expect(statuses.every((s) => s === 503)).toBe(true);
    const health = await system.api('/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ database: 'unreachable' });

    await db.start();
    const restartedAt = Date.now();
    const recovery = await until('the API books again', async () => {
      const res = await book();
      await res.arrayBuffer();
      expect([201, 503]).toContain(res.status);
      return res.status === 201;
    });
    console.log(
      `database faults: first 503 ${first503} ms after the kill; bookings again ${recovery} ms after MariaDB was back (${Date.now() - restartedAt} ms)`,
    );
    expect((await system.api('/health')).status).toBe(200);
  });
});

describe('Redis goes away and comes back (own redis-server)', () => {
  let redis: ChildProcess | null = null;
  let port: number;
  let system: TestSystem;
  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  };
  beforeAll(async () => {
    port = await sparePort();
    await startRedis();
    await until('redis-server up', async () => (await fetch(`http://127.0.0.1:${port}`).catch((e: Error) => e)) instanceof Error && true);
    system = await startSystem({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  }, 120_000);
  afterAll(async () => {
    await system?.close();
    redis?.kill('SIGKILL');
  });

  it('falls back to local limits for login and check-in, reports Redis in /health, and shares again when it is back', async () => {
    await until('Redis reported ok', async () => ((await (await system.api('/health')).json()) as { redis: string }).redis === 'ok');
    const exited = new Promise((r) => redis!.once('exit', r));
    redis!.kill('SIGKILL');
    await exited;
    const login = await system.api('/auth/login', { method: 'POST', json: { username: 'clerk', password: 'demo' } });
    expect(login.status).toBe(200);
    const checkIn = await system.checkIn('ZZZZ-ZZZZ');
    expect(checkIn.status).toBe(404);
    const wrong: number[] = [];
    for (let i = 0; i < 6; i++)
      wrong.push((await system.api('/auth/login', { method: 'POST', json: { username: 'hotline', password: 'x' } })).status);
    expect(wrong).toEqual([401, 401, 401, 401, 401, 429]);
    const health = (await (await system.api('/health')).json()) as { status: string; redis: string };
    expect(health).toMatchObject({ status: 'ok', redis: 'unreachable' });

    await startRedis();
    await until('Redis reported ok again', async () => {
      await system.api('/auth/login', { method: 'POST', json: { username: 'admin', password: 'demo' } });
      return ((await (await system.api('/health')).json()) as { redis: string }).redis === 'ok';
    });
  });
});
