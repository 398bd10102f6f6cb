import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: the language of delivery of each intervention, and e-Statements — the text (and
 * optionally a PDF) a delegation submits for its intervention. A statement is linked to the
 * floor entry it was submitted for (`entry_id`), else matched to the delegation's intervention
 * on the item when the record is read.
 */
export class Statements1764712000000 implements MigrationInterface {
  name = 'Statements1764712000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interventions ADD COLUMN language text`);
    await q.query(`CREATE TABLE statements (
      meeting_id text NOT NULL,
      statement_id text NOT NULL,
      delegation_id text NOT NULL,
      item_id text,
      entry_id text,
      language text,
      text text NOT NULL,
      pdf bytea,
      pdf_bytes integer,
      pdf_sha256 text,
      submitted_by text NOT NULL,
      submitted_role text NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (meeting_id, statement_id)
    )`);
    await q.query(`CREATE INDEX statements_by_delegation ON statements (meeting_id, delegation_id, submitted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statements`);
    await q.query(`ALTER TABLE interventions DROP COLUMN language`);
  }
}
