import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { TIMER_SLACK_MS, act, afterServerTime, codeOf, eventOf, expectUnnamedUntil, expectViewerSawPublicOnly, floorView, logAsSeenBy, ok, sleep, waitUntil } from './support/floor';

// Issue 3, end to end: a debate under real rules of procedure, through real socket.io clients,
// the gateway, the floor service, the event log and the server-side clock.
const STAFF_ONLY = ['presence.updated', 'reply.requested', 'reply.declined', 'pointOfOrder.raised', 'inscription.acknowledged'];
type Access = Array<{ participantId: string; token: string }>;

describe('floor debate: lists of speakers and floor requests under real rules of procedure', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];

  // qna runs too: a join's snapshot waits for it (up to 1.5 s) when it is missing.
  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'gateway']); }, 60_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  async function join(access: Access, meetingId: string) {
    const c = async (token: string) => { const x = await TestClient.connect(sys.url, token); clients.push(x); return x; };
    const viewer = await c(await sys.viewerToken(meetingId));       // connected throughout
    const chair = await c(tokenOf(access, 'chair'));
    const sec = await c(tokenOf(access, 'sec'));
    const [gha, nor, sen, gbr] = await Promise.all(['gha', 'nor', 'sen', 'gbr'].map((p) => c(tokenOf(access, p))));
    // Each delegate console announces itself (R40): wait until the chair knows all four are here.
    await waitUntil(() => ['GHA', 'NOR', 'SEN', 'GBR'].every((d) => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === d)), 'presence of the delegations');
    return { viewer, chair, sec, gha, nor, sen, gbr };
  }

  it('R11 R19 R20 R21 R28 R30 R34 R35 un-ga: group first, a point of order pauses the remote speaker whose clock survives, warning and overrun on time, the list closes, replies come after it; the viewer sees every public event once', async () => {
    // 31 s statements: the 30 s warning (R34) falls 1 s of speaking time after the start.
    const { meetingId, access } = await sys.createMeeting(debateSetup('un-ga', { time: { defaultSeconds: 31, perTypeSeconds: { statement: 31, 'group-statement': 31 } } }));
    const { viewer, chair, sec, gha, nor, sen, gbr } = await join(access, meetingId);

    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    const ghaEntry = eventOf(await ok(gha, 'floor.request', { type: 'statement', mode: 'in-room' }), 'floor.requested').payload.entry;
    const norEntry = eventOf(await ok(nor, 'floor.request', { type: 'statement', mode: 'remote' }), 'floor.requested').payload.entry;
    const senEntry = eventOf(await ok(sen, 'floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } }), 'floor.requested').payload.entry;
    expect(senEntry.capacityLabel).toBe('Senegal, on behalf of African Group');
    expect(norEntry.mode).toBe('remote');

    // R11: Senegal for the African Group, inscribed last, speaks first; then Ghana and Norway by time.
    const seen = await floorView(viewer);
    expect(seen.lists['item-1'].speakers.map((e: { delegationId: string }) => e.delegationId)).toEqual(['SEN', 'GHA', 'NOR']);
    expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload.entry.entryId).toBe(senEntry.entryId);
    await ok(sen, 'speech.start');
    await ok(sen, 'speech.end');

    // A right of reply to Senegal, granted now (R24), waits for the end of the list (R25).
    const reply1 = eventOf(await ok(gbr, 'floor.request', { type: 'right-of-reply', replyTo: senEntry.entryId }), 'reply.requested').payload.entry;
    const granted1 = eventOf(await ok(chair, 'chair.grant', { entryId: reply1.entryId }), 'reply.granted').payload;
    expect(granted1).toMatchObject({ replyIndex: 1, allottedSeconds: 600 });                        // R27
    expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload.entry.entryId).toBe(ghaEntry.entryId);
    await ok(gha, 'speech.start');
    await ok(gha, 'speech.end');
    expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload.entry.entryId).toBe(norEntry.entryId);

    // Norway, remote, starts its own speech; the UK raises a point of order at once (R19).
    const started = eventOf(await ok(nor, 'speech.start'), 'speech.started').payload;
    expect(started).toMatchObject({ entryId: norEntry.entryId, mode: 'remote', allottedSeconds: 31 });
    const raised = await ok(gbr, 'floor.request', { type: 'point-of-order', text: 'The speaker refers to a document not before the meeting.' });
    const poo = eventOf(raised, 'pointOfOrder.raised').payload;
    expect(poo.interrupted).toBe(norEntry.entryId);
    const paused = eventOf(raised, 'speech.paused').payload;
    expect(paused).toMatchObject({ entryId: norEntry.entryId, reason: 'point-of-order', clockRuns: false, alertChair: true });  // R19, R20
    // The chair is alerted: the point itself reaches the chair, the pause reaches everyone.
    await chair.waitFor('pointOfOrder.raised', (e) => e.seq === eventOf(raised, 'pointOfOrder.raised').seq);
    await viewer.waitFor('speech.paused', (e) => (e.payload as { entryId: string }).entryId === norEntry.entryId);

    // R21: nobody moves on before the ruling.
    expect(codeOf(await act(chair, 'speech.resume'))).toBe('POINT_OF_ORDER_PENDING');
    expect(codeOf(await act(chair, 'chair.next'))).toBe('POINT_OF_ORDER_PENDING');
    await ok(chair, 'chair.grant', { entryId: poo.entry.entryId });
    await ok(gbr, 'speech.start');
    // A stopped clock never warns. Precondition: the pause came before a running clock's
    // warning (1 s in). Then the ruling must carry a server time past that warning's due time
    // plus R34's tolerance, and the log up to the ruling must hold no warning.
    const runningWarnDue = started.startedAt + (31 - 30) * 1000;
    expect(paused.at).toBeLessThan(runningWarnDue);
    await afterServerTime(runningWarnDue + TIMER_SLACK_MS);
    const interrupted = (await floorView(chair)).interrupted;
    expect(interrupted).toMatchObject({ entryId: norEntry.entryId, paused: true, elapsedMs: paused.at - started.startedAt });
    const ruled = await ok(chair, 'pointOfOrder.rule', { entryId: poo.entry.entryId, decision: 'upheld', text: 'The speaker will refer only to documents before the meeting.' });
    const ruledEnded = eventOf(ruled, 'speech.ended');
    expect(ruledEnded.payload.intervention).toMatchObject({ type: 'point-of-order', ruling: { decision: 'upheld' }, endReason: 'ruling' });
    expect(ruledEnded.at).toBeGreaterThan(runningWarnDue + TIMER_SLACK_MS);
    expect((await logAsSeenBy(chair)).filter((e) => e.seq <= ruledEnded.seq && e.type === 'clock.warning')).toEqual([]);
    const resumed = eventOf(await ok(chair, 'speech.resume'), 'speech.resumed').payload;
    // R20: the pause did not count; the clock resumes where it stopped.
    expect(resumed.pausedMs).toBe(resumed.at - paused.at);
    expect(resumed.pausedMs).toBeGreaterThan(runningWarnDue + TIMER_SLACK_MS - paused.at);
    const running = (await floorView(viewer)).speech;
    expect(running).toMatchObject({ entryId: norEntry.entryId, paused: false, pausedMs: resumed.pausedMs, startedAt: started.startedAt });

    // While Norway speaks: the list is announced and closed (R29, R30).
    await ok(sec, 'list.announce');
    expect(eventOf(await ok(chair, 'list.close', { consent: 'no-objection' }), 'list.closed').payload).toMatchObject({ itemId: 'item-1', consent: 'no-objection' });
    const egy = await TestClient.connect(sys.url, tokenOf(access, 'egy'));
    clients.push(egy);
    expect(codeOf(await act(egy, 'floor.request', { type: 'statement' }))).toBe('LIST_CLOSED');
    // R28: a right of reply still comes in after the closure and the chair grants it.
    const reply2 = eventOf(await ok(gbr, 'floor.request', { type: 'right-of-reply', replyTo: ghaEntry.entryId }), 'reply.requested').payload.entry;
    expect(eventOf(await ok(chair, 'chair.grant', { entryId: reply2.entryId }), 'reply.granted').payload).toMatchObject({ replyIndex: 2, allottedSeconds: 300 });
    // R26: a third reply from the same delegation on the item is refused.
    expect(codeOf(await act(gbr, 'floor.request', { type: 'right-of-reply', replyTo: ghaEntry.entryId }))).toBe('REPLY_LIMIT_REACHED');

    // R34: warning 30 s before expiry, expiry at 0, each at server time startedAt + pauses + offset.
    const warning = await viewer.waitFor('clock.warning', (e) => (e.payload as { entryId: string }).entryId === norEntry.entryId, 10_000);
    const warnDue = started.startedAt + resumed.pausedMs + (31 - 30) * 1000;
    expect(warning.payload).toEqual({ entryId: norEntry.entryId, secondsLeft: 30, at: warnDue });
    expect(Math.abs((warning.at as number) - warnDue)).toBeLessThanOrEqual(TIMER_SLACK_MS);
    const expired = await viewer.waitFor('clock.expired', (e) => (e.payload as { entryId: string }).entryId === norEntry.entryId, 40_000);
    const expiryDue = started.startedAt + resumed.pausedMs + 31 * 1000;
    expect(expired.payload).toMatchObject({ entryId: norEntry.entryId, at: expiryDue, policy: 'alert-chair', alertChair: true });
    expect(Math.abs((expired.at as number) - expiryDue)).toBeLessThanOrEqual(TIMER_SLACK_MS);

    // R35 (un-ga): nobody is cut off; the overrun is counted when Norway ends.
    await sleep(600);
    expect((await floorView(chair)).speech).toMatchObject({ entryId: norEntry.entryId, expiredAt: expiryDue });
    const iv = eventOf(await ok(nor, 'speech.end'), 'speech.ended').payload.intervention;
    expect(iv).toMatchObject({
      entryId: norEntry.entryId, mode: 'remote', allottedSeconds: 31, expired: true, warningsGiven: [30], endReason: 'ended',
      pausedMs: resumed.pausedMs, pauses: [{ at: paused.at, until: resumed.at, reason: 'point-of-order', clockRan: false }],
    });
    expect(iv.netSpeakingMs).toBe(iv.endedAt - iv.startedAt - iv.pausedMs);
    expect(iv.overrunMs).toBe(iv.netSpeakingMs - 31_000);
    expect(iv.overrunMs).toBeGreaterThanOrEqual(500);

    // The list is exhausted: the replies are heard, in the order granted, with their limits.
    const first = eventOf(await ok(chair, 'chair.next'), 'floor.given').payload;
    expect(first).toMatchObject({ entry: { entryId: reply1.entryId, type: 'right-of-reply', replyTo: senEntry.entryId }, allottedSeconds: 600 });
    await ok(gbr, 'speech.start');
    await ok(gbr, 'speech.end');
    expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload).toMatchObject({ entry: { entryId: reply2.entryId }, allottedSeconds: 300 });
    await ok(gbr, 'speech.start');
    await ok(gbr, 'speech.end');
    expect(codeOf(await act(chair, 'chair.next'))).toBe('LIST_EMPTY');
    await ok(chair, 'item.conclude', {});

    // The viewer: every seq once, in order, public events in full, placeholders for the rest.
    const log = await logAsSeenBy(chair);
    await waitUntil(() => viewer.seq.meeting === log.length, 'viewer caught up');
    const { redacted } = expectViewerSawPublicOnly(viewer, log, STAFF_ONLY);
    const redactedTypes = redacted.map((s) => log[s - 1]!.type);
    expect(redactedTypes.filter((t) => t === 'reply.requested')).toHaveLength(2);
    expect(redactedTypes).toContain('pointOfOrder.raised');
    expect(redactedTypes).toContain('presence.updated');
    // Nor did anything else it received name the point of order or the replies before the chair accepted them.
    expectUnnamedUntil(viewer, poo.entry.entryId, 'floor.given');
    expectUnnamedUntil(viewer, reply1.entryId, 'reply.granted');
    expectUnnamedUntil(viewer, reply2.entryId, 'reply.granted');
    expectUnnamedUntil(gha, reply1.entryId, 'reply.granted');
    // The viewer's catch-up path tells the same story as its live feed.
    const fromSnapshot = viewer.streams.meeting[0]!.seq;
    expect((await logAsSeenBy(viewer)).filter((e) => e.seq >= fromSnapshot)).toEqual(viewer.streams.meeting);
  });

  it('R13 R36 robert: first-time speakers first, a point of order pauses and resumes, two speeches per item unless the chair extends', async () => {
    const { meetingId, access } = await sys.createMeeting(debateSetup('robert'));
    const { viewer, chair, gha, nor, sen, gbr } = await join(access, meetingId);
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });

    const ghaFirst = eventOf(await ok(gha, 'floor.request', { type: 'statement' }), 'floor.requested').payload.entry;
    await ok(chair, 'chair.next');
    await ok(gha, 'speech.start');
    await ok(gha, 'speech.end');
    // Ghana inscribes again before the others: having spoken, it goes after them (R13).
    const ghaSecond = eventOf(await ok(gha, 'floor.request', { type: 'statement' }), 'floor.requested').payload.entry;
    const norEntry = eventOf(await ok(nor, 'floor.request', { type: 'statement', mode: 'remote' }), 'floor.requested').payload.entry;
    const senEntry = eventOf(await ok(sen, 'floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } }), 'floor.requested').payload.entry;
    expect((await floorView(viewer)).lists['item-1'].speakers.map((e: { entryId: string }) => e.entryId))
      .toEqual([norEntry.entryId, senEntry.entryId, ghaSecond.entryId]);              // no groups-first in robert
    expect(ghaSecond.inscribedAt).toBeLessThan(norEntry.inscribedAt);

    expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload).toMatchObject({ entry: { entryId: norEntry.entryId }, allottedSeconds: 600 });
    const started = eventOf(await ok(nor, 'speech.start'), 'speech.started').payload;
    const raised = await ok(gbr, 'floor.request', { type: 'point-of-order', text: 'Point of order on the quorum.' });
    const pooId = eventOf(raised, 'pointOfOrder.raised').payload.entry.entryId;
    const paused = eventOf(raised, 'speech.paused').payload;
    expect(codeOf(await act(chair, 'speech.resume'))).toBe('POINT_OF_ORDER_PENDING');
    await sleep(300);
    await ok(chair, 'pointOfOrder.rule', { entryId: pooId, decision: 'rejected', text: 'A quorum is present.' });
    const resumed = eventOf(await ok(chair, 'speech.resume'), 'speech.resumed').payload;
    expect(resumed.pausedMs).toBe(resumed.at - paused.at);
    const iv = eventOf(await ok(nor, 'speech.end'), 'speech.ended').payload.intervention;
    expect(iv).toMatchObject({ startedAt: started.startedAt, pausedMs: resumed.pausedMs });
    expect(iv.netSpeakingMs).toBe(iv.endedAt - iv.startedAt - resumed.pausedMs);

    for (const entryId of [senEntry.entryId, ghaSecond.entryId]) {
      expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload.entry.entryId).toBe(entryId);
      await ok(chair, 'speech.start');
      await ok(chair, 'speech.end');
    }
    // R36: Ghana has spoken twice on the item.
    expect(codeOf(await act(gha, 'floor.request', { type: 'statement' }))).toBe('SPEECH_LIMIT_REACHED');
    expect(codeOf(await act(gha, 'floor.request', { type: 'right-of-reply', replyTo: norEntry.entryId }))).toBe('RIGHT_OF_REPLY_DISABLED');
    // R36: unless the chair extends; item 2 has its own count (R2).
    expect(codeOf(await act(gha, 'floor.request', { type: 'statement', itemId: 'item-2' }))).toBeUndefined();
    await ok(chair, 'chair.extend', { kind: 'speeches', delegationId: 'GHA', speeches: 1, reason: 'The delegation answers a question put to it.' });
    const ghaThird = eventOf(await ok(gha, 'floor.request', { type: 'statement' }), 'floor.requested').payload.entry;
    expect(ghaThird.entryId).not.toBe(ghaFirst.entryId);
    // No announcement needed in robert; closing records the vote.
    await ok(chair, 'list.close', { consent: 'vote', votes: { for: 12, against: 3, abstain: 1 } });
    expect(codeOf(await act(nor, 'floor.request', { type: 'statement' }))).toBe('LIST_CLOSED');

    const log = await logAsSeenBy(chair);
    await waitUntil(() => viewer.seq.meeting === log.length, 'viewer caught up');
    expectViewerSawPublicOnly(viewer, log, STAFF_ONLY);
  });
});
