import jwt from 'jsonwebtoken';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

// Issue 2: the path client → gateway → floor → event log → every client of the meeting.
describe('foundation: gateway, floor, event log', () => {
  let sys: TestSystem;
  let meetingId: string;
  let access: Array<{ participantId: string; token: string }>;
  const clients: TestClient[] = [];
  const client = async (token: string, url = sys.url) => { const c = await TestClient.connect(url, token); clients.push(c); return c; };

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'qna', 'gateway']);
    ({ meetingId, access } = await sys.createMeeting(debateSetup()));
  }, 90_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  it('a viewer joins and receives meeting.opened after the chair opens the meeting', async () => {
    const viewer = await client(await sys.viewerToken(meetingId));
    const chair = await client(tokenOf(access, 'chair'));
    const ack = await chair.cmd('meeting.open');
    expect(ack).toMatchObject({ ok: true });
    const opened = await viewer.waitFor('meeting.opened');
    expect(opened).toMatchObject({ meetingId, stream: 'meeting', seq: ack.seq, type: 'meeting.opened' });
  });

  it('viewers follow the floor from one floor.view broadcast per change, without pending requests', async () => {
    const viewer = await client(await sys.viewerToken(meetingId));
    const chair = await client(tokenOf(access, 'chair'));
    const gha = await client(tokenOf(access, 'gha'));
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    const inscribed = await gha.cmd('floor.request', { type: 'statement' });
    expect(inscribed).toMatchObject({ ok: true });
    const view = await viewer.waitFor('floor.view', (d) => (d.payload as { seq: number }).seq === inscribed.seq);
    const { lists, currentItemId } = (view.payload as { view: { lists: Record<string, { speakers: Array<{ delegationId: string }> }>; currentItemId: string } }).view;
    expect(currentItemId).toBe('item-1');
    expect(lists['item-1'].speakers.map((e) => e.delegationId)).toEqual(['GHA']);
    // A point of order not yet recognised is not in what viewers are sent.
    const po = await gha.cmd('floor.request', { type: 'point-of-order', text: 'The speaker is off topic' });
    expect(po).toMatchObject({ ok: true });
    const after = await viewer.waitFor('floor.view', (d) => (d.payload as { seq: number }).seq === po.seq);
    expect(JSON.stringify(after)).not.toContain('off topic');
    expect(viewer.streams.meeting.find((e) => e.seq === po.seq)?.type).toBe('event.redacted');
  });

  it('refuses a bad, a foreign and an expired token at the handshake with a reason', async () => {
    await expect(TestClient.connect(sys.url, 'not-a-token')).rejects.toMatchObject({ data: { code: 'TOKEN_INVALID' } });
    const foreign = jwt.sign({ mid: meetingId, role: 'chair' }, 'some-other-secret-0123456789-0123456789', { subject: 'x', audience: 'rostrum', expiresIn: 60 });
    await expect(TestClient.connect(sys.url, foreign)).rejects.toMatchObject({ data: { code: 'TOKEN_INVALID' } });
    const expired = jwt.sign({ mid: meetingId, role: 'chair', exp: Math.floor(Date.now() / 1000) - 10 }, 'test-token-secret-0123456789-0123456789', { subject: 'chair', audience: 'rostrum' });
    await expect(TestClient.connect(sys.url, expired)).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
    await expect(TestClient.connect(sys.url, '')).rejects.toMatchObject({ data: { code: 'TOKEN_MISSING' } });
  });

  it('a delegate cannot open or adjourn the meeting (FORBIDDEN) and nothing changes', async () => {
    const delegate = await client(tokenOf(access, 'gha'));
    const before = delegate.seq.meeting;
    expect(await delegate.cmd('meeting.adjourn')).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(await delegate.cmd('meeting.open')).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const since = await delegate.socket.emitWithAck('events.since', { stream: 'meeting', seq: before, replay: true });
    // Only the delegate's own connection may have been recorded meanwhile (presence, R40).
    expect(since.events.map((e: { type: string }) => e.type).filter((t: string) => t !== 'presence.updated')).toEqual([]);
  });

  it('malformed, oversized and unknown input gets an error ack and the server stays up', async () => {
    const chair = await client(tokenOf(access, 'chair'));
    expect(await chair.socket.emitWithAck('meeting.open', 'just a string')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await chair.socket.emitWithAck('meeting.open', { commandId: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await chair.cmd('meeting.open', { extra: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await chair.cmd('meeting.open', { junk: 'x'.repeat(20_000) })).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await chair.socket.emitWithAck('no.such.command', { commandId: 'c-12345678' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    // The server's own command ids (timers, presence) contain ':'; a client can never take one.
    expect(await chair.cmd('meeting.open', {}, 'timer:expiry:e1:1795841986958')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await chair.socket.emitWithAck('events.since', { seq: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    chair.socket.emit('meeting.open', null); // no ack callback at all: ignored, not a crash
    // The process is still up (this system runs no recorder, so it is live but not ready).
    const res = await fetch(`${sys.url}/health/live`);
    expect(res.status).toBe(200);
    expect(sys.gateways()).toHaveLength(1);
  });

  it('a participant sending too fast is refused with RATE_LIMITED and the others are not', async () => {
    const gha = await client(tokenOf(access, 'gha'));
    const nor = await client(tokenOf(access, 'nor'));
    const acks = await Promise.all(Array.from({ length: 45 }, () => gha.cmd('floor.withdraw', { entryId: 'no-such-entry' })));
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(10);
    expect(codes.filter((c) => c === 'NO_SUCH_ENTRY').length).toBeGreaterThanOrEqual(25);
    expect(await nor.cmd('floor.withdraw', { entryId: 'no-such-entry' })).toMatchObject({ ok: false, error: { code: 'NO_SUCH_ENTRY' } });
  });

  it('a delegation stays present while any of its delegates is connected (R40, R41)', async () => {
    const added = await fetch(`${sys.url}/meetings/${meetingId}/participants`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': 'test-operator-key-0123456789' },
      body: JSON.stringify({ name: 'Mr. Lars Holm', title: 'Adviser', role: 'delegate', delegationId: 'NOR' }),
    });
    expect(added.status).toBe(201);
    const adviserToken = (await added.json()).token as string;
    const chair = await client(tokenOf(access, 'chair'));
    const minister = await client(tokenOf(access, 'nor'));
    const adviser = await client(adviserToken);
    const presence = async () => ((await chair.socket.emitWithAck('meeting.snapshot', {})).meeting.state.presence as Record<string, { status: string }>).NOR?.status;
    await waitUntil(async () => (await presence()) === 'connected');
    // The floor knows the adviser by the name the secretariat registered (R3).
    const inscribed = await adviser.cmd('floor.request', { type: 'statement' });
    expect(inscribed).toMatchObject({ ok: true });
    const entry = adviser.events().find((e) => e.seq === inscribed.seq)?.payload as { entry: { speakerName: string; speakerTitle: string } } | undefined
      ?? (await adviser.waitFor('floor.requested')).payload as { entry: { speakerName: string; speakerTitle: string } };
    expect(entry.entry).toMatchObject({ speakerName: 'Mr. Lars Holm', speakerTitle: 'Adviser' });
    expect(await presence()).toBe('connected');
    // The adviser leaves first, then the minister. The gateway handles a delegation's
    // disconnects one after the other, in order, so once the minister's "dropped" is in the log
    // the adviser's disconnect has been handled too: had it dropped the delegation, the log
    // would hold a second "dropped" (no sleep-and-hope for a quiet period).
    adviser.close();
    minister.close();
    await waitUntil(async () => (await presence()) === 'dropped');
    const log = (await chair.socket.emitWithAck('events.since', { stream: 'meeting', seq: inscribed.seq, replay: true })).events as Array<{ type: string; payload: { delegationId?: string; status?: string } }>;
    const drops = log.filter((e) => e.type === 'presence.updated' && e.payload.delegationId === 'NOR' && e.payload.status === 'dropped');
    expect(drops).toHaveLength(1);
  });

  it('the same commandId twice applies once and returns the first result', async () => {
    const chair = await client(tokenOf(access, 'chair'));
    const first = await chair.cmd('meeting.adjourn', {}, 'adjourn-once-0001');
    const again = await chair.cmd('meeting.adjourn', {}, 'adjourn-once-0001');
    // The precondition first: the adjournment was accepted, so exactly one event carries its id.
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    const since = await chair.socket.emitWithAck('events.since', { stream: 'meeting', seq: 0, replay: true });
    expect(since.events.filter((e: { commandId: string }) => e.commandId === 'adjourn-once-0001').map((e: { type: string }) => e.type)).toEqual(['meeting.adjourned']);
  });

  it('REST setup refuses bad input with a stable code and no operator key with UNAUTHENTICATED', async () => {
    const noKey = await fetch(`${sys.url}/meetings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const bad = await fetch(`${sys.url}/meetings`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': 'test-operator-key-0123456789' },
      body: JSON.stringify({ ...debateSetup(), delegations: [{ id: 'XX', name: 'X', tier: 'no-such-tier' }] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('no-such-tier') } });
    const docs = await fetch(`${sys.url}/docs-json`);
    expect((await docs.json()).paths['/meetings']).toBeDefined();
  });
});

async function waitUntil(cond: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
