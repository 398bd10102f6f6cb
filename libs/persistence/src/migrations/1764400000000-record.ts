import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The running record (R43, R44): the event log as persisted, interventions, record entries with
 * their versions (corrections never edit in place), final state of Q&A questions, and how far
 * each meeting stream has been persisted. No foreign key to meetings: the event log is the
 * source of truth and must be storable even for a meeting whose setup row is not there yet.
 */
export class Record1764400000000 implements MigrationInterface {
  name = 'Record1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Primary key = the idempotency key: a replayed job inserts nothing twice (ON CONFLICT DO NOTHING).
    await q.query(`CREATE TABLE record_events (
      meeting_id text NOT NULL, stream text NOT NULL, seq int NOT NULL, type text NOT NULL, item_id text,
      at timestamptz NOT NULL, actor jsonb NOT NULL, command_id text NOT NULL, visibility jsonb NOT NULL,
      payload jsonb NOT NULL, persisted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (meeting_id, stream, seq))`);
    await q.query(`CREATE INDEX record_events_type ON record_events (meeting_id, type)`);
    // Every event of a stream up to persisted_seq is in record_events (persisted in order, gapless).
    await q.query(`CREATE TABLE record_cursors (
      meeting_id text NOT NULL, stream text NOT NULL, persisted_seq int NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (meeting_id, stream))`);
    await q.query(`CREATE TABLE interventions (
      meeting_id text NOT NULL, seq int NOT NULL, number int NOT NULL, entry_id text NOT NULL, item_id text NOT NULL,
      delegation_id text NOT NULL, delegation_name text NOT NULL, tier text, speaker_name text NOT NULL, speaker_title text,
      level text, capacity text NOT NULL, group_id text, group_name text, capacity_label text, type text NOT NULL, mode text NOT NULL,
      inscribed_at timestamptz, called_at timestamptz, started_at timestamptz NOT NULL, ended_at timestamptz NOT NULL,
      allotted_seconds int NOT NULL, net_seconds int NOT NULL, paused_seconds int NOT NULL DEFAULT 0, pauses jsonb NOT NULL,
      overrun_seconds int NOT NULL, warnings_given int NOT NULL, warnings int[] NOT NULL DEFAULT '{}', expired boolean NOT NULL DEFAULT false,
      end_reason text, yielded_from text, reply_to text, ruling_decision text, ruling_text text, ruled_at timestamptz,
      PRIMARY KEY (meeting_id, seq), UNIQUE (meeting_id, number))`);
    await q.query(`CREATE INDEX interventions_entry ON interventions (meeting_id, entry_id)`);
    await q.query(`CREATE TABLE record_entries (
      meeting_id text NOT NULL, entry_id text NOT NULL, kind text NOT NULL, item_id text, at timestamptz NOT NULL,
      source_stream text NOT NULL, source_seq int NOT NULL, ordinal int NOT NULL, intervention_id text,
      current_version int NOT NULL DEFAULT 1,
      PRIMARY KEY (meeting_id, entry_id), UNIQUE (meeting_id, source_stream, source_seq, ordinal))`);
    // id orders the outbox; record_seq is the entry's seq on the meeting's `record` stream once published.
    await q.query(`CREATE TABLE record_entry_versions (
      id bigserial PRIMARY KEY, meeting_id text NOT NULL, entry_id text NOT NULL, version int NOT NULL,
      text text NOT NULL, summary text, change text NOT NULL, reason text, actor jsonb, command_id text,
      created_at timestamptz NOT NULL DEFAULT now(), record_seq int, published_at timestamptz,
      UNIQUE (meeting_id, entry_id, version), UNIQUE (meeting_id, record_seq),
      FOREIGN KEY (meeting_id, entry_id) REFERENCES record_entries (meeting_id, entry_id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX record_versions_unpublished ON record_entry_versions (meeting_id, id) WHERE record_seq IS NULL`);
    await q.query(`CREATE UNIQUE INDEX record_versions_command ON record_entry_versions (meeting_id, command_id) WHERE command_id IS NOT NULL`);
    await q.query(`CREATE TABLE questions (
      meeting_id text NOT NULL, question_id text NOT NULL, item_id text, text text NOT NULL, author text NOT NULL,
      author_delegation_id text, asked_at timestamptz NOT NULL, status text NOT NULL, votes int NOT NULL DEFAULT 0,
      answer_mode text, answer_text text, answered_at timestamptz, answered_by jsonb, last_seq int NOT NULL,
      PRIMARY KEY (meeting_id, question_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['questions', 'record_entry_versions', 'record_entries', 'interventions', 'record_cursors', 'record_events']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
