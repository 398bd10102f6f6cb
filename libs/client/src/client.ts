import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import { ServerClock } from './clock.js';
import type {
  CommandAck, CommandName, CommandPayload, EventOf, EventType, FloorSnapshot, LinkStatus, QnaSnapshot, RedactedEvent, Sequenced, Snapshot, StreamName,
  TransientName,
} from './protocol.js';
import { STREAM_NAMES, StreamTracker } from './streams.js';

/** socket.io-client's `io`: `import { io } from 'socket.io-client'` in Node, the page's global in a browser. */
export type IoFactory = (url: string, opts: Partial<ManagerOptions & SocketOptions>) => Socket;

export interface ClientOptions {
  /** The gateway, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** An access token (from `POST /meetings`, `…/token` or `…/viewer-token`). */
  token: string;
  /**
   * Token renewal hook: called when the server refuses the token at a (re)connection
   * (`TOKEN_EXPIRED`, `TOKEN_INVALID`); return a fresh token to retry with, or null to give up.
   */
  renewToken?: (refusal: { code: string; message: string }) => Promise<string | null> | string | null;
  /** Defaults to `globalThis.io` (the script the gateway serves at `/socket.io/socket.io.js`). */
  io?: IoFactory;
  /** Reconnect backoff (ms): doubles from min to max, ±50 % jitter. Default 250 → 5000. */
  reconnect?: { minDelayMs?: number; maxDelayMs?: number };
  /** Per request (ack) timeout, ms. Default 10 000. */
  timeoutMs?: number;
  /** Extra socket.io options (e.g. `transports: ['websocket']`). */
  socket?: Partial<ManagerOptions & SocketOptions>;
}

export interface SendOptions {
  /** One id per intent: a retry of the same intent must reuse it (the server applies it once). */
  commandId?: string;
  /** Attempts when no answer comes (timeout, `UNAVAILABLE`, `REPLICATION_TIMEOUT`, offline). Default 3. */
  attempts?: number;
}

