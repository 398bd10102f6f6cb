import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { EVENTS_MESSAGE, type Ack, type EventEnvelope, type StreamName } from '@rostrum/contracts';

export interface Received { name: string; data: Record<string, unknown> }

/**
 * A socket.io client as a console would use it: joins with its token, takes a snapshot,
 * keeps one gapless sequence per stream (dropping anything at or below what it has), and
 * asks `events.since` when it sees a gap or reconnects.
 */
export class TestClient {
  readonly socket: Socket;
  /** Everything received, in arrival order (including transient messages). */
  readonly received: Received[] = [];
  /** Per stream: the accepted events (full or placeholders), gapless from the snapshot. */
  readonly streams: Record<StreamName, Array<EventEnvelope | { seq: number; type: 'event.redacted' }>> = { meeting: [], qna: [], record: [] };
  readonly seq: Record<StreamName, number> = { meeting: 0, qna: 0, record: 0 };
  /** Events the server delivered twice live (never the overlap of a catch-up with the live feed). */
  duplicates = 0;
  /** The seqs the snapshot reflected: live copies of those may still arrive after it, and are dropped. */
  private readonly snapshotSeq: Record<StreamName, number> = { meeting: 0, qna: 0, record: 0 };
  /** Which ones (`<stream>:<seq>`), to tell a real duplicate from a test artefact. */
  readonly duplicateSeqs: string[] = [];
  /** Seqs taken from `events.since`: the live copy of one of these may still be on its way. */
  private readonly fetched: Record<StreamName, Set<number>> = { meeting: new Set(), qna: new Set(), record: new Set() };
  snapshot?: Record<string, unknown>;
  private synced = false;
  private buffer: Array<EventEnvelope> = [];
  private waiters: Array<{ test: (r: Received) => boolean; resolve: (r: Received) => void }> = [];

  constructor(readonly url: string, token: string, opts: { autoConnect?: boolean } = {}) {
    this.socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 500, autoConnect: opts.autoConnect ?? true });
    this.socket.onAny((name: string, data: Record<string, unknown>) => this.onMessage(name, data));
    this.socket.on('connect', () => { if (this.synced) void this.catchUp(); });
  }

  static async connect(url: string, token: string): Promise<TestClient> {
    const c = new TestClient(url, token);
    await c.connected();
    await c.sync();
    return c;
  }

  /**
   * A console moving to another gateway (its own died): a new socket on `url` that keeps the
   * previous client's sequences and asks `events.since` for what it missed, as a console does.
   */
  static async resume(url: string, token: string, previous: TestClient): Promise<TestClient> {
    previous.close();
    const c = new TestClient(url, token, { autoConnect: false });
    for (const s of ['meeting', 'qna', 'record'] as const) {
      c.seq[s] = previous.seq[s];
      c.snapshotSeq[s] = previous.snapshotSeq[s];
      c.streams[s].push(...previous.streams[s]);
    }
    c.snapshot = previous.snapshot;
    c.synced = true;
    c.socket.connect();
    await c.connected();
    await c.catchUp();
    return c;
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((res, rej) => {
      this.socket.once('connect', () => res());
      this.socket.once('connect_error', (err: Error & { data?: unknown }) => rej(Object.assign(new Error(err.message), { data: err.data })));
    });
  }

  /** Takes the snapshot and starts accepting events after its seqs. */
  async sync(): Promise<Record<string, unknown>> {
    const snap = await this.socket.emitWithAck('meeting.snapshot', {}) as Ack & Record<string, { seq: number } | null>;
    if (!snap.ok) throw new Error(`snapshot refused: ${JSON.stringify(snap)}`);
    this.snapshot = snap;
    for (const s of ['meeting', 'qna', 'record'] as const) this.seq[s] = this.snapshotSeq[s] = (snap[s] as { seq: number } | null)?.seq ?? 0;
    this.synced = true;
    const buffered = this.buffer;
    this.buffer = [];
    // Events that arrived while the snapshot was taken and that it already reflects are dropped,
    // as a console drops them: they are not duplicates.
    for (const e of buffered) if (e.seq > this.seq[e.stream]) this.accept(e);
    return snap;
  }

  async cmd(name: string, payload: Record<string, unknown> = {}, commandId: string = randomUUID()): Promise<Ack & Record<string, unknown>> {
    return this.socket.timeout(15_000).emitWithAck(name, { commandId, ...payload });
  }

  /** Resolves with the first message (already received or future) that matches. */
  waitFor(name: string, test: (data: Record<string, unknown>) => boolean = () => true, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const hit = this.received.find((r) => r.name === name && test(r.data));
    if (hit) return Promise.resolve(hit.data);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}; got: ${this.received.map((r) => r.name).slice(-30).join(', ')}`)), timeoutMs);
      this.waiters.push({ test: (r) => r.name === name && test(r.data), resolve: (r) => { clearTimeout(timer); resolve(r.data); } });
    });
  }

  events(stream: StreamName = 'meeting'): EventEnvelope[] {
    return this.streams[stream].filter((e): e is EventEnvelope => e.type !== 'event.redacted');
  }

  close(): void { this.socket.disconnect(); }

  private onMessage(name: string, data: Record<string, unknown>): void {
    // Events come in batches (one `events` message per fan-out round): record each by its type.
    if (name === EVENTS_MESSAGE && Array.isArray(data)) {
      for (const e of data as Array<Record<string, unknown>>) this.onMessage(String(e.type), e);
      return;
    }
    const r = { name, data };
    this.received.push(r);
    if (data && typeof data.seq === 'number' && typeof data.stream === 'string') {
      if (!this.synced) this.buffer.push(data as unknown as EventEnvelope);
      else this.accept(data as unknown as EventEnvelope);
    }
    this.waiters = this.waiters.filter((w) => (w.test(r) ? (w.resolve(r), false) : true));
  }

  private accept(e: EventEnvelope): void {
    const s = e.stream;
    if (e.seq <= this.seq[s]) { if (e.seq > this.snapshotSeq[s] && !this.fetched[s].delete(e.seq)) { this.duplicates++; this.duplicateSeqs.push(`${s}:${e.seq}`); } return; }
    if (e.seq > this.seq[s] + 1) { void this.catchUp(); return; } // a gap: fetch what is missing, in order
    this.streams[s].push(e);
    this.seq[s] = e.seq;
  }

  private catching = false;
  private catchUpAgain = false;
  /**
   * Fetches everything after the last seq of each stream (after a reconnect or a gap). A gap
   * seen while a catch-up is running makes it run once more, so no dropped event is left behind.
   */
  async catchUp(): Promise<void> {
    if (this.catching) { this.catchUpAgain = true; return; }
    this.catching = true;
    try {
      let failures = 0;
      do {
        this.catchUpAgain = false;
        for (const stream of ['meeting', 'qna', 'record'] as const) {
          // Bounded: an ack lost with its socket (a gateway going away) must not wedge catching up.
          const res = await this.socket.timeout(10_000).emitWithAck('events.since', { stream, seq: this.seq[stream] })
            .catch(() => ({ ok: false })) as Ack & { events: EventEnvelope[] };
          if (!res.ok && this.socket.connected && failures++ < 25) { this.catchUpAgain = true; await new Promise((r) => setTimeout(r, 200)); }
          if (res.ok) {
            for (const e of res.events) {
              if (e.seq !== this.seq[stream] + 1) continue;
              this.streams[stream].push(e);
              this.seq[stream] = e.seq;
              this.fetched[stream].add(e.seq);
            }
          }
        }
      } while (this.catchUpAgain);
    } finally { this.catching = false; }
  }
}
