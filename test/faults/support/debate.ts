import { randomUUID } from 'node:crypto';
import type { Ack } from '@rostrum/contracts';
import { TestClient, debateSetup, tokenOf, type TestSystem } from '@rostrum/testing';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Codes a client may retry with the same commandId (issue 9: no error it cannot retry). */
const RETRYABLE = new Set(['UNAVAILABLE', 'RATE_LIMITED', 'TIMEOUT', 'CONFLICT', 'REPLICATION_TIMEOUT']);

/** Polls until `f` returns a truthy value; fails with `what` after `timeoutMs`. */
export async function eventually<T>(f: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** One command sent as a console does: retried with the same commandId while the answer is retryable. */
export async function send(c: TestClient, name: string, payload: Record<string, unknown>, giveUpMs = 90_000): Promise<{ ack: Ack & Record<string, unknown>; commandId: string; retries: number; unretryable: string[] }> {
  const commandId = randomUUID();
  const end = Date.now() + giveUpMs;
  let retries = 0;
  const unretryable: string[] = [];
  for (;;) {
    let ack: Ack & Record<string, unknown>;
    try { ack = await c.cmd(name, payload, commandId); } catch { ack = { ok: false, error: { code: 'TIMEOUT', message: 'no ack' } } as never; }
    if (ack.ok || !RETRYABLE.has(ack.error.code) || Date.now() > end) {
      if (!ack.ok) unretryable.push(ack.error.code);
      return { ack, commandId, retries, unretryable };
    }
    retries++;
    await sleep(Math.min(500, 50 * retries));
  }
}

/**
 * A debate that runs until stopped: delegates take the floor in turn (request → next → start →
 * end), each command retried like a console retries it. Keeps every acknowledged command and
 * the time of each ack, so a test can check they all survived and when service came back.
 */
export class Debate {
  readonly acked: Array<{ commandId: string; name: string; seq: number; at: number }> = [];
  readonly refused: Array<{ name: string; code: string }> = [];
  speeches = 0;
  retries = 0;
  private running = false;
  private loop?: Promise<void>;
  private turn = 0;

  private constructor(readonly meetingId: string, readonly chair: TestClient, readonly delegates: TestClient[], readonly viewer: TestClient, readonly clients: TestClient[]) {}

  static async open(sys: TestSystem): Promise<Debate> {
    const { meetingId, access } = await sys.createMeeting(debateSetup());
    const clients: TestClient[] = [];
    const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
    const chair = await connect(tokenOf(access, 'chair'));
    const delegates = [];
    for (const d of ['gha', 'nor', 'sen', 'egy', 'gbr']) delegates.push(await connect(tokenOf(access, d)));
    const viewer = await connect(await sys.viewerToken(meetingId));
    const d = new Debate(meetingId, chair, delegates, viewer, clients);
    await d.must(chair, 'meeting.open', {});
    await d.must(chair, 'item.takeUp', { itemId: 'item-1' });
    return d;
  }

  /** Sends and records; a refusal that is not retryable is kept for the test to assert on. */
  async must(c: TestClient, name: string, payload: Record<string, unknown>): Promise<boolean> {
    const r = await send(c, name, payload);
    this.retries += r.retries;
    if (r.ack.ok) { this.acked.push({ commandId: r.commandId, name, seq: r.ack.seq as number, at: Date.now() }); return true; }
    this.refused.push({ name, code: r.ack.error.code });
    return false;
  }

  /** One speech: a delegate asks for the floor, is called, speaks briefly, ends. */
  async speech(speakMs = 100): Promise<void> {
    const d = this.delegates[this.turn++ % this.delegates.length];
    await this.must(d, 'floor.request', { type: 'statement' });
    await this.must(this.chair, 'chair.next', {});
    await this.must(this.chair, 'speech.start', {});
    await sleep(speakMs);
    if (await this.must(this.chair, 'speech.end', {})) this.speeches++;
  }

  start(): void {
    this.running = true;
    this.loop = (async () => { while (this.running) await this.speech(); })();
  }

  async stop(): Promise<void> { this.running = false; await this.loop; }

  /** First ack at or after `t` (ms since the epoch). */
  firstAckAfter(t: number): number | undefined { return this.acked.find((a) => a.at >= t)?.at; }

  close(): void { for (const c of this.clients) c.close(); }
}

/** GET a health endpoint: its status code and JSON body (status 0 when nothing answers). */
export async function ready(url: string): Promise<{ status: number; body: Record<string, any> }> {
  try {
    const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5000) });
    return { status: res.status, body: await res.json() as Record<string, any> };
  } catch { return { status: 0, body: {} }; }
}