type Listener<A extends unknown[]> = (...args: A) => void;
/** Answers that leave the outcome open: retried with the same commandId. */
const RETRYABLE = new Set(['TIMEOUT', 'UNAVAILABLE', 'REPLICATION_TIMEOUT']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh command id: 24 hex digits (crypto.getRandomValues works outside secure contexts too). */
export function newCommandId(prefix = 'c'): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A Rostrum client for Node and browsers. Connects with a token, takes the snapshot, then keeps
 * one gapless sequence per stream (meeting, qna, record): every event is applied once, in
 * order; a gap or a reconnect is filled with `events.since`. Tracks the server's clock, sends
 * typed commands (one `commandId` per intent, retried with the same id), reconnects with
 * backoff and asks `renewToken` for a fresh token when the server refuses an old one.
 *
 * ```ts
 * const client = new RostrumClient({ url, token, io });
 * client.on('floor.given', (e) => console.log(e.payload.entry.capacityLabel));
 * const snap = await client.connect();
 * const ack = await client.send('floor.request', { type: 'statement' });
 * ```
 */
export class RostrumClient<Floor = FloorSnapshot, Qna = QnaSnapshot> {
  readonly socket: Socket;
  readonly clock = new ServerClock();
  status: LinkStatus = 'connecting';
  /** The last snapshot taken (on join, on `resync()`). */
  snapshot?: Snapshot<Floor, Qna>;
  private readonly streams: StreamTracker;
  private readonly listeners = new Map<string, Set<Listener<never[]>>>();
  private readonly timeoutMs: number;
  private synced = false;
  /** Snapshots applied on this client (a failed resync stops retrying once another one made it). */
  private snapshotsTaken = 0;
  private held: Sequenced[] = [];
  private readonly fills = new Map<StreamName, Promise<void>>();
  private refusals = 0;
  /** Set when the server said this access ended (revoked, removed, expired): no reconnecting. */
  private ended = false;
  private firstSync?: { resolve: (s: Snapshot<Floor, Qna> | undefined) => void; reject: (e: Error) => void };

  constructor(private readonly opts: ClientOptions) {
    const io = opts.io ?? (globalThis as { io?: IoFactory }).io;
    if (!io) throw new Error('RostrumClient needs socket.io-client: pass { io } (Node) or load /socket.io/socket.io.js (browser)');
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.streams = new StreamTracker((e) => this.deliver(e));
    this.socket = io(opts.url, {
      autoConnect: false,
      auth: { token: opts.token },
      reconnectionDelay: opts.reconnect?.minDelayMs ?? 250,
      reconnectionDelayMax: opts.reconnect?.maxDelayMs ?? 5000,
      randomizationFactor: 0.5,
      ...opts.socket,
    });
    this.socket.on('connect', () => { this.refusals = 0; void (this.synced ? this.resume() : this.resync()); });
    // The gateway sends `access.ended` ({ code, message }) just before it closes a socket whose
    // access was revoked, removed or expired: report it and stop, a reconnect would be refused.
    this.socket.on('access.ended', (why?: { code?: string; message?: string }) => {
      const code = why?.code ?? 'ACCESS_ENDED';
      // An expired token can be renewed: the reconnect is refused at the handshake, which asks renewToken.
      if (code === 'TOKEN_EXPIRED' && this.opts.renewToken) return;
      this.ended = true;
      this.fail(`${code}: ${why?.message ?? 'access ended'}`, { code, message: why?.message ?? 'access ended' });
    });
    this.socket.on('disconnect', (reason: string) => {
      if (this.ended) return;
      this.setStatus('offline', `connection lost (${reason}) — reconnecting`);
      // A server-side disconnect is not retried by socket.io itself: do it, after the backoff.
      if (reason === 'io server disconnect') void sleep(this.opts.reconnect?.minDelayMs ?? 250).then(() => this.socket.connect());
    });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => void this.refused(err));
    this.socket.on('events', (batch: Sequenced[], meta?: { serverTime?: number; floorView?: unknown }) => {
      if (typeof meta?.serverTime === 'number') this.clock.pushed(meta.serverTime, Date.now());
      this.receive(batch);
      // The newest floor view may ride in the batch's message: the same as a `floor.view` message after it.
      if (meta?.floorView !== undefined) this.emit('transient:floor.view', meta.floorView, { payload: meta.floorView, serverTime: meta.serverTime });
    });
    for (const name of ['floor.view', 'qna.tallies'] as const) {
      this.socket.on(name, (m: { payload: unknown; serverTime?: number }) => {
        if (typeof m?.serverTime === 'number') this.clock.pushed(m.serverTime, Date.now());
        this.emit(`transient:${name}`, m?.payload, m);
      });
    }
  }

  /**
   * Connects; resolves with the first snapshot (or, after `resumeFrom`, once caught up);
   * rejects when the token is refused for good (`err.data.code`).
   */
  connect(): Promise<Snapshot<Floor, Qna> | undefined> {
    const first = new Promise<Snapshot<Floor, Qna> | undefined>((resolve, reject) => { this.firstSync = { resolve, reject }; });
    this.ended = false; // a new session (e.g. after useToken with a fresh token)
    this.socket.connect();
    return first;
  }

  /**
   * Continue from the seqs a previous session reached (e.g. kept across a page reload): no
   * snapshot, `events.since` on each stream when connected. Call before `connect()`.
   */
  resumeFrom(seqs: Readonly<Record<StreamName, number>>): void {
    this.streams.reset({ ...seqs });
    this.synced = true;
  }

  /**
   * Swaps in a renewed token (from `auth.renew`): the next reconnection presents it. The socket
   * already connected was renewed server-side.
   */
  useToken(token: string): void { this.socket.auth = { token }; }

  /** Asks `events.since` on every stream now (what a reconnect does) and applies what comes back. */
  catchUp(): Promise<void> { return this.resume(); }

  /** The applied seq of each stream. */
  get seq(): Readonly<Record<StreamName, number>> { return this.streams.seq; }
  /** Events the server sent twice on one connection (it promises none). */
  get duplicates(): Readonly<Record<StreamName, number>> { return this.streams.duplicates; }
  /** Which seqs came twice (`<stream>:<seq>`, the first 100). */
  get duplicateSeqs(): readonly string[] { return this.streams.duplicateSeqs; }
  /** Now on the server's clock (ms since epoch). */
  serverNow(): number { return this.clock.now(); }

  /** Every applied event of one type, in seq order; `'*'` for every event and placeholder. Returns an unsubscribe. */
  on<T extends EventType>(type: T, fn: (e: EventOf<T>) => void): () => void;
  on(type: '*', fn: (e: Sequenced) => void): () => void;
  on(type: string, fn: (e: never) => void): () => void { return this.listen(`event:${type}`, fn); }
  /** A transient message (`floor.view`, `qna.tallies`): the payload, latest wins. */
  onTransient(name: TransientName, fn: (payload: unknown) => void): () => void { return this.listen(`transient:${name}`, fn); }
  /** Each snapshot taken (on join, and on `resync()`). */
  onSnapshot(fn: (s: Snapshot<Floor, Qna>) => void): () => void { return this.listen('snapshot', fn); }
  onStatus(fn: (status: LinkStatus, detail?: string) => void): () => void { return this.listen('status', fn); }

  /**
   * Sends a command and resolves with its ack. No answer (timeout, `UNAVAILABLE`, offline) is
   * retried with the SAME commandId after a backoff: the command may have been applied, and the
   * server applies an id once and answers with its first result. Never throws.
   */
  async send<N extends CommandName>(name: N, payload: CommandPayload<N> = {} as CommandPayload<N>, opts: SendOptions = {}): Promise<CommandAck> {
    const commandId = opts.commandId ?? newCommandId();
    const attempts = opts.attempts ?? 3;
    let ack: CommandAck = { ok: false, commandId, error: { code: 'TIMEOUT', message: 'no answer from the server' } };
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(Math.min(500 * 2 ** attempt, 5000));
      try {
        const raw = await this.socket.timeout(this.timeoutMs).emitWithAck(name, { ...(payload as object), commandId }) as Record<string, unknown>;
        ack = { ...raw, commandId } as CommandAck;
      } catch {
        ack = { ok: false, commandId, error: { code: 'TIMEOUT', message: 'no answer from the server (offline or too slow)' } };
      }
      if (ack.ok || !RETRYABLE.has(ack.error.code)) break;
    }
    return ack;
  }

  /**
   * Events of a stream after `seq` as this client may see them, without applying them. A
   * catch-up leaves out seqs this connection was already sent; `replay: true` reads history
   * whatever was sent (e.g. earlier speeches a right of reply may answer).
   */
  async fetchSince(stream: StreamName, seq: number, limit = 1000, replay = false): Promise<{ events: Sequenced[]; head: number }> {
    const sentAt = Date.now();
    const res = await this.socket.timeout(this.timeoutMs).emitWithAck('events.since', { stream, seq, limit, ...(replay ? { replay } : {}) }) as
      { ok: true; events: Sequenced[]; head: number; serverTime: number } | { ok: false; error: { code: string; message: string } };
    if (!res.ok) throw Object.assign(new Error(`${res.error.code}: ${res.error.message}`), { code: res.error.code });
    this.clock.roundTrip(res.serverTime, sentAt, Date.now());
    return { events: res.events, head: res.head };
  }

  /**
   * Takes a fresh snapshot (`meeting.snapshot`) and emits it to `onSnapshot` listeners.
   *
   * On join (not yet synced) the streams start after the snapshot's seqs: events arriving while
   * it is taken wait for it, those it reflects are dropped, the rest applied after it (applying
   * them first would let the snapshot move the seq back). Once synced, a snapshot (e.g. a view
   * asking for the server's projection) does not move the streams: every event after the last
   * one delivered still reaches the `on()` listeners, once and in seq order, whether or not the
   * snapshot reflects it; compare `event.seq` with `snapshot.meeting.seq` (or `qna.seq`) to
   * skip what the snapshot already holds. A refusal (`MEETING_NOT_FOUND`) ends the client;
   * other failures are retried after 2 s (on join, reported through the status) unless another
   * snapshot was applied meanwhile.
   */
  async resync(): Promise<void> {
    const sentAt = Date.now();
    const taken = this.snapshotsTaken;
    const snap = await this.socket.timeout(this.timeoutMs).emitWithAck('meeting.snapshot', {}).catch(() => null) as
      Snapshot<Floor, Qna> | { ok: false; error: { code: string; message: string } } | null;
    if (!snap || !snap.ok) {
      const why = snap ? `${snap.error.code}: ${snap.error.message}` : 'no snapshot — retrying';
      if (snap && snap.error.code === 'MEETING_NOT_FOUND') { this.fail(why); return; }
      // Still live: the events keep the streams whole and the last snapshot stands until a retry.
      if (!this.synced) this.setStatus('offline', why);
      await sleep(2000);
      if (!this.socket.connected) return;
      // Another snapshot made it meanwhile (another call, or the join): that one answers this.
      if (this.snapshotsTaken !== taken) { this.updateStatus(); return; }
      await this.resync();
      return;
    }
    this.clock.roundTrip(snap.serverTime, sentAt, Date.now());
    this.snapshot = snap;
    this.snapshotsTaken++;
    // Decided when the reply is applied, not when it was asked: of two joining snapshots in
    // flight, only the first answer sets where the streams start (a later one would move them back).
    const joins = !this.synced;
    if (joins) {
      this.streams.reset({ meeting: snap.meeting.seq, qna: snap.qna?.seq ?? 0, record: snap.record.seq });
      this.synced = true;
    }
    this.emit('snapshot', snap);
    this.firstSync?.resolve(snap);
    this.firstSync = undefined;
    if (joins) {
      const held = this.held;
      this.held = [];
      this.receive(held);
    }
    this.updateStatus();
  }

  close(): void { this.socket.disconnect(); }

  /** After a reconnect: everything since the last seq of each stream. */
  private async resume(): Promise<void> {
    await Promise.all(STREAM_NAMES.map((s) => this.fill(s, true)));
    this.updateStatus();
    this.firstSync?.resolve(this.snapshot);
    this.firstSync = undefined;
  }

  private receive(events: Sequenced[]): void {
    if (!Array.isArray(events)) return;
    if (!this.synced) { this.held.push(...events); return; }
    for (const s of this.streams.accept(events)) void this.fill(s);
  }

  /**
   * Asks `events.since` until the stream has no gap and reached the head the server reports.
   * One request at a time per stream; `force` (a reconnect) runs once more after one in flight.
   */
  private fill(stream: StreamName, force = false): Promise<void> {
    const inflight = this.fills.get(stream);
    if (inflight) return force ? inflight.then(() => this.fill(stream, true)) : inflight;
    if (!force && !this.streams.hasGap(stream)) return Promise.resolve();
    const run = this.fillNow(stream).finally(() => { this.fills.delete(stream); this.updateStatus(); });
    this.fills.set(stream, run);
    return run;
  }

  private async fillNow(stream: StreamName): Promise<void> {
    this.setStatus('behind', `catching up on ${stream}`);
    {
      for (let round = 0; round < 100; round++) {
        const res = await this.fetchSince(stream, this.seq[stream]).catch(() => null);
        if (!res) break;
        this.streams.accept(res.events);
        if (this.seq[stream] >= res.head || res.events.length === 0) break;
      }
    }
  }

  private deliver(e: Sequenced): void {
    this.emit(`event:${e.type}`, e);
    this.emit('event:*', e);
  }

  private async refused(err: Error & { data?: { code?: string; message?: string } }): Promise<void> {
    const code = err.data?.code;
    if (!code) { this.setStatus('offline', 'cannot reach the server — retrying'); return; }
    const refusal = { code, message: err.data?.message ?? err.message };
    const fresh = this.opts.renewToken && this.refusals++ < 5 ? await Promise.resolve(this.opts.renewToken(refusal)).catch(() => null) : null;
    if (!fresh) { this.fail(`${code}: ${refusal.message}`, refusal); return; }
    this.socket.auth = { token: fresh };
    // The server refused at the handshake: socket.io does not retry that by itself.
    await sleep(Math.min((this.opts.reconnect?.minDelayMs ?? 250) * 2 ** (this.refusals - 1), this.opts.reconnect?.maxDelayMs ?? 5000));
    this.socket.connect();
  }

  private fail(detail: string, data?: { code: string; message: string }): void {
    this.setStatus('refused', detail);
    this.socket.disconnect();
    this.firstSync?.reject(Object.assign(new Error(detail), { data }));
    this.firstSync = undefined;
  }

  private updateStatus(): void {
    if (!this.socket.connected || !this.synced) return;
    if (this.fills.size) this.setStatus('behind', 'catching up');
    else this.setStatus('live');
  }

  private setStatus(s: LinkStatus, detail?: string): void {
    this.status = s;
    this.emit('status', s, detail);
  }

  private listen(key: string, fn: Listener<never[]>): () => void {
    let set = this.listeners.get(key);
    if (!set) { set = new Set(); this.listeners.set(key, set); }
    set.add(fn);
    return () => { set!.delete(fn); };
  }

  private emit(key: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(key) ?? []) {
      try { (fn as Listener<unknown[]>)(...args); } catch (err) { console.error(`rostrum client: a ${key} listener failed`, err); }
    }
  }
}

export type { RedactedEvent };
