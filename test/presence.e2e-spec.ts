import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { TIMER_SLACK_MS, act, afterServerTime, codeOf, eventOf, floorView, heads, logAsSeenBy, ok, sleep, waitUntil } from './support/floor';

// Hybrid participation (R40–R42): the gateway reports each delegate console's connection to
// the floor as presence; the floor pauses a remote speaker who drops, and gives an absent
// speaker a call timeout before marking the entry missed.
describe('presence: hybrid participation', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const connect = async (token: string, url = sys.url) => { const c = await TestClient.connect(url, token); clients.push(c); return c; };

  // qna runs too: a join's snapshot waits for it (up to 1.5 s) when it is missing.
  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'gateway']); }, 60_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  it('R40 R41 R42 a remote speaker who drops is paused and resumed on return; the next speaker is on deck; an absent speaker is missed after the call timeout, moved to the end once, then forfeits', async () => {
    const { meetingId, access } = await sys.createMeeting(debateSetup('un-ga', { absent: { callTimeoutSeconds: 2, policy: 'move-to-end-once' } }));
    const chair = await connect(tokenOf(access, 'chair'));
    const sec = await connect(tokenOf(access, 'sec'));
    const viewer = await connect(await sys.viewerToken(meetingId));
    const [nor, gha, sen] = await Promise.all(['nor', 'gha', 'sen'].map((p) => connect(tokenOf(access, p))));
    const presenceOf = (d: string, status: string) => chair.events().find((e) => e.type === 'presence.updated' && e.payload.delegationId === d && e.payload.status === status);
    await waitUntil(() => ['NOR', 'GHA', 'SEN'].every((d) => presenceOf(d, 'connected')), 'delegations connected');
    expect(chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === 'EGY')).toBe(false);  // Egypt has no console open

    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    const norEntry = eventOf(await ok(nor, 'floor.request', { type: 'statement', mode: 'remote' }), 'floor.requested').payload.entry;
    const ghaEntry = eventOf(await ok(gha, 'floor.request', { type: 'statement', mode: 'in-room' }), 'floor.requested').payload.entry;
    // The secretariat inscribes Egypt, whose delegate is not connected (R8).
    const egyEntry = eventOf(await ok(sec, 'floor.request', { type: 'statement', delegationId: 'EGY' }), 'floor.requested').payload.entry;
    const senEntry = eventOf(await ok(sen, 'floor.request', { type: 'statement' }), 'floor.requested').payload.entry;

    // A present speaker gets no call timeout.
    expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload).not.toHaveProperty('callTimeoutAt');
    // R42: when Norway starts, Ghana (next) is told it is on deck.
    const start = await ok(nor, 'speech.start');
    const started = eventOf(start, 'speech.started').payload;
    expect(eventOf(start, 'speaker.onDeck').payload).toEqual({ entryId: ghaEntry.entryId, delegationId: 'GHA', speakerName: ghaEntry.speakerName });
    await gha.waitFor('speaker.onDeck', (e) => (e.payload as { entryId: string }).entryId === ghaEntry.entryId);

    // R41: Norway's console drops mid-speech: the clock pauses and the chair is alerted.
    await sleep(300);
    nor.socket.disconnect();
    const dropped = await chair.waitFor('presence.updated', (e) => (e.payload as { delegationId: string; status: string }).delegationId === 'NOR' && (e.payload as { status: string }).status === 'dropped');
    const paused = (await chair.waitFor('speech.paused', (e) => (e.payload as { entryId: string }).entryId === norEntry.entryId)).payload as Record<string, any>;
    expect(paused).toMatchObject({ reason: 'disconnected', clockRuns: false, alertChair: true });
    await viewer.waitFor('speech.paused');
    await waitUntil(() => viewer.seq.meeting >= (dropped.seq as number), 'viewer at the drop');
    expect(viewer.streams.meeting.find((e) => e.seq === dropped.seq)).toEqual({ meetingId, stream: 'meeting', seq: dropped.seq, type: 'event.redacted' });
    expect(viewer.received.some((r) => r.name === 'presence.updated')).toBe(false);
    expect(codeOf(await act(chair, 'chair.next'))).toBe('FLOOR_OCCUPIED');   // the floor is still Norway's

    // Norway comes back: the clock resumes by itself, the pause not counted.
    await sleep(700);
    nor.socket.connect();
    const resumed = (await chair.waitFor('speech.resumed', (e) => (e.payload as { entryId: string }).entryId === norEntry.entryId)).payload as Record<string, any>;
    expect(resumed).toMatchObject({ reason: 'reconnected', pausedMs: resumed.at - paused.at });
    expect(resumed.pausedMs).toBeGreaterThanOrEqual(700);
    expect(presenceOf('NOR', 'connected')!.seq).toBeLessThan(chair.seq.meeting);
    // Norway's console caught up with what it missed while away, without gap or duplicate.
    await waitUntil(() => nor.seq.meeting >= chair.seq.meeting, 'Norway caught up');
    // (Its catch-up and the live feed overlap on the events its own return causes; the console
    // keeps each seq once, which is what is checked here, rather than counting dropped copies.)
    expect(nor.streams.meeting.map((e) => e.seq)).toEqual(nor.streams.meeting.map((_, i) => nor.streams.meeting[0]!.seq + i));
    const liveSeqs = nor.received.filter((r) => r.data?.stream === 'meeting').map((r) => r.data.seq);
    expect(liveSeqs.length).toBe(new Set(liveSeqs).size);   // the fan-out itself never sends a seq twice
    expect(nor.events().find((e) => e.type === 'speech.paused')).toMatchObject({ payload: { reason: 'disconnected' } });
    const iv = eventOf(await ok(nor, 'speech.end'), 'speech.ended').payload.intervention;
    expect(iv).toMatchObject({ startedAt: started.startedAt, pausedMs: resumed.pausedMs, pauses: [{ at: paused.at, until: resumed.at, reason: 'disconnected', clockRan: false }] });

    // Ghana is on deck and in the room; Egypt is next on deck.
    await ok(chair, 'chair.next');
    expect(eventOf(await ok(gha, 'speech.start'), 'speaker.onDeck').payload.entryId).toBe(egyEntry.entryId);
    await ok(gha, 'speech.end');

    // R40: Egypt is called while absent: a call timeout, then missed and moved to the end once.
    const called = eventOf(await ok(chair, 'chair.next'), 'floor.given').payload;
    expect(called).toMatchObject({ entry: { entryId: egyEntry.entryId }, callTimeoutAt: called.calledAt + 2000 });
    const missed = await viewer.waitFor('entry.missed', (e) => (e.payload as { entryId: string }).entryId === egyEntry.entryId, 10_000);
    expect(missed).toMatchObject({ payload: { delegationId: 'EGY', outcome: 'moved-to-end' }, actor: { role: 'system' } });
    expect(Math.abs((missed.at as number) - called.callTimeoutAt)).toBeLessThanOrEqual(TIMER_SLACK_MS);
    // Senegal, behind Egypt until now, is called first.
    expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload.entry.entryId).toBe(senEntry.entryId);
    await ok(sen, 'speech.start');
    await ok(sen, 'speech.end');
    // Called again and still absent: this time the entry forfeits.
    const again = eventOf(await ok(chair, 'chair.next'), 'floor.given').payload;
    expect(again).toMatchObject({ entry: { entryId: egyEntry.entryId }, callTimeoutAt: again.calledAt + 2000 });
    const forfeited = await chair.waitFor('entry.missed', (e) => (e.payload as { outcome: string }).outcome === 'forfeited', 10_000);
    expect(forfeited.payload).toMatchObject({ entryId: egyEntry.entryId });
    expect(codeOf(await act(chair, 'chair.next'))).toBe('LIST_EMPTY');

    // R40: an absent speaker who comes in within the call timeout simply takes the floor.
    const auEntry = eventOf(await ok(sec, 'floor.request', { type: 'statement', delegationId: 'AU' }), 'floor.requested').payload.entry;
    const auCalled = eventOf(await ok(chair, 'chair.next'), 'floor.given').payload;
    expect(auCalled).toMatchObject({ entry: { entryId: auEntry.entryId }, callTimeoutAt: auCalled.calledAt + 2000 });
    const au = await connect(tokenOf(access, 'au'));
    const auStarted = eventOf(await ok(au, 'speech.start'), 'speech.started');
    expect(auStarted.at).toBeLessThan(auCalled.callTimeoutAt);   // precondition: in time
    // The proof the call timeout passed without a miss is a later event: the end of the speech,
    // stamped by the server after the timeout plus R34's tolerance; nothing before it is a miss.
    await afterServerTime(auCalled.callTimeoutAt + TIMER_SLACK_MS);
    expect((await floorView(chair)).speech).toMatchObject({ entryId: auEntry.entryId, paused: false });
    const auEnded = eventOf(await ok(au, 'speech.end'), 'speech.ended');
    expect(auEnded.at).toBeGreaterThan(auCalled.callTimeoutAt + TIMER_SLACK_MS);
    expect((await logAsSeenBy(chair)).filter((e) => e.seq <= auEnded.seq && e.type === 'entry.missed' && e.payload.entryId === auEntry.entryId)).toEqual([]);

    const log = await logAsSeenBy(chair);
    await waitUntil(() => viewer.seq.meeting === log.length, 'viewer caught up');
    expect(viewer.duplicates).toBe(0);
    expect(viewer.streams.meeting.map((e) => e.type)).toEqual(log.filter((e) => e.seq >= viewer.streams.meeting[0]!.seq)
      .map((e) => (e.type === 'presence.updated' ? 'event.redacted' : e.type)));
  });
  it('R41 a remote speaker whose console drops and comes straight back (a reload, on the same or another gateway) ends connected with its clock running', async () => {
    const { access } = await sys.createMeeting(debateSetup('un-ga'));
    const chair = await connect(tokenOf(access, 'chair'));
    let nor = await connect(tokenOf(access, 'nor'));
    const other = sys.gateways()[1] ?? await sys.startApp('gateway');
    await waitUntil(() => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === 'NOR'), 'Norway connected');
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    const norEntry = eventOf(await ok(nor, 'floor.request', { type: 'statement', mode: 'remote' }), 'floor.requested').payload.entry;
    await ok(chair, 'chair.next');
    await ok(nor, 'speech.start');
    // The old socket's "dropped" and the new one's "connected" race through the gateway; the
    // floor must end up with what is true: Norway is here and speaking.
    for (let flap = 1; flap <= 8; flap++) {
      if (flap % 2) {
        nor.socket.disconnect();
        nor.socket.connect();
        await nor.connected();
      } else {   // the reload lands on the other gateway
        const url = nor.url === sys.url ? other.url! : sys.url;
        const token = (nor.socket.auth as { token: string }).token;
        nor.close();
        nor = await connect(token, url);
      }
      let last = -1;
      for (;;) {   // settle: nothing appended for a while
        await sleep(250);
        const head = (await heads(chair)).meeting;
        if (head === last) break;
        last = head;
      }
      const view = await floorView(chair);
      expect({ flap, presence: view.presence.NOR.status, paused: view.speech.paused }).toEqual({ flap, presence: 'connected', paused: false });
      expect(view.speech.entryId).toBe(norEntry.entryId);
    }
  });
});
