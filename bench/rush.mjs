// Fair booking under a rush: legitimate citizens booking (each from their own address, solving
// proof of work when asked, as the booking page does) while one attacker floods from one
// address — beside the same citizens without the attacker, in the same run, on MySQL.
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createPool } from 'mysql2/promise';
import { dist, fmt, httpClient, log, newMysqlDatabase, pool, startServer, summary, writeResults } from './lib.mjs';

const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 200); // per phase
// quiet and attacked phases alternate (A B A B …): the shared machine's load drifts, and both see it alike
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CITIZEN_CONCURRENCY = Number(process.env.BENCH_CITIZEN_CONCURRENCY ?? 10);
const ATTACKER_CONCURRENCY = Number(process.env.BENCH_ATTACKER_CONCURRENCY ?? 20);
const SLOTS = 40;
const CAPACITY = 50; // 2,000 seats per phase (the office had 3,607 of one concern): the citizens need a fifth of them
const attackerOf = (round) => `203.0.113.${66 + round}`;

// One solver thread: the clients' proof of work runs beside the measured requests, not in their
// event loop (in reality it runs on the citizens' own devices; here it costs the shared 2 cores).
const solver = new Worker(new URL('./pow-worker.mjs', import.meta.url));
solver.unref();
const pending = new Map();
let solves = 0;
solver.on('message', ({ id, altcha }) => {
  pending.get(id)(altcha);
  pending.delete(id);
});
function solve(challenge) {
  const id = solves++;
  return new Promise((resolve, reject) => {
    pending.set(id, (altcha) => (altcha ? resolve(altcha) : reject(new Error('unsolvable challenge'))));
    solver.postMessage({ id, challenge });
  });
}
const DOMAINS = ['web.de', 'gmx.de', 'gmail.com', 't-online.de', 'outlook.de', 'posteo.de', 'example.org'];

/** One reservation as a client does it: a 428 is solved and sent again. Returns the final answer and the work done. */
async function reserve(client, body, ip) {
  try {
    return await reserveOnce(client, body, ip);
  } catch (e) {
    log(`citizen request failed: ${e.message}`);
    return { status: 0, requests: [], solvedMs: 0, challenged: false };
  }
}

async function reserveOnce(client, body, ip) {
  const headers = { 'x-forwarded-for': ip };
  const requests = [];
  let t0 = performance.now();
  let res = await client('POST', '/api/v1/bookings', body, headers);
  requests.push(performance.now() - t0);
  let solvedMs = 0;
  if (res.status === 428) {
    const s0 = performance.now();
    const altcha = await solve(JSON.parse(res.body).challenge);
    solvedMs = performance.now() - s0;
    t0 = performance.now();
    res = await client('POST', '/api/v1/bookings', { ...body, altcha }, headers);
    requests.push(performance.now() - t0);
  }
  return { status: res.status, requests, solvedMs, challenged: requests.length > 1 };
}

async function phase(system, starts, ipBlock, attackerIp) {
  const withAttacker = attackerIp !== null;
  const citizenClient = httpClient(system.url, CITIZEN_CONCURRENCY);
  const statuses = new Map();
  const requestLatencies = [];
  let challenged = 0;
  const attacker = { attempts: 0, seats: 0, statuses: new Map() };
  const thread = withAttacker
    ? new Worker(new URL('./rush-attacker.mjs', import.meta.url), {
        workerData: { url: system.url, starts, concurrency: ATTACKER_CONCURRENCY, ip: attackerIp },
      })
    : null;
  const flood = thread
    ? new Promise((resolve, reject) => {
        thread.once('message', (m) => {
          attacker.attempts = m.attempts;
          for (const [k, v] of Object.entries(m.statuses)) attacker.statuses.set(Number(k), v);
          attacker.seats = attacker.statuses.get(201) ?? 0;
          resolve();
        });
        thread.once('error', reject);
      })
    : Promise.resolve();
  const citizens = await pool(CITIZENS, CITIZEN_CONCURRENCY, async (i) => {
    const ip = `10.${ipBlock}.${(i >> 8) & 255}.${i & 255}`;
    let final = 0;
    // a time just taken (409) makes the citizen pick the next one, as the page offers
    for (let k = 0; k < 5; k++) {
      const r = await reserve(
        citizenClient,
        {
          locationId: 1,
          concernId: 3,
          start: starts[(i + k) % SLOTS],
          name: 'Erika Mustermann',
          email: `citizen${ipBlock}-${i}@${DOMAINS[i % DOMAINS.length]}`,
          consent: true,
        },
        ip,
      );
      requestLatencies.push(...r.requests);
      if (r.challenged) challenged++;
      final = r.status;
      if (r.status !== 409) break;
    }
    statuses.set(final, (statuses.get(final) ?? 0) + 1);
  });
  thread?.postMessage('stop');
  await flood;
  await thread?.terminate();
  return { citizens, statuses, requestLatencies, challenged, attacker };
}

