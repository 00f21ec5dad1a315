import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions, TableIndex } from 'typeorm';

// Runs on MySQL/MariaDB and SQLite: only TypeORM's schema builder, no dialect SQL.
// Instants are BIGINT epoch milliseconds (UTC); calendar dates are 'YYYY-MM-DD' strings in the
// location's timezone; times of day 'HH:MM'.

const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const int = (name: string, def?: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  default: def,
});
const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const flag = (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', default: def });
const fk = (columnNames: string[], table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'CASCADE') => ({
  columnNames,
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});

export class Initial1764100000000 implements MigrationInterface {
  name = 'Initial1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'location',
        columns: [
          id(),
          str('name', 200),
          str('address', 400),
          str('timezone', 64),
          str('contact_email', 254),
          str('hotline_phone', 64),
          text('hotline_hours'),
          int('admission_before_min', 15),
          int('admission_after_min', 10),
          int('activation_ttl_min', 30),
          int('retention_days', 14),
          int('booking_horizon_days', 56),
          int('slot_minutes', 15),
          int('max_open_bookings_per_email', 2),
          str('ticket_prefix', 4),
          str('imprint_url', 500, true),
          str('privacy_url', 500, true),
          { name: 'display_seq', type: 'bigint', default: 0 },
          flag('active', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'concern',
        columns: [
          id(),
          int('location_id'),
          text('translations'),
          int('duration_slots', 1),
          flag('online_bookable', true),
          flag('active', true),
          int('sort_order', 0),
        ],
        foreignKeys: [fk(['location_id'], 'location')],
        indices: [{ columnNames: ['location_id', 'sort_order'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'counter',
        columns: [id(), int('location_id'), str('name', 100), flag('active', true), int('sort_order', 0)],
        foreignKeys: [fk(['location_id'], 'location')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'counter_concern',
        columns: [
          { name: 'counter_id', type: 'integer', isPrimary: true },
          { name: 'concern_id', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [fk(['counter_id'], 'counter'), fk(['concern_id'], 'concern')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'opening_rule',
        columns: [id(), int('location_id'), int('weekday'), str('from_time', 5), str('to_time', 5), int('capacity', 1)],
        foreignKeys: [fk(['location_id'], 'location')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'schedule_exception',
        columns: [
          id(),
          int('location_id'),
          str('date', 10),
          str('kind', 10), // closed | hours
          str('from_time', 5, true),
          str('to_time', 5, true),
          int('capacity', undefined, true),
          str('note', 200, true),
        ],
        foreignKeys: [fk(['location_id'], 'location')],
        indices: [{ columnNames: ['location_id', 'date'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'slot_day',
        columns: [
          { name: 'location_id', type: 'integer', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
        ],
        foreignKeys: [fk(['location_id'], 'location')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'slot',
        columns: [id(), int('location_id'), instant('start_at'), instant('end_at'), int('capacity'), int('booked', 0)],
        foreignKeys: [fk(['location_id'], 'location')],
        uniques: [{ name: 'uq_slot_location_start', columnNames: ['location_id', 'start_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'booking',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          int('location_id'),
          int('concern_id'),
          instant('start_at'),
          instant('end_at'),
          str('name', 200, true),
          str('email', 254, true),
          str('email_hash', 64, true),
          str('phone', 40, true),
          str('language', 5),
          str('channel', 10),
          str('status', 16),
          str('code', 8),
          str('activation_token_hash', 64, true),
          str('cancel_token_hash', 64, true),
          instant('expires_at', true),
          instant('created_at'),
          instant('confirmed_at', true),
          instant('cancelled_at', true),
          instant('erased_at', true),
        ],
        foreignKeys: [fk(['location_id'], 'location', 'RESTRICT'), fk(['concern_id'], 'concern', 'RESTRICT')],
        uniques: [
          { name: 'uq_booking_code', columnNames: ['code'] },
          { name: 'uq_booking_activation', columnNames: ['activation_token_hash'] },
          { name: 'uq_booking_cancel', columnNames: ['cancel_token_hash'] },
        ],
        indices: [
          { name: 'ix_booking_status_expires', columnNames: ['status', 'expires_at'] },
          { name: 'ix_booking_email_hash', columnNames: ['email_hash', 'status'] },
          { name: 'ix_booking_location_start', columnNames: ['location_id', 'start_at'] },
        ],
      }),
    );
    // One row per e-mail address (hashed): a row lock that serialises the open-bookings quota check.
    await q.createTable(
      new Table({ name: 'email_guard', columns: [{ name: 'email_hash', type: 'varchar', length: '64', isPrimary: true }] }),
    );
    await q.createTable(
      new Table({
        name: 'ticket',
        columns: [
          id(),
          str('booking_id', 36),
          int('location_id'),
          int('concern_id'),
          str('date', 10),
          int('number'),
          str('label', 12),
          str('status', 16),
          instant('start_at'),
          instant('checked_in_at'),
          instant('called_at', true),
          instant('started_at', true),
          instant('finished_at', true),
          int('counter_id', undefined, true),
          int('target_counter_id', undefined, true),
          int('recall_count', 0),
        ],
        foreignKeys: [fk(['booking_id'], 'booking'), fk(['location_id'], 'location')],
        uniques: [
          { name: 'uq_ticket_booking', columnNames: ['booking_id'] },
          { name: 'uq_ticket_number', columnNames: ['location_id', 'date', 'number'] },
        ],
        indices: [{ name: 'ix_ticket_queue', columnNames: ['location_id', 'status', 'start_at', 'checked_in_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ticket_sequence',
        columns: [
          { name: 'location_id', type: 'integer', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          int('last_number', 0),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'call_log',
        columns: [
          id(),
          int('location_id'),
          { name: 'seq', type: 'bigint' },
          str('ticket_label', 12),
          str('counter_name', 100),
          instant('called_at'),
          flag('recall', false),
        ],
        uniques: [{ name: 'uq_call_log_seq', columnNames: ['location_id', 'seq'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mail_outbox',
        columns: [
          id(),
          str('kind', 32),
          str('recipient', 254),
          str('language', 5),
          text('payload', true),
          str('status', 10), // pending | sending | sent | failed
          int('attempts', 0),
          instant('next_attempt_at'),
          instant('locked_until', true),
          instant('created_at'),
          instant('sent_at', true),
          str('last_error', 500, true),
          str('booking_id', 36, true),
        ],
        indices: [{ name: 'ix_outbox_due', columnNames: ['status', 'next_attempt_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_user',
        columns: [
          id(),
          str('username', 64),
          str('display_name', 200),
          str('password_hash', 200),
          str('roles', 64),
          flag('active', true),
          instant('created_at'),
        ],
        uniques: [{ name: 'uq_staff_username', columnNames: ['username'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_user_location',
        columns: [
          { name: 'user_id', type: 'integer', isPrimary: true },
          { name: 'location_id', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [fk(['user_id'], 'staff_user'), fk(['location_id'], 'location')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_session',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          int('user_id'),
          instant('created_at'),
          instant('expires_at'),
        ],
        foreignKeys: [fk(['user_id'], 'staff_user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'device',
        columns: [
          id(),
          int('location_id'),
          str('kind', 10),
          str('name', 100),
          str('token_hash', 64),
          instant('created_at'),
          instant('last_seen_at', true),
          instant('revoked_at', true),
          int('failed_checkins', 0),
          instant('locked_until', true),
        ],
        foreignKeys: [fk(['location_id'], 'location')],
        uniques: [{ name: 'uq_device_token', columnNames: ['token_hash'] }],
      }),
    );
    await q.createIndex('booking', new TableIndex({ name: 'ix_booking_erase', columnNames: ['erased_at', 'end_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'device',
      'staff_session',
      'staff_user_location',
      'staff_user',
      'mail_outbox',
      'call_log',
      'ticket_sequence',
      'ticket',
      'email_guard',
      'booking',
      'slot',
      'slot_day',
      'schedule_exception',
      'opening_rule',
      'counter_concern',
      'counter',
      'concern',
      'location',
    ]) {
      await q.dropTable(t);
    }
  }
}
