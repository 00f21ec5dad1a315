// Operations figures (issue 14): start-up time of the built server, the booking rush through
// nginx to two instances beside the same rush to one, and one instance's resident memory.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool } from 'mysql2/promise';
import { dist, fmt, freePort, log, newMysqlDatabase, patchLocation, pool, ROOT, startServer, summary, writeResults } from './lib.mjs';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const SLOTS = 20;
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** ms from spawning `command` until GET url answers 200. */
async function timeToHealthy(command, env, url) {
  const t0 = performance.now();
  const child = spawn(command[0], command.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t0;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return ms;
}

async function startup() {
  const dir = mkdtempSync(join(tmpdir(), 'einlass-bench-start-'));
  const rows = [];
  try {
    const port = await freePort();
    const base = {
      PORT: String(port),
      HOST: '127.0.0.1',
      EINLASS_JOBS: 'off',
      EINLASS_DEMO_APPOINTMENTS: 'off',
      LOG_LEVEL: 'warn',
      MAIL_OUTBOX_DIR: join(dir, 'outbox'),
    };
    const health = `http://127.0.0.1:${port}/api/v1/health`;
    const bare = [];
    for (let i = 0; i < 3; i++) {
      bare.push(
        await timeToHealthy(['node', '-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`], {}, health),
      );
    }
    rows.push(['bare `node` HTTP server (raw baseline)', bare]);
    const fresh = [];
    for (let i = 0; i < 3; i++) {
      fresh.push(
        await timeToHealthy(
          ['node', 'scripts/run.mjs', 'server'],
          { ...base, DATABASE_URL: `sqlite:${join(dir, `fresh-${i}.sqlite`)}` },
          health,
        ),
      );
    }
    rows.push(['`start:prod`, SQLite, fresh (migrations + demo seed + slot horizon)', fresh]);
    const mysql = await newMysqlDatabase();
    try {
      await timeToHealthy(['node', 'scripts/run.mjs', 'server'], { ...base, DATABASE_URL: mysql.url }, health);
      const migrated = [];
      for (let i = 0; i < 3; i++)
        migrated.push(await timeToHealthy(['node', 'scripts/run.mjs', 'server'], { ...base, DATABASE_URL: mysql.url }, health));
      rows.push(['`start:prod`, MySQL, already migrated', migrated]);
    } finally {
      await mysql.drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [what, ms] of rows) log(`startup ${what}: ${ms.map((m) => fmt(m, 0)).join(' / ')} ms`);
  return rows;
}

async function startNginx(upstreams) {
  const dir = mkdtempSync(join(tmpdir(), 'einlass-bench-nginx-'));
  const port = await freePort();
  const site = readFileSync(join(ROOT, 'deploy/docker/nginx-compose.conf'), 'utf8')
    .replace(
      / {4}server app1:3000[^\n]*\n {4}server app2:3000[^\n]*\n/,
      upstreams.map((u) => `    server 127.0.0.1:${new URL(u).port};\n`).join(''),
    )
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('/etc/nginx/snippets/einlass-proxy.conf', join(ROOT, 'deploy/nginx/einlass-proxy.conf'));
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nworker_processes 1;\nevents { worker_connections 4096; }\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  include ${dir}/site.conf;\n}\n`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  for (;;) {
    const ok = await new Promise((done) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), done(true)));
      s.once('error', () => done(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    close: () => (child.kill('SIGQUIT'), rmSync(dir, { recursive: true, force: true })),
  };
}

/** The rush through nginx: REQUESTS reservations by distinct citizens (own X-Forwarded-For). */
async function rush(base, starts, capacity, sample) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const { hostname, port } = new URL(base);
  const statuses = new Map();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, ...sample())), 100);
  const result = await pool(
    REQUESTS,
    CONCURRENCY,
    (i) =>
      new Promise((resolve, reject) => {
        const body = Buffer.from(
          JSON.stringify({
            locationId: 1,
            concernId: 3,
            start: starts[i % starts.length],
            name: 'Rush Hour',
            email: `ops${i}-${randomBytes(3).toString('hex')}@bench.example`,
            consent: true,
          }),
        );
        const req = http.request(
          {
            agent,
            hostname,
            port,
            method: 'POST',
            path: '/api/v1/bookings',
            headers: {
              'content-type': 'application/json',
              'content-length': body.length,
              'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => (statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1), resolve()));
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
  );
  clearInterval(sampler);
  agent.destroy();
  const s = summary(result.latencies);
  return { perSecond: REQUESTS / result.seconds, p50: s.p50, p99: s.p99, statuses: Object.fromEntries(statuses), peak, capacity };
}

async function rushes() {
  if (!NGINX) {
    log('nginx is not installed: the rush through nginx is skipped');
    return null;
  }
  const mysql = await newMysqlDatabase();
  const outbox = mkdtempSync(join(tmpdir(), 'einlass-bench-mail-'));
  const env = {
    EINLASS_MODE: 'demo',
    DATABASE_URL: mysql.url,
    DATABASE_POOL_SIZE: String(CONCURRENCY),
    REDIS_URL,
    LOG_LEVEL: 'warn',
    MAIL_OUTBOX_DIR: outbox,
    TRUST_PROXY: 'loopback',
  };
  const a = await startServer(env);
  const b = await startServer(env);
  const db = createPool({ uri: mysql.url, connectionLimit: 4 });
  const { toZonedIso } = await import(dist('common/time.js'));
  try {
    const [rows] = await db.query('SELECT id, start_at FROM slot WHERE start_at > ? ORDER BY start_at LIMIT ?', [
      Date.now() + 86_400_000,
      SLOTS * 2,
    ]);
    const capacity = Math.floor((REQUESTS * 0.8) / SLOTS);
    await db.query('UPDATE slot SET capacity = ?, booked = 0 WHERE id IN (?)', [capacity, rows.map((r) => r.id)]);
    const starts = rows.map((r) => toZonedIso(new Date(Number(r.start_at)), 'Europe/Berlin'));
    // distinct citizens, each from its own address; the office-wide rush threshold (which asks
    // everyone for proof of work) is out of the way: `npm run bench -- rush` measures that
    await patchLocation(a.url, 1, { fairness: { rushPerMinute: 100000, mailsPerDomainPerHour: 100000 } });
    const idle = rssMiB(a.pid);
    const results = {};
    for (const [label, upstreams, slots] of [
      ['one instance', [a.url], starts.slice(0, SLOTS)],
      ['two instances', [a.url, b.url], starts.slice(SLOTS)],
    ]) {
      const proxy = await startNginx(upstreams);
      for (let i = 0; i < 50; i++) await fetch(`${proxy.url}/api/v1/locations/1/concerns`);
      results[label] = await rush(proxy.url, slots, capacity, () => [rssMiB(a.pid)]);
      proxy.close();
      const [[{ oversold }]] = await db.query('SELECT COUNT(*) AS oversold FROM slot WHERE booked > capacity');
      results[label].oversold = Number(oversold);
      log(
        `rush through nginx to ${label}: ${fmt(results[label].perSecond, 0)}/s, p50 ${fmt(results[label].p50)} ms, p99 ${fmt(results[label].p99)} ms, ${JSON.stringify(results[label].statuses)}, instance A RSS peak ${fmt(results[label].peak, 0)} MiB, oversold ${oversold}`,
      );
    }
    return { idle, results, after: rssMiB(a.pid) };
  } finally {
    await db.end();
    await a.close();
    await b.close();
    await mysql.drop();
    rmSync(outbox, { recursive: true, force: true });
  }
}

export async function run() {
  const starts = await startup();
  const r = await rushes();
  const lines = [
    `Run ${new Date().toISOString()} — Node ${process.version}, MariaDB at 127.0.0.1:3306, Redis, Debian nginx ${NGINX ? '' : '(missing)'}; ${REQUESTS} reservations by ${CONCURRENCY} concurrent clients, each request from its own address (X-Forwarded-For).`,
    '',
    '### Start-up: spawn to the first 200 on `/api/v1/health` (three starts each)',
    '',
    '| what | ms (each start) | median |',
    '| --- | --- | ---: |',
    ...starts.map(([what, ms]) => `| ${what} | ${ms.map((m) => fmt(m, 0)).join(' / ')} | ${fmt(median(ms), 0)} |`),
  ];
  if (r) {
    const one = r.results['one instance'];
    const two = r.results['two instances'];
    lines.push(
      '',
      '### Booking rush through nginx (round-robin, same run)',
      '',
      '| upstream | attempts/s | p50 ms | p99 ms | answers | oversell |',
      '| --- | ---: | ---: | ---: | --- | ---: |',
      ...Object.entries(r.results).map(
        ([label, x]) =>
          `| ${label} | ${fmt(x.perSecond, 0)} | ${fmt(x.p50)} | ${fmt(x.p99)} | ${Object.entries(x.statuses)
            .map(([k, v]) => `${v}×${k}`)
            .join(', ')} | ${x.oversold} |`,
      ),
      '',
      `Two ÷ one instance: **${fmt(two.perSecond / one.perSecond, 2)}** (throughput), p99 ${fmt(two.p99 / one.p99, 2)}×. On this 2-core machine the load generator, nginx, MariaDB, Redis and the instances share the same two cores: a second instance adds a Node thread but no core, so the ratio shows the proxy's overhead and the contention, not the scaling a town gets from a second machine.`,
      '',
      `Resident memory of instance A: idle ${fmt(r.idle, 0)} MiB, peak during the rushes ${fmt(Math.max(one.peak, two.peak), 0)} MiB, after ${fmt(r.after, 0)} MiB.`,
    );
  }
  writeResults('Operations (`npm run bench -- ops`)', lines.join('\n'));
}
