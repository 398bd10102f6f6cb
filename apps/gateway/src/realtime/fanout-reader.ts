import type { Logger } from 'pino';
import type { EventEnvelope } from '@rostrum/contracts';
import type { EventLog, RedisClient, TransientMessage } from '@rostrum/messaging';
import { isCluster } from '@rostrum/platform';

/** What a fan-out round carries: events of seq'd streams, and transient state. */
export type FanoutMessage = EventEnvelope | TransientMessage;

/** Streams whose last delivered seq is remembered (least recently used forgotten first). */
const TRACKED_STREAMS = 20_000;
/** Longest gap fetched from the log in one go; a longer one is left to the clients' `events.since`. */
const MAX_GAP = 1000;

type Raw = Array<[string, Array<[string, string[]]>]> | null;

/**
 * Reads the fan-out shards (`Keys.fanoutShardKeys`) and hands the fan-out its rounds, each
 * stream's events once and in seq order, even when the copies arrive repeated, out of order or
 * with a seq missing:
 * - a seq already delivered is dropped (a copy made again by `EventLog.repairFanout`, or by a
 *   retried command);
 * - a seq beyond the next expected one brings the missing ones from the event log first (two
 *   processes appended in turn but copied in the other order, or a copy was never made);
 * - after the connection to a shard was lost (a failover), every stream it delivered is compared
 *   with the log's head and what the log has beyond it is delivered: copies a failed primary had
 *   not yet passed to its replica are not lost to live clients.
 * A stream first seen takes its first seq as it comes (clients fill older gaps with `events.since`).
 *
 * On one Redis or Sentinels, one XREAD reads every shard; on a Redis Cluster a blocking XREAD
 * may only name keys of one slot, so each shard has its own loop and connection.
 */
export class FanoutReader {
  private running = false;
  private readonly loops: Array<Promise<void>> = [];
  private readonly clients: RedisClient[] = [];
  /** `<meeting>\u0000<stream>` → last seq delivered. */
  private readonly delivered = new Map<string, number>();

  constructor(private readonly connect: () => RedisClient, private readonly log: EventLog, private readonly logger: Logger) {}

  start(onRound: (messages: FanoutMessage[]) => void): void {
    this.running = true;
    const keys = this.log.keys.fanoutShardKeys;
    const first = this.connect();
    const groups = isCluster(first) ? keys.map((k) => [k]) : [keys];
    groups.forEach((group, i) => {
      const client = i === 0 ? first : this.connect();
      this.clients.push(client);
      this.loops.push(this.run(client, group, onRound));
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const c of this.clients) c.disconnect(); // unblocks XREAD
    await Promise.all(this.loops.map((l) => l.catch(() => undefined)));
  }

  private async run(client: RedisClient, keys: string[], onRound: (messages: FanoutMessage[]) => void): Promise<void> {
    const ids = keys.map(() => '$');
    let lost = false;
    const markLost = () => { lost = true; };
    client.on('reconnecting', markLost);
    client.on('-node', markLost);
    client.on('node error', markLost);
    while (this.running) {
      try {
        const res = (await client.xread('COUNT', 1000, 'BLOCK', 1000, 'STREAMS', ...keys, ...ids)) as Raw;
        const messages: FanoutMessage[] = [];
        for (const [key, entries] of res ?? []) {
          if (entries.length === 0) continue;
          ids[keys.indexOf(key)] = entries[entries.length - 1]![0];
          for (const [, fields] of entries) messages.push(JSON.parse(fields[1]!) as FanoutMessage);
        }
        const round = await this.inOrder(messages);
        if (lost) {
          lost = false;
          round.push(...(await this.catchUp(keys)));
        }
        if (round.length) onRound(round);
      } catch (err) {
        if (!this.running) return;
        lost = true;
        this.logger.warn({ err }, 'fan-out read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Drops seqs already delivered and puts in the ones a copy skipped (from the log), per stream. */
  async inOrder(messages: FanoutMessage[]): Promise<FanoutMessage[]> {
    const out: FanoutMessage[] = [];
    for (const m of messages) {
      if ('transient' in m) { out.push(m); continue; }
      const key = `${m.meetingId}\u0000${m.stream}`;
      const last = this.delivered.get(key);
      if (last !== undefined && m.seq <= last) continue;
      if (last !== undefined && m.seq > last + 1 && m.seq - last - 1 <= MAX_GAP) {
        const missing = await this.log.since(m.meetingId, m.stream, last, m.seq - last - 1);
        out.push(...missing.filter((e) => e.seq > last && e.seq < m.seq));
      }
      out.push(m);
      this.track(key, m.seq);
    }
    return out;
  }

  /** What the log holds beyond what was delivered, for the streams of these shards (after a lost connection). */
  private async catchUp(keys: string[]): Promise<FanoutMessage[]> {
    const shards = new Set(keys);
    const out: FanoutMessage[] = [];
    for (const [key, last] of [...this.delivered]) {
      const [meetingId, stream] = key.split('\u0000') as [string, EventEnvelope['stream']];
      if (!shards.has(this.log.keys.fanoutOf(meetingId))) continue;
      const missing = await this.log.since(meetingId, stream, last, MAX_GAP);
      if (missing.length === 0) continue;
      out.push(...missing);
      this.track(key, missing[missing.length - 1]!.seq);
    }
    if (out.length) this.logger.warn({ events: out.length }, 'fan-out connection was lost; delivered from the event log what its copy lacked');
    return out;
  }

  private track(key: string, seq: number): void {
    this.delivered.delete(key); // re-insert: Map order doubles as least-recently-used order
    this.delivered.set(key, seq);
    if (this.delivered.size > TRACKED_STREAMS) this.delivered.delete(this.delivered.keys().next().value as string);
  }
}
