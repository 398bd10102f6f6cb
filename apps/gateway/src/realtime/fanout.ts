import type { Server, Socket } from 'socket.io';
import { EVENTS_MESSAGE, FLOOR_VIEW, REDACTED_EVENT, ROLES, STAFF_ROLES, type EventEnvelope, type RedactedEvent, type Role } from '@rostrum/contracts';
import type { TransientMessage } from '@rostrum/messaging';
import { metrics } from '@rostrum/platform';
import type { AccessClaims } from '../auth/access-token.service';
import { type Audience, DeliveryLedger } from './delivery-ledger';
import type { FanoutReader } from './fanout-reader';
import { allowedRooms, maySee, rooms } from './rooms';
import { TokenBucket } from './token-bucket';

/** A room broadcast of this process (`server.local.to(…)`). */
type Broadcast = ReturnType<Server['local']['to']>;
type ClientEvent = Omit<EventEnvelope, 'visibility'> | RedactedEvent;
type Message = EventEnvelope | TransientMessage;
/** A meeting's followers: what waits for the budget, the budget, and the trailing flush if one is armed. */
interface Outbox { items: Message[]; bucket: TokenBucket; timer?: NodeJS.Timeout }
/** One synchronous write of a follower flush, and how many sockets it writes to. */
interface Step { sockets: number; write: () => void }

const FOLLOWER_ROLES = ROLES.filter((r) => !STAFF_ROLES.includes(r));

/**
 * What a client receives: the envelope without its routing (`visibility` may name the
 * participant a private event is for, e.g. the asker of an anonymous question).
 */
export function toClient(e: EventEnvelope): Omit<EventEnvelope, 'visibility'> {
  const { visibility: _routing, ...rest } = e;
  return rest;
}

const redacted = (e: EventEnvelope): RedactedEvent => ({ meetingId: e.meetingId, stream: e.stream, seq: e.seq, type: REDACTED_EVENT });

/**
 * Tails the fan-out streams (through `FanoutReader`: every shard, each stream's seqs once and in
 * order) and delivers events to the sockets of this gateway only (`server.local`): every gateway
 * tails the streams itself, so events reach each client once, in log order, whichever gateway it
 * is connected to.
 *
 * Events go out as `events` messages (arrays in seq order, placeholders where a client may not
 * see an event, so its sequence stays gapless):
 * - the officers running the meeting (chair, secretariat) get each XREAD round at once;
 * - everyone else (delegates, moderators, viewers — the thousands) gets each round at once too,
 *   while the meeting is within its follower budget: a token bucket per meeting on this process
 *   that a flush pays one token per socket write (each message to each local socket) (FANOUT_WRITES_PER_SECOND, burst
 *   FANOUT_BURST_WRITES). Beyond it (a storm) rounds wait in the meeting's outbox and go out
 *   together when the budget allows: every event, in order, in one batch; of the transient
 *   views only the newest. So socket writes to followers stay bounded per meeting whatever the
 *   command rate, and the officers' consoles never wait behind them.
 * Each audience's batch is encoded once and broadcast by room; only the few sockets that a
 * private event names (a delegation, a participant) are served one by one. Transient state
 * (`floor.view`, `qna.tallies`) keeps its place after the events before it; the newest public
 * floor view right after a public batch goes in that batch's message (`floorView` in its second
 * argument), so a change costs one write per follower, not two.
 *
 * A flush to many followers is written in slices of `sliceSockets` sockets (FANOUT_SLICE_SOCKETS),
 * one slice per turn of the event loop, so a command, its ack and the officers' next round never
 * wait behind a whole flush (2,000 viewers are about 80 ms of socket writes). The flush is
 * planned at once (who gets what, the delivery ledger brought up to date) and only written in
 * slices; while its slices are out, the next flush of that meeting waits, and so do the ledger's
 * other users for its followers — a follower's joining and its `events.since` replies
 * (`whenFollowersIdle`) — so the ledger still sees every flush as reaching its audience at once.
 */
export class Fanout {
  private readonly outboxes = new Map<string, Outbox>();
  /** Meetings whose follower flush is still being written, and what waits for it to end. */
  private readonly writing = new Map<string, Array<() => void>>();
  private stopped = false;

