import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DISPLAY_NAMESPACE, type DisplayCallEvent, type DisplaySnapshot, SOCKET_TRANSPORTS } from '@einlass/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlAvailable } from './support/mysql.js';
import { freePort, portAccepts } from './support/net.js';
import { startSystem, type TestSystem } from './support/system.js';

/**
 * Debian's nginx with the shipped proxy rules (deploy/nginx/einlass-proxy.conf; TLS off) in
 * front of two instances on one MariaDB and Redis, round-robin without sticky sessions — as a
 * town's IT runs it.
 */
const REPO = resolve(import.meta.dirname, '..');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
if (!nginxBinary && process.env.CI) throw new Error('nginx is not installed; .ci/run installs it');

async function untilListening(port: number, proc: ChildProcess): Promise<void> {
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}`);
    if (await portAccepts(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(mysqlAvailable && nginxBinary)('nginx in front of two instances', () => {
  let a: TestSystem;
  let b: TestSystem;
  let nginx: ChildProcess;
  let dir: string;
  let base: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    a = await startSystem({ database: 'mysql', env: { REDIS_URL } });
    b = await startSystem({ database: 'mysql', shareDatabaseOf: a, env: { REDIS_URL } });
    b.clock.set(a.clock.now());
    dir = mkdtempSync(join(tmpdir(), 'einlass-nginx-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const site = readFileSync(join(REPO, 'deploy/docker/nginx-compose.conf'), 'utf8')
      .replace(/server app1:3000/, `server 127.0.0.1:${a.port}`)
      .replace(/server app2:3000/, `server 127.0.0.1:${b.port}`)
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace('/etc/nginx/snippets/einlass-proxy.conf', join(REPO, 'deploy/nginx/einlass-proxy.conf'));
    writeFileSync(join(dir, 'site.conf'), site);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nworker_processes 1;\nevents { worker_connections 1024; }\nhttp {\n  access_log ${dir}/access.log;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  include ${dir}/site.conf;\n}\n`,
    );
    nginx = spawn(nginxBinary!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await untilListening(port, nginx);
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    nginx?.kill('SIGQUIT');
    await b?.close();
    await a?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function display(): Promise<{ socket: Socket; snapshot: DisplaySnapshot }> {
    // the display app's own settings: WebSocket only, through the proxy's /socket.io/
    const socket = io(`${base}${DISPLAY_NAMESPACE}`, {
      transports: [...SOCKET_TRANSPORTS],
      forceNew: true,
      reconnection: false,
      auth: { token: 'demo-display' },
    });
    sockets.push(socket);
    return new Promise((done, reject) => {
      socket.once('snapshot', (snapshot: DisplaySnapshot) => done({ socket, snapshot }));
      socket.once('connect_error', reject);
    });
  }

  it('connects 50 displays with the apps’ transport settings, without a single error', async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => display()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // both instances hold connections (round-robin), so no sticky session was needed
    const open = (s: TestSystem) =>
      new Promise<number>((done, reject) => (s.backend.app.getHttpServer() as Server).getConnections((e, n) => (e ? reject(e) : done(n))));
    expect(await open(a)).toBeGreaterThanOrEqual(10);
    expect(await open(b)).toBeGreaterThanOrEqual(10);
  });

  it('shows a call taken on one instance on every display, whichever instance it is connected to', async () => {
    const displays = await Promise.all(Array.from({ length: 4 }, () => display()));
    const arrived = displays.map(({ socket }) => new Promise<DisplayCallEvent>((done) => socket.once('call', done)));
    const booking = await a.bookConfirmed();
    const at = new Date(new Date(booking.start).getTime() - 5 * 60_000);
    a.clock.set(at);
    b.clock.set(at);
    const checkIn = await fetch(`${base}/api/v1/kiosk/check-in`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
      body: JSON.stringify({ code: booking.code }),
    });
    const ticket = ((await checkIn.json()) as { ticket: string }).ticket;
    expect(await a.callNext(3)).toMatchObject({ ticket });
    for (const call of await Promise.all(arrived)) expect(call).toMatchObject({ ticket, counter: 'Schalter 3', recall: false });
  });

  it('never oversells when citizens book the last seats through nginx at once', async () => {
    const concernId = a.demo.concernIds.certificate;
    const day = await a.dayWithSeats(concernId, 1);
    const slot = day.slots[0];
    const attempts = slot.free + 20;
    const answers = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        fetch(`${base}/api/v1/bookings`, {
          method: 'POST',
          // distinct citizens: nginx appends its own hop, the backend trusts loopback
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
          body: JSON.stringify({
            locationId: 1,
            concernId,
            start: slot.start,
            name: `Bürger ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
            email: `nginx-${i}@example.org`,
            consent: true,
          }),
        }).then((r) => r.status),
      ),
    );
    expect(
      answers.filter((s) => s === 201),
      JSON.stringify(answers),
    ).toHaveLength(slot.free);
    expect(answers.filter((s) => s === 409)).toHaveLength(20);
    const after = (await (
      await fetch(`${base}/api/v1/locations/1/availability?concernId=${concernId}&from=${day.date}&to=${day.date}`)
    ).json()) as { days: { slots: { start: string; free: number }[] }[] };
    expect(after.days.flatMap((d) => d.slots).find((s) => s.start === slot.start)).toBeUndefined();
  });
});
