import type { EventEnvelope, StreamName } from '@rostrum/contracts';
import type { InterventionRecord } from '@rostrum/domain';
import type { EntityManager } from 'typeorm';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export interface NewEntry {
  entryId: string; kind: string; itemId?: string; at: number; sourceStream: StreamName; sourceSeq: number; ordinal: number;
  interventionId?: string; text: string;
}

/**
 * Writes of the recorder, each inside the caller's transaction. Every insert is idempotent on
 * its natural key, so a job replayed after a crash writes nothing twice.
 */
export const RecordStore = {
  /**
   * Serialises the persistence of one meeting across workers and processes for the length of
   * the transaction: events are then persisted in seq order and derived state (ordinals, the
   * ruling of a point of order) never races.
   */
  async lockMeeting(m: EntityManager, meetingId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('rostrum.record'), hashtext($1))`, [meetingId]);
  },

  async cursor(m: EntityManager, meetingId: string, stream: StreamName): Promise<number> {
    const rows: Array<{ persisted_seq: number }> = await m.query(
      `SELECT persisted_seq FROM record_cursors WHERE meeting_id = $1 AND stream = $2`, [meetingId, stream]);
    return rows[0]?.persisted_seq ?? 0;
  },

  async advanceCursor(m: EntityManager, meetingId: string, stream: StreamName, seq: number): Promise<void> {
    await m.query(`INSERT INTO record_cursors (meeting_id, stream, persisted_seq) VALUES ($1, $2, $3)
      ON CONFLICT (meeting_id, stream) DO UPDATE SET persisted_seq = GREATEST(record_cursors.persisted_seq, EXCLUDED.persisted_seq), updated_at = now()`,
    [meetingId, stream, seq]);
  },

  /** Inserts the events; returns the seqs actually inserted (those not already there). */
  async insertEvents(m: EntityManager, events: EventEnvelope[]): Promise<Set<number>> {
    if (events.length === 0) return new Set();
    const rows = events.map((e) => ({
      meeting_id: e.meetingId, stream: e.stream, seq: e.seq, type: e.type, item_id: e.itemId ?? null, at: iso(e.at),
      actor: e.actor, command_id: e.commandId, visibility: e.visibility, payload: e.payload,
    }));
    const inserted: Array<{ seq: number }> = await m.query(`INSERT INTO record_events
      (meeting_id, stream, seq, type, item_id, at, actor, command_id, visibility, payload)
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(meeting_id text, stream text, seq int, type text, item_id text,
        at timestamptz, actor jsonb, command_id text, visibility jsonb, payload jsonb)
      ON CONFLICT (meeting_id, stream, seq) DO NOTHING RETURNING seq`, [JSON.stringify(rows)]);
    return new Set(inserted.map((r) => r.seq));
  },

  async interventionCount(m: EntityManager, meetingId: string): Promise<number> {
    const rows: Array<{ n: number }> = await m.query(`SELECT count(*)::int AS n FROM interventions WHERE meeting_id = $1`, [meetingId]);
    return rows[0].n;
  },

  /**
   * R44: the interventions a batch of events made, in one statement per 1,000 (36 parameters a
   * row, under Postgres' 65,535); a round trip per speech held a 250-event batch for 0.2–1.3 s.
   * A row already there (same meeting and seq) is left as it is.
   */
  async insertInterventions(m: EntityManager, meetingId: string, list: InterventionRecord[]): Promise<void> {
    for (let from = 0; from < list.length; from += 1000) {
      const params: unknown[] = [];
      const rows = list.slice(from, from + 1000).map((i) => {
        const at = params.length;
        params.push(
          meetingId, i.seq, i.number, i.interventionId, i.itemId, i.delegationId, i.delegationName, i.tier ?? null,
          i.speakerName, i.speakerTitle ?? null, i.level ?? null, i.capacity, i.groupId ?? null, i.groupName ?? null, i.capacityLabel ?? null,
          i.type, i.mode, iso(i.inscribedAt), iso(i.calledAt), iso(i.startedAt), iso(i.endedAt), i.allottedSeconds, i.netSeconds,
          i.pausedSeconds ?? 0, JSON.stringify(i.pauses), i.overrunSeconds, i.warningsGiven, i.warnings ?? [], i.expired ?? false,
          i.endReason ?? null, i.yieldedFrom ?? null, i.replyToInterventionId ?? null, i.ruling?.decision ?? null, i.ruling?.text ?? null,
          iso(i.ruling?.at), i.language ?? null,
        );
        return `(${Array.from({ length: params.length - at }, (_, k) => `$${at + k + 1}`).join(',')})`;
      });
      await m.query(`INSERT INTO interventions (meeting_id, seq, number, entry_id, item_id, delegation_id, delegation_name, tier,
        speaker_name, speaker_title, level, capacity, group_id, group_name, capacity_label, type, mode, inscribed_at, called_at,
        started_at, ended_at, allotted_seconds, net_seconds, paused_seconds, pauses, overrun_seconds, warnings_given, warnings,
        expired, end_reason, yielded_from, reply_to, ruling_decision, ruling_text, ruled_at, language)
        VALUES ${rows.join(',')}
        ON CONFLICT (meeting_id, seq) DO NOTHING`, params);
    }
  },

  /** R21/R44: the ruling belongs to the point-of-order intervention, whichever event came first. */
  async setRuling(m: EntityManager, meetingId: string, entryId: string, ruling: { decision: string; text?: string; at: number }): Promise<void> {
    await m.query(`UPDATE interventions SET ruling_decision = $3, ruling_text = $4, ruled_at = $5
      WHERE meeting_id = $1 AND entry_id = $2 AND type = 'point-of-order'`, [meetingId, entryId, ruling.decision, ruling.text ?? null, iso(ruling.at)]);
  },

  /** The ruling already persisted for a point of order, if it was ruled before its speech ended. */
  async findRuling(m: EntityManager, meetingId: string, entryId: string): Promise<{ decision: string; text?: string; at: number } | undefined> {
    const rows: Array<{ payload: { decision: string; text?: string }; at: Date }> = await m.query(`SELECT payload, at FROM record_events
      WHERE meeting_id = $1 AND type = 'pointOfOrder.ruled' AND payload->>'entryId' = $2 ORDER BY seq DESC LIMIT 1`, [meetingId, entryId]);
    return rows[0] ? { decision: rows[0].payload.decision, text: rows[0].payload.text, at: rows[0].at.getTime() } : undefined;
  },

  /** Version 1 of each new entry; both inserts skip what a previous attempt already wrote. */
  async insertEntries(m: EntityManager, meetingId: string, entries: NewEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((e) => ({
      meeting_id: meetingId, entry_id: e.entryId, kind: e.kind, item_id: e.itemId ?? null, at: iso(e.at), source_stream: e.sourceStream,
      source_seq: e.sourceSeq, ordinal: e.ordinal, intervention_id: e.interventionId ?? null, text: e.text,
    }));
    const json = JSON.stringify(rows);
    const inserted: Array<{ entry_id: string }> = await m.query(`INSERT INTO record_entries
      (meeting_id, entry_id, kind, item_id, at, source_stream, source_seq, ordinal, intervention_id)
      SELECT meeting_id, entry_id, kind, item_id, at, source_stream, source_seq, ordinal, intervention_id
      FROM jsonb_to_recordset($1::jsonb) AS x(meeting_id text, entry_id text, kind text, item_id text, at timestamptz,
        source_stream text, source_seq int, ordinal int, intervention_id text)
      ON CONFLICT DO NOTHING RETURNING entry_id`, [json]);
    const fresh = new Set(inserted.map((r) => r.entry_id));
    const versions = rows.filter((r) => fresh.has(r.entry_id)).map((r) => ({ meeting_id: meetingId, entry_id: r.entry_id, text: r.text }));
    if (versions.length === 0) return;
    await m.query(`INSERT INTO record_entry_versions (meeting_id, entry_id, version, text, change)
      SELECT meeting_id, entry_id, 1, text, 'created' FROM jsonb_to_recordset($1::jsonb) AS x(meeting_id text, entry_id text, text text)
      ON CONFLICT DO NOTHING`, [JSON.stringify(versions)]);
  },

  /** Q&A final state: a newer event (higher seq) wins; an older replay changes nothing. */
  async upsertQuestion(m: EntityManager, meetingId: string, seq: number, q: {
    questionId: string; itemId?: string; text?: string; author?: string; authorDelegationId?: string; askedAt?: number; status: string;
    votes?: number; answerMode?: string; answerText?: string; answeredAt?: number; answeredBy?: unknown;
  }): Promise<void> {
    await m.query(`INSERT INTO questions (meeting_id, question_id, item_id, text, author, author_delegation_id, asked_at, status, votes,
      answer_mode, answer_text, answered_at, answered_by, last_seq)
      VALUES ($1, $2, $3, COALESCE($4, ''), COALESCE($5, 'anonymous'), $6, COALESCE($7, now()), $8, COALESCE($9, 0), $10, $11, $12, $13, $14)
      ON CONFLICT (meeting_id, question_id) DO UPDATE SET
        item_id = COALESCE(EXCLUDED.item_id, questions.item_id),
        text = CASE WHEN $4::text IS NULL THEN questions.text ELSE EXCLUDED.text END,
        author = CASE WHEN $5::text IS NULL THEN questions.author ELSE EXCLUDED.author END,
        status = EXCLUDED.status, votes = CASE WHEN $9::int IS NULL THEN questions.votes ELSE EXCLUDED.votes END,
        answer_mode = COALESCE(EXCLUDED.answer_mode, questions.answer_mode), answer_text = COALESCE(EXCLUDED.answer_text, questions.answer_text),
        answered_at = COALESCE(EXCLUDED.answered_at, questions.answered_at), answered_by = COALESCE(EXCLUDED.answered_by, questions.answered_by),
        last_seq = EXCLUDED.last_seq
      WHERE questions.last_seq < EXCLUDED.last_seq`, [
      meetingId, q.questionId, q.itemId ?? null, q.text ?? null, q.author ?? null, q.authorDelegationId ?? null, iso(q.askedAt), q.status,
      q.votes ?? null, q.answerMode ?? null, q.answerText ?? null, iso(q.answeredAt), q.answeredBy === undefined ? null : JSON.stringify(q.answeredBy), seq,
    ]);
  },
};