  /**
   * @param budget the followers' budget per meeting on this process, in socket writes
   *   (`writesPerSecond`, `burstWrites`; config FANOUT_WRITES_PER_SECOND, FANOUT_BURST_WRITES), and
   *   the socket writes of one slice of a flush (`sliceSockets`, FANOUT_SLICE_SOCKETS)
   * @param clock ms since epoch (injected for tests)
   * @param onError told of a socket write that threw
   */
  constructor(
    private readonly reader: FanoutReader,
    private readonly ledger: DeliveryLedger = new DeliveryLedger(),
    private readonly budget: { writesPerSecond: number; burstWrites: number; sliceSockets: number } = { writesPerSecond: 20_000, burstWrites: 40_000, sliceSockets: 100 },
    private readonly clock: () => number = Date.now,
    /** Told of a socket write that threw (the flush is ended, not left pending). */
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  start(server: Server): void {
    this.reader.start((messages) => this.deliverRound(server, messages));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const o of this.outboxes.values()) if (o.timer) clearTimeout(o.timer);
    await this.reader.stop();
  }

  /**
   * Runs `fn` at once when no follower flush of the meeting is being written, otherwise as soon
   * as the one being written ends (before the next starts). For what reads or changes the
   * delivery ledger of the meeting's followers: a follower joining its rooms, an `events.since`
   * reply to a follower. Resolves with `fn`'s result.
   */
  whenFollowersIdle<T>(meetingId: string, fn: () => T): Promise<T> {
    const waiting = this.writing.get(meetingId);
    if (!waiting) return Promise.resolve(fn());
    return new Promise<T>((resolve, reject) => waiting.push(() => { try { resolve(fn()); } catch (err) { reject(err); } }));
  }

  /** One XREAD round: officers now, everyone else through the meeting's outbox. */
  private deliverRound(server: Server, messages: Message[]): void {
    const officers = new Map<string, EventEnvelope[]>();
    const toOfficers = (meetingId: string) => {
      const batch = officers.get(meetingId);
      if (!batch) return;
      officers.delete(meetingId);
      // Chair and secretariat see every event of the meeting but a delegation's vote before the close (R50).
      const skip = this.ledger.overlapping(meetingId, 'officers', batch);
      server.local.to(staffRooms(meetingId)).except(skip)
        .emit(EVENTS_MESSAGE, batch.map((e) => (e.visibility.scope === 'delegation' ? redacted(e) : toClient(e))), batchMeta());
      this.serveOverlapping(server, 'officers', meetingId, skip, batch);
      metrics.eventsDelivered.inc(batch.length);
      metrics.eventLogLagSeconds.set((Date.now() - batch[batch.length - 1]!.at) / 1000);
    };
    for (const m of messages) {
      if ('transient' in m) {
        toOfficers(m.meetingId);
        server.local.to(staffRooms(m.meetingId)).emit(m.type, { meetingId: m.meetingId, payload: m.payload, serverTime: Date.now() });
      } else {
        const list = officers.get(m.meetingId);
        if (list) list.push(m); else officers.set(m.meetingId, [m]);
      }
      this.outbox(m.meetingId).items.push(m);
    }
    for (const meetingId of [...officers.keys()]) toOfficers(meetingId);
    for (const meetingId of new Set(messages.map((m) => m.meetingId))) this.schedule(server, meetingId);
  }

  private outbox(meetingId: string): Outbox {
    let o = this.outboxes.get(meetingId);
    if (!o) {
      o = { items: [], bucket: new TokenBucket(this.budget.writesPerSecond, this.budget.burstWrites, this.clock()) };
      this.outboxes.set(meetingId, o);
    }
    return o;
  }

  /**
   * Followers get what is queued at once when the meeting's budget has the tokens for one write
   * per local socket of the meeting; otherwise one trailing flush is armed for when it will,
   * and everything queued until then goes out in it (a storm is coalesced, nothing is lost).
   */
  private schedule(server: Server, meetingId: string): void {
    const o = this.outbox(meetingId);
    if (this.stopped || o.items.length === 0) return; // nothing to pay for
    if (o.timer) return; // a trailing flush is due and will take everything queued
    if (this.writing.has(meetingId)) return; // the flush being written schedules the next when it ends
    const cost = this.followerWrites(server, meetingId);
    // tryTake charges at most the bucket's capacity: what it took is what the flush has paid.
    if (o.bucket.tryTake(cost, this.clock())) { this.flushFollowers(server, meetingId, Math.min(cost, o.bucket.capacity)); return; }
    o.timer = setTimeout(() => {
      o.timer = undefined;
      this.schedule(server, meetingId);
    }, Math.max(1, o.bucket.waitMs(cost, this.clock())));
  }

  /** What one flush to a meeting's followers costs here: one write per local socket of the meeting (at least 1). */
  private followerWrites(server: Server, meetingId: string): number {
    return Math.max(1, server.of('/').adapter.rooms.get(rooms.all(meetingId))?.size ?? 0);
  }

