import type Redis from 'ioredis';
import { stampEvents, type DomainEvent, type EventEnvelope, type StampMeta, type StreamName, type Visibility } from '@rostrum/contracts';
import { Keys } from '../redis/redis';
import { APPEND_LUA } from './append.lua';

const RESULT_TTL_SECONDS = 60 * 60 * 24;
const FANOUT_MAXLEN = 100_000;

export type AppendMeta = StampMeta;

export type AppendResult =
  | { status: 'appended'; seq: number; envelopes: EventEnvelope[] }
  | { status: 'conflict'; head: number }
  | { status: 'duplicate'; result: unknown };

/** A message on the fan-out stream that is not part of any seq'd stream (e.g. coalesced tallies). */
export interface TransientMessage { meetingId: string; type: string; payload: unknown; visibility: Visibility; transient: true }

/**
 * The per-meeting event log: one Redis list per (meeting, stream) where index i holds seq i+1,
 * so seq is gapless by construction. Appends are compare-and-set on the head and idempotent
 * on commandId, in one Lua script.
 */
export class EventLog {
  readonly keys: Keys;

  constructor(private readonly redis: Redis, prefix: string) {
    this.keys = new Keys(prefix);
    if (!('rostrumAppend' in redis)) {
      redis.defineCommand('rostrumAppend', { numberOfKeys: 4, lua: APPEND_LUA });
    }
  }

  /**
   * Appends `events` if the stream's head is still `expectedSeq`. `result` is what a repeat of
   * the same commandId will get back (the first result, as DESIGN.md requires).
   */
  async append(
    meetingId: string, stream: StreamName, expectedSeq: number, events: DomainEvent[], meta: AppendMeta,
    result: (seq: number) => unknown = (seq) => ({ ok: true, seq }),
  ): Promise<AppendResult> {
    const envelopes = stampEvents(meetingId, stream, expectedSeq, events, meta);
    const lastSeq = expectedSeq + envelopes.length;
    const reply = (await (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<[string, string]>>).rostrumAppend(
      this.keys.stream(meetingId, stream), this.keys.command(meetingId, stream, meta.commandId), this.keys.fanout, this.keys.activeMeetings,
      expectedSeq, RESULT_TTL_SECONDS, JSON.stringify(result(lastSeq)), FANOUT_MAXLEN, meetingId,
      ...envelopes.map((e) => JSON.stringify(e)),
    ));
    if (reply[0] === 'duplicate') return { status: 'duplicate', result: JSON.parse(reply[1]) };
    if (reply[0] === 'conflict') return { status: 'conflict', head: Number(reply[1]) };
    return { status: 'appended', seq: Number(reply[1]), envelopes };
  }

  /**
   * Remembers a rejection so that a retry of the same command gets the same answer, and returns
   * the first result stored for the command: when a second copy of a command (pub/sub delivers
   * one to every instance) is rejected because the first copy was applied, both answer alike.
   */
  async rememberRejection(meetingId: string, stream: StreamName, commandId: string, result: unknown): Promise<unknown> {
    const previous = await this.redis.set(this.keys.command(meetingId, stream, commandId), JSON.stringify(result), 'EX', 600, 'NX', 'GET');
    return previous === null ? result : JSON.parse(previous);
  }

  /** Events with seq > `afterSeq`, in order (at most `limit`). */
  async since(meetingId: string, stream: StreamName, afterSeq: number, limit = 10_000): Promise<EventEnvelope[]> {
    const from = Math.max(0, afterSeq);
    const raw = await this.redis.lrange(this.keys.stream(meetingId, stream), from, from + limit - 1);
    return raw.map((r) => JSON.parse(r) as EventEnvelope);
  }

  async head(meetingId: string, stream: StreamName): Promise<number> {
    return this.redis.llen(this.keys.stream(meetingId, stream));
  }

  /**
   * Puts back events Redis lost (it keeps up to a second of writes in memory only, with AOF
   * everysec) from the system of record, only if the stream is still exactly `head` long.
   * Returns whether it restored them.
   */
  async restoreTail(meetingId: string, stream: StreamName, head: number, envelopes: EventEnvelope[]): Promise<boolean> {
    if (envelopes.length === 0 || envelopes[0]!.seq !== head + 1) return false;
    const script = `if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
      for i = 2, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
      return 1`;
    const done = await this.redis.eval(script, 1, this.keys.stream(meetingId, stream), head, ...envelopes.map((e) => JSON.stringify(e)));
    return done === 1;
  }

  /**
   * Takes a meeting off the active set when nothing was appended beyond the given heads (one
   * atomic check, so an append racing with it keeps the meeting active). The next append adds
   * it back. Keeps the sweeper's work proportional to meetings with something to persist.
   */
  async retireIfCaughtUp(meetingId: string, heads: Partial<Record<StreamName, number>>): Promise<boolean> {
    const entries = Object.entries(heads) as Array<[StreamName, number]>;
    const script = `for i, key in ipairs(KEYS) do if i > 1 and redis.call('LLEN', key) ~= tonumber(ARGV[i]) then return 0 end end
      return redis.call('SREM', KEYS[1], ARGV[1])`;
    const removed = await this.redis.eval(script, entries.length + 1, this.keys.activeMeetings, ...entries.map(([s]) => this.keys.stream(meetingId, s)),
      meetingId, ...entries.map(([, h]) => h));
    return removed === 1;
  }

  async activeMeetings(): Promise<string[]> {
    return this.redis.smembers(this.keys.activeMeetings);
  }

  /** Broadcasts a message that carries no seq (clients treat it as latest-wins state). */
  async publishTransient(meetingId: string, type: string, payload: unknown, visibility: Visibility): Promise<void> {
    const message: TransientMessage = { meetingId, type, payload, visibility, transient: true };
    await this.redis.xadd(this.keys.fanout, 'MAXLEN', '~', FANOUT_MAXLEN, '*', 'e', JSON.stringify(message));
  }
}
