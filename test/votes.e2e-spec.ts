import { TestClient, TestSystem, tokenOf } from '@rostrum/testing';
import { assemblySetup, STATES } from './support/assembly';
import { act, codeOf, eventOf, floorView, logAsSeenBy, ok, waitUntil } from './support/floor';

// Issue 16, end to end: an appeal against a ruling decided by a recorded vote of 30 delegations
// voting at once (R49–R54), through real socket.io clients, the floor, the recorder and Postgres.
describe('votes: an appeal overturned by a recorded vote', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];

  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']); }, 60_000);
  afterAll(async () => { while (clients.length) clients.pop()!.close(); await sys?.stop(); }, 30_000);

  it('R22 R49 R50 R51 R52 R53 R54 30 delegations vote at once; tallies hidden until the close and exact; the ruling is undone and the record says so', async () => {
    const N = 30;
    const { meetingId, access } = await sys.createMeeting(assemblySetup(N));
    const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
    const chair = await connect(tokenOf(access, 'chair'));
    const viewer = await connect(await sys.viewerToken(meetingId));
    const codes = STATES.slice(0, N).map(([id]) => id);
    const d = new Map<string, TestClient>();
    for (const code of codes) d.set(code, await connect(tokenOf(access, code.toLowerCase())));
    const au = await connect(tokenOf(access, 'au'));
    await waitUntil(() => codes.every((c) => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === c)), 'presence of 30 delegations');
    const del = (code: string) => d.get(code)!;

    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'gd' });
    // Egypt speaks; Ethiopia's point of order; the President rules Egypt out of order; Ghana appeals.
    const egy = eventOf(await ok(del('EGY'), 'floor.request', { type: 'statement' }), 'floor.requested').payload.entry.entryId;
    await ok(chair, 'chair.next');
    await ok(del('EGY'), 'speech.start');
    const poo = eventOf(await ok(del('ETH'), 'floor.request', { type: 'point-of-order', text: 'The speaker is not speaking to the item.' }), 'pointOfOrder.raised').payload.entry.entryId;
    // R55: a second point of order from Ethiopia while the first is pending is refused.
    expect(codeOf(await act(del('ETH'), 'floor.request', { type: 'point-of-order', text: 'again' }))).toBe('POINT_OF_ORDER_LIMIT');
    await ok(chair, 'chair.grant', { entryId: poo });
    await ok(del('ETH'), 'speech.start');
    const ruled = await ok(chair, 'pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'The representative of Egypt is out of order.', effect: { kind: 'out-of-order', entryId: egy } });
    expect(ruled.events.filter((e) => e.type === 'speech.ended').map((e) => e.payload.intervention.entryId)).toEqual([poo, egy]);
    await ok(del('GHA'), 'pointOfOrder.appeal', { entryId: poo });

    // R49, R53: the appeal is put to a recorded vote.
    expect(codeOf(await act(del('GHA'), 'vote.cast', { choice: 'yes' }))).toBe('NO_OPEN_VOTE');
    const opened = eventOf(await ok(chair, 'vote.open', { question: { kind: 'appeal' }, recorded: true }), 'vote.opened').payload;
    expect(opened.question).toMatchObject({ kind: 'appeal', entryId: poo });
    expect(codeOf(await act(au, 'vote.cast', { choice: 'yes' }))).toBe('NOT_ENTITLED_TO_VOTE');

    // 18 yes, 9 no, 3 abstain — all at once; five change their vote before the close (R50).
    const intended = new Map(codes.map((c, i) => [c, i < 18 ? 'yes' : i < 27 ? 'no' : 'abstain']));
    const changers = codes.slice(0, 5);
    await Promise.all(codes.map(async (c) => {
      if (changers.includes(c)) expect((await del(c).cmd('vote.cast', { choice: 'no' })).ok).toBe(true);
      const ack = await del(c).cmd('vote.cast', { choice: intended.get(c)! });
      expect(ack).toMatchObject({ ok: true });
    }));
    // No tally before the close: nobody but the voting delegation sees a vote, not even the chair.
    const chairLog = await logAsSeenBy(chair);
    const argLog = await logAsSeenBy(del('ARG'));
    const castSeqs = argLog.filter((e) => e.type === 'vote.cast').map((e) => e.seq);
    expect(argLog.filter((e) => e.type === 'vote.cast').map((e) => e.payload.choice)).toEqual(['no', 'yes']);   // Argentina's own two ballots
    expect(argLog.filter((e) => e.type === 'event.redacted').length).toBeGreaterThanOrEqual(33);                  // the others' 33
    expect(chairLog.filter((e) => e.type === 'vote.cast')).toEqual([]);
    expect(chairLog.filter((e) => castSeqs.includes(e.seq)).every((e) => e.type === 'event.redacted')).toBe(true);
    expect(JSON.stringify((await floorView(chair)).vote)).not.toMatch(/"(yes|no|abstain)"/);
    await waitUntil(() => chair.seq.meeting >= Math.max(...castSeqs), 'the chair has every seq');
    expect(chair.events().filter((e) => e.type === 'vote.cast')).toEqual([]);
    expect(viewer.events().filter((e) => e.type === 'vote.cast')).toEqual([]);

    const closed = await ok(chair, 'vote.close');
    expect(closed.events.map((e) => e.type)).toEqual(['vote.closed', 'pointOfOrder.appealDecided', 'pointOfOrder.rulingUndone', 'floor.given']);
    const result = eventOf(closed, 'vote.closed').payload;
    expect(result.totals).toEqual({ yes: 18, no: 9, abstain: 3 });                 // exact (R50, R51)
    expect(result.adopted).toBe(true);
    expect(result.ballots).toHaveLength(30);                                          // R52
    for (const b of result.ballots) expect(b.choice).toBe(intended.get(b.delegationId));
    expect(eventOf(closed, 'floor.given').payload.entry.entryId).toBe(egy);            // R53: Egypt gets the floor back
    await ok(del('EGY'), 'speech.start');
    await ok(del('EGY'), 'speech.end');

    // R54: Uruguay, absent from the vote, states its intended vote; the result stands.
    await ok(del(codes[29]!), 'vote.explain', { voteId: opened.voteId, intended: 'no' });
    expect((await floorView(viewer)).lastVote).toMatchObject({ voteId: opened.voteId, totals: { yes: 18, no: 9, abstain: 3 } });

    // The record, committed to Postgres, shows the vote in the standard phrasing.
    const texts = () => viewer.events('record').map((e) => String((e.payload as { text: string }).text));
    await waitUntil(() => texts().some((t) => t.startsWith('After the vote')), 'record entries of the vote', 20_000);
    expect(texts()).toEqual(expect.arrayContaining([
      'The ruling of the President was overturned by 18 votes to 9, with 3 abstentions.',
      'The ruling having been overturned, Egypt was given the floor again.',
      `After the vote, ${STATES[29]![1]} stated that it had intended to vote against on the appeal against the ruling of the President; the result of the vote is unchanged.`,
    ]));
    const roll = texts().find((t) => t.startsWith('A recorded vote was taken'))!;
    const names = new Map(STATES.map(([id, name]) => [id, name]));
    const favour = codes.filter((c) => intended.get(c) === 'yes').map((c) => names.get(c)!).sort((a, b) => a.localeCompare(b, 'en'));
    expect(roll).toContain(`In favour: ${favour.join(', ')}.`);
    // R46 over REST on the list being debated (no inscription profile): the answer still gives the place.
    const res = await fetch(`${sys.url}/meetings/${meetingId}/items/gd/inscriptions`, { method: 'POST', headers: { authorization: `Bearer ${tokenOf(access, 'dnk')}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ok: true, delegationId: 'DNK', place: 1, sitting: 1 });
    const [row] = await sys.query<{ n: string }>(`SELECT count(*) AS n FROM record_entries WHERE meeting_id = $1 AND kind = 'pointOfOrder.appealDecided'`, [meetingId]);
    expect(Number(row!.n)).toBe(1);
  }, 120_000);
});
