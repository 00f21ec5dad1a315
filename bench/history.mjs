// Reads and jobs with history (issue 16), on MariaDB in a database of its own: 1 M past and
// 100 k future bookings seeded by SQL, then — each beside its raw baseline in the same run —
// the 60-day calendar (sequential and 200 readers) against the raw SELECT of the same slot rows,
// calendar readers during a booking rush, check-in and reservation p99 while each periodic
// job runs (in a second instance, back to back), and the backend's resident memory.
// All load goes to 127.0.0.1 and is bounded (BENCH_* below).
import { fork } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool } from 'mysql2/promise';
import { seedHistory } from './history-seed.mjs';
import { dist, fmt, httpClient, log, newMysqlDatabase, pool, ROOT, startServer, summary, writeResults } from './lib.mjs';

const PAST = Number(process.env.BENCH_PAST ?? 1_000_000);
const FUTURE = Number(process.env.BENCH_FUTURE ?? 100_000);
const READERS = Number(process.env.BENCH_READERS ?? 200);
const READS = Number(process.env.BENCH_READS ?? 4000);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 200);
const RUSH = Number(process.env.BENCH_RUSH ?? 2000);
const RUSH_CLIENTS = 50;
const KIOSKS = 40;
const PER_PHASE = { checkins: 80, reservations: 80 };
const LABEL = process.env.BENCH_LABEL ?? 'this branch';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = () => Array.from(randomBytes(8), (b) => CROCKFORD[b % 32]).join('');
const sha = (s) => createHash('sha256').update(s).digest('hex');
const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const berlin = (d) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const ms = (x) => fmt(x, 1);