  /**
   * Plans the flush of everything queued for the meeting's followers, charges its socket writes
   * beyond the `paid` estimate to the bucket (a flush of an events batch and a view is two writes
   * per socket), then writes it (in slices).
   */
  private flushFollowers(server: Server, meetingId: string, paid: number): void {
    const o = this.outboxes.get(meetingId);
    if (!o) return;
    if (o.timer) { clearTimeout(o.timer); o.timer = undefined; }
    // A view replaces older ones: only the newest (highest seq — with several floor processes
    // views may arrive out of order) of a flush is worth sending.
    const viewSeq = (m: Message) => ('transient' in m && m.type === FLOOR_VIEW ? (m.payload as { seq: number }).seq : -1);
    const newest = o.items.reduce((best, m, i) => (viewSeq(m) > (best < 0 ? -1 : viewSeq(o.items[best]!)) ? i : best), -1);
    const items = o.items.filter((m, i) => viewSeq(m) < 0 || i === newest);
    o.items = [];
    if (items.length === 0) return;
    const steps: Step[] = [];
    let batch: EventEnvelope[] = [];
    const planBatch = (view?: unknown) => { const folded = batch.length > 0 && this.planFollowers(server, meetingId, batch, steps, view); batch = []; return folded; };
    for (const m of items) {
      if (!('transient' in m)) { batch.push(m); continue; }
      // The public floor view right after a public batch rides in that batch's message: one
      // socket write per follower instead of two (BatchMeta.floorView).
      if (planBatch(m.type === FLOOR_VIEW && m.visibility.scope === 'public' ? m.payload : undefined)) continue;
      const allowed = allowedRooms(meetingId, m.visibility);
      this.planBroadcast(server, steps, allowed ?? [rooms.all(meetingId)], staffRooms(meetingId),
        (to) => to.emit(m.type, { meetingId, payload: m.payload, serverTime: Date.now() }));
    }
    planBatch();
    const writes = steps.reduce((n, step) => n + step.sockets, 0);
    if (writes > paid) o.bucket.charge(writes - paid, this.clock());
    this.write(server, meetingId, steps, 0);
  }

  /**
   * Writes the planned steps from `from` on, at least one and up to `sliceSockets` socket
   * writes in this turn of the event loop; the rest in the next turn. While steps remain, the
   * meeting counts as writing (see whenFollowersIdle); at the end, what waited runs, then the
   * next flush is scheduled in a later turn (after the acks those waiters resolved).
   */
  private write(server: Server, meetingId: string, steps: Step[], from: number): void {
    // Stopped between two slices: the rest is not written (clients fetch it as a gap elsewhere).
    let i = this.stopped && from > 0 ? steps.length : from;
    try {
      for (let written = 0; i < steps.length && (written === 0 || written + steps[i]!.sockets <= this.budget.sliceSockets); i++) {
        written += steps[i]!.sockets;
        steps[i]!.write();
      }
    } catch (err) {
      // A write that throws must not leave the meeting writing for ever (its joins and catch-ups
      // wait on it): the rest of the flush is dropped (clients fetch it as a gap) and it ends.
      i = steps.length;
      this.onError(err);
    }
    if (i < steps.length && !this.stopped) {
      if (!this.writing.has(meetingId)) this.writing.set(meetingId, []);
      setImmediate(() => this.write(server, meetingId, steps, i));
      return;
    }
    const waiting = this.writing.get(meetingId);
    if (!waiting) return; // written in one turn, as a small meeting's always is
    this.writing.delete(meetingId);
    for (const run of waiting) run();
    if (this.outboxes.get(meetingId)?.items.length) setImmediate(() => this.schedule(server, meetingId));
  }

  /**
   * One broadcast as steps: the sockets of this process in any of `include` and none of
   * `exclude`, taken now, in slices of `sliceSockets` (each slice one room broadcast, encoded
   * once, to the slices' own socket rooms).
   */
  private planBroadcast(server: Server, steps: Step[], include: string[], exclude: string[], emit: (to: Broadcast) => void): void {
    const ids = socketsIn(server, include, exclude);
    const size = this.budget.sliceSockets;
    for (let k = 0; k < ids.length; k += size) {
      const slice = ids.slice(k, k + size);
      steps.push({ sockets: slice.length, write: () => emit(server.local.to(slice)) });
    }
  }

  /**
   * Sockets already sent part of a round (by their snapshot or `events.since`) were left out of
   * its broadcast: they get their own copy without those seqs, so each event reaches a
   * connection once. Then the round counts as sent to the whole audience.
   */
  private serveOverlapping(server: Server, audience: Audience, meetingId: string, skip: string[], events: EventEnvelope[]): void {
    for (const id of skip) {
      const socket = server.of('/').sockets.get(id);
      if (!socket) continue;
      const own = viewOf(socket.data.claims as AccessClaims, events).filter((e) => !this.ledger.has(id, e.stream, e.seq));
      if (own.length) socket.emit(EVENTS_MESSAGE, own, batchMeta());
    }
    this.ledger.flushed(meetingId, audience, events);
  }

