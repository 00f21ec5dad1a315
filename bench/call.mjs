// Call-up latency: POST call-next → `call` event at 100 connected displays, beside a bare
// socket.io emit-to-receive (HTTP POST → emit → 100 clients) in the same run; and check-in
// latency with 20 concurrent kiosks, beside an authenticated no-op request of the same kiosks.
import { fork } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { fmt, log, pool, ROOT, startServer, summary, writeResults } from './lib.mjs';

const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 100);
const CALLS = Number(process.env.BENCH_CALLS ?? 150);
const KIOSKS = 20;
const CHECKINS_PER_KIOSK = 20;
const require = createRequire(join(ROOT, 'backend', 'package.json'));
const Sqlite = require('better-sqlite3');
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = () => Array.from(randomBytes(8), (b) => CROCKFORD[b % 32]).join('');
const sha = (s) => createHash('sha256').update(s).digest('hex');

function berlinDate(d) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Resident memory of a process in MiB (Linux). */
function rssMiB(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** Fixture: confirmed bookings starting now (admission window open), some already checked in. */
function seed(dbFile, waitingTickets, confirmedCodes) {
  const db = new Sqlite(dbFile);
  db.pragma('busy_timeout = 5000');
  const now = Date.now();
  const date = berlinDate(new Date(now));
  const insertBooking = db.prepare(
    "INSERT INTO booking (id, location_id, concern_id, start_at, end_at, name, language, channel, status, code, created_at, confirmed_at) VALUES (?, 1, 3, ?, ?, 'Bench', 'de', 'phone', ?, ?, ?, ?)",
  );
  const insertTicket = db.prepare(
    "INSERT INTO ticket (booking_id, location_id, concern_id, date, number, label, status, start_at, checked_in_at, recall_count) VALUES (?, 1, 3, ?, ?, ?, 'checked_in', ?, ?, 0)",
  );
  const kioskTokens = [];
  db.transaction(() => {
    for (let i = 0; i < waitingTickets; i++) {
      const id = randomUUID();
      insertBooking.run(id, now, now + 900_000, 'checked_in', code(), now, now);
      insertTicket.run(id, date, 9000 + i, `Z${i}`, now, now + i);
    }
    for (let i = 0; i < confirmedCodes.length; i++)
      insertBooking.run(randomUUID(), now + 5 * 60_000, now + 20 * 60_000, 'confirmed', confirmedCodes[i], now, now);
    db.prepare('INSERT OR IGNORE INTO ticket_sequence (location_id, date, last_number) VALUES (1, ?, 0)').run(date);
    for (let k = 0; k < 2 * KIOSKS; k++) {
      const token = randomBytes(32).toString('base64url');
      db.prepare(
        "INSERT INTO device (location_id, kind, name, token_hash, created_at, failed_checkins) VALUES (1, 'kiosk', ?, ?, ?, 0)",
      ).run(`Bench kiosk ${k}`, sha(token), now);
      kioskTokens.push(token);
    }
  })();
  db.close();
  return kioskTokens;
}

async function connectDisplays(url, opts) {
  const clients = await Promise.all(
    Array.from(
      { length: DISPLAYS },
      () =>
        new Promise((resolve, reject) => {
          const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...opts });
          s.once('snapshot', () => resolve(s));
          s.once('connect_error', reject);
        }),
    ),
  );
  return clients;
}