export async function run() {
  const database = await newMysqlDatabase();
  const system = await startServer({
    EINLASS_MODE: 'demo',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'einlass-bench-mail-')),
  });
  const db = createPool({ uri: database.url, connectionLimit: 4 });
  try {
    // Two disjoint sets of future slots of CAPACITY seats: one per phase (the location's default limits stay as they are).
    // Disjoint sets of future slots of CAPACITY seats, one per phase (the location's default limits stay as they are).
    const [rows] = await db.query('SELECT id, start_at FROM slot WHERE start_at > ? ORDER BY start_at LIMIT ?', [
      Date.now() + 86_400_000,
      SLOTS * 2 * ROUNDS,
    ]);
    if (rows.length < SLOTS * 2 * ROUNDS) throw new Error(`only ${rows.length} future slots`);
    await db.query('UPDATE slot SET capacity = ?, booked = 0 WHERE id IN (?)', [CAPACITY, rows.map((r) => r.id)]);
    const { toZonedIso } = await import(dist('common/time.js'));
    const startsOf = (k) => rows.slice(k * SLOTS, (k + 1) * SLOTS).map((r) => toZonedIso(new Date(Number(r.start_at)), 'Europe/Berlin'));
    for (let i = 0; i < 50; i++) await fetch(`${system.url}/api/v1/locations/1/concerns`);
    const [[location]] = await db.query(
      'SELECT limit_per_minute, limit_per_hour, limit_open_per_client, challenge_after, rush_per_minute FROM location WHERE id = 1',
    );

    const quiet = [];
    const attacked = [];
    for (let r = 0; r < ROUNDS; r++) {
      quiet.push(await phase(system, startsOf(2 * r), 2 * r + 1, null));
      attacked.push(await phase(system, startsOf(2 * r + 1), 2 * r + 2, attackerOf(r)));
    }

    const seats = SLOTS * CAPACITY;
    const total = (phases) => {
      const ok = phases.reduce((n, p) => n + (p.statuses.get(201) ?? 0), 0);
      const asked = phases.reduce((n, p) => n + p.challenged, 0);
      const requests = summary(phases.flatMap((p) => p.requestLatencies));
      const booking = summary(phases.flatMap((p) => p.citizens.latencies));
      const attackerSeats = phases.map((p) => p.attacker.seats);
      return {
        ok,
        asked,
        requests,
        booking,
        attackerSeats,
        attempts: phases.reduce((n, p) => n + p.attacker.attempts, 0),
        seconds: phases.reduce((n, p) => n + p.citizens.seconds, 0),
      };
    };
    const q = total(quiet);
    const a = total(attacked);
    const n = CITIZENS * ROUNDS;
    const row = (label, t) =>
      `| ${label} | ${fmt(t.seconds, 1)} | ${t.ok}/${n} (${fmt((100 * t.ok) / n, 1)} %) | ${t.asked} | ${fmt(t.requests.p50)} | ${fmt(t.requests.p99)} | ${fmt(t.booking.p99)} | ${t.attempts} | ${t.attackerSeats.join(' / ')} of ${seats} each (max ${fmt((100 * Math.max(...t.attackerSeats)) / seats, 2)} %) |`;
    const p99Ratio = a.requests.p99 / q.requests.p99;
    const bookingRatio = a.booking.p99 / q.booking.p99;
    const share = (100 * Math.max(...a.attackerSeats)) / seats;
    const attackerAnswers = {};
    for (const p of attacked) for (const [k, v] of p.attacker.statuses) attackerAnswers[k] = (attackerAnswers[k] ?? 0) + v;
    const lines = [
      `Run ${new Date().toISOString()} — Node ${process.version}, MariaDB/MySQL, backend in its own process (limits in memory, one instance), on the shared 2-core machine (load average ${os.loadavg()[0].toFixed(1)} at the end). ` +
        `${ROUNDS} rounds, each a quiet phase and an attacked phase: ${CITIZENS} citizens per phase (${CITIZEN_CONCURRENCY} at a time, one address each, proof of work solved in a separate thread as the page's Web Worker does) book one appointment among ${SLOTS} slots of ${CAPACITY} seats; ` +
        `in the attacked phase one attacker (its own thread, one address, ${ATTACKER_CONCURRENCY} connections back to back) floods the same slots and solves every challenge it gets. ` +
        `Location defaults: ${location.limit_per_minute}/min, ${location.limit_per_hour}/h, ${location.limit_open_per_client} open per client, proof of work after ${location.challenge_after} per hour or above ${location.rush_per_minute}/min at the office; refusals to a client that keeps firing are held back 1 s (FLOOD_TARPIT_MS).`,
      '',
      '| phases | s | citizens booked | asked for proof of work | request p50 ms | request p99 ms | booking p99 ms (incl. solving) | attacker attempts | attacker seats |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('citizens alone', q),
      row('citizens + attacker', a),
      '',
      `Attacker's share of the seats: **${fmt(share, 2)} %** at most (goal ≤ 1 %); citizens' request p99 with/without the attacker: **${fmt(p99Ratio, 2)}×** (goal ≤ 1.5×; booking p99 incl. solving: ${fmt(bookingRatio, 2)}×). ` +
        `Attacker's answers: ${JSON.stringify(attackerAnswers)}.`,
    ];
    log(lines.join('\n'));
    writeResults('Fair booking under a rush (`npm run bench -- rush`)', lines.join('\n'));
  } finally {
    await db.end();
    await system.close();
    await database.drop();
  }
}
