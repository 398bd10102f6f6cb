import { chair, delegate, hear, inscribe, openMeeting, secretariat, speakers, viewer, type TestMeeting } from './floor.fixtures';
import { projectFloor } from './projection';

const raise = (m: TestMeeting, d: string): string =>
  (m.ok('floor.request', { type: 'point-of-order', text: 'order' }, delegate(d))[0]!.payload as any).entry.entryId;

function speaking(preset = 'un-ga', overrides: Record<string, unknown> = {}) {
  const m = openMeeting(preset, overrides);
  inscribe(m, 'NOR', { mode: 'remote' });
  m.ok('chair.next'); m.ok('speech.start');
  m.seconds(60);
  return m;
}

describe('C. points of order', () => {
  it('R17 a point of order may be raised during a speech and after the list is closed, outside R4', () => {
    const m = speaking();
    inscribe(m, 'GBR');
    raise(m, 'GBR');                                           // does not count against R4
    expect(speakers(m)).toEqual(['GBR']);
    expect(m.state.pointsOfOrder).toHaveLength(1);
    const c = openMeeting();
    c.ok('list.announce'); c.ok('list.close', { consent: 'no-objection' });
    raise(c, 'GHA');
  });

  it('R17 closingBlocksPointsOfOrder and a disabled profile refuse them', () => {
    const c = openMeeting('un-ga', { pointsOfOrder: { closingBlocksPointsOfOrder: true } });
    c.ok('list.announce'); c.ok('list.close', { consent: 'no-objection' });
    expect(c.no('floor.request', { type: 'point-of-order' }, delegate('GHA')).code).toBe('LIST_CLOSED');
    const off = openMeeting('un-ga', { pointsOfOrder: { enabled: false } });
    expect(off.no('floor.request', { type: 'point-of-order' }, delegate('GHA')).code).toBe('POINTS_OF_ORDER_DISABLED');
  });

  it('R18 pending points of order are heard in the order raised', () => {
    const m = speaking();
    const a = raise(m, 'GBR'); m.seconds(1);
    const b = raise(m, 'EGY');
    expect(m.no('chair.grant', { entryId: b }).code).toBe('OUT_OF_TURN');
    expect(m.no('pointOfOrder.rule', { entryId: b, decision: 'upheld', text: 'x' }).code).toBe('OUT_OF_TURN');
    m.ok('chair.grant', { entryId: a }); m.ok('speech.start');
    m.ok('pointOfOrder.rule', { entryId: a, decision: 'upheld', text: 'yes' });
    m.ok('chair.grant', { entryId: b });
    expect(m.state.called).toBe(b);
  });

  it('R19 a point of order pauses the current speaker and alerts the chair', () => {
    const m = speaking();
    const ev = m.ok('floor.request', { type: 'point-of-order' }, delegate('GBR'));
    expect(ev.map((e) => e.type)).toEqual(['pointOfOrder.raised', 'speech.paused']);
    expect(ev[1]!.payload).toMatchObject({ reason: 'point-of-order', alertChair: true });
    expect(m.state.speech?.paused).toBe(true);
    expect((projectFloor(m.state, chair).pointsOfOrder as unknown[]).length).toBe(1);
    expect(projectFloor(m.state, viewer).pointsOfOrder).toEqual([]);
    expect((projectFloor(m.state, { role: 'delegate', delegationId: 'GBR' }).pointsOfOrder as unknown[]).length).toBe(1);
  });

  it('R19 with interrupts off the speaker carries on until the chair recognises the point', () => {
    const m = speaking('un-ga', { pointsOfOrder: { interrupts: false } });
    const a = raise(m, 'GBR');
    expect(m.state.speech?.paused).toBe(false);
    m.ok('chair.grant', { entryId: a });
    const started = m.ok('speech.start');
    expect(started.map((e) => e.type)).toEqual(['speech.paused', 'speech.started']);
  });

  it('R20 by default the paused clock stops', () => {
    const m = speaking();
    const a = raise(m, 'GBR');
    m.seconds(120);
    m.ok('pointOfOrder.rule', { entryId: a, decision: 'rejected', text: 'no' });
    m.ok('speech.resume');
    expect(m.state.speech).toMatchObject({ pausedMs: 120_000 });
    m.seconds(10);
    const iv = (m.ok('speech.end')[0]!.payload as any).intervention;
    expect(iv.netSpeakingMs).toBe(70_000);
  });

  it('R20 with clockRunsDuringPointOfOrder the pause counts against the speaker', () => {
    const m = speaking('un-ga', { clockRunsDuringPointOfOrder: true });
    const a = raise(m, 'GBR');
    m.seconds(120);
    m.ok('pointOfOrder.rule', { entryId: a, decision: 'rejected', text: 'no' });
    m.ok('speech.resume');
    m.seconds(10);
    const iv = (m.ok('speech.end')[0]!.payload as any).intervention;
    expect(iv.netSpeakingMs).toBe(190_000);
    expect(iv.pauses[0]).toMatchObject({ reason: 'point-of-order', clockRan: true });
  });

  it('R21 next and resume are rejected until the chair rules', () => {
    const m = speaking();
    inscribe(m, 'GHA');
    const a = raise(m, 'GBR');
    expect(m.no('speech.resume').code).toBe('POINT_OF_ORDER_PENDING');
    m.ok('speech.end');
    expect(m.no('chair.next').code).toBe('POINT_OF_ORDER_PENDING');
    expect(m.no('pointOfOrder.rule', { entryId: a, decision: 'upheld' }).code).toBe('VALIDATION_FAILED');   // a ruling has text
    m.ok('pointOfOrder.rule', { entryId: a, decision: 'upheld', text: 'The point is well taken.' });
    expect(m.last('pointOfOrder.ruled')!.visibility.scope).toBe('public');
    m.ok('chair.next');
  });

  it('R22 a ruling may be appealed before the next business; the record shows the result', () => {
    const m = speaking();
    const a = raise(m, 'GBR');
    m.ok('pointOfOrder.rule', { entryId: a, decision: 'rejected', text: 'Out of order.' });
    expect(m.no('pointOfOrder.appeal', { entryId: a }, secretariat).code).toBe('FORBIDDEN');
    m.ok('pointOfOrder.appeal', { entryId: a }, delegate('GBR'));
    expect(m.no('speech.resume').code).toBe('APPEAL_PENDING');
    m.ok('pointOfOrder.decideAppeal', { entryId: a, overturned: false, votes: { for: 3, against: 10, abstain: 1 } });
    expect(m.last('pointOfOrder.appealDecided')!.payload).toMatchObject({ rulingStands: true, votes: { for: 3, against: 10 } });
    m.ok('speech.resume');
  });

  it('R22 no appeal after the next business, nor where the profile has none', () => {
    const m = speaking();
    inscribe(m, 'GHA');
    const a = raise(m, 'GBR');
    m.ok('pointOfOrder.rule', { entryId: a, decision: 'rejected', text: 'no' });
    m.ok('speech.end');
    m.ok('chair.next');
    expect(m.no('pointOfOrder.appeal', { entryId: a }, delegate('GBR')).code).toBe('APPEAL_NOT_ALLOWED');
    const p = speaking('informal-panel');
    const b = raise(p, 'GBR');
    p.ok('pointOfOrder.rule', { entryId: b, decision: 'rejected', text: 'no' });
    expect(p.no('pointOfOrder.appeal', { entryId: b }, delegate('GBR')).code).toBe('APPEAL_NOT_ALLOWED');
  });

  it('R23 a waiting point of order cannot be turned into a statement nor join the list', () => {
    const m = speaking();
    const a = raise(m, 'GBR');
    expect(m.state.entries[a]!.status).toBe('waiting');      // precondition: not yet heard
    expect(m.no('floor.amend', { entryId: a, type: 'statement' }, delegate('GBR')).code).toBe('ENTRY_NOT_WAITING');
    expect(m.no('floor.amend', { entryId: a, type: 'statement' }, chair).code).toBe('ENTRY_NOT_WAITING');
    expect(m.no('chair.reorder', { entryId: a, toIndex: 0, reason: 'x' }).code).toBe('ENTRY_NOT_WAITING');
    expect(m.no('chair.decline', { entryId: a }).code).toBe('RULING_REQUIRED');
    expect(m.state.entries[a]!.type).toBe('point-of-order');
    expect(speakers(m)).toEqual([]);
  });

  it('R23 a point of order being heard cannot be yielded nor cut off after a grace period', () => {
    const mun = speaking('model-un');
    const a = raise(mun, 'GBR');
    mun.ok('chair.grant', { entryId: a }); mun.ok('speech.start');
    expect(mun.no('speech.yield', { to: 'chair' }, delegate('GBR')).code).toBe('YIELD_NOT_ALLOWED');
    const informal = speaking('informal-panel');
    const b = raise(informal, 'GBR');
    informal.ok('chair.grant', { entryId: b }); informal.ok('speech.start');
    expect(informal.state.speech).toMatchObject({ entryId: b, allottedSeconds: 120 });
    expect(informal.types(informal.seconds(200))).toEqual(['clock.warning', 'clock.expired']);   // no grace cut-off: it ends by its ruling
    expect(informal.state.speech?.entryId).toBe(b);
  });

  it('R23 a point of order has its own short limit and cannot become a statement', () => {
    const m = speaking();
    const a = raise(m, 'GBR');
    m.ok('chair.grant', { entryId: a });
    m.ok('speech.start');
    expect(m.state.speech).toMatchObject({ entryId: a, allottedSeconds: 120 });
    expect(m.no('speech.end').code).toBe('RULING_REQUIRED');
    expect(m.no('floor.amend', { entryId: a, type: 'statement' }, delegate('GBR')).code).toBe('ENTRY_NOT_WAITING');
    const expired = m.seconds(125);
    expect(expired.map((e) => e.type)).toEqual(['clock.warning', 'clock.expired']);
    m.ok('pointOfOrder.rule', { entryId: a, decision: 'upheld', text: 'ok' });
    expect(m.state.speech?.delegationId).toBe('NOR');
    void hear;
  });
});

