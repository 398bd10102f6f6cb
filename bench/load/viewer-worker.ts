import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { RostrumClient } from '@rostrum/client';
import { eachMessage } from './messages';

/**
 * One load-generator process: holds a share of the viewers and measures what they receive.
 * Driven over IPC by `ViewerPool`. Rostrum viewers are `@rostrum/client` instances — what a
 * real integration runs (snapshot, gapless streams, catch-up); the raw socket.io baseline
 * (`snapshot: false`) stays a bare socket. Latency = receive time − the server time the message
 * carries (the envelope's `at`, or `at` of a raw broadcast): same machine, same clock.
 */
interface Viewer { socket: Socket; client?: RostrumClient; index: number; tallies: number[]; merged: Record<string, number>; version: number; order: string[] }
type Request = { id: number; cmd: string; [k: string]: unknown };

/** A viewer not connected and synced this long after it started counts as failed (the client's own timeouts are 30 s). */
const JOIN_DEADLINE_MS = 60_000;
const now = () => performance.timeOrigin + performance.now();
const viewers: Viewer[] = [];
let tracked = new Set<string>();
let keyed: Record<string, string> = {};
let samples: Record<string, number[]> = {};
let counts: Record<string, number> = {};
let keyedHits: Array<[string, string, number]> = [];
/**
 * Per message of a tracked type, keyed `type@at` (one broadcast): the first and last arrival in
 * this process, ms after `at`. Arrival is when the viewer's listener got it: socket.io-client
 * hands a packet on in a later tick, which Node runs before reading the next socket, so a later
 * viewer's arrival includes the client work for the viewers before it in the same process.
 */
let rounds: Record<string, { first: number; last: number }> = {};
/**
 * Characters of every socket.io message received since `track` by this process's first Rostrum
 * viewer (`system`) and first raw socket (`raw`): what the server sent one viewer.
 */
let frameChars: { system: number; raw: number } = { system: 0, raw: 0 };
const frameWatched = new Set<Viewer>();
/** Whether viewers note the order they apply events in (only the scale-out check asks). */
let noting = false;
/** Acknowledged votes of the last storm, per question. */
let votedFor: Record<string, number> = {};

function pick(data: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

function onMessage(v: Viewer, name: string, data: Record<string, unknown> | undefined): void {
  const t = now();
  if (name === 'qna.tallies') {
    v.tallies.push(t);
    const p = data?.payload as { version: number; tallies: Record<string, number> } | undefined;
    if (p && p.version >= v.version) { v.version = p.version; Object.assign(v.merged, p.tallies); }
  }
  if (!tracked.has(name)) return;
  counts[name] = (counts[name] ?? 0) + 1;
  if (keyed[name]) { keyedHits.push([name, String(pick(data, keyed[name])), t]); return; }
  const at = typeof data?.at === 'number' ? data.at : undefined;
  if (at !== undefined) {
    (samples[name] ??= []).push(t - at);
    const r = rounds[`${name}@${at}`];
    if (!r) rounds[`${name}@${at}`] = { first: t - at, last: t - at };
    else { if (t - at < r.first) r.first = t - at; if (t - at > r.last) r.last = t - at; }
  }
}

async function connectAll(url: string, tokens: string[], firstIndex: number, snapshot: boolean, concurrency: number): Promise<{ connected: number; failed: number; errors: string[] }> {
  let next = 0;
  let failed = 0;
  let joined = 0;
  const errors = new Set<string>();
  const one = async (i: number) => {
    const options = { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000 };
    const client = snapshot ? new RostrumClient({ url, token: tokens[i]!, io, timeoutMs: 30_000, socket: options }) : undefined;
    const socket = client?.socket ?? io(url, { auth: { token: tokens[i] }, ...options });
    const v: Viewer = { socket, client, index: firstIndex + i, tallies: [], merged: {}, version: -1, order: [] };
    if (client) {
      // Applied in seq order, each once: measured when the client hands them over.
      client.on('*', (e) => {
        if (noting && e.stream === 'meeting') v.order.push(`${e.seq}:${e.type}`);
        onMessage(v, e.type, e as unknown as Record<string, unknown>);
      });
      for (const name of ['qna.tallies', 'floor.view'] as const) client.onTransient(name, (payload) => onMessage(v, name, { payload }));
    } else socket.onAny((name: string, data: Record<string, unknown>) => eachMessage(name, data, (n, d) => onMessage(v, n, d)));
    // A join that never settles (a lost namespace CONNECT has no timeout in socket.io-client; the
    // client retries a snapshot for as long as the socket is open) is a failure with its reason,
    // not a pool call that times out and loses the run's figures.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`not joined in ${JOIN_DEADLINE_MS / 1000} s (socket ${socket.connected ? 'connected, no snapshot' : 'not connected'})`)), JOIN_DEADLINE_MS);
    });
    try {
      if (client) await Promise.race([client.connect(), deadline]); // connected and synced (snapshot)
      else await Promise.race([new Promise<void>((res, rej) => { socket.once('connect', () => res()); socket.once('connect_error', (e) => rej(e)); }), deadline]);
      viewers.push(v);
      joined++;
    } catch (err) {
      failed++;
      errors.add((err as Error).message);
      if (client) client.close(); else socket.close();
    } finally {
      clearTimeout(timer);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < tokens.length) await one(next++); }));
  return { connected: joined, failed, errors: [...errors].slice(0, 5) };
}

