import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { RecordEventType, SYSTEM_ACTOR, type Actor, type DomainEvent, type RecordEntryView } from '@rostrum/contracts';
import type { EventLog } from '@rostrum/messaging';
import { RecordQueries, toEntryView } from '@rostrum/persistence';
import { createLogger } from '@rostrum/platform';
import type { DataSource } from 'typeorm';
import { recorderMetrics } from '../recorder.metrics';
import { DATA_SOURCE, EVENT_LOG, REDIS } from '../tokens';

const log = createLogger('recorder');
/**
 * The publisher lock is a short lease renewed while publishing: a recorder killed while holding
 * it (SIGKILL, nothing released) blocks its successor for at most this long, so entries flow
 * again within 2 s of a restart (issue 9; it was 15 s).
 */
const LOCK_MS = 2000;
const RENEW_MS = 500;

/**
 * Publishes committed entry versions on the meeting's `record` stream (its gapless seq is the
 * record sequence). Only what Postgres holds is published, so a viewer never sees an entry that
 * could vanish. Exactly once: one publisher per meeting at a time (Redis lock), each append is
 * compare-and-set on the head and idempotent on a commandId made from the version, and a
 * restart first reconciles what Redis holds with what Postgres marked published.
 */
@Injectable()
export class Publisher implements OnApplicationShutdown {
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private closed = false;

  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Asks for a publish soon; concurrent asks for one meeting coalesce into one more round. */
  kick(meetingId: string): Promise<void> {
    this.dirty.add(meetingId);
    const current = this.running.get(meetingId);
    if (current) return current;
    const run = (async () => {
      try {
        for (let tries = 0; this.dirty.has(meetingId) && !this.closed; tries++) {
          this.dirty.delete(meetingId);
          const got = await this.publish(meetingId);
          // Another process holds the lock and may have read its batch before our commit: ask again shortly.
          if (!got && tries < 20) { this.dirty.add(meetingId); await new Promise((r) => setTimeout(r, 100)); }
        }
      } catch (err) {
        log.warn({ err, meetingId }, 'publish failed; the sweeper will retry');
      } finally {
        this.running.delete(meetingId);
      }
    })();
    this.running.set(meetingId, run);
    return run;
  }

  /** One publishing round under the meeting's lock. Returns false when another process holds it. */
  async publish(meetingId: string): Promise<boolean> {
    const lockKey = this.log.keys.meetingKey(meetingId, 'record:publisher');
    const token = randomUUID();
    if ((await this.redis.set(lockKey, token, 'PX', LOCK_MS, 'NX')) !== 'OK') return false;
    const renew = setInterval(() => {
      void this.redis.eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`, 1, lockKey, token, LOCK_MS)
        .catch(() => undefined);
    }, RENEW_MS);
    try {
      const webcast = await RecordQueries.webcastStartedAt(this.db, meetingId);
      let head = await this.reconcile(meetingId, webcast);
      for (;;) {
        const rows = await RecordQueries.unpublished(this.db, meetingId, 200);
        if (rows.length === 0) return true;
        // A run of versions with the same actor is one append (one compare-and-set on the head)
        // and one mark: a round trip per entry to each of Postgres and Redis held the recorder
        // (and the viewers' record) back when a batch made many entries.
        const actorOf = (r: Record<string, any>) => JSON.stringify(r.actor ?? null);
        let n = 1;
        while (n < rows.length && actorOf(rows[n]!) === actorOf(rows[0]!)) n++;
        const run = rows.slice(0, n) as Array<{ entry_id: string; version: number; actor: unknown } & Record<string, any>>;
        // Marked before they are appended: a client that receives an entry and at once reads an
        // export finds it there. A crash between the two leaves Postgres ahead of Redis, which
        // reconcile() repairs by appending them at those seqs.
        const from = head + 1;
        if (!(await RecordQueries.markPublishedRun(this.db, meetingId, run, from))) {
          recorderMetrics.publishConflicts.inc();
          head = await this.settle(meetingId, webcast, head);
          continue;
        }
        const res = await this.log.append(meetingId, 'record', head, run.map((r) => entryEvent(toEntryView(r, webcast))), {
          commandId: `record-${from}-${run[0]!.entry_id}-v${run[0]!.version}-${run.length}`, actor: (run[0]!.actor as Actor | null) ?? SYSTEM_ACTOR, at: Date.now(),
        });
        if (res.status !== 'appended') {
          // Someone else appended first (or this exact run was appended before). The marks stay:
          // a mark is never taken back, since another publisher may already have appended the
          // marked version at that seq (reconcile's republishing), and a version appended but
          // unmarked would be published twice. Reconcile appends what is marked and missing.
          recorderMetrics.publishConflicts.inc();
          head = await this.settle(meetingId, webcast, head);
          continue;
        }
        recorderMetrics.entriesPublished.inc(run.length);
        head = res.seq;
      }
    } finally {
      clearInterval(renew);
      // Release only our own lock (it may have expired and been taken by another process).
      await this.redis.eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`, 1, lockKey, token);
    }
  }

