import { STAFF_ROLES, STREAMS, type Ack, type Role, type StreamName } from '@rostrum/contracts';

/** Who gets a meeting's live events together: officers each round at once, followers within the meeting's fan-out budget (fanout.ts). */
export type Audience = 'officers' | 'followers';
export const audienceOf = (role: Role): Audience => (STAFF_ROLES.includes(role) ? 'officers' : 'followers');

/** A contiguous run of seqs this gateway has flushed live to one audience of one meeting. */
interface LiveRun { epoch: number; from: number; to: number }

/** Inclusive seq ranges, sorted and merged. */
type Ranges = Array<[number, number]>;

interface SocketLedger {
  meetingId: string;
  audience: Audience;
  /** Per stream: the live run current when the socket joined its rooms, and its head then. */
  joined: Record<StreamName, { epoch: number; base: number }>;
  /** Per stream: seqs sent as events by `events.since`. */
  given: Record<StreamName, Ranges>;
}

/**
 * What this gateway has sent each of its sockets, per stream, so that no socket gets a seq
 * twice on one connection, whatever the overlap of the snapshot, `events.since` and live
 * delivery (issue: a viewer reconnecting mid-burst got seqs from `events.since` and again live).
 *
 * Cheap by construction: live delivery reaches every socket of an audience with the same
 * contiguous seqs, so it is one run per (meeting, audience, stream), not per socket; a socket
 * only keeps the ranges its snapshot and catch-ups gave. The few sockets that were given seqs
 * live delivery has not reached yet ("ahead") are left out of room broadcasts and served a
 * filtered copy until live catches up with them.
 */
export class DeliveryLedger {
  private epochs = 0;
  private readonly runs = new Map<string, LiveRun>();
  private readonly sockets = new Map<string, SocketLedger>();
  /** Per meeting: sockets given seqs that live delivery has not reached yet. */
  private readonly ahead = new Map<string, Set<string>>();

  /** A socket joined its meeting's rooms: from now on it gets every live round of its audience. */
  join(socketId: string, meetingId: string, role: Role): void {
    const audience = audienceOf(role);
    const joined = {} as SocketLedger['joined'];
    const given = {} as SocketLedger['given'];
    for (const s of STREAMS) {
      const run = this.runs.get(runKey(meetingId, audience, s));
      joined[s] = run ? { epoch: run.epoch, base: run.to } : { epoch: this.epochs, base: 0 };
      given[s] = [];
    }
    this.sockets.set(socketId, { meetingId, audience, joined, given });
  }

  leave(socketId: string): void {
    const l = this.sockets.get(socketId);
    if (!l) return;
    this.sockets.delete(socketId);
    this.ahead.get(l.meetingId)?.delete(socketId);
  }

  /** Whether this socket was already sent event `seq` of `stream` (by a catch-up or live). */
  has(socketId: string, stream: StreamName, seq: number): boolean {
    const l = this.sockets.get(socketId);
    if (!l) return false;
    if (l.given[stream].some(([a, b]) => seq >= a && seq <= b)) return true;
    const run = this.runs.get(runKey(l.meetingId, l.audience, stream));
    if (!run) return false;
    const j = l.joined[stream];
    const from = j.epoch === run.epoch ? j.base + 1 : run.epoch > j.epoch ? run.from : Infinity;
    return seq >= from && seq <= run.to;
  }

  /**
   * `events.since`: keeps the events this socket was not sent yet and records them as sent.
   * Call synchronously right before the reply goes out (no live round may come in between).
   */
  unsent<E extends { seq: number }>(socketId: string, stream: StreamName, events: E[], replay = false): E[] {
    // A history read (`replay`) is not applied by the client as its stream: it counts as no delivery.
    if (replay) return events;
    const out = events.filter((e) => !this.has(socketId, stream, e.seq));
    for (const e of out) this.give(socketId, stream, [e.seq, e.seq]);
    return out;
  }

  /**
   * Sockets of this meeting and audience that were already sent some seq of this live round:
   * they must get a filtered copy instead of the room broadcast. Usually none.
   */
  overlapping(meetingId: string, audience: Audience, events: Array<{ stream: StreamName; seq: number }>): string[] {
    const set = this.ahead.get(meetingId);
    if (!set) return [];
    return [...set].filter((id) => this.sockets.get(id)?.audience === audience && events.some((e) => this.has(id, e.stream, e.seq)));
  }

  /** A live round went out to an audience: extend its run (a hole starts a new one). */
  flushed(meetingId: string, audience: Audience, events: Array<{ stream: StreamName; seq: number }>): void {
    for (const e of events) {
      const key = runKey(meetingId, audience, e.stream);
      const run = this.runs.get(key);
      if (run && e.seq <= run.to) continue;
      if (run && e.seq === run.to + 1) run.to = e.seq;
      else this.runs.set(key, { epoch: ++this.epochs, from: e.seq, to: e.seq });
    }
    const set = this.ahead.get(meetingId);
    if (set) for (const id of set) if (!this.isAhead(id)) set.delete(id);
    if (set && set.size === 0) this.ahead.delete(meetingId);
  }

  private give(socketId: string, stream: StreamName, range: [number, number]): void {
    const l = this.sockets.get(socketId);
    if (!l) return;
    l.given[stream] = merge([...l.given[stream], range]);
    if (this.isAhead(socketId)) {
      let set = this.ahead.get(l.meetingId);
      if (!set) { set = new Set(); this.ahead.set(l.meetingId, set); }
      set.add(socketId);
    }
  }

  private isAhead(socketId: string): boolean {
    const l = this.sockets.get(socketId);
    if (!l) return false;
    return STREAMS.some((s) => {
      const ranges = l.given[s];
      if (!ranges.length) return false;
      const top = ranges[ranges.length - 1]![1];
      const run = this.runs.get(runKey(l.meetingId, l.audience, s));
      return !run || top > run.to;
    });
  }
}

const runKey = (meetingId: string, audience: Audience, stream: StreamName) => `${meetingId}|${audience}|${stream}`;

function merge(ranges: Ranges): Ranges {
  const sorted = ranges.sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * A `meeting.snapshot` reply as it leaves: with the server's clock (`serverTime`, ms since epoch).
 * A snapshot counts as no event sent: it is a projected state (the record's entries included,
 * which a client may take without applying); live events at or below its seqs may still follow
 * and the client drops them. Only `events.since` and live rounds are kept apart.
 */
export function snapshotSent<A extends Ack>(_ledger: DeliveryLedger, _socketId: string, ack: A): A {
  return ack.ok ? { ...ack, serverTime: Date.now() } : ack;
}

/**
 * An `events.since` reply as it leaves for this socket: events this connection was already sent
 * are left out (the reply may then have holes: the client has those seqs) unless it asked for a
 * `replay`; what it carries counts as sent (live rounds leave it out), and it carries `serverTime`.
 */
export function sinceSent<A extends Ack>(ledger: DeliveryLedger, socketId: string, ack: A): A {
  if (!ack.ok) return ack;
  const { replay, ...a } = ack as A & { stream: StreamName; events: Array<{ seq: number }>; replay?: boolean };
  return { ...a, events: ledger.unsent(socketId, a.stream, a.events, replay === true), serverTime: Date.now() } as unknown as A;
}