/** Most messages any viewer got within any sliding 1-second window. */
function maxPerSecond(times: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function vote(questionIds: string[], startAt: number, windowMs: number): Promise<{ ok: number; failed: number; codes: Record<string, number>; ackMs: number[] }> {
  const codes: Record<string, number> = {};
  const ackMs: number[] = [];
  let ok = 0;
  votedFor = {};
  await Promise.all(viewers.map(async (v) => {
    const questionId = questionIds[v.index % questionIds.length];
    await new Promise((r) => setTimeout(r, Math.max(0, startAt + Math.random() * windowMs - Date.now())));
    const t0 = now();
    try {
      const ack = v.client
        ? await v.client.send('qna.vote', { questionId }, { commandId: `vote-${v.index}-${Date.now()}`, attempts: 1 })
        : await v.socket.timeout(20_000).emitWithAck('qna.vote', { commandId: `vote-${v.index}-${Date.now()}`, questionId }) as { ok: boolean; error?: { code: string } };
      ackMs.push(now() - t0);
      if (ack.ok) { ok++; votedFor[questionId] = (votedFor[questionId] ?? 0) + 1; }
      else codes[ack.error?.code ?? 'UNKNOWN'] = (codes[ack.error?.code ?? 'UNKNOWN'] ?? 0) + 1;
    } catch (err) {
      codes[(err as Error).message] = (codes[(err as Error).message] ?? 0) + 1;
    }
  }));
  return { ok, failed: viewers.length - ok, codes, ackMs };
}

const handlers: Record<string, (r: Request) => unknown> = {
  connect: (r) => connectAll(r.url as string, r.tokens as string[], r.firstIndex as number, r.snapshot as boolean, (r.concurrency as number) ?? 50),
  track: (r) => {
    tracked = new Set(r.types as string[]);
    keyed = (r.keyed as Record<string, string>) ?? {};
    samples = {}; counts = {}; keyedHits = []; rounds = {}; frameChars = { system: 0, raw: 0 };
    for (const kind of ['system', 'raw'] as const) {
      const v = viewers.find((x) => (kind === 'system') === Boolean(x.client));
      if (!v || frameWatched.has(v)) continue;
      frameWatched.add(v);
      v.socket.io.engine?.on('packet', (p: { type: string; data?: unknown }) => {
        if (p.type === 'message') frameChars[kind] += typeof p.data === 'string' ? p.data.length : (p.data as ArrayBuffer | undefined)?.byteLength ?? 0;
      });
    }
    for (const v of viewers) { v.tallies = []; v.merged = {}; v.version = -1; }
    return { viewers: viewers.length };
  },
  /** Starts noting, per viewer, the meeting stream's `seq:type` it applies (read with `orders`). */
  resetOrders: () => { noting = true; for (const v of viewers) v.order = []; return { viewers: viewers.length }; },
  /**
   * What each viewer applied of the meeting stream since `resetOrders`, up to seq `head`: a digest of
   * its `seq:type` list per viewer, counted by digest (every viewer the same: one key).
   */
  orders: (r) => {
    const head = r.head as number;
    const out: Record<string, { viewers: number; events: number; first: string; last: string }> = {};
    for (const v of viewers) {
      if (!v.client) continue; // raw baseline sockets apply no stream
      const list = v.order.filter((x) => Number(x.split(':')[0]) <= head);
      const key = createHash('sha1').update(list.join(',')).digest('hex');
      const o = (out[key] ??= { viewers: 0, events: list.length, first: list[0] ?? '', last: list[list.length - 1] ?? '' });
      o.viewers++;
    }
    return out;
  },
  counts: () => counts,
  stats: () => ({ samples, counts, keyed: keyedHits }),
  /** First and last arrival per broadcast, and what the first viewer of each kind received (see `rounds`, `frameChars`). */
  rounds: () => ({ rounds, frameChars, watching: { system: viewers.some((v) => v.client), raw: viewers.some((v) => !v.client) } }),
  votedFor: () => votedFor,
  vote: (r) => vote(r.questionIds as string[], r.startAt as number, r.windowMs as number),
  tallies: (r) => {
    const expected = r.expected as Record<string, number>;
    const exact = viewers.filter((v) => Object.entries(expected).every(([q, n]) => (v.merged[q] ?? 0) === n)).length;
    return { viewers: viewers.length, exact, maxPerSecond: Math.max(0, ...viewers.map((v) => maxPerSecond(v.tallies))), messages: viewers.map((v) => v.tallies.length) };
  },
  /** Keeps the first `keep` viewers of this process, closes the others. */
  trim: (r) => {
    const keep = r.keep as number;
    for (const v of viewers.splice(keep)) v.socket.close();
    return { viewers: viewers.length };
  },
  close: () => { for (const v of viewers.splice(0)) v.socket.close(); return { viewers: 0 }; },
};

process.on('message', (r: Request) => {
  Promise.resolve().then(() => handlers[r.cmd]!(r)).then(
    (result) => process.send!({ id: r.id, result }),
    (err: Error) => process.send!({ id: r.id, error: err.message }),
  );
});
process.on('disconnect', () => process.exit(0));

