import { TestClient, TestSystem, debateSetup, tokenOf, type RunningApp } from '@rostrum/testing';

// Several gateways serve one meeting; several floor processes share the work; clients that
// reconnect (to the same or another gateway) resume from their seq without gap or duplicate.
describe('scale-out: two gateways, two floor processes, reconnects', () => {
  let sys: TestSystem;
  let gatewayA: RunningApp;
  let gatewayB: RunningApp;
  let meetingId: string;
  let access: Array<{ participantId: string; token: string }>;
  const clients: TestClient[] = [];
  const client = async (token: string, url: string) => { const c = await TestClient.connect(url, token); clients.push(c); return c; };
  const seqsAndTypes = (c: TestClient) => c.streams.meeting.map((e) => `${e.seq}:${e.type}`);

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'floor', 'qna', 'gateway']);
    gatewayA = sys.gateways()[0];
    gatewayB = await sys.startApp('gateway');
    ({ meetingId, access } = await sys.createMeeting(debateSetup()));
  }, 120_000);
  afterAll(async () => { clients.forEach((c) => c.close()); await sys?.stop(); }, 30_000);

  it('delivers the same events in the same order to clients of either gateway; each command applied once by two floors', async () => {
    const chair = await client(tokenOf(access, 'chair'), gatewayA.url!);
    const viewerA = await client(await sys.viewerToken(meetingId), gatewayA.url!);
    const viewerB = await client(await sys.viewerToken(meetingId), gatewayB.url!);
    const delegates = await Promise.all(['gha', 'nor', 'sen', 'egy'].map((d, i) => client(tokenOf(access, d), (i % 2 ? gatewayB : gatewayA).url!)));

    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    // Concurrent requests from both gateways: the two floors race on the log's compare-and-set.
    const commandIds = delegates.map((_, i) => `scale-out-request-${i}-${Date.now()}`);
    const acks = await Promise.all(delegates.map((d, i) => d.cmd('floor.request', { type: 'statement' }, commandIds[i])));
    expect(acks.every((a) => a.ok)).toBe(true);
    const head = Math.max(...acks.map((a) => a.seq as number));

    await Promise.all([viewerA, viewerB, chair].map((c) => waitUntil(() => c.seq.meeting >= head)));
    expect(seqsAndTypes(viewerA)).toEqual(seqsAndTypes(viewerB));
    expect(viewerA.duplicates + viewerB.duplicates).toBe(0);
    // Each request appended exactly once, even though both floor processes saw every command.
    const log = (await chair.socket.emitWithAck('events.since', { stream: 'meeting', seq: 0, replay: true })).events as Array<{ type: string; commandId: string; seq: number }>;
    const requested = log.filter((e) => e.type === 'floor.requested');
    expect(requested.map((e) => e.commandId).sort()).toEqual([...commandIds].sort());
    // No command of this test appended twice: every commandId's events form one contiguous run.
    for (const id of new Set(log.map((e) => e.commandId))) {
      const seqs = log.filter((e) => e.commandId === id).map((e) => e.seq);
      expect({ id, seqs }).toEqual({ id, seqs: seqs.map((_, i) => seqs[0]! + i) });
    }
    expect(new Set(acks.map((a) => a.seq)).size).toBe(4);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  });

  it('a client that reconnects with its last seq receives exactly the events it missed', async () => {
    const chair = await client(tokenOf(access, 'chair'), gatewayA.url!);
    const viewer = await client(await sys.viewerToken(meetingId), gatewayB.url!);
    const watcher = await client(await sys.viewerToken(meetingId), gatewayA.url!);
    viewer.socket.io.opts.reconnection = false;
    viewer.socket.disconnect();
    const missedFrom = viewer.seq.meeting;
    expect(await chair.cmd('list.announce', {})).toMatchObject({ ok: true });
    const egy = await client(tokenOf(access, 'au'), gatewayA.url!);
    expect(await egy.cmd('floor.request', { type: 'statement' })).toMatchObject({ ok: true });
    await waitUntil(() => watcher.seq.meeting > missedFrom + 1);

    viewer.socket.connect();
    await waitUntil(() => viewer.seq.meeting === watcher.seq.meeting);
    expect(seqsAndTypes(viewer)).toEqual(seqsAndTypes(watcher).filter((s) => Number(s.split(':')[0]) > Number(seqsAndTypes(viewer)[0]?.split(':')[0] ?? 0) - 1));
    expect(viewer.streams.meeting.map((e) => e.seq)).toEqual(viewer.streams.meeting.map((_, i) => viewer.streams.meeting[0].seq + i));
    expect(viewer.duplicates).toBe(0);
  });

  it('when a gateway is killed its clients resume on the other one from their seq', async () => {
    const chair = await client(tokenOf(access, 'chair'), gatewayA.url!);
    const onB = await client(await sys.viewerToken(meetingId), gatewayB.url!);
    const token = (onB.socket.auth as { token: string }).token;
    await sys.stopApp(gatewayB, 'SIGKILL');
    expect(await chair.cmd('meeting.suspend')).toMatchObject({ ok: true });
    const resumedAck = await chair.cmd('meeting.resume');
    expect(JSON.stringify(resumedAck)).toMatch(/"ok":true/);

    // The console's reconnect logic: same token, another gateway, resume from the last seq.
    const resumed = new TestClient(gatewayA.url!, token, { autoConnect: false, resumeFrom: onB });
    clients.push(resumed);
    await resumed.client.connect();   // resumes with events.since from onB's seqs, no snapshot
    const types = resumed.streams.meeting.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['meeting.suspended', 'meeting.resumed']);
    expect(resumed.streams.meeting.map((e) => e.seq)).toEqual(resumed.streams.meeting.map((_, i) => resumed.streams.meeting[0].seq + i));
    onB.close();
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
