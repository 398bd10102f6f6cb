// One socket per console: snapshot, then a gapless sequence per stream. Events that arrive out
// of order wait in `pending`; a gap is filled with `events.since`; a reconnect resumes from the
// last seq. Placeholders (`event.redacted`) advance the seq and are not delivered.
import type { Socket } from 'socket.io-client';
import type { Ack, EventEnvelope, Snapshot, StreamName } from './protocol.js';

declare const io: typeof import('socket.io-client').io;

export type LinkStatus = 'connecting' | 'live' | 'behind' | 'offline' | 'refused';
const STREAMS: StreamName[] = ['meeting', 'qna', 'record'];
type Sequenced = EventEnvelope | { meetingId: string; stream: StreamName; seq: number; type: 'event.redacted' };

export interface ConnectionHandlers {
  snapshot(s: Snapshot): void;
  event(e: EventEnvelope): void;
  transient?(name: string, data: unknown): void;
  status(s: LinkStatus, detail?: string): void;
}

export class Connection {
  readonly socket: Socket;
  readonly seq: Record<StreamName, number> = { meeting: 0, qna: 0, record: 0 };
  /** Server clock minus ours (ms): the largest `at − now` seen (an event is never received before it happened). */
  private bestOffset = -Infinity;
  get serverOffset(): number { return Number.isFinite(this.bestOffset) ? this.bestOffset : 0; }
  private pending: Record<StreamName, Map<number, Sequenced>> = { meeting: new Map(), qna: new Map(), record: new Map() };
  private filling = new Set<StreamName>();
  private synced = false;
  private held: Sequenced[] = [];

  constructor(url: string, token: string, private readonly on: ConnectionHandlers) {
    this.socket = io(url, { auth: { token }, reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    on.status('connecting');
    this.socket.on('connect', () => void (this.synced ? this.resume() : this.resync()));
    this.socket.on('disconnect', () => { if (!this.ended) on.status('offline', 'connection lost — reconnecting'); });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
      if (err.data?.code) { on.status('refused', `${err.data.code}: ${err.data.message}`); this.socket.disconnect(); } else on.status('offline', 'cannot reach the server — retrying');
    });
    // The server closes a socket whose access ended (revoked, removed, expired) and says why: show it, stop retrying.
    this.socket.on('access.ended', (why: { code?: string; message?: string }) => {
      this.ended = true;
      this.socket.io.opts.reconnection = false;
      on.status('refused', `${why?.code ?? 'ACCESS_ENDED'}: ${why?.message ?? 'access ended'}`);
    });
    this.socket.onAny((name: string, data: unknown) => { if (name !== 'access.ended') this.receive(name, data); });
  }

  private ended = false;

  /**
   * Swaps in a renewed token: the next reconnect presents it (the socket itself was renewed
   * server-side by `auth.renew`).
   */
  useToken(token: string): void { this.socket.auth = { token }; }

  /** Takes a fresh snapshot (on join, or when a view needs the server's projection again). */
  async resync(): Promise<void> {
    this.synced = false;
    const snap = await this.socket.timeout(10_000).emitWithAck('meeting.snapshot', {}).catch(() => null) as (Snapshot | Ack | null);
    if (!snap || !snap.ok) {
      this.on.status('offline', snap && !snap.ok ? `${snap.error.code}: ${snap.error.message}` : 'no snapshot — retrying');
      setTimeout(() => { if (this.socket.connected && !this.synced) void this.resync(); }, 2000);
      return;
    }
    const s = snap as Snapshot;
    this.seq.meeting = s.meeting.seq;
    this.seq.qna = s.qna?.seq ?? 0;
    this.seq.record = s.record.seq;
    for (const st of STREAMS) for (const k of this.pending[st].keys()) if (k <= this.seq[st]) this.pending[st].delete(k);
    this.synced = true;
    this.on.snapshot(s);
    const held = this.held;
    this.held = [];
    for (const e of held) this.accept(e);
    this.updateStatus();
  }

  /** After a reconnect: everything since the last seq of each stream, in order. */
  private async resume(): Promise<void> {
    await Promise.all(STREAMS.map((s) => this.fill(s)));
    this.updateStatus();
  }

  private receive(name: string, data: unknown): void {
    // Events come in batches: one `events` message per fan-out round, in seq order.
    if (name === 'events' && Array.isArray(data)) { for (const e of data as Sequenced[]) this.receive(e.type, e); return; }
    const d = data as Partial<Sequenced> | null;
    // Transient messages come as { meetingId, payload } (no seq): hand over the payload.
    if (!d || typeof d.seq !== 'number' || typeof d.stream !== 'string') { this.on.transient?.(name, (data as { payload?: unknown } | null)?.payload ?? data); return; }
    if (!this.synced) { this.held.push(d as Sequenced); return; }
    this.accept(d as Sequenced);
  }

  private accept(e: Sequenced): void {
    if (e.seq <= this.seq[e.stream]) return; // already applied: a duplicate never shows twice
    this.pending[e.stream].set(e.seq, e);
    this.drain(e.stream);
    if (this.pending[e.stream].size) void this.fill(e.stream);
  }

  private drain(stream: StreamName): void {
    for (let next = this.pending[stream].get(this.seq[stream] + 1); next; next = this.pending[stream].get(this.seq[stream] + 1)) {
      this.pending[stream].delete(next.seq);
      this.seq[stream] = next.seq;
      if (next.type === 'event.redacted') continue;
      const env = next as EventEnvelope;
      this.bestOffset = Math.max(this.bestOffset, env.at - Date.now());
      try { this.on.event(env); } catch (err) { console.error('console failed to apply', env.type, err); }
    }
  }

  /** Asks for what is missing until the stream's head (a gap, or a reconnect). */
  private async fill(stream: StreamName): Promise<void> {
    if (this.filling.has(stream)) return;
    this.filling.add(stream);
    this.on.status('behind', `catching up on ${stream}`);
    try {
      for (let round = 0; round < 50; round++) {
        const res = await this.socket.timeout(10_000).emitWithAck('events.since', { stream, seq: this.seq[stream] })
          .catch(() => null) as (Ack & { events: Sequenced[]; head: number }) | null;
        if (!res || !res.ok) break;
        for (const e of res.events) if (e.seq > this.seq[stream]) this.pending[stream].set(e.seq, e);
        this.drain(stream);
        if (this.seq[stream] >= res.head || res.events.length === 0) break;
      }
    } finally {
      this.filling.delete(stream);
      this.updateStatus();
    }
  }

  private updateStatus(): void {
    if (!this.socket.connected) return;
    if (this.filling.size) this.on.status('behind', 'catching up');
    else this.on.status('live');
  }

  close(): void { this.socket.disconnect(); }
}
