import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who may follow a public meeting: anyone (anonymous viewer tokens) or verified viewers only (links the secretariat issued). */
export class ViewerAccess1764720000000 implements MigrationInterface {
  name = 'ViewerAccess1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings ADD COLUMN viewers text NOT NULL DEFAULT 'anyone'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings DROP COLUMN viewers`);
  }
}
