// Booking rush against MySQL: many concurrent clients reserving over HTTP, beside the same
// transaction (conditional seat update + booking insert) issued straight through mysql2.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool } from 'mysql2/promise';
import { dist, fmt, httpClient, log, newMysqlDatabase, patchLocation, pool, startServer, summary, writeResults } from './lib.mjs';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const SLOTS = 20;
const CAPACITY = Math.floor((REQUESTS * 0.8) / SLOTS); // 20 % of the rush meets a full slot

export async function run() {
  const database = await newMysqlDatabase();
  // The backend runs in its own process, as in production; the load comes from this one.
  const system = await startServer({
    EINLASS_MODE: 'demo',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(CONCURRENCY),
    LOG_LEVEL: 'warn',
    MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'einlass-bench-mail-')),
  });
  const db = createPool({ uri: database.url, connectionLimit: CONCURRENCY });
  try {
    // Two disjoint sets of future slots, each with CAPACITY seats: one for HTTP, one for raw.
    const [rows] = await db.query('SELECT id, start_at FROM slot WHERE start_at > ? ORDER BY start_at LIMIT ?', [
      Date.now() + 86_400_000,
      SLOTS * 2,
    ]);
    const httpSlots = rows.slice(0, SLOTS);
    const rawSlots = rows.slice(SLOTS);
    await db.query('UPDATE slot SET capacity = ?, booked = 0 WHERE id IN (?)', [CAPACITY, rows.map((r) => r.id)]);
    // This bench measures the reservation path of many citizens (one address each): the office's
    // rush threshold, which would ask all of them for proof of work, is out of the way here
    // (`npm run bench -- rush` measures fair booking), and so is the limit of activation mails per
    // recipient domain (every bench address is at bench.example).
    await patchLocation(system.url, 1, { fairness: { rushPerMinute: 100000, mailsPerDomainPerHour: 100000 } });
    const tz = 'Europe/Berlin';
    const { toZonedIso } = await import(dist('common/time.js'));
    const starts = httpSlots.map((r) => toZonedIso(new Date(Number(r.start_at)), tz));

    // warm-up
    for (let i = 0; i < 50; i++) await fetch(`${system.url}/api/v1/locations/1/concerns`);

    const statuses = new Map();
    const client = httpClient(system.url, CONCURRENCY);
    const http = await pool(REQUESTS, CONCURRENCY, async (i) => {
      const res = await client(
        'POST',
        '/api/v1/bookings',
        { locationId: 1, concernId: 3, start: starts[i % SLOTS], name: 'Rush Hour', email: `rush${i}@bench.example`, consent: true },
        { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    });

    // The rush's activation mails are still being sent by the backend: let it finish, so the
    // raw baseline runs on a quiet machine (measuring it beside the busy backend flatters the ratio).
    const drainStart = performance.now();
    for (;;) {
      const [[{ n }]] = await db.query("SELECT COUNT(*) AS n FROM mail_outbox WHERE status IN ('pending', 'sending')");
      if (Number(n) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const [[{ sent }]] = await db.query("SELECT COUNT(*) AS sent FROM mail_outbox WHERE status = 'sent'");

    const raw = await pool(REQUESTS, CONCURRENCY, async (i) => {
      const slot = rawSlots[i % SLOTS];
      const conn = await db.getConnection();
      try {
        await conn.beginTransaction();
        const [upd] = await conn.query('UPDATE slot SET booked = booked + 1 WHERE id = ? AND booked < capacity', [slot.id]);
        if (upd.affectedRows === 1) {
          await conn.query(
            "INSERT INTO booking (id, location_id, concern_id, start_at, end_at, name, email, language, channel, status, code, created_at) VALUES (?, 1, 3, ?, ?, ?, ?, 'de', 'online', 'reserved', ?, ?)",
            [
              randomUUID(),
              slot.start_at,
              Number(slot.start_at) + 900_000,
              `Raw ${i}`,
              `raw${i}@bench.example`,
              randomBytes(4).toString('hex').toUpperCase(),
              Date.now(),
            ],
          );
        }
        await conn.commit();
      } catch (e) {
        await conn.rollback();
        throw e;
      } finally {
        conn.release();
      }
    });

    // Oversell: no slot above capacity, and every seat taken belongs to a booking.
    const [check] = await db.query(
      `SELECT s.id, s.capacity, s.booked, (SELECT COUNT(*) FROM booking b WHERE b.location_id = 1 AND b.start_at = s.start_at AND b.status = 'reserved') AS bookings
       FROM slot s WHERE s.id IN (?)`,
      [rows.map((r) => r.id)],
    );
    const oversell = check.reduce(
      (n, r) => n + Math.max(0, Number(r.booked) - Number(r.capacity)) + Math.abs(Number(r.booked) - Number(r.bookings)),
      0,
    );
    const ok = statuses.get(201) ?? 0;
    const full = statuses.get(409) ?? 0;
    const h = summary(http.latencies);
    const r = summary(raw.latencies);
    const httpRate = REQUESTS / http.seconds;
    const rawRate = REQUESTS / raw.seconds;
    const lines = [
      `Run ${new Date().toISOString()} — Node ${process.version}, MariaDB/MySQL at ${database.host}, ${CONCURRENCY} concurrent clients, ${REQUESTS} attempts over ${SLOTS} slots of ${CAPACITY} seats.`,
      '',
      '| path | attempts/s | p50 ms | p99 ms | seats taken | refused (409) | oversell |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| HTTP \`POST /api/v1/bookings\` (validation, e-mail quota lock, seat, booking, outbox mail) | ${fmt(httpRate, 0)} | ${fmt(h.p50)} | ${fmt(h.p99)} | ${ok} | ${full} | ${oversell} |`,
      `| raw mysql2: seat update + booking insert | ${fmt(rawRate, 0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${SLOTS * CAPACITY} | — | — |`,
      '',
      `Ratio HTTP/raw throughput: **${fmt(httpRate / rawRate, 2)}** (goal ≥ 0.5); p99 HTTP/raw: **${fmt(h.p99 / r.p99, 2)}** (goal ≤ 2). Other HTTP statuses: ${JSON.stringify(Object.fromEntries([...statuses].filter(([s]) => s !== 201 && s !== 409)))}.`,
      '',
      `Activation mails: ${sent} sent (written to the outbox folder), the last ${fmt(drainSeconds, 1)} s after the rush ended; the raw baseline ran after that, on a quiet backend.`,
    ];
    log(lines.join('\n'));
    writeResults('Booking rush (`npm run bench -- booking`)', lines.join('\n'));
    if (oversell !== 0) throw new Error(`OVERSOLD: ${oversell}`);
  } finally {
    await db.end();
    await system.close();
    await database.drop();
  }
}
