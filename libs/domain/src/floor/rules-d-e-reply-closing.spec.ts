import { bandsOf, delegate, hear, inscribe, openMeeting, secretariat, speakers, viewer, type TestMeeting } from './floor.fixtures';
import { projectFloor } from './projection';

/** Ghana speaks on item 1; returns its entry id (the intervention replied to). */
function afterGhana(preset = 'un-ga', overrides: Record<string, unknown> = {}): { m: TestMeeting; gha: string } {
  const m = openMeeting(preset, overrides);
  const gha = inscribe(m, 'GHA');
  hear(m);
  return { m, gha };
}
const requestReply = (m: TestMeeting, d: string, replyTo: string): string =>
  (m.ok('floor.request', { type: 'right-of-reply', replyTo }, delegate(d))[0]!.payload as any).entry.entryId;

describe('D. right of reply', () => {
  it('R24 a reply is requested, seen by staff and the requester only, and granted or refused by the chair', () => {
    const { m, gha } = afterGhana();
    const ev = m.ok('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('EGY'));
    expect(ev[0]!.type).toBe('reply.requested');
    expect(ev[0]!.visibility).toEqual({ scope: 'staff', delegationId: 'EGY' });
    expect(projectFloor(m.state, viewer).pendingRequests).toEqual([]);
    expect((projectFloor(m.state, delegate('EGY')).pendingRequests as unknown[]).length).toBe(1);
    const id = (ev[0]!.payload as any).entry.entryId;
    expect(m.no('chair.grant', { entryId: id }, delegate('EGY')).code).toBe('FORBIDDEN');
    m.ok('chair.decline', { entryId: id, reason: 'not a reply' });
    expect(m.last('reply.declined')!.visibility.scope).toBe('staff');
    expect(m.no('floor.request', { type: 'right-of-reply' }, delegate('EGY')).code).toBe('VALIDATION_FAILED');
    expect(m.no('floor.request', { type: 'right-of-reply', replyTo: 'e999' }, delegate('EGY')).code).toBe('NO_SUCH_INTERVENTION');
    const granted = requestReply(m, 'EGY', gha);
    const g = m.ok('chair.grant', { entryId: granted });
    expect(g[0]).toMatchObject({ type: 'reply.granted', visibility: { scope: 'public' }, payload: { entry: { replyTo: gha } } });
  });

  it('R24 rights of reply are off under robert', () => {
    const { m, gha } = afterGhana('robert');
    expect(m.no('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('EGY')).code).toBe('RIGHT_OF_REPLY_DISABLED');
  });

  it('R25 end-of-item replies come after the list; immediate ones at once; end-of-meeting ones with the last business', () => {
    const { m, gha } = afterGhana();
    inscribe(m, 'NOR');
    m.ok('chair.grant', { entryId: requestReply(m, 'EGY', gha) });
    expect(bandsOf(m).call.map((e) => e.delegationId)).toEqual(['NOR']);
    const i = afterGhana('un-ga', { rightOfReply: { timing: 'immediate' } });
    inscribe(i.m, 'NOR');
    i.m.ok('chair.grant', { entryId: requestReply(i.m, 'EGY', i.gha) });
    expect(bandsOf(i.m).call.map((e) => e.delegationId)).toEqual(['EGY', 'NOR']);
    const e = afterGhana('un-ga', { rightOfReply: { timing: 'end-of-meeting' } });
    e.m.ok('chair.grant', { entryId: requestReply(e.m, 'EGY', e.gha) });
    expect(bandsOf(e.m).call).toEqual([]);
    expect(e.m.no('chair.next').code).toBe('LIST_EMPTY');
    e.m.ok('item.conclude', { itemId: 'item-2' });
    expect(bandsOf(e.m).call.map((x) => x.delegationId)).toEqual(['EGY']);
  });

  it('R26 a delegation gets at most two replies per item; a third is refused', () => {
    const { m, gha } = afterGhana();
    m.ok('chair.grant', { entryId: requestReply(m, 'EGY', gha) });
    requestReply(m, 'EGY', gha);
    expect(m.no('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('EGY')).code).toBe('REPLY_LIMIT_REACHED');
    const one = afterGhana('un-ga', { rightOfReply: { maxPerDelegation: 1 } });
    requestReply(one.m, 'EGY', one.gha);
    expect(one.m.no('floor.request', { type: 'right-of-reply', replyTo: one.gha }, delegate('EGY')).code).toBe('REPLY_LIMIT_REACHED');
  });

  it('R27 each successive reply is shorter: 600 s then 300 s, or as the profile says', () => {
    const { m, gha } = afterGhana();
    m.ok('chair.grant', { entryId: requestReply(m, 'EGY', gha) });
    expect(m.last('reply.granted')!.payload).toMatchObject({ replyIndex: 1, allottedSeconds: 600 });
    m.ok('chair.grant', { entryId: requestReply(m, 'EGY', gha) });
    expect(m.last('reply.granted')!.payload).toMatchObject({ replyIndex: 2, allottedSeconds: 300 });
    const s = afterGhana('un-ga', { rightOfReply: { limitsSeconds: [300, 180] } });
    s.m.ok('chair.grant', { entryId: requestReply(s.m, 'EGY', s.gha) });
    s.m.ok('chair.next'); s.m.ok('speech.start');
    expect(s.m.state.speech?.allottedSeconds).toBe(300);
  });

  it('R28 rights of reply may be granted after the list is closed', () => {
    const { m, gha } = afterGhana();
    m.ok('list.announce'); m.ok('list.close', { consent: 'no-objection' });
    m.ok('chair.grant', { entryId: requestReply(m, 'EGY', gha) });
    hear(m);
    expect(m.last('speech.ended')!.payload).toMatchObject({ intervention: { type: 'right-of-reply', replyTo: gha, delegationId: 'EGY' } });
  });
});

describe('E. closing the list and the debate', () => {
  it('R29 the chair announces the list before closing it; the close records the consent', () => {
    const m = openMeeting();
    expect(m.no('list.close', { consent: 'no-objection' }).code).toBe('LIST_NOT_ANNOUNCED');
    m.ok('list.announce', {}, secretariat);
    m.ok('list.close', { consent: 'vote', votes: { for: 20, against: 3, abstain: 2 } });
    expect(m.last('list.closed')!.payload).toMatchObject({ itemId: 'item-1', consent: 'vote', votes: { for: 20 } });
    const r = openMeeting('robert');
    r.ok('list.close', { consent: 'chair' });
  });

  it('R30 a closed list refuses statements but takes points of order and replies; the chair may reopen', () => {
    const m = openMeeting();
    m.ok('list.announce'); m.ok('list.close', { consent: 'no-objection' });
    expect(m.no('floor.request', { type: 'statement' }, delegate('GHA')).code).toBe('LIST_CLOSED');
    m.ok('floor.request', { type: 'point-of-order' }, delegate('GHA'));
    expect(m.no('list.reopen', {}, delegate('GHA')).code).toBe('FORBIDDEN');
    m.ok('list.reopen', { reason: 'new developments' });
    expect(m.last('list.reopened')!.payload).toMatchObject({ reason: 'new developments' });
    inscribe(m, 'NOR');
  });

  it('R31 with autoConclude an exhausted closed list concludes the item; otherwise the chair does', () => {
    const a = openMeeting('un-ga', { closing: { autoConclude: true } });
    inscribe(a, 'GHA');
    a.ok('list.announce'); a.ok('list.close', { consent: 'no-objection' });
    hear(a);
    expect(a.last('item.concluded')!.payload).toMatchObject({ itemId: 'item-1', automatic: true });
    expect(a.state.items['item-1']!.status).toBe('concluded');
    const m = openMeeting('un-ga');
    inscribe(m, 'GHA');
    m.ok('list.announce'); m.ok('list.close', { consent: 'no-objection' });
    hear(m);
    expect(m.state.items['item-1']!.status).toBe('open');
    m.ok('item.conclude');
    expect(m.last('item.concluded')!.payload).toMatchObject({ automatic: false });
  });

  it('R31 the list is not exhausted while its last speaker is called or speaking: a withdrawal then concludes nothing; the end of that speech does', () => {
    const a = openMeeting('un-ga', { closing: { autoConclude: true } });
    inscribe(a, 'GHA');
    const nor = inscribe(a, 'NOR');
    a.ok('list.announce'); a.ok('list.close', { consent: 'no-objection' });
    a.ok('chair.next');                                       // Ghana called, not yet speaking
    a.ok('floor.withdraw', { entryId: nor }, delegate('NOR'));
    expect(a.state.items['item-1']!.status).toBe('open');
    a.ok('speech.start'); a.seconds(5);
    expect(a.state.items['item-1']!.status).toBe('open');    // speaking: still open
    const ended = a.ok('speech.end');
    expect(ended.map((e) => e.type)).toEqual(['speech.ended', 'item.concluded']);
    expect(a.log.filter((e) => e.type === 'item.concluded')).toHaveLength(1);
    // Concluded once: the chair cannot conclude it again.
    expect(a.no('item.conclude', { itemId: 'item-1' }).code).toBe('ITEM_CONCLUDED');
  });

  it('R31 a pending reply keeps the debate open', () => {
    const a = openMeeting('un-ga', { closing: { autoConclude: true } });
    const gha = inscribe(a, 'GHA');
    a.ok('list.announce'); a.ok('list.close', { consent: 'no-objection' });
    a.ok('chair.next'); a.ok('speech.start'); a.seconds(5);
    const ended = a.ok('speech.end');
    expect(ended.map((e) => e.type)).toEqual(['speech.ended', 'item.concluded']);
    const b = openMeeting('un-ga', { closing: { autoConclude: true } });
    const g = inscribe(b, 'GHA'); hear(b);
    inscribe(b, 'NOR');
    requestReply(b, 'EGY', g);
    b.ok('list.announce'); b.ok('list.close', { consent: 'no-objection' });
    hear(b);
    expect(b.state.items['item-1']!.status).toBe('open');
    void gha;
  });

  it('R32 adjournment of debate: two for and two against, then the meeting decides', () => {
    const m = openMeeting();
    inscribe(m, 'GBR');
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('NOR'));
    expect(m.last('motion.moved')!.payload).toMatchObject({ kind: 'adjourn-debate', limits: { for: 2, against: 2 } });
    for (const d of ['GHA', 'EGY']) m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'for' }, delegate(d));
    expect(m.no('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'for' }, delegate('SEN')).code).toBe('MOTION_LIST_FULL');
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'against' }, delegate('SEN'));
    expect(bandsOf(m).call.map((e) => e.delegationId)).toEqual(['NOR', 'GHA', 'EGY', 'SEN', 'GBR']);
    expect(m.no('floor.request', { type: 'procedural-motion', motion: 'closure-of-debate', position: 'against' }, delegate('GBR')).code).toBe('MOTION_PENDING');
    hear(m);
    m.ok('motion.decide', { adopted: true, votes: { for: 30, against: 10, abstain: 0 } });
    expect(m.types().slice(-2)).toEqual(['motion.decided', 'item.concluded']);
    expect(m.no('motion.decide', { adopted: true }).code).toBe('NO_MOTION');
  });

  it('R32 closure of debate: two against only', () => {
    const m = openMeeting();
    m.ok('floor.request', { type: 'procedural-motion', motion: 'closure-of-debate' }, delegate('NOR'));
    expect(m.no('floor.request', { type: 'procedural-motion', motion: 'closure-of-debate', position: 'for' }, delegate('GHA')).code).toBe('MOTION_LIST_FULL');
    m.ok('floor.request', { type: 'procedural-motion', motion: 'closure-of-debate', position: 'against' }, delegate('GHA'));
    m.ok('motion.decide', { adopted: false });
    expect(m.state.items['item-1']!.status).toBe('open');
    expect(speakers(m)).toEqual([]);
  });
});

describe('E. a procedural motion put to the meeting by show of hands (R32, R51)', () => {
  /** NOR moves the adjournment of the debate on item 1 (GBR waits on the ordinary list). */
  function moved(): TestMeeting {
    const m = openMeeting();
    inscribe(m, 'GBR');
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('NOR'));
    return m;
  }

  it('R32 the motion is not decided while a speaker has been given or holds the floor, nor while the meeting votes or is suspended', () => {
    const m = moved();
    m.ok('chair.next');                                           // NOR called, not yet speaking
    const called = m.no('motion.decide', { adopted: true });
    expect(called).toMatchObject({ code: 'FLOOR_OCCUPIED', message: 'let the speaker finish before the vote' });
    m.ok('speech.start');
    expect(m.no('motion.decide', { adopted: true }).code).toBe('FLOOR_OCCUPIED');
    m.ok('speech.end');
    m.ok('vote.open', { question: { kind: 'text', text: 'Draft decision L.2' } });
    expect(m.no('motion.decide', { adopted: true })).toMatchObject({ code: 'VOTE_IN_PROGRESS', message: 'a vote is open' });
    m.ok('vote.close');
    m.ok('meeting.suspend');
    expect(m.no('motion.decide', { adopted: true }).code).toBe('MEETING_NOT_OPEN');
    m.ok('meeting.resume');
    expect(m.state.items['item-1']!.motion).toMatchObject({ kind: 'adjourn-debate' });   // still pending after every refusal
    m.ok('motion.decide', { adopted: false });
    expect(m.no('motion.decide', { adopted: false })).toMatchObject({ code: 'NO_MOTION', message: 'no procedural motion is pending' });
  });

  it('R32 the decision is recorded with its kind, result and figures; adopted, it concludes the item (not automatically)', () => {
    const m = moved();
    const ev = m.ok('motion.decide', { adopted: true, votes: { for: 12, against: 3, abstain: 4 } });
    expect(ev.map((e) => [e.type, e.payload])).toEqual([
      ['motion.decided', { kind: 'adjourn-debate', adopted: true, votes: { for: 12, against: 3, abstain: 4 } }],
      ['item.concluded', { itemId: 'item-1', automatic: false, reason: 'adjourn-debate' }],
    ]);
    expect(m.state.items['item-1']!.status).toBe('concluded');
    const n = moved();
    const rejected = n.ok('motion.decide', { adopted: false });
    expect(rejected.map((e) => [e.type, e.payload])).toEqual([['motion.decided', { kind: 'adjourn-debate', adopted: false }]]);
    expect(n.state.items['item-1']!.status).toBe('open');
  });

  it('R51 figures that give the other result are refused, saying what they mean', () => {
    const m = moved();
    expect(m.no('motion.decide', { adopted: true, votes: { for: 3, against: 12, abstain: 0 } }))
      .toMatchObject({ code: 'VALIDATION_FAILED', message: 'votes: 3 to 12 means the question was not adopted' });
    expect(m.no('motion.decide', { adopted: false, votes: { for: 12, against: 3, abstain: 0 } }))
      .toMatchObject({ code: 'VALIDATION_FAILED', message: 'votes: 12 to 3 means the question was adopted' });
    expect(m.no('motion.decide', { adopted: true, votes: { for: 5, against: 5, abstain: 2 } }).code).toBe('VALIDATION_FAILED');   // an equal division is not adopted
    m.ok('motion.decide', { adopted: false, votes: { for: 5, against: 5, abstain: 2 } });
  });
});

describe('E. the list reopened (R30)', () => {
  it('R30 a reopened list is shown open again and can be announced and closed anew', () => {
    const m = openMeeting();
    m.ok('list.announce'); m.ok('list.close', { consent: 'no-objection' });
    m.ok('list.reopen', { reason: 'new developments' });
    expect(projectFloor(m.state, viewer).items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'item-1', list: 'open' })]));
    expect(m.no('list.close', { consent: 'no-objection' }).code).toBe('LIST_NOT_ANNOUNCED');
    m.ok('list.announce');
    m.ok('list.close', { consent: 'no-objection' });
  });
});


describe('E. closing: refusals that change nothing (R29, R32)', () => {
  it('R29 a close by vote without the vote\'s result is refused', () => {
    const m = openMeeting();
    m.ok('list.announce');
    expect(m.no('list.close', { consent: 'vote' }).code).toBe('VALIDATION_FAILED');
    expect(m.state.items['item-1']!.list).not.toBe('closed');
  });

  it('R29 the list of a concluded item can be neither announced nor closed', () => {
    const m = openMeeting();
    m.ok('item.conclude', { itemId: 'item-1' });
    expect(m.no('list.announce', { itemId: 'item-1' }).code).toBe('ITEM_CONCLUDED');
    expect(m.no('list.close', { itemId: 'item-1', consent: 'no-objection' }).code).toBe('ITEM_CONCLUDED');
  });

  it('R32 once a motion is moved, a speaker on it must say whether for or against', () => {
    const m = openMeeting();
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('NOR'));
    expect(m.no('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('GHA')).code).toBe('VALIDATION_FAILED');
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'for' }, delegate('GHA'));
  });
});