  /**
   * After a conflict: reconciles, and throws when that did not move the stream's head, so the
   * round ends instead of retrying the same conflict in a tight loop (the sweeper tries again).
   */
  private async settle(meetingId: string, webcast: number | null, head: number): Promise<number> {
    const moved = await this.reconcile(meetingId, webcast);
    if (moved <= head) throw new Error(`record publisher for ${meetingId}: conflict at seq ${head + 1} not settled; the sweeper retries`);
    return moved;
  }

  /** Appends one version; returns its record seq, or undefined on a CAS conflict. */
  private async append(meetingId: string, head: number, view: RecordEntryView, actor: Actor | null, commandPrefix = 'record'): Promise<number | undefined> {
    const res = await this.log.append(meetingId, 'record', head, [entryEvent(view)], { commandId: `${commandPrefix}-${view.entryId}-v${view.version}`, actor: actor ?? SYSTEM_ACTOR, at: Date.now() });
    if (res.status === 'appended') return res.seq;
    if (res.status === 'duplicate') return (res.result as { seq: number }).seq;
    return undefined;
  }

  /**
   * Makes Postgres and the Redis record stream agree before publishing more: versions appended
   * but not marked (a crash between the two) are marked; versions marked but missing from Redis
   * (Redis lost its tail) are appended again at the same seqs. Returns the stream head.
   */
  private async reconcile(meetingId: string, webcast: number | null): Promise<number> {
    let head = await this.log.head(meetingId, 'record');
    const marked = await RecordQueries.lastPublishedSeq(this.db, meetingId);
    if (head > marked) {
      for (const e of await this.log.since(meetingId, 'record', marked, head - marked)) {
        const p = e.payload as unknown as RecordEntryView;
        await RecordQueries.markPublished(this.db, meetingId, p.entryId, p.version, e.seq);
      }
    } else if (head < marked) {
      // A crash between marking and appending, or Redis lost its tail.
      log.warn({ meetingId, head, marked }, 'record stream behind Postgres: appending the marked entries');
      for (const r of await RecordQueries.publishedAfter(this.db, meetingId, head)) {
        if (r.record_seq !== head + 1) break;
        // Its own commandId: the first publication's may survive in Redis and would answer "duplicate".
        const seq = await this.append(meetingId, head, toEntryView(r, webcast), r.actor as Actor | null, 'republish');
        if (seq === undefined || seq !== r.record_seq) break;
        head = seq;
      }
    }
    return head;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running.values()]);
  }
}

/** The record stream's event for one entry version: `record.entry` (version 1) or `record.revised`. */
function entryEvent(view: RecordEntryView): DomainEvent {
  return {
    type: view.version === 1 ? RecordEventType.Entry : RecordEventType.Revised,
    payload: view as unknown as Record<string, unknown>, visibility: { scope: 'public' }, ...(view.itemId ? { itemId: view.itemId } : {}),
  };
}
