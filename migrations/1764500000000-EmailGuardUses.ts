import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * The e-mail guard row counts its reservations, so a reservation can tell in the same
 * statement that takes the lock whether the address is new (then it has no open booking and
 * the count is skipped). Rows that exist already start at 1: they are not new.
 */
export class EmailGuardUses1764500000000 implements MigrationInterface {
  name = 'EmailGuardUses1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('email_guard', new TableColumn({ name: 'uses', type: 'integer', isNullable: false, default: 1 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('email_guard', 'uses');
  }
}
