import type { EventEnvelope } from '@rostrum/contracts';
import { TestClient, type TestSystem, tokenOf } from '@rostrum/testing';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value (or fails after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try { const v = await check(); if (v) return v; } catch (err) { last = err; }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Everything committed has been published on the record stream. */
export async function recordSettled(sys: TestSystem, meetingId: string, interventions: number): Promise<void> {
  await eventually(async () => {
    const [r] = await sys.query<{ n: number; unpublished: number }>(`SELECT (SELECT count(*)::int FROM interventions WHERE meeting_id = $1) AS n,
      (SELECT count(*)::int FROM record_entry_versions WHERE meeting_id = $1 AND record_seq IS NULL) AS unpublished`, [meetingId]);
    return r.n === interventions && r.unpublished === 0;
  }, 30_000, `${interventions} interventions persisted and published`);
}

type Access = Array<{ participantId: string; token: string }>;

/**
 * The scripted debate, through the real gateway and floor: a group statement, a national one
 * interrupted by a point of order (ruled), a remote one, the list announced and closed, a
 * right of reply, a suspension and the adjournment. `during` runs in the middle (e.g. a viewer
 * dropping out). Returns the entry ids of the speeches.
 */
export async function playDebate(sys: TestSystem, access: Access, during: () => Promise<void> = async () => undefined): Promise<Record<string, string>> {
  const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
  const sec = await TestClient.connect(sys.url, tokenOf(access, 'sec'));
  const del = async (id: string) => TestClient.connect(sys.url, tokenOf(access, id));
  const [gha, nor, sen, gbr] = [await del('gha'), await del('nor'), await del('sen'), await del('gbr')];
  let n = 0;
  const ok = async (c: TestClient, name: string, payload: Record<string, unknown> = {}) => {
    const commandId = `debate-${++n}-${name}`;
    const ack = await c.cmd(name, payload, commandId);
    if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack)}`);
    return { ...ack, commandId };
  };
  const entryOf = async (c: TestClient, ack: { commandId: string }, type = 'floor.requested') =>
    ((await c.waitFor(type, (e) => e.commandId === ack.commandId)) as unknown as EventEnvelope<{ entry: { entryId: string } }>).payload.entry.entryId;
  const speak = async (ms: number) => { await ok(chair, 'speech.start'); await sleep(ms); await ok(chair, 'speech.end'); };
  try {
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    const ids: Record<string, string> = {};
    ids.gha = await entryOf(gha, await ok(gha, 'floor.request', { type: 'statement', mode: 'in-room' }));
    ids.nor = await entryOf(nor, await ok(nor, 'floor.request', { type: 'statement', mode: 'remote' }));
    ids.sen = await entryOf(sen, await ok(sen, 'floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } }));
    await ok(chair, 'chair.next');              // R11: Senegal for the African Group first
    await speak(1200);
    await ok(chair, 'chair.next');              // Ghana, interrupted by a point of order (R19)
    await ok(chair, 'speech.start');
    await sleep(700);
    const raised = await ok(gbr, 'floor.request', { type: 'point-of-order', text: 'The speaker strays from the item' });
    ids.poo = await entryOf(gbr, raised, 'pointOfOrder.raised');
    await ok(chair, 'chair.grant', { entryId: ids.poo });
    await ok(chair, 'speech.start');
    await sleep(500);
    await ok(chair, 'pointOfOrder.rule', { entryId: ids.poo, decision: 'rejected', text: 'The speaker is in order.' });
    await ok(chair, 'speech.resume');
    await sleep(500);
    await ok(chair, 'speech.end');
    await during();
    await ok(chair, 'chair.next');              // Norway, remote
    await speak(800);
    await ok(sec, 'list.announce');
    await ok(chair, 'list.close', { consent: 'no-objection' });
    const reply = await ok(sen, 'floor.request', { type: 'right-of-reply', replyTo: ids.gha });
    ids.reply = await entryOf(chair, reply, 'reply.requested');
    await ok(chair, 'chair.grant', { entryId: ids.reply });
    await ok(chair, 'chair.next');
    await speak(600);
    await ok(chair, 'meeting.suspend');
    await ok(chair, 'meeting.resume');
    await ok(chair, 'meeting.adjourn');
    return ids;
  } finally {
    for (const c of [chair, sec, gha, nor, sen, gbr]) c.close();
  }
}

/** Clock times and durations change from run to run; the shape of the record must not. */
export const normalise = (s: string, meetingId: string): string => s
  .split(meetingId).join('MEETING')
  .replace(/(?<!\d)\d{2}:\d{2}:\d{2}(?!\d)/g, 'HH:MM:SS')
  .replace(/\[\d+:\d{2}:\d{2}\]/g, '[H:MM:SS]')
  .replace(/\b\d+ min \d+ s\b|\b\d+ min\b|\b\d+ s\b/g, 'D')
  .replace(/\d{4}-\d{2}-\d{2}/g, 'YYYY-MM-DD')
  // The summary record's UN-style times ("10.05 a.m.", "12 noon") and long date ("Tuesday, 12 November 2026").
  .replace(/\b\d{1,2}(\.\d{2})? (a\.m\.|p\.m\.|noon|midnight)/g, 'H.MM a.m.')
  .replace(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}/g, 'WEEKDAY, D MONTH YYYY')
  .replace(/(?<!\d)\d{2}:\d{2}(?!\d)/g, 'HH:MM');
