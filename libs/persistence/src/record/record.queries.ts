import type { Actor, RecordEntryKind, RecordEntryView, ResolvedMeetingSetup } from '@rostrum/contracts';
import { matchStatements, offsetFrom, withSetupDetails, type InterventionRecord, type RecordDocument, type RecordEntryWithHistory } from '@rostrum/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { PostgresStatementStore } from '../statements/statement.store';

type Db = DataSource | EntityManager;
const ms = (d: Date | null): number | undefined => (d === null ? undefined : d.getTime());

/** A row of interventions as the domain type (R44). */
export function toInterventionRecord(r: Record<string, any>): InterventionRecord {
  return {
    interventionId: r.entry_id, seq: r.seq, number: r.number, itemId: r.item_id, delegationId: r.delegation_id,
    delegationName: r.delegation_name, ...(r.tier ? { tier: r.tier } : {}), speakerName: r.speaker_name,
    ...(r.speaker_title ? { speakerTitle: r.speaker_title } : {}), ...(r.level ? { level: r.level } : {}), capacity: r.capacity,
    ...(r.group_id ? { groupId: r.group_id, groupName: r.group_name ?? r.group_id } : {}), ...(r.capacity_label ? { capacityLabel: r.capacity_label } : {}),
    type: r.type, mode: r.mode, inscribedAt: ms(r.inscribed_at), calledAt: ms(r.called_at), startedAt: r.started_at.getTime(),
    endedAt: r.ended_at.getTime(), allottedSeconds: r.allotted_seconds, netSeconds: r.net_seconds, pauses: r.pauses,
    pausedSeconds: r.paused_seconds, overrunSeconds: r.overrun_seconds, warningsGiven: r.warnings_given, warnings: r.warnings,
    expired: r.expired, ...(r.end_reason ? { endReason: r.end_reason } : {}), ...(r.yielded_from ? { yieldedFrom: r.yielded_from } : {}),
    ...(r.reply_to ? { replyToInterventionId: r.reply_to } : {}), ...(r.language ? { language: r.language } : {}),
    ...(r.ruling_decision ? { ruling: { decision: r.ruling_decision, ...(r.ruling_text ? { text: r.ruling_text } : {}), ...(r.ruled_at ? { at: r.ruled_at.getTime() } : {}) } } : {}),
  };
}

/** An entry version row (joined with its entry) as published and exported. */
export function toEntryView(r: Record<string, any>, webcastStartedAt: number | null): RecordEntryView {
  const at = r.at.getTime();
  return {
    entryId: r.entry_id, version: r.version, kind: r.kind as RecordEntryKind, ...(r.item_id ? { itemId: r.item_id } : {}), at,
    offsetSeconds: offsetFrom(webcastStartedAt, at), text: r.text, ...(r.summary ? { summary: r.summary } : {}),
    ...(r.intervention_id ? { interventionId: r.intervention_id } : {}), source: { stream: r.source_stream, seq: r.source_seq },
    ...(r.version > 1 ? { revision: { change: r.change, ...(r.reason ? { reason: r.reason } : {}), by: r.actor as Actor, at: r.created_at.getTime() } } : {}),
  };
}

const VERSION_COLUMNS = `v.id, v.entry_id, v.version, v.text, v.summary, v.change, v.reason, v.actor, v.created_at, v.record_seq,
  e.kind, e.item_id, e.at, e.source_stream, e.source_seq, e.ordinal, e.intervention_id`;

