import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access link last issued to each participant, so the secretariat can list the links of a
 * meeting again later (issue 11). No token is stored: the gateway signs the same token again
 * from these claims (HS256 is deterministic), so a database dump holds no working credential.
 */
export class AccessLinks1764800000000 implements MigrationInterface {
  name = 'AccessLinks1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participants
      ADD COLUMN access_token_id text,
      ADD COLUMN access_version integer,
      ADD COLUMN access_issued_at timestamptz,
      ADD COLUMN access_expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participants DROP COLUMN access_token_id, DROP COLUMN access_version, DROP COLUMN access_issued_at, DROP COLUMN access_expires_at`);
  }
}
