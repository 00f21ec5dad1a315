import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** Reminder mails the day before: when one was sent, and the cancel link it carries. */
export class Reminders1764300000000 implements MigrationInterface {
  name = 'Reminders1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('location', new TableColumn({ name: 'reminder_hours', type: 'integer', default: 24 }));
    await q.addColumns('booking', [
      new TableColumn({ name: 'reminder_sent_at', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'reminder_token_hash', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await q.createIndex('booking', new TableIndex({ name: 'uq_booking_reminder', columnNames: ['reminder_token_hash'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('booking', 'uq_booking_reminder');
    await q.dropColumn('booking', 'reminder_token_hash');
    await q.dropColumn('booking', 'reminder_sent_at');
    await q.dropColumn('location', 'reminder_hours');
  }
}
