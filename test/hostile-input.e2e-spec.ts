import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { COMMANDS } from '@rostrum/contracts';
import { TEST_OPERATOR_KEY, TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { codeOf, heads, waitUntil } from './support/floor';

type AnyAck = { ok: boolean; error?: { code: string; message: string } };

/** The streams commands append to (the record stream trails them: the recorder publishes after Postgres). */
const commanded = async (c: TestClient) => { const { meeting, qna } = await heads(c); return { meeting, qna }; };

/** Emits raw arguments (as a hostile client would) and resolves with what the ack function received. */
function raw(socket: Socket, name: string, ...args: unknown[]): Promise<AnyAck> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${name} (${args.length} args)`)), 10_000);
    socket.emit(name, ...args, (ack: AnyAck) => { clearTimeout(timer); resolve(ack); });
  });
}

const BUILT_IN = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'error', 'toLocaleString'];

// Issue 10: every inbound message answered, nothing applied by mistake, the gateway stays up.
describe('hostile input at the real gateway: every message answered, nothing applied by mistake, the process stays up', () => {
  let sys: TestSystem;
  let meetingId: string;
  let access: Array<{ participantId: string; token: string }>;
  let chair: TestClient;
  let socket: Socket;

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']);
    ({ meetingId, access } = await sys.createMeeting(debateSetup('un-ga')));
    chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    expect((await chair.cmd('meeting.open')).ok).toBe(true);
    socket = io(sys.url, { auth: { token: tokenOf(access, 'gha') }, transports: ['websocket'] });
    await new Promise<void>((r) => socket.once('connect', () => r()));
    // Ghana's console makes its delegation present (R41): let that land before comparing heads.
    await waitUntil(() => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === 'GHA'), 'Ghana present');
  }, 60_000);
  afterAll(async () => { chair?.close(); socket?.close(); await sys?.stop(); }, 30_000);

  it('a command with no payload, with an extra argument before its ack, or unknown/built-in names: each answered with a code, nothing applied', async () => {
    const before = await commanded(chair);
    expect(codeOf(await raw(socket, 'floor.request') as never)).toBe('VALIDATION_FAILED');
    expect(codeOf(await raw(socket, 'floor.request', { commandId: 'extra-arg-1', type: 'statement' }, 'extra') as never)).toBe('VALIDATION_FAILED');
    expect(codeOf(await raw(socket, 'meeting.snapshot', {}, {}) as never)).toBe('VALIDATION_FAILED');
    expect(codeOf(await raw(socket, 'events.since') as never)).toBe('VALIDATION_FAILED');
    for (const name of [...BUILT_IN, 'no.such', 'floor.request ', 'FLOOR.REQUEST']) {
      expect({ name, code: codeOf(await raw(socket, name, { commandId: 'builtin-name-1' }) as never) }).toEqual({ name, code: 'UNKNOWN_COMMAND' });
      expect({ name, code: codeOf(await raw(socket, name) as never) }).toEqual({ name, code: 'UNKNOWN_COMMAND' });
    }
    expect(await commanded(chair)).toEqual(before);
    expect(socket.connected).toBe(true);
  });

  it('ids named like Object.prototype members get the NO_SUCH_* code of their kind (presence.update "constructor", item.takeUp "toString")', async () => {
    expect(codeOf(await chair.cmd('presence.update', { delegationId: 'constructor', status: 'connected' }))).toBe('NO_SUCH_DELEGATION');
    expect(codeOf(await chair.cmd('item.takeUp', { itemId: 'toString' }))).toBe('NO_SUCH_ITEM');
    expect(codeOf(await chair.cmd('item.takeUp', { itemId: '__proto__' }))).toBe('NO_SUCH_ITEM');
    expect(codeOf(await chair.cmd('chair.grant', { entryId: 'hasOwnProperty' }))).toBe('NO_SUCH_ENTRY');
    expect(codeOf(await chair.cmd('qna.approve', { questionId: 'valueOf' }))).toBe('QUESTION_NOT_FOUND');
  });

  it('property: generated names and payloads (built-in names, __proto__, huge strings, deep nesting, wrong types) each get an ack with a code; the gateway stays up and still serves', async () => {
    const names = [...Object.keys(COMMANDS), ...BUILT_IN, 'meeting.snapshot', 'events.since', 'auth.renew'];
    const value = fc.oneof(
      fc.constantFrom(...BUILT_IN, 'x'.repeat(20_000), '', null, 0, -1, true, [], {}, 'e1', 'GHA', 'item-1'),
      fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.array(fc.string(), { maxLength: 3 }),
      fc.constant((() => { let v: unknown = 1; for (let i = 0; i < 300; i++) v = { a: v }; return v; })()),
    );
    const payload = fc.oneof(
      { weight: 5, arbitrary: fc.dictionary(fc.constantFrom('commandId', 'type', 'itemId', 'entryId', 'delegationId', 'questionId', 'text', 'stream', 'seq', ...BUILT_IN), value, { maxKeys: 5 }) },
      { weight: 1, arbitrary: value },
    );
    const seen = new Map<string, number>();
    await fc.assert(fc.asyncProperty(fc.constantFrom(...names), fc.array(payload, { maxLength: 3 }), async (name, args) => {
      const ack = await raw(socket, name, ...args);
      expect(typeof ack).toBe('object');
      if (!ack.ok) {
        expect(typeof ack.error!.code).toBe('string');
        expect(ack.error!.code).not.toBe('INTERNAL');
        seen.set(ack.error!.code, (seen.get(ack.error!.code) ?? 0) + 1);
      }
    }), { numRuns: 300 });
    expect(seen.has('UNKNOWN_COMMAND') && seen.has('VALIDATION_FAILED')).toBe(true);
    expect(sys.gateways()).toHaveLength(1);
    // Still serving: a well-formed command from another client is applied.
    expect((await chair.cmd('item.takeUp', { itemId: 'item-1' })).ok).toBe(true);
  }, 120_000);

  it('a payload over 16 KiB is answered PAYLOAD_TOO_LARGE; a frame over the size limit closes that connection (unparsed, nothing applied) and the client reconnects', async () => {
    const before = await commanded(chair);
    expect(codeOf(await raw(socket, 'floor.request', { commandId: 'large-payload-1', type: 'statement', text: 'x'.repeat(20_000) }) as never)).toBe('PAYLOAD_TOO_LARGE');
    // A viewer (no presence of its own to report), asking the Q&A with a frame over 64 KiB.
    const big = io(sys.url, { auth: { token: await sys.viewerToken(meetingId) }, transports: ['websocket'], reconnectionDelay: 100 });
    try {
      await new Promise<void>((r) => big.once('connect', () => r()));
      const closed = new Promise<string>((r) => big.once('disconnect', (reason) => r(reason)));
      big.emit('qna.ask', { commandId: 'huge-frame-1', text: 'x'.repeat(100_000) }, () => { throw new Error('a frame over the limit must not be answered'); });
      expect(await closed).toMatch(/transport (close|error)/);
      await new Promise<void>((r) => big.once('connect', () => r()));   // reconnects by itself
      expect(await commanded(chair)).toEqual(before);
      expect(sys.gateways()).toHaveLength(1);
    } finally { big.close(); }
  });

  it('REST: malformed ids get 400, unknown ones 404, never 500 (%00 included)', async () => {
    const op = { 'x-operator-key': TEST_OPERATOR_KEY };
    const cases: Array<[string, string, number]> = [
      ['GET', '/meetings/%00', 400], ['GET', '/meetings/%00/record', 400], ['GET', '/meetings/%00/record.md', 400], ['GET', '/meetings/%00/stats', 400],
      ['POST', '/meetings/%00/viewer-token', 400], ['POST', `/meetings/${meetingId}/participants/%00/token`, 400], ['DELETE', `/meetings/${meetingId}/participants/%00`, 400],
      ['GET', `/meetings/${'x'.repeat(500)}`, 400], ['GET', '/meetings/a%20b/record', 400], ['GET', '/meetings/%E2%80%AE/record', 400],
      ['GET', '/meetings/no-such-meeting', 404], ['GET', '/meetings/no-such-meeting/record', 404], ['POST', '/meetings/no-such-meeting/viewer-token', 404],
      ['POST', `/meetings/${meetingId}/participants/nobody/token`, 404], ['GET', '/meetings/constructor/record', 404], ['GET', '/meetings/__proto__', 404],
    ];
    const badJson = await fetch(`${sys.url}/meetings/${meetingId}/viewer-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"token":' });
    expect(badJson.status).toBe(400);
    const wrongShape = await fetch(`${sys.url}/meetings/${meetingId}/viewer-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: { __proto__: 1 }, extra: true }) });
    expect(wrongShape.status).toBe(400);
    for (const [method, path, status] of cases) {
      const res = await fetch(`${sys.url}${path}`, { method, headers: op });
      expect({ method, path, status: res.status }).toEqual({ method, path, status });
      const body = await res.json() as { ok: boolean; error: { code: string } };
      expect(body.ok).toBe(false);
    }
  });
});
