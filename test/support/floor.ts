import { randomUUID } from 'node:crypto';
import type { Ack, EventEnvelope, StreamName } from '@rostrum/contracts';
import { TIMER_TOLERANCE_MS } from '@rostrum/domain';
import type { TestClient } from '@rostrum/testing';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * R34: warnings and expiry within 250 ms of the true time, measured on the server's own
 * timestamps (the envelope's `at`, when the floor appended the event, against the due time the
 * domain computed). No extra slack for a loaded machine: the floor schedules the delayed job
 * ahead of time and waits out the rest itself (apps/floor timer.scheduler.ts), so promotion
 * latency does not count against the speaker.
 */
export const TIMER_SLACK_MS = TIMER_TOLERANCE_MS;

/**
 * Resolves once the server's clock has passed `serverMs`, proved by a later event: a ping
 * through the log is not available, so this waits on the local clock (same machine) and then
 * the caller must check that an event it causes afterwards carries `at >= serverMs`.
 */
export async function afterServerTime(serverMs: number): Promise<void> {
  while (Date.now() <= serverMs) await sleep(Math.min(200, serverMs - Date.now() + 1));
}

export async function waitUntil(cond: () => boolean, what = 'condition', timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

type AnyEnvelope = EventEnvelope<any>;
export interface Acted { ack: Ack & Record<string, unknown>; commandId: string; events: AnyEnvelope[] }

/**
 * Sends a command with a readable commandId; on success waits until the sender has received
 * the events it caused (found by commandId) and returns them with the ack.
 */
export async function act(c: TestClient, name: string, payload: Record<string, unknown> = {}, stream: StreamName = 'meeting'): Promise<Acted> {
  const commandId = `${name}-${randomUUID()}`;
  const ack = await c.cmd(name, payload, commandId);
  if (!ack.ok) return { ack, commandId, events: [] };
  await waitUntil(() => c.seq[stream] >= (ack.seq as number), `${name} events (seq ${String(ack.seq)})`);
  return { ack, commandId, events: c.events(stream).filter((e) => e.commandId === commandId) };
}

/** `act`, failing the test with the refusal when the command is not accepted. */
export async function ok(c: TestClient, name: string, payload: Record<string, unknown> = {}): Promise<Acted> {
  const r = await act(c, name, payload);
  if (!r.ack.ok) throw new Error(`${name} ${JSON.stringify(payload)} refused: ${JSON.stringify(r.ack)}`);
  return r;
}

/** The one event of `type` a command caused. */
export function eventOf(r: Acted, type: string): AnyEnvelope {
  const e = r.events.find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} among ${r.events.map((x) => x.type).join(', ')}`);
  return e;
}

/** The code of a refusal (undefined when accepted). */
export const codeOf = (r: Acted | Ack): string | undefined => {
  const ack: Ack = 'ack' in r ? (r.ack as Ack) : r;
  return ack.ok ? undefined : ack.error.code;
};

/** The client's own snapshot of the floor, taken now (without touching its event sequence). */
export async function floorView(c: TestClient): Promise<Record<string, any>> {
  const snap = await c.socket.emitWithAck('meeting.snapshot', {}) as { ok: boolean; meeting: { state: Record<string, any> } };
  if (!snap.ok) throw new Error(`snapshot refused: ${JSON.stringify(snap)}`);
  return snap.meeting.state;
}

/** Heads of the three streams of the meeting, as the log has them. */
export async function heads(c: TestClient): Promise<Record<StreamName, number>> {
  const out = {} as Record<StreamName, number>;
  for (const stream of ['meeting', 'qna', 'record'] as const) {
    const res = await c.socket.emitWithAck('events.since', { stream, seq: 0, limit: 1 }) as { ok: boolean; head: number };
    out[stream] = res.head;
  }
  return out;
}

/** Everything in a stream as this client may see it (full events and placeholders). */
export async function logAsSeenBy(c: TestClient, stream: StreamName = 'meeting'): Promise<Array<Record<string, any>>> {
  const res = await c.socket.emitWithAck('events.since', { stream, seq: 0, limit: 5000, replay: true }) as { ok: boolean; events: Array<Record<string, any>> };
  return res.events;
}

/**
 * What a viewer must have seen: every seq exactly once and in order from its snapshot on;
 * every public event in full and identical to the chair's copy; a placeholder, never the
 * payload, for the rest.
 */
export function expectViewerSawPublicOnly(viewer: TestClient, fullLog: Array<Record<string, any>>, staffOnlyTypes: string[]): { redacted: number[] } {
  const seqs = viewer.streams.meeting.map((e) => e.seq);
  const first = seqs[0]!;
  expect(seqs).toEqual(seqs.map((_, i) => first + i));
  expect(viewer.duplicates).toBe(0);
  expect(viewer.seq.meeting).toBe(fullLog.length);
  const chairBySeq = new Map(fullLog.map((e) => [e.seq as number, e]));
  const redacted: number[] = [];
  for (const e of viewer.streams.meeting) {
    const full = chairBySeq.get(e.seq)!;
    if (e.type === 'event.redacted') {
      redacted.push(e.seq);
      expect(staffOnlyTypes).toContain(full.type);
    } else {
      expect(e).toEqual(full);
      expect(staffOnlyTypes).not.toContain(e.type);
    }
  }
  expect(viewer.received.filter((r) => staffOnlyTypes.includes(r.name))).toEqual([]);
  return { redacted };
}

/**
 * A request the chair has not accepted is named in nothing a client receives (events,
 * placeholders, transient broadcasts) before the public event that accepts it.
 */
export function expectUnnamedUntil(c: TestClient, entryId: string, publicType: string): void {
  const at = c.received.findIndex((r) => r.name === publicType && JSON.stringify(r.data).includes(`"${entryId}"`));
  const before = at < 0 ? c.received : c.received.slice(0, at);
  expect({ entryId, leaked: before.filter((r) => JSON.stringify(r.data).includes(`"${entryId}"`)).map((r) => r.name) }).toEqual({ entryId, leaked: [] });
}
