// Withdrawal (R7) and the chair's refusal (R24) edges that mutation testing showed untested:
// who sees the event, what it records, which states allow it.
import { chair, delegate, hear, inscribe, openMeeting, type TestMeeting } from './floor.fixtures';

const reply = (m: TestMeeting, d: string, replyTo: string): string =>
  (m.ok('floor.request', { type: 'right-of-reply', replyTo }, delegate(d))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
const poo = (m: TestMeeting, d: string): string =>
  (m.ok('floor.request', { type: 'point-of-order' }, delegate(d))[0]!.payload as { entry: { entryId: string } }).entry.entryId;

describe('A. withdrawal and refusal: edges', () => {
  it('R7 withdrawing a request the chair has not accepted is seen by staff and the delegation only; a list entry publicly', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA'); hear(m);
    const rr = reply(m, 'EGY', gha);
    expect(m.ok('floor.withdraw', { entryId: rr }, delegate('EGY'))[0]).toMatchObject({ type: 'floor.withdrawn', visibility: { scope: 'staff', delegationId: 'EGY' }, payload: { by: 'delegation' } });
    const p = poo(m, 'GBR');
    expect(m.ok('floor.withdraw', { entryId: p }, delegate('GBR'))[0]!.visibility).toEqual({ scope: 'staff', delegationId: 'GBR' });
    const nor = inscribe(m, 'NOR');
    expect(m.ok('floor.withdraw', { entryId: nor }, delegate('NOR'))[0]).toMatchObject({ visibility: { scope: 'public' }, payload: { by: 'delegation' } });
    expect((m.last('floor.withdrawn')!.payload as Record<string, unknown>).reason).toBeUndefined();
  });

  it('R7 a called entry may still be withdrawn; one that spoke may not; an unknown one is refused', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    m.ok('chair.next');
    expect(m.ok('floor.withdraw', { entryId: gha, reason: 'left the room' }, chair)[0]!.payload).toMatchObject({ by: 'chair', reason: 'left the room' });
    expect(m.state.called).toBeNull();
    const nor = inscribe(m, 'NOR'); hear(m);
    expect(m.no('floor.withdraw', { entryId: nor }, delegate('NOR')).code).toBe('ENTRY_NOT_WAITING');
    expect(m.no('floor.withdraw', { entryId: 'e999' }, chair).code).toBe('NO_SUCH_ENTRY');
  });

  it('R24 the chair refuses a requested reply (seen by staff and the requester) or declines a list entry (public), with the reason', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA'); hear(m);
    const rr = reply(m, 'EGY', gha);
    expect(m.ok('chair.decline', { entryId: rr, reason: 'not a reply' })[0]).toMatchObject({
      type: 'reply.declined', visibility: { scope: 'staff', delegationId: 'EGY' }, payload: { entryId: rr, delegationId: 'EGY', reason: 'not a reply' },
    });
    const nor = inscribe(m, 'NOR');
    expect(m.ok('chair.decline', { entryId: nor, reason: 'already spoke' })[0]).toMatchObject({ type: 'floor.declined', visibility: { scope: 'public' }, payload: { reason: 'already spoke' } });
    expect(m.no('chair.decline', { entryId: gha }).code).toBe('ENTRY_NOT_WAITING');
    expect(m.no('chair.decline', { entryId: 'e999' }).code).toBe('NO_SUCH_ENTRY');
  });

  it('R21 a waiting point of order is settled by a ruling, not declined; one called is no longer waiting', () => {
    const m = openMeeting();
    const p = poo(m, 'GBR');
    expect(m.no('chair.decline', { entryId: p }).code).toBe('RULING_REQUIRED');
    m.ok('chair.grant', { entryId: p });
    expect(m.no('chair.decline', { entryId: p }).code).toBe('ENTRY_NOT_WAITING');
    m.ok('speech.start', {}, delegate('GBR'));
    m.ok('pointOfOrder.rule', { entryId: p, decision: 'rejected', text: 'no' });
    const gha = inscribe(m, 'GHA');
    m.ok('meeting.suspend');
    expect(m.no('chair.decline', { entryId: gha }).code).toBe('MEETING_NOT_OPEN');
  });
});