  /**
   * Delegates, moderators and viewers: by role, except the few a private event names, planned
   * as steps; the ledger counts the batch as sent to the followers now (nothing that reads it for
   * them runs until the steps are written: whenFollowersIdle).
   */
  private planFollowers(server: Server, meetingId: string, events: EventEnvelope[], steps: Step[], view?: unknown): boolean {
    const skip = this.ledger.overlapping(meetingId, 'followers', events);
    // A view folds into the batch only when every follower gets the same batch (all public, no
    // catch-up overlap); otherwise it goes as its own message.
    const fold = view !== undefined && skip.length === 0 && events.every((e) => e.visibility.scope === 'public');
    this.planBroadcastFollowers(server, meetingId, events, skip, steps, fold ? view : undefined);
    for (const id of skip) {
      const socket = server.of('/').sockets.get(id);
      if (!socket) continue;
      const own = viewOf(socket.data.claims as AccessClaims, events).filter((e) => !this.ledger.has(id, e.stream, e.seq));
      if (own.length) steps.push({ sockets: 1, write: () => socket.emit(EVENTS_MESSAGE, own, batchMeta()) });
    }
    this.ledger.flushed(meetingId, 'followers', events);
    return fold;
  }

  private planBroadcastFollowers(server: Server, meetingId: string, events: EventEnvelope[], skip: string[], steps: Step[], view?: unknown): void {
    const staff = [...staffRooms(meetingId), ...skip];
    if (events.every((e) => e.visibility.scope === 'public')) {
      const batch = events.map(toClient);
      const meta = () => (view === undefined ? batchMeta() : { ...batchMeta(), floorView: view });
      this.planBroadcast(server, steps, [rooms.all(meetingId)], staff, (to) => to.emit(EVENTS_MESSAGE, batch, meta()));
      return;
    }
    const named = new Set<string>();
    for (const { visibility: v } of events) {
      if (v.delegationId) named.add(rooms.delegation(meetingId, v.delegationId));
      if (v.participantId) named.add(rooms.participant(meetingId, v.participantId));
    }
    // Roles that see the same batch share one broadcast.
    const byView = new Map<string, { roles: Role[]; batch: ClientEvent[] }>();
    for (const role of FOLLOWER_ROLES) {
      const batch = viewOf({ role } as AccessClaims, events);
      const key = batch.map((e) => (e.type === REDACTED_EVENT ? '0' : '1')).join('');
      const group = byView.get(key);
      if (group) group.roles.push(role); else byView.set(key, { roles: [role], batch });
    }
    for (const { roles: rs, batch } of byView.values()) {
      this.planBroadcast(server, steps, rs.map((r) => rooms.role(meetingId, r)), [...named, ...staff], (to) => to.emit(EVENTS_MESSAGE, batch, batchMeta()));
    }
    for (const socket of localSockets(server, named)) {
      const claims = socket.data.claims as AccessClaims;
      if (STAFF_ROLES.includes(claims.role) || skip.includes(socket.id)) continue;
      const own = viewOf(claims, events);
      steps.push({ sockets: 1, write: () => socket.emit(EVENTS_MESSAGE, own, batchMeta()) });
    }
  }
}

/** Second argument of every `events` message: the server's clock when it was sent (ms since epoch). */
export const batchMeta = (): { serverTime: number } => ({ serverTime: Date.now() });

const staffRooms = (meetingId: string) => STAFF_ROLES.map((r) => rooms.role(meetingId, r));

const viewOf = (claims: AccessClaims, events: EventEnvelope[]): ClientEvent[] =>
  events.map((e) => (maySee(claims, e.visibility) ? toClient(e) : redacted(e)));

/** Ids of this gateway's sockets in any of the `include` rooms and none of the `exclude` rooms (each once). */
function socketsIn(server: Server, include: string[], exclude: string[]): string[] {
  const all = server.of('/').adapter.rooms;
  const out = new Set<string>();
  for (const room of include) for (const id of all.get(room) ?? []) out.add(id);
  for (const room of exclude) for (const id of all.get(room) ?? []) out.delete(id);
  return [...out];
}

/** This gateway's sockets in any of the rooms (each once). */
function localSockets(server: Server, roomNames: Set<string>): Socket[] {
  const nsp = server.of('/');
  const ids = new Set<string>();
  for (const room of roomNames) for (const id of nsp.adapter.rooms.get(room) ?? []) ids.add(id);
  return [...ids].map((id) => nsp.sockets.get(id)).filter((s): s is Socket => !!s);
}
