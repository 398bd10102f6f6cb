import type {
  Ack, Actor, CommandError, CommandMessage, DomainEvent, EventEnvelope, StreamName,
} from '@rostrum/contracts';
import { fail } from '@rostrum/contracts';
import type { EventLog, TransientMessage } from '../event-log/event-log';

export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: CommandError };

/** A capability as the domain exposes it: pure functions over a state that knows its seq. */
export interface Capability<S extends { seq: number }, C = Record<string, never>> {
  stream: StreamName;
  initial(meetingId: string): S;
  decide(state: S, command: { type: string; payload: unknown }, ctx: { now: number; actor: Actor } & C): Decision;
  evolve(state: S, event: EventEnvelope): S;
  /** Extra context the decider needs that lives outside its own stream (e.g. meeting settings). */
  context?(meetingId: string): Promise<C>;
}

export interface AppendedBatch<S> { meetingId: string; envelopes: EventEnvelope[]; state: S }

const MAX_ATTEMPTS = 50;

/** REDIS_MIN_REPLICAS_ACK not met in time: applied on the primary, not known to survive its loss. */
const notReplicated = (): Ack => fail('REPLICATION_TIMEOUT',
  'the change is on the Redis primary but not yet confirmed by enough replicas; retry with the same commandId');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Load → decide → append with compare-and-set → retry on conflict. Every service runs its
 * commands through this, so "each command applied once" holds for all of them, even when the
 * transport delivers a command to several instances.
 */
export class CommandProcessor<S extends { seq: number }, C = Record<string, never>> {
  private readonly states = new Map<string, S>();
  /** Commands of one meeting run one at a time in this process; other processes are met by CAS. */
  private readonly lanes = new Map<string, Promise<unknown>>();

  constructor(
    private readonly log: EventLog,
    private readonly capability: Capability<S, C>,
    private readonly afterAppend: (batch: AppendedBatch<S>) => Promise<void> = async () => undefined,
    private readonly clock: () => number = Date.now,
    private readonly maxCachedMeetings = 1000,
    /**
     * Transient messages to publish with an append's events, from the state after them (e.g. the
     * floor view, when its rate allows one now): they reach the gateways in the same fan-out read.
     */
    private readonly alongside?: (meetingId: string, state: S) => Array<Omit<TransientMessage, 'meetingId' | 'transient'>>,
  ) {}

  handle(message: CommandMessage): Promise<Ack> {
    const previous = this.lanes.get(message.meetingId) ?? Promise.resolve();
    const run = previous.then(() => this.apply(message));
    const settled = run.catch(() => undefined);
    this.lanes.set(message.meetingId, settled);
    void settled.then(() => { if (this.lanes.get(message.meetingId) === settled) this.lanes.delete(message.meetingId); });
    return run;
  }

  /**
   * Decides on the cached state without asking Redis first: the append's compare-and-set finds
   * out if another process moved the log (then catch up and decide again). A refusal, which
   * appends nothing, is only returned once the state it was decided on is known to be current.
   * Duplicate copies of a command are answered by the log (the append and the refusal store
   * both return the first result), so the common path costs one round trip to Redis.
   */
  private async apply(message: CommandMessage): Promise<Ack> {
    const { meetingId, commandId } = message;
    const stream = this.capability.stream;
    const extra = this.capability.context ? await this.capability.context(meetingId) : ({} as C);
    const cached = this.states.get(meetingId);
    let state = cached ?? (await this.state(meetingId));
    let current = cached === undefined;

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const now = this.clock();
      let decision: Decision;
      try {
        decision = this.capability.decide(state, { type: message.type, payload: message.payload }, { now, actor: message.actor, ...extra });
      } catch (err) {
        // A decider must return errors, not throw; if one throws anyway, answer without changing anything.
        return fail('INTERNAL', `command ${message.type} failed: ${(err as Error).message}`);
      }
      if (!decision.ok || decision.events.length === 0) {
        if (!current && (await this.log.head(meetingId, stream)) !== state.seq) {
          state = await this.state(meetingId);
          current = true;
          continue;
        }
        if (decision.ok) return { ok: true, seq: state.seq };
        return (await this.log.rememberRejection(meetingId, stream, commandId, { ok: false, error: decision.error })) as Ack;
      }

      let evolved: S | undefined;
      const base = state;
      const appended = await this.log.append(meetingId, stream, state.seq, decision.events, { commandId, actor: message.actor, at: now }, undefined,
        this.alongside && ((envelopes) => {
          evolved = envelopes.reduce((s, e) => this.capability.evolve(s, e), base);
          return this.alongside!(meetingId, evolved);
        }));
      if (appended.status === 'duplicate') return appended.replicated === false ? notReplicated() : appended.result as Ack;
      if (appended.status === 'conflict' && appended.head < state.seq) {
        // The log is shorter than what this process already saw: Redis lost its latest writes.
        // Never append over the gap (the seqs would be reused); the recorder restores what
        // Postgres holds, and the next command reloads from the log.
        this.forget(meetingId);
        return fail('UNAVAILABLE', 'the event log is being restored after a Redis failure; retry shortly');
      }
      if (appended.status === 'conflict') {
        // Another process appended: catch up and decide again, after a short jittered pause
        // so that processes racing on a busy meeting do not keep colliding.
        await sleep(Math.random() * Math.min(50, 2 ** attempt));
        state = await this.state(meetingId);
        current = true;
        continue;
      }
      const next = evolved ?? appended.envelopes.reduce((s, e) => this.capability.evolve(s, e), state);
      this.remember(meetingId, next);
      await this.afterAppend({ meetingId, envelopes: appended.envelopes, state: next });
      return appended.replicated === false ? notReplicated() : { ok: true, seq: appended.seq };
    }
    return fail('CONFLICT', 'the meeting is too busy, try again');
  }

  /** The current state of a meeting: the cached fold, caught up with whatever others appended. */
  async state(meetingId: string): Promise<S> {
    let state = this.states.get(meetingId) ?? this.capability.initial(meetingId);
    for (;;) {
      const events = await this.log.since(meetingId, this.capability.stream, state.seq, 5000);
      if (events.length === 0) break;
      state = events.reduce((s, e) => this.capability.evolve(s, e), state);
    }
    this.remember(meetingId, state);
    return state;
  }

  forget(meetingId: string): void { this.states.delete(meetingId); }

  private remember(meetingId: string, state: S): void {
    this.states.delete(meetingId); // re-insert: Map order doubles as least-recently-used order
    this.states.set(meetingId, state);
    if (this.states.size > this.maxCachedMeetings) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }
}