export const RecordQueries = {
  async interventions(db: Db, meetingId: string, entryIds?: string[]): Promise<InterventionRecord[]> {
    const rows = entryIds
      ? await db.query(`SELECT * FROM interventions WHERE meeting_id = $1 AND entry_id = ANY($2) ORDER BY seq`, [meetingId, entryIds])
      : await db.query(`SELECT * FROM interventions WHERE meeting_id = $1 ORDER BY seq`, [meetingId]);
    return rows.map(toInterventionRecord);
  },

  async webcastStartedAt(db: Db, meetingId: string): Promise<number | null> {
    const rows: Array<{ webcast_started_at: Date | null }> = await db.query(`SELECT webcast_started_at FROM meetings WHERE id = $1`, [meetingId]);
    return rows[0]?.webcast_started_at?.getTime() ?? null;
  },

  /** The setup carried by the meeting's first event (names for entry texts). */
  /** The setup as `meeting.created` carried it, with the participants added later (`participant.added`: gender and language too). */
  async setup(db: Db, meetingId: string): Promise<ResolvedMeetingSetup | undefined> {
    const rows: Array<{ type: string; payload: Record<string, unknown> }> = await db.query(
      `SELECT type, payload FROM record_events WHERE meeting_id = $1 AND stream = 'meeting' AND type IN ('meeting.created', 'participant.added') ORDER BY seq`, [meetingId]);
    const created = rows.find((r) => r.type === 'meeting.created')?.payload as ResolvedMeetingSetup | undefined;
    if (!created) return undefined;
    const added = rows.filter((r) => r.type === 'participant.added').map((r) => r.payload as unknown as ResolvedMeetingSetup['participants'][number]);
    return added.length ? { ...created, participants: [...created.participants, ...added] } : created;
  },

  /** Committed versions not yet on the record stream, in the order they should be published. */
  async unpublished(db: Db, meetingId: string, limit = 500): Promise<Array<Record<string, any>>> {
    return db.query(`SELECT ${VERSION_COLUMNS} FROM record_entry_versions v
      JOIN record_entries e ON e.meeting_id = v.meeting_id AND e.entry_id = v.entry_id
      WHERE v.meeting_id = $1 AND v.record_seq IS NULL
      ORDER BY CASE WHEN v.version = 1 THEN e.at ELSE v.created_at END, e.source_stream, e.source_seq, e.ordinal, v.version
      LIMIT $2`, [meetingId, limit]);
  },

  async lastPublishedSeq(db: Db, meetingId: string): Promise<number> {
    const rows: Array<{ s: number | null }> = await db.query(`SELECT max(record_seq) AS s FROM record_entry_versions WHERE meeting_id = $1`, [meetingId]);
    return rows[0].s ?? 0;
  },

  /** Versions already published at seqs above `afterSeq`, in record order (to rebuild a lost Redis stream). */
  async publishedAfter(db: Db, meetingId: string, afterSeq: number): Promise<Array<Record<string, any>>> {
    return db.query(`SELECT ${VERSION_COLUMNS} FROM record_entry_versions v
      JOIN record_entries e ON e.meeting_id = v.meeting_id AND e.entry_id = v.entry_id
      WHERE v.meeting_id = $1 AND v.record_seq > $2 ORDER BY v.record_seq LIMIT 1000`, [meetingId, afterSeq]);
  },

  /** Marks a version published at a record seq; a second mark of the same version is a no-op. */
  async markPublished(db: Db, meetingId: string, entryId: string, version: number, recordSeq: number): Promise<void> {
    await db.query(`UPDATE record_entry_versions SET record_seq = $4, published_at = now()
      WHERE meeting_id = $1 AND entry_id = $2 AND version = $3 AND record_seq IS NULL`, [meetingId, entryId, version, recordSeq]);
  },

  /**
   * Marks a run of versions published at consecutive record seqs from `fromSeq`, all or none (one
   * transaction: no other publisher ever sees part of a run marked). False, with nothing marked,
   * when one of them is already marked or another version holds one of those seqs
   * (UNIQUE (meeting_id, record_seq): another publisher got there first).
   */
  async markPublishedRun(db: DataSource, meetingId: string, versions: Array<{ entry_id: string; version: number }>, fromSeq: number): Promise<boolean> {
    const params = [meetingId, versions.map((v) => v.entry_id), versions.map((v) => v.version), versions.map((_, i) => fromSeq + i)];
    const partial = new Error('part of the run was already marked');
    try {
      await db.transaction(async (m) => {
        const [r]: Array<{ n: number }> = await m.query(`WITH marked AS (
          UPDATE record_entry_versions v SET record_seq = x.seq, published_at = now()
          FROM unnest($2::text[], $3::int[], $4::int[]) AS x(entry_id, version, seq)
          WHERE v.meeting_id = $1 AND v.entry_id = x.entry_id AND v.version = x.version AND v.record_seq IS NULL
          RETURNING 1) SELECT count(*)::int AS n FROM marked`, params);
        if (r.n !== versions.length) throw partial; // rolls the marks back
      });
      return true;
    } catch (err) {
      if (err === partial || (err as { code?: string }).code === '23505') return false;
      throw err;
    }
  },

  async meetingsWithUnpublished(db: Db): Promise<string[]> {
    const rows: Array<{ meeting_id: string }> = await db.query(`SELECT DISTINCT meeting_id FROM record_entry_versions WHERE record_seq IS NULL`);
    return rows.map((r) => r.meeting_id);
  },

  /** Everything the exports need (RecordDocument); undefined when the meeting is unknown. */
  async document(db: Db, meetingId: string): Promise<RecordDocument | undefined> {
    const [meeting] = await db.query(`SELECT id, title, body, venue, date, time_zone AS "timeZone", webcast_started_at FROM meetings WHERE id = $1`, [meetingId]);
    const setup = meeting ? undefined : await RecordQueries.setup(db, meetingId);
    if (!meeting && !setup) return undefined;
    const webcast: number | null = meeting?.webcast_started_at?.getTime() ?? null;
    const items: Array<{ id: string; title: string; position: number }> = meeting
      ? await db.query(`SELECT id, title, position FROM agenda_items WHERE meeting_id = $1 ORDER BY position`, [meetingId])
      : setup!.items;
    const versions = await db.query(`SELECT ${VERSION_COLUMNS} FROM record_entry_versions v
      JOIN record_entries e ON e.meeting_id = v.meeting_id AND e.entry_id = v.entry_id
      WHERE v.meeting_id = $1 AND v.record_seq IS NOT NULL ORDER BY v.entry_id, v.version`, [meetingId]);
    // Only published versions: an export never shows what a viewer could not have seen.
    const byEntry = new Map<string, RecordEntryWithHistory>();
    for (const r of versions) {
      const view = toEntryView(r, webcast);
      const e = byEntry.get(view.entryId);
      if (e) { e.history.push(view); e.current = view; } else byEntry.set(view.entryId, { current: view, history: [view] });
    }
    const head = meeting ?? setup!;
    const interventions = await RecordQueries.interventions(db, meetingId);
    // Delivered e-Statements are published with their intervention; undelivered ones never leave the statements API.
    const all = await new PostgresStatementStore(db as DataSource).list(meetingId);
    const published = new Set([...byEntry.values()].map((e) => e.current.interventionId).filter(Boolean));
    const delivered = new Map([...matchStatements(all, interventions)].filter(([, i]) => published.has(i)));
    const statements = all.filter((s) => delivered.has(s.statementId)).map((s) => ({
      statementId: s.statementId, interventionId: delivered.get(s.statementId)!, delegationId: s.delegationId,
      ...(s.language ? { language: s.language } : {}), text: s.text, hasPdf: s.pdfBytes !== undefined,
    }));
    // The masthead fields, presiding officers, and speakers' gender and language live in the setup.
    const full = setup ?? await RecordQueries.setup(db, meetingId);
    const presiding = full?.participants.filter((p) => p.role === 'chair').map((p) => ({
      name: p.name, ...(p.title ? { title: p.title } : {}),
      ...(p.delegationId ? { delegation: full.delegations.find((d) => d.id === p.delegationId)?.name ?? p.delegationId } : {}),
    })) ?? [];
    return {
      meeting: {
        meetingId, title: head.title, ...(head.body ? { body: head.body } : {}), ...(head.venue ? { venue: head.venue } : {}), ...(head.date ? { date: head.date } : {}), ...(head.timeZone ? { timeZone: head.timeZone } : {}),
        ...(full?.symbol ? { symbol: full.symbol } : {}), ...(full?.session ? { session: full.session } : {}), ...(full?.meetingNumber ? { meetingNumber: full.meetingNumber } : {}),
        ...(presiding.length ? { presiding } : {}),
      },
      items, entries: [...byEntry.values()], interventions: withSetupDetails(interventions, full), ...(statements.length ? { statements } : {}),
    };
  },
};
