import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** BITV 2.0: every page links the office's accessibility statement (Erklärung zur Barrierefreiheit). */
export class AccessibilityStatement1764400000000 implements MigrationInterface {
  name = 'AccessibilityStatement1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('location', new TableColumn({ name: 'accessibility_url', type: 'varchar', length: '500', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('location', 'accessibility_url');
  }
}
