import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes for the periodic and hot queries, found with EXPLAIN on a database holding 1 M past
 * bookings (bench/history.mjs):
 * - booking (location_id, status, start_at): the no-show job (confirmed, started before …) and
 *   the reminders (confirmed, starting between now and …), which otherwise walk every booking
 *   of the location by start_at;
 *   (EXPLAIN before: the whole booking table by primary key, 1.04 M rows; after: a range of 40);
 * - ticket (counter_id, status): a counter's current ticket (before: all 842 k tickets; after: 2).
 * The others were index-backed already: expiry (status, expires_at), the erasure's batches
 * (erased_at, end_at), the guard rows by email_hash, the outbox's due mails (status,
 * next_attempt_at) and the calendar's slots (location_id, start_at).
 */
export class HotIndexes1765000000000 implements MigrationInterface {
  name = 'HotIndexes1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'booking',
      new TableIndex({ name: 'ix_booking_location_status_start', columnNames: ['location_id', 'status', 'start_at'] }),
    );
    await q.createIndex('ticket', new TableIndex({ name: 'ix_ticket_counter_status', columnNames: ['counter_id', 'status'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('ticket', 'ix_ticket_counter_status');
    await q.dropIndex('booking', 'ix_booking_location_status_start');
  }
}
