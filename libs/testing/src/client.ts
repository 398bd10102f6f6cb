import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { RostrumClient, newCommandId, type CommandName, type Sequenced } from '@rostrum/client';
import { EVENTS_MESSAGE, type Ack, type EventEnvelope, type StreamName } from '@rostrum/contracts';

export interface Received { name: string; data: Record<string, unknown> }

/**
 * The end-to-end tests' client: `@rostrum/client` (snapshot, gapless seq per stream,
 * `events.since` on a gap or a reconnect, commands with acks) plus what tests inspect — every
 * raw message in arrival order, the applied streams, and waiting for a message.
 */
export class TestClient {
  readonly client: RostrumClient;
  readonly socket: Socket;
  /** Everything the server pushed, in arrival order (each event of a batch by its type, transient messages too). */
  readonly received: Received[] = [];
  /** Per stream: the applied events (full or placeholders), gapless from the snapshot. */
  readonly streams: Record<StreamName, Array<EventEnvelope | { seq: number; type: 'event.redacted' }>> = { meeting: [], qna: [], record: [] };
  private waiters: Array<{ test: (r: Received) => boolean; resolve: (r: Received) => void }> = [];
  private started?: Promise<unknown>;

  /**
   * `opts.socket`: socket.io options over the default `{ transports: ['websocket'] }` (e.g.
   * `{ transports: ['polling'], withCredentials: true }` for a long-polling client that keeps
   * a load balancer's stickiness cookie).
   */
  constructor(readonly url: string, token: string, opts: { autoConnect?: boolean; resumeFrom?: TestClient; socket?: Partial<ManagerOptions & SocketOptions> } = {}) {
    this.client = new RostrumClient({
      url, token, io, reconnect: { minDelayMs: 100, maxDelayMs: 500 }, timeoutMs: 15_000, socket: { transports: ['websocket'], ...opts.socket },
    });
    this.socket = this.client.socket;
    this.socket.onAny((name: string, data: Record<string, unknown>, meta?: { serverTime?: number; floorView?: unknown }) => {
      // Events come in batches (one `events` message per fan-out round): record each by its type;
      // a floor view carried in the batch's message is recorded as the `floor.view` it stands for.
      if (name === EVENTS_MESSAGE && Array.isArray(data)) {
        for (const e of data as Array<Record<string, unknown>>) this.push(String(e.type), e);
        if (meta?.floorView !== undefined) this.push('floor.view', { payload: meta.floorView, serverTime: meta.serverTime, inBatch: true });
      } else this.push(name, data);
    });
    this.client.on('*', (e: Sequenced) => { this.streams[e.stream].push(e as EventEnvelope); });
    if (opts.resumeFrom) {
      this.client.resumeFrom(opts.resumeFrom.seq);
      for (const s of ['meeting', 'qna', 'record'] as const) this.streams[s].push(...opts.resumeFrom.streams[s]);
    }
    if (opts.autoConnect ?? true) this.started = this.client.connect();
  }

  static async connect(url: string, token: string, socket?: Partial<ManagerOptions & SocketOptions>): Promise<TestClient> {
    const c = new TestClient(url, token, { socket });
    await c.started;
    return c;
  }

  /**
   * A console moving to another gateway (its own died): a new connection on `url` that keeps the
   * previous client's sequences and asks `events.since` for what it missed, as a console does.
   */
  static async resume(url: string, token: string, previous: TestClient): Promise<TestClient> {
    previous.close();
    const c = new TestClient(url, token, { autoConnect: false, resumeFrom: previous });
    await c.client.connect();
    return c;
  }

  /** Which seqs came twice (`<stream>:<seq>`): the server promises none. */
  get duplicateSeqs(): readonly string[] { return this.client.duplicateSeqs; }

  get seq(): Readonly<Record<StreamName, number>> { return this.client.seq; }
  get snapshot(): Record<string, unknown> | undefined { return this.client.snapshot as Record<string, unknown> | undefined; }
  /** Events the server sent twice on one connection (it promises none). */
  get duplicates(): number { const d = this.client.duplicates; return d.meeting + d.qna + d.record; }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((res, rej) => {
      this.socket.once('connect', () => res());
      this.socket.once('connect_error', (err: Error & { data?: unknown }) => rej(Object.assign(new Error(err.message), { data: err.data })));
    });
  }

  /** Takes a fresh snapshot and continues after its seqs. */
  async sync(): Promise<Record<string, unknown>> {
    await this.client.resync();
    return this.client.snapshot as unknown as Record<string, unknown>;
  }

  /** Asks `events.since` on every stream now and applies what comes back. */
  catchUp(): Promise<void> { return this.client.catchUp(); }

  async cmd(name: string, payload: Record<string, unknown> = {}, commandId: string = newCommandId('t')): Promise<Ack & Record<string, unknown>> {
    // One attempt: tests assert the first answer (a retry would hide an UNAVAILABLE).
    const ack = await this.client.send(name as CommandName, payload as never, { commandId, attempts: 1 });
    const { commandId: _id, ...rest } = ack;
    return rest as Ack & Record<string, unknown>;
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

  close(): void { this.client.close(); }

  private push(name: string, data: Record<string, unknown>): void {
    const r = { name, data };
    this.received.push(r);
    this.waiters = this.waiters.filter((w) => (w.test(r) ? (w.resolve(r), false) : true));
  }
}