describe('C. points of order: what a ruling may decide, and appeals (R17–R23, R53, R55)', () => {
  const entryOf = (ev: Array<{ payload: unknown }>) => (ev[0]!.payload as { entry: { entryId: string } }).entry.entryId;

  it('R17 with closingBlocksPointsOfOrder an open list still takes points of order; only the closed one refuses them', () => {
    const c = openMeeting('un-ga', { pointsOfOrder: { closingBlocksPointsOfOrder: true } });
    raise(c, 'GHA');
    c.ok('list.announce'); c.ok('list.close', { consent: 'no-objection' });
    expect(c.no('floor.request', { type: 'point-of-order' }, delegate('NOR'))).toMatchObject({ code: 'LIST_CLOSED', message: 'the list is closed to points of order too' });
  });

  it('R55 the refusal says how many points of order the delegation has pending', () => {
    const m = openMeeting();
    raise(m, 'GBR');
    expect(m.no('floor.request', { type: 'point-of-order', text: 'again' }, delegate('GBR')).message).toBe('United Kingdom already has 1 point of order pending; wait for the ruling');
    const two = openMeeting('un-ga', { pointsOfOrder: { maxPendingPerDelegation: 2 } });
    raise(two, 'GBR'); raise(two, 'GBR');
    expect(two.no('floor.request', { type: 'point-of-order', text: 'third' }, delegate('GBR')).message).toBe('United Kingdom already has 2 points of order pending; wait for the ruling');
  });

  it('R19 the raised point of order names the speech it interrupts; a point of order being heard is not interrupted by another', () => {
    const m = speaking();
    const nor = m.state.speech!.entryId;
    const raised = m.ok('floor.request', { type: 'point-of-order', text: 'order' }, delegate('GBR'));
    expect(raised.map((e) => e.type)).toEqual(['pointOfOrder.raised', 'speech.paused']);
    expect(raised[0]!.payload).toMatchObject({ interrupted: nor });
    m.ok('chair.grant', { entryId: entryOf(raised) }); m.ok('speech.start');
    const second = m.ok('floor.request', { type: 'point-of-order', text: 'another' }, delegate('EGY'));
    expect(second.map((e) => e.type)).toEqual(['pointOfOrder.raised']);
    expect(second[0]!.payload).not.toHaveProperty('interrupted');
    expect(m.state.speech).toMatchObject({ entryId: entryOf(raised), paused: false });
  });

  it('R23 a point of order heard ends with the ruling, recorded as ended by it', () => {
    const m = speaking();
    const poo = raise(m, 'GBR');
    m.ok('chair.grant', { entryId: poo }); m.ok('speech.start'); m.seconds(15);
    const ruled = m.ok('pointOfOrder.rule', { entryId: poo, decision: 'rejected', text: 'Not a point of order.' });
    expect(ruled[0]).toMatchObject({ type: 'speech.ended', payload: { intervention: { entryId: poo, endReason: 'ruling', ruling: { decision: 'rejected', text: 'Not a point of order.' } } } });
    expect(m.no('pointOfOrder.rule', { entryId: 'e99', decision: 'upheld', text: 'x' })).toMatchObject({ code: 'NO_SUCH_ENTRY', message: 'no entry e99' });
  });

  it('R53 a ruling decides only what is there: no unknown entry, not the point itself, out of order only the speaker holding the floor', () => {
    const m = speaking();
    const gbr = inscribe(m, 'GBR');
    const poo = raise(m, 'EGY');
    const rule = (effect: Record<string, unknown>) => m.no('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Ruled.', effect });
    expect(rule({ kind: 'out-of-order', entryId: 'e99' })).toMatchObject({ code: 'NO_SUCH_ENTRY', message: 'no entry e99 to rule on' });
    expect(rule({ kind: 'refuse-request', entryId: poo }).code).toBe('NO_SUCH_ENTRY');
    expect(rule({ kind: 'out-of-order', entryId: gbr })).toMatchObject({ code: 'NO_SPEECH', message: 'only the speaker holding the floor can be ruled out of order' });
    expect(m.state.pointsOfOrder).toEqual([poo]);
  });

  it('R53 a ruling may refuse an entry waiting on the list (publicly), not a point of order nor a speech already given', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    hear(m, 10);
    const heard = m.state.items['item-1']!.delivered[0]!;
    const gbr = inscribe(m, 'GBR');
    const other = raise(m, 'NOR');
    const poo = raise(m, 'EGY');
    m.ok('pointOfOrder.rule', { entryId: other, decision: 'rejected', text: 'Not a point of order.' });
    const third = raise(m, 'SEN');
    expect(m.no('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Ruled.', effect: { kind: 'refuse-request', entryId: third } }))
      .toMatchObject({ code: 'ENTRY_NOT_WAITING', message: 'only a pending request can be refused' });
    expect(m.no('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Ruled.', effect: { kind: 'refuse-request', entryId: heard } }).code).toBe('ENTRY_NOT_WAITING');
    const ev = m.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'The United Kingdom will not be heard.', effect: { kind: 'refuse-request', entryId: gbr } });
    expect(ev.map((e) => [e.type, e.payload, e.visibility])).toEqual([
      ['pointOfOrder.ruled', { entryId: poo, delegationId: 'EGY', decision: 'upheld', text: 'The United Kingdom will not be heard.', appealable: true, effect: { kind: 'refuse-request', entryId: gbr } }, { scope: 'public' }],
      ['floor.declined', { entryId: gbr, delegationId: 'GBR', reason: 'ruling of the President' }, { scope: 'public' }],
    ]);
    expect(speakers(m)).toEqual([]);
  });

  it('R53 a refused reply is declined to its delegation and staff only, by the ruling of the President', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    hear(m, 10);
    const heard = m.state.items['item-1']!.delivered[0]!;
    const reply = entryOf(m.ok('floor.request', { type: 'right-of-reply', replyTo: heard }, delegate('NOR')));
    const poo = raise(m, 'GBR');
    const ev = m.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'No reply is due.', effect: { kind: 'refuse-request', entryId: reply } });
    expect(ev[1]).toMatchObject({ type: 'reply.declined', payload: { entryId: reply, delegationId: 'NOR', reason: 'ruling of the President' }, visibility: { scope: 'staff', delegationId: 'NOR' } });
  });

  it('R19 R53 without interruption the speaker still holding the floor may be ruled out of order: the speech ends by the ruling', () => {
    const m = speaking('un-ga', { pointsOfOrder: { interrupts: false } });
    const nor = m.state.speech!.entryId;
    const poo = raise(m, 'GBR');
    expect(m.state.speech).toMatchObject({ entryId: nor, paused: false });
    const ev = m.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Norway is out of order.', effect: { kind: 'out-of-order', entryId: nor } });
    expect(ev.map((e) => e.type)).toEqual(['pointOfOrder.ruled', 'speech.ended']);
    expect(ev[1]!.payload).toMatchObject({ intervention: { entryId: nor, endReason: 'ruling' } });
    expect(m.state.speech).toBeNull();
  });

  it('R22 the appeal names the appellant; only the pending appeal on that ruling is decided, not during its vote; upheld, nothing is undone', () => {
    const m = speaking();
    const nor = m.state.speech!.entryId;
    const poo = raise(m, 'GBR');
    m.ok('chair.grant', { entryId: poo }); m.ok('speech.start');
    m.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Norway is out of order.', effect: { kind: 'out-of-order', entryId: nor } });
    expect(m.no('pointOfOrder.decideAppeal', { entryId: poo, overturned: true })).toMatchObject({ code: 'NO_PENDING_APPEAL', message: 'no appeal is pending on this ruling' });   // not yet appealed
    expect(m.ok('pointOfOrder.appeal', { entryId: poo }, delegate('NOR'))[0]!.payload).toEqual({ entryId: poo, delegationId: 'NOR' });
    expect(m.no('pointOfOrder.decideAppeal', { entryId: nor, overturned: true }).code).toBe('NO_PENDING_APPEAL');   // another ruling than the one appealed
    m.ok('vote.open', { question: { kind: 'appeal' } });
    expect(m.no('pointOfOrder.decideAppeal', { entryId: poo, overturned: false })).toMatchObject({ code: 'VOTE_IN_PROGRESS', message: 'a vote is open on the appeal' });
    const n = speaking();
    const nn = n.state.speech!.entryId;
    const p2 = raise(n, 'GBR');
    n.ok('pointOfOrder.rule', { entryId: p2, decision: 'upheld', text: 'Out of order.', effect: { kind: 'out-of-order', entryId: nn } });
    n.ok('pointOfOrder.appeal', { entryId: p2 }, delegate('NOR'));
    const stands = n.ok('pointOfOrder.decideAppeal', { entryId: p2, overturned: false });
    expect(stands.map((e) => [e.type, e.payload])).toEqual([['pointOfOrder.appealDecided', { entryId: p2, overturned: false, rulingStands: true }]]);
    expect(n.state.entries[nn]!.status).toBe('done');
  });

  it('R22 while an appeal awaits the meeting\'s decision no other point of order is ruled on: the appeal is not lost', () => {
    const m = speaking();
    const nor = m.state.speech!.entryId;
    const poo = raise(m, 'GBR');
    const other = raise(m, 'EGY');
    m.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Norway is out of order.', effect: { kind: 'out-of-order', entryId: nor } });
    m.ok('pointOfOrder.appeal', { entryId: poo }, delegate('NOR'));
    expect(m.no('pointOfOrder.rule', { entryId: other, decision: 'rejected', text: 'Not a point of order.' })).toMatchObject({ code: 'APPEAL_PENDING' });
    expect(m.state.appeal).toMatchObject({ entryId: poo, status: 'appealed' });
    m.ok('pointOfOrder.decideAppeal', { entryId: poo, overturned: true, votes: { for: 20, against: 10, abstain: 0 } });
    expect(m.state.entries[nor]!.status).toBe('called');                // R53: the speaker gets the floor back
    m.ok('pointOfOrder.rule', { entryId: other, decision: 'rejected', text: 'Not a point of order.' });
  });

  it('R19 R42 a point of order recognised over a speech it did not pause pauses it now, alerting the chair; nobody is told "on deck" for it', () => {
    const m = speaking('un-ga', { pointsOfOrder: { interrupts: false } });
    const nor = m.state.speech!.entryId;
    inscribe(m, 'GHA');
    const poo = raise(m, 'GBR');
    m.ok('chair.grant', { entryId: poo });
    const started = m.ok('speech.start');
    expect(started.map((e) => e.type)).toEqual(['speech.paused', 'speech.started']);
    expect(started[0]!.payload).toEqual({ entryId: nor, at: m.now, reason: 'point-of-order', clockRuns: false, alertChair: true });
  });

  it('R20 the chair\'s pause does not alert itself and stops the clock; the resumption records the pause, or none when the clock ran', () => {
    const m = speaking();
    const nor = m.state.speech!.entryId;
    expect(m.ok('speech.pause')[0]!.payload).toEqual({ entryId: nor, at: m.now, reason: 'chair', clockRuns: false, alertChair: false });
    m.seconds(7);
    expect(m.ok('speech.resume')[0]!.payload).toEqual({ entryId: nor, at: m.now, pausedMs: 7000, reason: 'chair' });
    const runs = speaking('un-ga', { clockRunsDuringPointOfOrder: true });
    const poo = raise(runs, 'GBR');
    runs.seconds(5);
    runs.ok('pointOfOrder.rule', { entryId: poo, decision: 'rejected', text: 'Not a point of order.' });
    expect(runs.ok('speech.resume')[0]!.payload).toMatchObject({ pausedMs: 0, reason: 'chair' });
  });

  it('R23 a point of order being heard is not ended like a speech: the refusal says the ruling ends it', () => {
    const m = speaking();
    const poo = raise(m, 'GBR');
    m.ok('chair.grant', { entryId: poo }); m.ok('speech.start');
    expect(m.no('speech.end', {}, delegate('GBR'))).toMatchObject({ code: 'RULING_REQUIRED', message: 'a point of order ends with the chair\'s ruling' });
  });

  it('R53 with nobody speaking, nobody can be ruled out of order', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    const poo = raise(m, 'GBR');
    expect(m.no('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Ghana is out of order.', effect: { kind: 'out-of-order', entryId: gha } }))
      .toMatchObject({ code: 'NO_SPEECH', message: 'only the speaker holding the floor can be ruled out of order' });
  });
});


describe('C. a point of order withdrawn (R7, R17)', () => {
  it('R7 a point of order withdrawn once the chair has called it is withdrawn in public: viewers saw it called', () => {
    const m = openMeeting();
    const po = (m.ok('floor.request', { type: 'point-of-order' }, delegate('GBR'))[0]!.payload as any).entry.entryId as string;
    m.ok('chair.grant', { entryId: po });
    m.ok('floor.withdraw', { entryId: po }, delegate('GBR'));
    expect(m.last('floor.withdrawn')!.visibility).toEqual({ scope: 'public' });
  });
});
