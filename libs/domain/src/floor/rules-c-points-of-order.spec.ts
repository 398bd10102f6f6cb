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