/** POSTs `trigger()` CALLS times; for each, the time until every client has the event. */
async function measure(clients, trigger) {
  const samples = [];
  for (let i = 0; i < CALLS; i++) {
    let pending = clients.length;
    let t0 = 0;
    const all = new Promise((resolve) => {
      for (const c of clients) {
        c.once('call', () => {
          samples.push(performance.now() - t0);
          if (--pending === 0) resolve();
        });
      }
    });
    t0 = performance.now();
    const res = await trigger();
    if (res.status !== 200) throw new Error(`trigger answered ${res.status}`);
    await all;
  }
  return summary(samples);
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'einlass-bench-call-'));
  const dbFile = join(dir, 'einlass.sqlite');
  const server = await startServer({
    EINLASS_MODE: 'demo',
    DATABASE_URL: `sqlite:${dbFile}`,
    LOG_LEVEL: 'warn',
    MAIL_OUTBOX_DIR: join(dir, 'outbox'),
  });
  const codes = Array.from({ length: KIOSKS * CHECKINS_PER_KIOSK }, code);
  const pacedCodes = Array.from({ length: KIOSKS * CHECKINS_PER_KIOSK }, code);
  const warmupCodes = Array.from({ length: 2 * KIOSKS }, code);
  const allTokens = seed(dbFile, CALLS + 10, [...codes, ...pacedCodes, ...warmupCodes]);
  // each kiosk may check in 30 times a minute: the paced run uses its own kiosks
  const kioskTokens = allTokens.slice(0, KIOSKS);
  const pacedTokens = allTokens.slice(KIOSKS);
  const bare = fork(new URL('./bare-socket-server.mjs', import.meta.url), { stdio: 'inherit' });
  const barePort = await new Promise((resolve) => bare.once('message', (m) => resolve(m.port)));
  try {
    // --- call → display
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk', password: 'demo' }),
    });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const rssIdle = rssMiB(server.pid);
    const displays = await connectDisplays(`${server.url}/display`, { auth: { token: 'demo-display' } });
    const bareClients = await connectDisplays(`http://127.0.0.1:${barePort}`, {});
    const bareFirst = await measure(bareClients, () => fetch(`http://127.0.0.1:${barePort}/emit`, { method: 'POST' }));
    const einlass = await measure(displays, () =>
      fetch(`${server.url}/api/v1/counters/1/call-next`, { method: 'POST', headers: { cookie } }),
    );
    const bareAgain = await measure(bareClients, () => fetch(`http://127.0.0.1:${barePort}/emit`, { method: 'POST' }));
    const rssLoaded = rssMiB(server.pid);
    const bareRss = rssMiB(bare.pid);
    for (const c of [...displays, ...bareClients]) c.disconnect();
    const bareAll = { p50: (bareFirst.p50 + bareAgain.p50) / 2, p99: (bareFirst.p99 + bareAgain.p99) / 2 };

    // --- check-in with 20 concurrent kiosks, beside GET /devices/me by the same kiosks
    const post = (token, c) =>
      fetch(`${server.url}/api/v1/kiosk/check-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ code: c }),
      });
    // warm-up: one check-in per kiosk (first use of each device and of the code paths)
    await Promise.all(allTokens.map((token, k) => post(token, warmupCodes[k]).then((r) => r.arrayBuffer())));
    const outcomes = new Map();
    const checkin = await pool(codes.length, KIOSKS, async (i) => {
      const res = await post(kioskTokens[i % KIOSKS], codes[i]);
      const body = await res.json();
      outcomes.set(body.outcome ?? body.error, (outcomes.get(body.outcome ?? body.error) ?? 0) + 1);
    });
    const noop = await pool(codes.length, KIOSKS, async (i) => {
      const res = await fetch(`${server.url}/api/v1/devices/me`, { headers: { authorization: `Bearer ${kioskTokens[i % KIOSKS]}` } });
      await res.arrayBuffer();
    });
    // the same kiosks at a steady pace: each one check-in every 250 ms (80/s in all)
    const paced = [];
    await Promise.all(
      pacedTokens.map(async (token, k) => {
        await new Promise((r) => setTimeout(r, (k * 250) / KIOSKS));
        for (let j = 0; j < CHECKINS_PER_KIOSK; j++) {
          const t0 = performance.now();
          const res = await post(token, pacedCodes[k * CHECKINS_PER_KIOSK + j]);
          const body = await res.json();
          outcomes.set(body.outcome ?? body.error, (outcomes.get(body.outcome ?? body.error) ?? 0) + 1);
          paced.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, Math.max(0, 250 - (performance.now() - t0))));
        }
      }),
    );
    const p = summary(paced);
    const c = summary(checkin.latencies);
    const n = summary(noop.latencies);

    const lines = [
      `Run ${new Date().toISOString()} — Node ${process.version}, SQLite, backend in its own process; ${DISPLAYS} display clients, ${CALLS} calls; ${KIOSKS} kiosks × ${CHECKINS_PER_KIOSK} check-ins.`,
      '',
      '| measurement | p50 ms | p99 ms | baseline p50 ms | baseline p99 ms | p99 ratio | goal |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      `| \`POST call-next\` → \`call\` at all ${DISPLAYS} displays (per client) | ${fmt(einlass.p50)} | ${fmt(einlass.p99)} | ${fmt(bareAll.p50)} | ${fmt(bareAll.p99)} | ${fmt(einlass.p99 / bareAll.p99, 2)} | p99 ≤ 50 ms and ≤ 3× bare |`,
      `| \`POST /kiosk/check-in\`, ${KIOSKS} kiosks back to back (closed loop, no pause) | ${fmt(c.p50)} | ${fmt(c.p99)} | ${fmt(n.p50)} | ${fmt(n.p99)} | ${fmt(c.p99 / n.p99, 2)} | p99 ≤ 20 ms |`,
      `| \`POST /kiosk/check-in\`, ${KIOSKS} kiosks each every 250 ms (80 check-ins/s) | ${fmt(p.p50)} | ${fmt(p.p99)} | ${fmt(n.p50)} | ${fmt(n.p99)} | ${fmt(p.p99 / n.p99, 2)} | p99 ≤ 20 ms |`,
      '',
      `Memory (resident): backend ${fmt(rssIdle, 0)} MiB idle → ${fmt(rssLoaded, 0)} MiB with ${DISPLAYS} displays after ${CALLS} calls; the bare socket.io server with ${DISPLAYS} clients: ${fmt(bareRss, 0)} MiB.`,
      '',
      `Baseline for the call: a bare socket.io server (HTTP POST → emit to a room), measured before and after the Einlass run and averaged. Baseline for check-in: \`GET /devices/me\` by the same kiosks (authenticated no-op). Check-in outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}.`,
    ];
    log(lines.join('\n'));
    writeResults('Call-up and check-in (`npm run bench -- call`)', lines.join('\n'));
  } finally {
    bare.kill();
    await server.close();
  }
}
