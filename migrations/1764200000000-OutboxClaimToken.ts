import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** The mail worker claims mails in batches and finds its batch again by this token. */
export class OutboxClaimToken1764200000000 implements MigrationInterface {
  name = 'OutboxClaimToken1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('mail_outbox', new TableColumn({ name: 'claim_token', type: 'varchar', length: '36', isNullable: true }));
    await q.createIndex('mail_outbox', new TableIndex({ name: 'ix_outbox_claim', columnNames: ['claim_token'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('mail_outbox', 'ix_outbox_claim');
    await q.dropColumn('mail_outbox', 'claim_token');
  }
}
