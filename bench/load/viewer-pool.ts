import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

type Reply = { id: number; result?: unknown; error?: string };

/**
 * The load generator: several child processes (socket.io-client), each holding a share of the
 * viewers, so that the client side is not what limits a figure. Every call goes to all
 * workers and returns their answers.
 */
export class ViewerPool {
  private readonly workers: ChildProcess[] = [];
  private readonly pending = new Map<number, (r: Reply) => void>();
  private nextId = 0;

  private constructor() {}

  static async start(count: number): Promise<ViewerPool> {
    const pool = new ViewerPool();
    for (let i = 0; i < count; i++) {
      const child = fork(join(__dirname, 'viewer-worker.ts'), [], {
        execArgv: ['-r', join(__dirname, '..', 'register.js'), '--max-old-space-size=2048'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (r: Reply) => { const done = pool.pending.get(r.id); pool.pending.delete(r.id); done?.(r); });
      pool.workers.push(child);
    }
    return pool;
  }

  get size(): number { return this.workers.length; }
  pids(): number[] { return this.workers.map((w) => w.pid!); }

  private call<T>(worker: ChildProcess, cmd: string, args: Record<string, unknown> = {}, timeoutMs = 300_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`load worker ${worker.pid}: ${cmd} timed out`)); }, timeoutMs);
      this.pending.set(id, (r) => { clearTimeout(timer); if (r.error) reject(new Error(r.error)); else resolve(r.result as T); });
      worker.send({ id, cmd, ...args });
    });
  }

  all<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T[]> {
    return Promise.all(this.workers.map((w) => this.call<T>(w, cmd, args)));
  }

  /** Connects `tokens` (or `count` sockets with one token), spread evenly over the workers. */
  async connect(url: string, tokens: string[], opts: { snapshot: boolean }): Promise<{ connected: number; failed: number; errors: string[]; ms: number }> {
    const started = Date.now();
    const share = Math.ceil(tokens.length / this.workers.length);
    const res = await Promise.all(this.workers.map((w, i) => this.call<{ connected: number; failed: number; errors: string[] }>(w, 'connect', {
      url, tokens: tokens.slice(i * share, (i + 1) * share), firstIndex: i * share, snapshot: opts.snapshot, concurrency: 40,
    })));
    return {
      connected: res.reduce((n, r) => n + r.connected, 0), failed: res.reduce((n, r) => n + r.failed, 0),
      errors: [...new Set(res.flatMap((r) => r.errors))], ms: Date.now() - started,
    };
  }

  /** Starts measuring messages of `types` from now on (drops what was measured before). */
  async track(types: string[], keyed: Record<string, string> = {}): Promise<void> { await this.all('track', { types, keyed }); }

  /** Messages of these types the viewers received together since `track`. */
  async count(types: string[]): Promise<number> {
    return (await this.all<Record<string, number>>('counts')).reduce((n, c) => n + types.reduce((m, t) => m + (c[t] ?? 0), 0), 0);
  }

  /** Waits until the viewers together received `n` messages of `types` (or the timeout passed). */
  async waitCount(type: string[], n: number, timeoutMs: number): Promise<number> {
    const end = Date.now() + timeoutMs;
    let got = 0;
    while ((got = await this.count(type)) < n && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    return got;
  }

  async samples(type: string): Promise<number[]> {
    const res = await this.all<{ samples: Record<string, number[]> }>('stats');
    return res.flatMap((r) => r.samples[type] ?? []);
  }

  /**
   * Per broadcast of `types` since `track` (keyed by type and the server time `at` it carried): the
   * first and the last arrival over all viewers, ms after `at`; and the characters the first
   * Rostrum viewer (`system`) or raw socket (`raw`) of each load process received, with how many
   * such viewers there were.
   */
  async rounds(types: string[], kind: 'system' | 'raw'): Promise<{ first: number[]; last: number[]; chars: number; watched: number }> {
    const merged = new Map<string, { first: number; last: number }>();
    let chars = 0;
    let watched = 0;
    for (const part of await this.all<{ rounds: Record<string, { first: number; last: number }>; frameChars: Record<'system' | 'raw', number>; watching: Record<'system' | 'raw', boolean> }>('rounds')) {
      for (const [k, r] of Object.entries(part.rounds)) {
        if (!types.includes(k.slice(0, k.lastIndexOf('@')))) continue;
        const m = merged.get(k);
        if (!m) merged.set(k, { ...r });
        else { m.first = Math.min(m.first, r.first); m.last = Math.max(m.last, r.last); }
      }
      chars += part.frameChars[kind];
      if (part.watching[kind]) watched++;
    }
    const all = [...merged.values()];
    return { first: all.map((r) => r.first), last: all.map((r) => r.last), chars, watched };
  }

  async keyedHits(): Promise<Array<[string, string, number]>> {
    return (await this.all<{ keyed: Array<[string, string, number]> }>('stats')).flatMap((r) => r.keyed);
  }

  /** Keeps `total` viewers connected (evenly over the workers), closes the rest. */
  async trim(total: number): Promise<void> {
    const share = Math.ceil(total / this.workers.length);
    await Promise.all(this.workers.map((w, i) => this.call(w, 'trim', { keep: Math.max(0, Math.min(share, total - i * share)) })));
  }

  async closeSockets(): Promise<void> { await this.all('close'); }

  /** From now on each viewer notes the meeting stream's `seq:type` it applies (read with `orders`). */
  async resetOrders(): Promise<void> { await this.all('resetOrders'); }

  /** Per digest of the `seq:type` list each viewer applied up to `head` since `resetOrders`: how many viewers had it. */
  async orders(head: number): Promise<Record<string, { viewers: number; events: number; first: string; last: string }>> {
    const out: Record<string, { viewers: number; events: number; first: string; last: string }> = {};
    for (const part of await this.all<typeof out>('orders', { head })) {
      for (const [k, o] of Object.entries(part)) { if (out[k]) out[k].viewers += o.viewers; else out[k] = { ...o }; }
    }
    return out;
  }

  async stop(): Promise<void> {
    await this.closeSockets().catch(() => undefined);
    for (const w of this.workers) if (w.exitCode === null && w.signalCode === null) { w.disconnect(); }
    await Promise.all(this.workers.map((w) => (w.exitCode !== null || w.signalCode !== null ? undefined
      : new Promise<void>((r) => { const t = setTimeout(() => { w.kill('SIGKILL'); r(); }, 3000); w.once('exit', () => { clearTimeout(t); r(); }); }))));
  }
}
