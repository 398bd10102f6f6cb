import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName, type PersistEventJob, type StreamName } from '@rostrum/contracts';
import type { EventLog } from '@rostrum/messaging';
import { RecordQueries } from '@rostrum/persistence';
import { createLogger, type AppConfig } from '@rostrum/platform';
import type { DataSource } from 'typeorm';
import { Publisher } from '../publish/publisher';
import { recorderMetrics } from '../recorder.metrics';
import { CONFIG, DATA_SOURCE, EVENT_LOG } from '../tokens';

const log = createLogger('recorder');
const STREAMS = ['meeting', 'qna'] as const;

/**
 * Step 6 of "How a command flows": compares each active meeting's log head (Redis) with what
 * Postgres holds and re-enqueues the missing range; then publishes what is committed but not yet
 * on the record stream. Covers a service that died between append and enqueue, a job that used
 * up its retries while Postgres was down, and a recorder killed between commit and publish.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;
  /** Cursors at the previous sweep: a range is re-enqueued only when its cursor stopped moving. */
  private readonly previous = new Map<string, number>();
  /** Fan-out marks behind the head at the previous sweep: copied again only when they stopped moving. */
  private readonly fannedBefore = new Map<string, number>();

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    @InjectQueue(QueueName.Record) private readonly queue: Queue<PersistEventJob>,
    private readonly publisher: Publisher,
  ) {}

  onApplicationBootstrap(): void {
    const round = () => { this.sweeping ??= this.sweep().finally(() => { this.sweeping = undefined; }); };
    this.timer = setInterval(round, this.config.sweepIntervalMs);
    this.timer.unref();
    // At once on start: what a killed recorder left half done flows again within 2 s of its
    // restart, not after a sweep interval (issue 9).
    setTimeout(round, 200).unref();
  }

  async sweep(): Promise<{ requeued: number; lag: number }> {
    let requeued = 0;
    let lag = 0;
    try {
      const cursors = new Map<string, number>((await this.db.query(`SELECT meeting_id, stream, persisted_seq FROM record_cursors`) as Array<{ meeting_id: string; stream: string; persisted_seq: number }>)
        .map((r) => [`${r.meeting_id}\u0000${r.stream}`, r.persisted_seq]));
      const unpublished = new Set(await RecordQueries.meetingsWithUnpublished(this.db));
      // Meetings retire from the active set once caught up; those with record entries published
      // in the last day are still checked, so a record stream Redis lost is rebuilt for them.
      const recent = (await this.db.query(`SELECT DISTINCT meeting_id FROM record_entry_versions WHERE published_at > now() - interval '24 hours'`) as Array<{ meeting_id: string }>)
        .map((r) => r.meeting_id);
      const meetings = new Set([...await this.log.activeMeetings(), ...unpublished, ...recent]);
      const published = new Map<string, number>((await this.db.query(`SELECT meeting_id, max(record_seq)::int AS s FROM record_entry_versions
        WHERE meeting_id = ANY($1) AND record_seq IS NOT NULL GROUP BY meeting_id`, [[...meetings]]) as Array<{ meeting_id: string; s: number }>)
        .map((r) => [r.meeting_id, r.s]));
      // A time bucket in the id: a range whose earlier job failed for good is enqueued afresh.
      const bucket = Math.floor(Date.now() / Math.max(60_000, this.config.sweepIntervalMs));
      for (const meetingId of meetings) {
        await this.repairFanout(meetingId);
        const heads: Partial<Record<(typeof STREAMS)[number], number>> = {};
        let caughtUp = true;
        for (const stream of STREAMS) {
          const head = await this.log.head(meetingId, stream);
          heads[stream] = head;
          const key = `${meetingId}\u0000${stream}`;
          const cursor = cursors.get(key) ?? 0;
          const before = this.previous.get(key);
          this.previous.set(key, cursor);
          if (head < cursor) {
            // Redis lost the tail of the log that Postgres already holds: put it back, so that
            // no seq is ever used twice and clients catching up get the events again.
            const restored = await this.restoreTail(meetingId, stream, head, cursor);
            heads[stream] = head + restored;
            caughtUp = false;
            continue;
          }
          if (head === cursor) continue;
          caughtUp = false;
          lag += head - cursor;
          if (before !== undefined && before < cursor) continue; // making progress: the queued jobs are doing it
          await this.queue.add(JobName.PersistEvent, { meetingId, stream, fromSeq: cursor + 1, toSeq: head },
            { jobId: `sweep-${meetingId}:${stream}:${cursor + 1}-${head}-${bucket}` });
          requeued++;
        }
        // Committed but unpublished (the recorder died between commit and publish), or a record
        // stream shorter than what Postgres marked published (Redis lost its tail).
        if (unpublished.has(meetingId) || (await this.log.head(meetingId, 'record')) < (published.get(meetingId) ?? 0)) {
          void this.publisher.kick(meetingId);
        } else if (caughtUp) {
          // Everything persisted and published: off the active set until its next append.
          await this.log.retireIfCaughtUp(meetingId, heads);
        }
      }
      recorderMetrics.lagEvents.set(lag);
      recorderMetrics.sweepRequeued.inc(requeued);
      if (requeued) log.info({ requeued, lag }, 'sweeper re-enqueued missing events');
    } catch (err) {
      // Postgres or Redis away: nothing is lost (the log keeps everything); try again next round.
      log.warn({ err }, 'sweep failed');
    }
    return { requeued, lag };
  }

  /**
   * A process that died between its append and the copy to the fan-out (a separate step on a
   * Redis Cluster: docs/architecture.md) left the meeting's fan-out mark behind the log's head:
   * copy the rest, once the mark has not moved for a whole sweep (a copy under way finishes by itself).
   */
  private async repairFanout(meetingId: string): Promise<void> {
    for (const [stream, { head, fanned }] of Object.entries(await this.log.fanoutLag(meetingId)) as Array<[StreamName, { head: number; fanned: number }]>) {
      const key = `${meetingId}\u0000${stream}`;
      const before = this.fannedBefore.get(key);
      if (fanned >= head) { this.fannedBefore.delete(key); continue; }
      this.fannedBefore.set(key, fanned);
      if (before !== fanned) continue;
      const copied = await this.log.repairFanout(meetingId, stream);
      if (copied) log.warn({ meetingId, stream, from: fanned + 1, copied }, 'events were in the log but not on the fan-out (a process died between the two); copied them');
    }
  }

  private async restoreTail(meetingId: string, stream: 'meeting' | 'qna', head: number, cursor: number): Promise<number> {
    const rows = await this.db.query(`SELECT seq, type, item_id, at, actor, command_id, visibility, payload FROM record_events
      WHERE meeting_id = $1 AND stream = $2 AND seq > $3 AND seq <= $4 ORDER BY seq`, [meetingId, stream, head, cursor]) as Array<Record<string, any>>;
    const envelopes = rows.map((r) => ({
      meetingId, stream, seq: r.seq, type: r.type, at: new Date(r.at).getTime(), actor: r.actor, commandId: r.command_id,
      visibility: r.visibility, payload: r.payload, ...(r.item_id ? { itemId: r.item_id } : {}),
    }));
    const ok = await this.log.restoreTail(meetingId, stream, head, envelopes);
    if (ok) log.error({ meetingId, stream, from: head + 1, to: cursor }, 'Redis had lost the end of the event log; restored it from Postgres');
    return ok ? envelopes.length : 0;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }
}
