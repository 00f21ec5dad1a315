// A database with history, seeded by SQL on MariaDB (the seq engine) in well under a minute:
// past bookings over two years (done, no-show, cancelled, expired; personal data erased after
// the retention days), their tickets and sent mails, and future bookings over the horizon.

const DAY = 86_400_000;

/** Runs `sql` for rows 1…n in chunks (one huge INSERT … SELECT holds locks and undo for long). */
async function chunked(db, n, chunk, sql, params = () => []) {
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await db.query(sql.replaceAll('{seq}', `seq_${from}_to_${to}`), params(from, to));
  }
}

/**
 * @param db a mysql2 pool on the bench database (schema migrated, demo office seeded)
 * @returns what was seeded
 */
export async function seedHistory(
  db,
  { past = 1_000_000, future = 100_000, now = Date.now(), locationId = 1, concernId = 3, retentionDays = 14 } = {},
) {
  const t0 = performance.now();
  const step = Math.floor((730 * DAY) / past); // two years of past appointments
  const retained = now - retentionDays * DAY;
  // Past: a few confirmed ones from the last hours nobody came for (the no-show job's work),
  // otherwise done / no_show / cancelled / expired; erased unless within the retention days.
  await chunked(
    db,
    past,
    100_000,
    `INSERT INTO booking (id, location_id, concern_id, start_at, end_at, name, email, email_hash, phone, language, channel, status, code,
       activation_token_hash, cancel_token_hash, expires_at, created_at, confirmed_at, cancelled_at, erased_at, reminder_sent_at, reminder_token_hash)
     SELECT CONCAT('past-', LPAD(seq, 31, '0')), ?, ?, t, t + 900000,
       IF(t >= ?, CONCAT('Person ', seq), NULL), IF(t >= ?, CONCAT('p', seq % 20000, '@history.example'), NULL),
       IF(t >= ?, SHA2(CONCAT('p', seq % 20000, '@history.example'), 256), NULL), NULL, 'de', IF(seq % 10 = 0, 'phone', 'online'),
       CASE WHEN seq <= 40 THEN 'confirmed' WHEN seq % 20 = 1 THEN 'no_show' WHEN seq % 20 = 2 THEN 'cancelled' WHEN seq % 20 = 3 THEN 'expired' ELSE 'done' END,
       CONCAT('H', LPAD(CONV(seq, 10, 32), 7, '0')), NULL, NULL, NULL, t - 7 * ${DAY}, t - 7 * ${DAY} + 60000, NULL,
       IF(t + 900000 < ?, ?, NULL), t - ${DAY}, NULL
     FROM (SELECT seq, ? - 3600000 - seq * ? AS t FROM {seq}) s`,
    () => [locationId, concernId, retained, retained, retained, retained, now, now, step],
  );
  // Future: confirmed (reminded already, so the reminder job has little to send) and a few reserved.
  const futureStep = Math.floor((58 * DAY) / future);
  await chunked(
    db,
    future,
    50_000,
    `INSERT INTO booking (id, location_id, concern_id, start_at, end_at, name, email, email_hash, phone, language, channel, status, code,
       activation_token_hash, cancel_token_hash, expires_at, created_at, confirmed_at, cancelled_at, erased_at, reminder_sent_at, reminder_token_hash)
     SELECT CONCAT('future-', LPAD(seq, 29, '0')), ?, ?, t, t + 900000, CONCAT('Future ', seq), CONCAT('f', seq, '@future.example'),
       SHA2(CONCAT('f', seq, '@future.example'), 256), NULL, 'de', 'online', IF(seq % 20 = 0, 'reserved', 'confirmed'),
       CONCAT('F', LPAD(CONV(seq, 10, 32), 7, '0')), NULL, SHA2(CONCAT('cancel', seq), 256), IF(seq % 20 = 0, ? + 1800000, NULL), ?, IF(seq % 20 = 0, NULL, ?),
       NULL, NULL, ?, NULL
     FROM (SELECT seq, ? + ${DAY} + seq * ? AS t FROM {seq}) s`,
    () => [locationId, concernId, now, now, now, now, now, futureStep],
  );
  await db.query(
    'INSERT IGNORE INTO email_guard (email_hash, uses) SELECT DISTINCT email_hash, 1 FROM booking WHERE email_hash IS NOT NULL',
  );
  // Tickets of the days past (one per booking that was served) and every sent mail (payload dropped once sent).
  await chunked(
    db,
    past,
    100_000,
    `INSERT INTO ticket (booking_id, location_id, concern_id, date, number, label, status, start_at, checked_in_at, called_at, started_at, finished_at, counter_id, target_counter_id, recall_count)
     SELECT b.id, b.location_id, b.concern_id, DATE_FORMAT(FROM_UNIXTIME(b.start_at / 1000), '%Y-%m-%d'), s.seq, CONCAT('H', s.seq), 'done', b.start_at, b.start_at - 300000,
       b.start_at, b.start_at + 60000, b.start_at + 600000, 1 + s.seq % 4, NULL, 0
     FROM {seq} s JOIN booking b ON b.id = CONCAT('past-', LPAD(s.seq, 31, '0')) WHERE b.status = 'done'`,
  );
  await chunked(
    db,
    past,
    100_000,
    `INSERT INTO mail_outbox (kind, recipient, language, payload, status, attempts, next_attempt_at, locked_until, created_at, sent_at, last_error, booking_id, claim_token)
     SELECT 'confirmation', 'erased@history.example', 'de', NULL, 'sent', 1, ? - seq * ?, NULL, ? - seq * ?, ? - seq * ? + 1000, NULL, CONCAT('past-', LPAD(seq, 31, '0')), NULL FROM {seq}`,
    () => [now, step, now, step, now, step],
  );
  await db.query('ANALYZE TABLE booking, ticket, mail_outbox, email_guard');
  const [[counts]] = await db.query(
    'SELECT (SELECT COUNT(*) FROM booking) AS bookings, (SELECT COUNT(*) FROM ticket) AS tickets, (SELECT COUNT(*) FROM mail_outbox) AS mails, (SELECT COUNT(*) FROM email_guard) AS guards',
  );
  return { ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])), seconds: (performance.now() - t0) / 1000 };
}
