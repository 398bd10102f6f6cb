import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope, ResolvedMeetingSetup, StreamName } from '@rostrum/contracts';
import { deriveEntries, interventionFromEvent, type InterventionRecord } from '@rostrum/domain';
import type { EventLog } from '@rostrum/messaging';
import { RecordQueries, RecordStore, type NewEntry } from '@rostrum/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { recorderMetrics } from '../recorder.metrics';
import { DATA_SOURCE, EVENT_LOG } from '../tokens';
import { derivationContext, questionChange, referencedInterventions } from './record-context';

/** Most events written in one transaction (27–35k rows/s at 1,000-row batches, STACK.md). */
const BATCH = 1000;

export interface PersistOutcome { status: 'persisted' | 'already'; persistedSeq: number; inserted: number }

/**
 * Step 5 of "How a command flows": events from the Redis log to Postgres, with the interventions
 * (R44), questions and record entries they make, all in one transaction. Persisting always
 * continues from the stream's cursor, in seq order, so Postgres holds a gapless prefix of each
 * stream; every insert is idempotent, so a replayed or concurrent job writes nothing twice.
 */
@Injectable()
export class PersistService {
  /** Cursors this process saw committed: they only grow, so a stale value is merely conservative. */
  private readonly known = new Map<string, number>();
  private readonly setups = new Map<string, ResolvedMeetingSetup>();

  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource, @Inject(EVENT_LOG) private readonly log: EventLog) {}

  async persist(meetingId: string, stream: StreamName, toSeq: number): Promise<PersistOutcome> {
    const key = `${meetingId}\u0000${stream}`;
    const seen = this.known.get(key) ?? 0;
    if (seen >= toSeq) return { status: 'already', persistedSeq: seen, inserted: 0 };
    const started = process.hrtime.bigint();
    const outcome = await this.db.transaction(async (m) => {
      await RecordStore.lockMeeting(m, meetingId);
      const cursor = await RecordStore.cursor(m, meetingId, stream);
      if (cursor >= toSeq) return { status: 'already' as const, persistedSeq: cursor, inserted: 0 };
      const events = await this.log.since(meetingId, stream, cursor, Math.max(BATCH, toSeq - cursor));
      const last = events[events.length - 1]?.seq ?? cursor;
      // The log is gapless; anything else means it was read wrongly or lost, and retrying is right.
      if (events.length === 0 || events[0].seq !== cursor + 1 || last < toSeq) {
        throw new Error(`event log of ${meetingId}/${stream} holds ${cursor + 1}..${last}, job needs up to ${toSeq}`);
      }
      const inserted = await RecordStore.insertEvents(m, events);
      await this.derive(m, meetingId, events.filter((e) => inserted.has(e.seq)));
      await RecordStore.advanceCursor(m, meetingId, stream, last);
      recorderMetrics.eventsPersisted.inc({ stream }, inserted.size);
      recorderMetrics.batchSize.observe(events.length);
      return { status: 'persisted' as const, persistedSeq: last, inserted: inserted.size };
    });
    recorderMetrics.batchSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    if (outcome.persistedSeq > (this.known.get(key) ?? 0)) this.known.set(key, outcome.persistedSeq);
    return outcome;
  }

  /** Interventions, questions and record entries of the events inserted just now (in seq order). */
  private async derive(m: EntityManager, meetingId: string, events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const setup = await this.setup(m, meetingId, events);
    const refs = referencedInterventions(events);
    const interventions = new Map<string, InterventionRecord>(
      (refs.length ? await RecordQueries.interventions(m, meetingId, refs) : []).map((i) => [i.interventionId, i]));
    const ctx = derivationContext(setup, interventions);
    let count: number | undefined;
    const entries: NewEntry[] = [];
    // Written together after the loop (one statement, not a round trip per speech); a ruling
    // later in the batch reaches them through `interventions`, which holds the same objects.
    const made: InterventionRecord[] = [];
    for (const e of events) {
      if (e.type === 'speech.ended') {
        count ??= await RecordStore.interventionCount(m, meetingId);
        const i = interventionFromEvent(e, count + 1, setup);
        if (i) {
          // R21: a point of order may be ruled before its speech is closed; the row carries the ruling either way.
          if (i.type === 'point-of-order' && !i.ruling) i.ruling = await RecordStore.findRuling(m, meetingId, i.interventionId);
          made.push(i);
          interventions.set(i.interventionId, i);
          count++;
        }
      } else if (e.type === 'pointOfOrder.ruled') {
        const p = e.payload as { entryId: string; decision: string; text?: string };
        const ruling = { decision: p.decision, text: p.text, at: e.at };
        await RecordStore.setRuling(m, meetingId, p.entryId, ruling);
        const known = interventions.get(p.entryId);
        if (known) known.ruling = ruling;
      } else if (e.stream === 'qna') {
        const change = questionChange(e);
        if (change) await RecordStore.upsertQuestion(m, meetingId, e.seq, change);
      }
      for (const d of deriveEntries(e, ctx)) {
        entries.push({
          entryId: `${e.stream}-${e.seq}-${d.ordinal}`, kind: d.kind, itemId: d.itemId, at: d.at, sourceStream: e.stream,
          sourceSeq: e.seq, ordinal: d.ordinal, interventionId: d.interventionId, text: d.text,
        });
      }
    }
    await RecordStore.insertInterventions(m, meetingId, made);
    await RecordStore.insertEntries(m, meetingId, entries);
  }

  /** The setup (names) from `meeting.created`: in this batch, in Postgres, or at the head of the log. */
  private async setup(m: EntityManager, meetingId: string, events: EventEnvelope[]): Promise<ResolvedMeetingSetup | undefined> {
    const cached = this.setups.get(meetingId);
    if (cached) return cached;
    const created = events.find((e) => e.type === 'meeting.created')?.payload as ResolvedMeetingSetup | undefined
      ?? await RecordQueries.setup(m, meetingId)
      ?? (await this.log.since(meetingId, 'meeting', 0, 1)).find((e) => e.type === 'meeting.created')?.payload as ResolvedMeetingSetup | undefined;
    if (created) {
      if (this.setups.size > 1000) this.setups.clear();
      this.setups.set(meetingId, created);
    }
    return created;
  }
}
