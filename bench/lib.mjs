// Small helpers shared by the benchmarks.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export const ROOT = new URL('..', import.meta.url).pathname;
// BENCH_BACKEND_ROOT: measure another build of the backend (e.g. an export of main) with this bench.
export const dist = (p) => join(process.env.BENCH_BACKEND_ROOT ?? ROOT, 'backend', 'dist', 'backend', 'src', p);

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summary(latenciesMs) {
  const s = [...latenciesMs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] };
}

export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

/** Runs `task(i)` for i < total with `concurrency` workers; returns per-task latencies (ms). */
export async function pool(total, concurrency, task) {
  const latencies = new Array(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        await task(i);
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** Replaces the section `## <title>` in bench/RESULTS.md with the new figures. */
export function writeResults(title, markdown) {
  const file = join(ROOT, 'bench', 'RESULTS.md');
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark results\n\nWritten by `npm run bench`; each figure stands beside its raw baseline measured in the same run.\n';
  const header = `## ${title}`;
  const start = text.indexOf(header);
  if (start >= 0) {
    const end = text.indexOf('\n## ', start + header.length);
    text = text.slice(0, start) + text.slice(end >= 0 ? end + 1 : text.length);
  }
  text = `${text.trimEnd()}\n\n${header}\n\n${markdown.trim()}\n`;
  writeFileSync(file, text);
}

export function log(...args) {
  console.log(...args);
  if (process.env.BENCH_LOG) appendFileSync(process.env.BENCH_LOG, args.join(' ') + '\n');
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the built backend (`backend/dist`) in a child process; resolves once it answers. */
export async function startServer(env) {
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, dist('main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, EINLASS_APPS_ROOT: ROOT, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/locations`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}`);
  return {
    url,
    pid: child.pid,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A lean HTTP client for load: node:http on keep-alive sockets, one per concurrent client.
 * The load generator shares the machine's two cores with the backend and MariaDB, so a
 * cheaper client (than fetch) leaves the backend more of the CPU it is measured on.
 */
export function httpClient(base, sockets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(base);
  // `extra`: a device token (string) or further request headers (object, e.g. X-Forwarded-For)
  return (method, path, body, extra) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = {
        ...(typeof extra === 'object' ? extra : {}),
        ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
      };
      if (typeof extra === 'string') headers.authorization = `Bearer ${extra}`;
      const req = http.request({ agent, hostname, port, method, path, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(data);
    });
}

/** Changes location settings through the admin API (demo login), as an office would in the desk. */
export async function patchLocation(base, id, patch) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${base}/api/v1/locations/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(patch),
  });
  if (!res.ok) throw new Error(`PATCH /locations/${id}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * A MySQL/MariaDB database of its own for one run (on TEST_MYSQL_URL's server): its URL and host,
 * and drop() to remove it again.
 */
export async function newMysqlDatabase(prefix = 'einlass_bench') {
  const server = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: server });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    host: url.host,
    drop: async () => (await admin.query(`DROP DATABASE IF EXISTS \`${name}\``), await admin.end()),
  };
}
