import type { MigrationInterface, QueryRunner } from 'typeorm';

/** First tables: a meeting and who takes part in it. */
export class Setup1764300000000 implements MigrationInterface {
  name = 'Setup1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE meetings (
      id text PRIMARY KEY, title text NOT NULL, body text, venue text, date text,
      public boolean NOT NULL DEFAULT true, profile jsonb NOT NULL, qna_settings jsonb NOT NULL,
      webcast_started_at timestamptz, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE agenda_items (
      meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, id text NOT NULL,
      position int NOT NULL, title text NOT NULL, PRIMARY KEY (meeting_id, id))`);
    await q.query(`CREATE TABLE groups (
      meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, id text NOT NULL,
      name text NOT NULL, coordinator_delegation_id text, PRIMARY KEY (meeting_id, id))`);
    await q.query(`CREATE TABLE delegations (
      meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, id text NOT NULL,
      name text NOT NULL, tier text NOT NULL, groups text[] NOT NULL DEFAULT '{}', PRIMARY KEY (meeting_id, id))`);
    await q.query(`CREATE TABLE participants (
      meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, id text NOT NULL,
      name text NOT NULL, title text, level text NOT NULL, role text NOT NULL, delegation_id text,
      created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (meeting_id, id),
      FOREIGN KEY (meeting_id, delegation_id) REFERENCES delegations(meeting_id, id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['participants', 'delegations', 'groups', 'agenda_items', 'meetings']) await q.query(`DROP TABLE ${t}`);
  }
}