export async function run() {
  const database = await newMysqlDatabase('einlass_hist');
  const env = {
    EINLASS_MODE: 'demo',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '12',
    LOG_LEVEL: 'warn',
    EINLASS_JOBS: 'off',
    EINLASS_DEMO_APPOINTMENTS: 'off',
    MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'einlass-hist-mail-')),
  };
  let backend = null;
  let uncached = null;
  let jobs = null;
  // MariaDB is shared (151 connections): two backends × two pools of 12, the job instance's, and 20 here
  const db = createPool({ uri: database.url, connectionLimit: 20 });
  try {
    // schema and demo office, then the history
    backend = await startServer(env);
    await backend.close();
    const seeded = await seedHistory(db, { past: PAST, future: FUTURE });
    log(`seeded ${JSON.stringify(seeded)}`);

    // fixtures: kiosks, confirmed bookings to check in (starting in 5 min), roomy slots for reservations
    const now = Date.now();
    const kioskTokens = Array.from({ length: KIOSKS }, () => randomBytes(32).toString('base64url'));
    for (const [k, t] of kioskTokens.entries())
      await db.query(
        "INSERT INTO device (location_id, kind, name, token_hash, created_at, failed_checkins) VALUES (1, 'kiosk', ?, ?, ?, 0)",
        [`Bench kiosk ${k}`, sha(t), now],
      );
    const codes = Array.from({ length: 12 * PER_PHASE.checkins }, code);
    for (let i = 0; i < codes.length; i += 200) {
      const part = codes.slice(i, i + 200);
      await db.query(
        `INSERT INTO booking (id, location_id, concern_id, start_at, end_at, name, language, channel, status, code, created_at, confirmed_at) VALUES ${part.map(() => "(?, 1, 3, ?, ?, 'Bench', 'de', 'phone', 'confirmed', ?, ?, ?)").join(', ')}`,
        part.flatMap((c) => [randomUUID(), now + 5 * 60_000, now + 20 * 60_000, c, now, now]),
      );
    }
    await db.query('INSERT IGNORE INTO ticket_sequence (location_id, date, last_number) VALUES (1, ?, 10000)', [berlin(new Date(now))]);

    backend = await startServer(env);
    uncached = await startServer({ ...env, AVAILABILITY_CACHE_MS: '0', DATABASE_POOL_SIZE: '6' });
    const [slotRows] = await db.query('SELECT id, start_at FROM slot WHERE location_id = 1 AND start_at > ? ORDER BY start_at LIMIT 60', [
      now + 2 * 86_400_000,
    ]);
    // two rushes of RUSH/2 attempts, each on 20 slots of its own where 20 % meet a full slot
    const rushSlots = [slotRows.slice(0, 20), slotRows.slice(20, 40)];
    const phaseSlots = slotRows.slice(40);
    await db.query('UPDATE slot SET capacity = ?, booked = 0 WHERE id IN (?)', [
      Math.floor(((RUSH / 2) * 0.8) / 20),
      slotRows.slice(0, 40).map((r) => r.id),
    ]);
    await db.query('UPDATE slot SET capacity = 100000, booked = 0 WHERE id IN (?)', [phaseSlots.map((r) => r.id)]);
    const { toZonedIso, addDays, zonedToUtc } = await import(dist('common/time.js'));
    const iso = (r) => toZonedIso(new Date(Number(r.start_at)), 'Europe/Berlin');
    const today = berlin(new Date());
    const to = addDays(today, 59);
    const path = `/api/v1/locations/1/availability?concernId=3&from=${today}&to=${to}`;
    const fromMs = zonedToUtc(today, '00:00', 'Europe/Berlin').getTime();
    const toMs = zonedToUtc(addDays(to, 1), '00:00', 'Europe/Berlin').getTime();
    const rawSelect = () =>
      db.query(
        'SELECT id, location_id, start_at, end_at, capacity, booked FROM slot WHERE location_id = 1 AND start_at >= ? AND start_at < ? ORDER BY start_at',
        [fromMs, toMs],
      );

    const client = httpClient(backend.url, READERS + RUSH_CLIENTS);
    const clientUncached = httpClient(uncached.url, READERS);
    const read = async (c) => {
      const res = await c('GET', path);
      if (res.status !== 200) throw new Error(`availability ${res.status}: ${res.body.slice(0, 200)}`);
      return res.body.length;
    };
    const bytes = await read(client);
    for (let i = 0; i < 20; i++) await Promise.all([read(client), read(clientUncached), rawSelect()]);
    const rssIdle = rssMiB(backend.pid);

    // --- the calendar: sequential and 200 readers, beside the raw SELECT
    const rate = (n, r) => n / r.seconds;
    const seqCached = await pool(SEQUENTIAL, 1, () => read(client));
    const seqUncached = await pool(SEQUENTIAL, 1, () => read(clientUncached));
    const seqRaw = await pool(SEQUENTIAL, 1, () => rawSelect());
    const parCached = await pool(READS, READERS, () => read(client));
    const parUncached = await pool(Math.min(READS, 1000), READERS, () => read(clientUncached));
    const parRaw = await pool(READS, READERS, () => rawSelect());
    const rssAfterReads = rssMiB(backend.pid);

    // --- a booking rush alone, then with 200 calendar readers beside it
    let email = 0;
    const reserve = (slot) =>
      client('POST', '/api/v1/bookings', {
        locationId: 1,
        concernId: 3,
        start: iso(slot),
        name: 'Rush',
        email: `h${email++}@bench.example`,
        consent: true,
      });
    const drain = async () => {
      for (;;) {
        const [[{ n }]] = await db.query("SELECT COUNT(*) AS n FROM mail_outbox WHERE status IN ('pending', 'sending')");
        if (Number(n) === 0) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const statuses = new Map();
    const rushOnce = (slots) =>
      pool(RUSH / 2, RUSH_CLIENTS, async (i) => {
        const res = await reserve(slots[i % 20]);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      });
    const rushAlone = await rushOnce(rushSlots[0]);
    let rssRush = rssMiB(backend.pid);
    await drain();
    let readsDuringRush = 0;
    const readLat = [];
    let rushing = true;
    const readers = Promise.all(
      Array.from({ length: READERS }, async () => {
        while (rushing) {
          const t0 = performance.now();
          await read(client);
          readLat.push(performance.now() - t0);
          readsDuringRush++;
        }
      }),
    );
    const sampler = setInterval(() => (rssRush = Math.max(rssRush, rssMiB(backend.pid))), 200);
    const rushRead = await rushOnce(rushSlots[1]);
    rushing = false;
    await readers;
    const rushReadSeconds = rushRead.seconds;
    await drain();
    clearInterval(sampler);
    const [check] = await db.query(
      "SELECT s.capacity, s.booked, (SELECT COUNT(*) FROM booking b WHERE b.location_id = 1 AND b.start_at = s.start_at AND b.status = 'reserved' AND b.email LIKE '%@bench.example') AS bookings FROM slot s WHERE s.id IN (?)",
      [slotRows.slice(0, 40).map((r) => r.id)],
    );
    const oversell = check.reduce(
      (n, r) => n + Math.max(0, Number(r.booked) - Number(r.capacity)) + Math.abs(Number(r.booked) - Number(r.bookings)),
      0,
    );
    await new Promise((r) => setTimeout(r, 3000));
    const rssAfter = rssMiB(backend.pid);

    // --- check-in and reservation p99 while each job runs (in a second instance, back to back)
    jobs = fork(join(ROOT, 'bench', 'history-jobs-child.mjs'), {
      env: { ...process.env, ...env, DATABASE_POOL_SIZE: '4' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const jobNames = await new Promise((resolve, reject) => {
      jobs.once('message', (m) => resolve(m.ready));
      jobs.once('exit', (c) => reject(new Error(`job instance exited with ${c}`)));
    });
    let nextCode = 0;
    let kiosk = 0;
    const failures = new Map();
    const failed = (what, res) => {
      const key = `${what} ${res.status} ${(/"error":"(\w+)"/.exec(res.body) ?? [])[1] ?? ''}`.trim();
      failures.set(key, (failures.get(key) ?? 0) + 1);
    };
    const phase = async () => {
      const mine = codes.slice(nextCode, (nextCode += PER_PHASE.checkins));
      // their appointments begin in 5 minutes: admissible now, whenever this phase runs (and not yet marked missed by a job)
      await db.query("UPDATE booking SET start_at = ?, end_at = ?, status = 'confirmed' WHERE code IN (?)", [
        Date.now() + 5 * 60_000,
        Date.now() + 20 * 60_000,
        mine,
      ]);
      const [checkins, reservations] = await Promise.all([
        pool(mine.length, 4, async (i) => {
          const token = kioskTokens[kiosk++ % KIOSKS];
          const res = await client('POST', '/api/v1/kiosk/check-in', { code: mine[i] }, token);
          if (res.status !== 200) failed('check-in', res);
        }),
        pool(PER_PHASE.reservations, 4, async (i) => {
          const res = await reserve(phaseSlots[i % phaseSlots.length]);
          if (res.status !== 201) failed('reservation', res);
        }),
      ]);
      return { checkin: summary(checkins.latencies), reservation: summary(reservations.latencies) };
    };
    const runJob = (job, loop) =>
      new Promise((resolve) => {
        const onMessage = (m) => {
          if (m.done === job) {
            jobs.off('message', onMessage);
            resolve(m);
          }
        };
        jobs.on('message', onMessage);
        jobs.send({ job, loop });
      });
    const quiet = await phase();
    await drain();
    const jobRows = [];
    for (const job of jobNames) {
      const first = await runJob(job, false); // one run alone: the job's own time
      const looping = runJob(job, true);
      const during = await phase();
      jobs.send({ stop: true });
      const loop = await looping;
      await drain();
      jobRows.push({ job, first: first.times[0], result: first.result, loop: summary(loop.times), during });
    }
    const quiet2 = await phase();
    const quietCheckin = Math.max(quiet.checkin.p99, quiet2.checkin.p99);
    const quietReservation = Math.max(quiet.reservation.p99, quiet2.reservation.p99);

    const sc = summary(seqCached.latencies);
    const su = summary(seqUncached.latencies);
    const sr = summary(seqRaw.latencies);
    const pc = summary(parCached.latencies);
    const pu = summary(parUncached.latencies);
    const pr = summary(parRaw.latencies);
    const rl = summary(readLat);
    const rushAloneRate = RUSH / 2 / rushAlone.seconds;
    const rushReadRate = RUSH / 2 / rushReadSeconds;
    const lines = [
      `Run ${new Date().toISOString()} — ${LABEL}; Node ${process.version}, MariaDB at ${database.host} (database of its own): ${seeded.bookings} bookings (${PAST} past over two years, ${FUTURE} future), ${seeded.tickets} tickets, ${seeded.mails} sent mails, ${seeded.guards} guard rows, seeded by SQL in ${fmt(seeded.seconds, 0)} s. The calendar: 60 days of concern 3 (${fmt(bytes / 1024, 0)} KiB of JSON); raw: the SELECT of the same slot rows through mysql2 (pool of 20; the backend's pool: 12).`,
      '',
      '| calendar | requests/s | p50 ms | p99 ms | raw SELECT /s | raw p50 ms | raw p99 ms | ratio (goal ≥ 0.5) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| sequential, shared cache (1 s) | ${fmt(rate(SEQUENTIAL, seqCached), 0)} | ${ms(sc.p50)} | ${ms(sc.p99)} | ${fmt(rate(SEQUENTIAL, seqRaw), 0)} | ${ms(sr.p50)} | ${ms(sr.p99)} | ${fmt(rate(SEQUENTIAL, seqCached) / rate(SEQUENTIAL, seqRaw), 2)} |`,
      `| sequential, every request computed (AVAILABILITY_CACHE_MS=0) | ${fmt(rate(SEQUENTIAL, seqUncached), 0)} | ${ms(su.p50)} | ${ms(su.p99)} | | | | ${fmt(rate(SEQUENTIAL, seqUncached) / rate(SEQUENTIAL, seqRaw), 2)} |`,
      `| ${READERS} readers, shared cache | ${fmt(rate(READS, parCached), 0)} | ${ms(pc.p50)} | ${ms(pc.p99)} | ${fmt(rate(READS, parRaw), 0)} | ${ms(pr.p50)} | ${ms(pr.p99)} | **${fmt(rate(READS, parCached) / rate(READS, parRaw), 2)}** |`,
      `| ${READERS} readers, every request computed | ${fmt(rate(parUncached.latencies.length, parUncached), 0)} | ${ms(pu.p50)} | ${ms(pu.p99)} | | | | ${fmt(rate(parUncached.latencies.length, parUncached) / rate(READS, parRaw), 2)} |`,
      '',
      `Booking rush (${RUSH / 2} attempts, ${RUSH_CLIENTS} clients, 20 slots): alone **${fmt(rushAloneRate, 0)}**/s; with ${READERS} calendar readers beside it **${fmt(rushReadRate, 0)}**/s — ratio **${fmt(rushReadRate / rushAloneRate, 2)}** (goal ≥ 0.8); the readers meanwhile: ${fmt(readsDuringRush / rushReadSeconds, 0)} calendars/s, p50 ${ms(rl.p50)} ms, p99 ${ms(rl.p99)} ms. Statuses ${JSON.stringify(Object.fromEntries(statuses))}; oversell **${oversell}**.`,
      '',
      `| job (1 M history; run alone once, then back to back) | alone ms | back to back p50 / max ms (runs) | check-in p99 ms (quiet ${ms(quietCheckin)}) | reservation p99 ms (quiet ${ms(quietReservation)}) |`,
      '| --- | ---: | ---: | ---: | ---: |',
      ...jobRows.map(
        (r) =>
          `| ${r.job} → ${r.result} | ${ms(r.first)} | ${ms(r.loop.p50)} / ${ms(r.loop.max)} (${r.loop.n}) | ${ms(r.during.checkin.p99)} (${fmt(r.during.checkin.p99 / quietCheckin, 2)}×) | ${ms(r.during.reservation.p99)} (${fmt(r.during.reservation.p99 / quietReservation, 2)}×) |`,
      ),
      '',
      `Failed requests during these phases: ${failures.size ? JSON.stringify(Object.fromEntries(failures)) : 'none'}.`,
      '',
      `Quiet figures: the larger of a phase before and after the jobs (${PER_PHASE.checkins} check-ins and ${PER_PHASE.reservations} reservations, 4 clients each, at once). Goals: every job < 50 ms; p99 ≤ 2× quiet.`,
      '',
      `Backend memory (resident): idle ${fmt(rssIdle, 0)} MiB; after the calendar load ${fmt(rssAfterReads, 0)} MiB; highest during the rushes ${fmt(rssRush, 0)} MiB; 3 s after the rush's mails were sent ${fmt(rssAfter, 0)} MiB (goal ≤ 250).`,
    ];
    log(lines.join('\n'));
    writeResults(`History and read rush (\`npm run bench -- history\`, ${LABEL})`, lines.join('\n'));
    if (oversell !== 0) throw new Error(`OVERSOLD: ${oversell}`);
  } finally {
    if (jobs && jobs.exitCode === null) {
      jobs.send({ exit: true });
      await new Promise((r) => jobs.once('exit', r));
    }
    await db.end();
    await uncached?.close();
    await backend?.close();
    await database.drop();
  }
}
