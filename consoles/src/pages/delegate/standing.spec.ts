import { delegate, inscribe, openMeeting, type TestMeeting } from '../../../../libs/domain/src/floor/floor.fixtures';
import { projectFloor } from '../../../../libs/domain/src/floor/projection';
import { standingOf } from './standing';

// What each delegate console says, from the state as the floor projects it for that delegation
// (the engine's own fixtures drive the meeting). Issue 11: both delegates were told "You have the
// floor" while a point of order was heard, and the raiser read "place 0 of 2".
const kind = (m: TestMeeting, d: string) => standingOf(projectFloor(m.state, { role: 'delegate', delegationId: d, participantId: `p-${d}` }), d).kind;

describe('a delegation\'s standing through a point of order', () => {
  it('waiting, on deck, speaking; interrupted while the point is pending, recognised and heard; resumed after the ruling', () => {
    const m = openMeeting('un-ga');
    inscribe(m, 'GHA'); inscribe(m, 'NOR'); inscribe(m, 'EGY');
    expect([kind(m, 'GHA'), kind(m, 'NOR'), kind(m, 'EGY'), kind(m, 'GBR')]).toEqual(['on-deck', 'waiting', 'waiting', 'none']);
    m.ok('chair.next');
    expect(kind(m, 'GHA')).toBe('called');
    m.ok('speech.start', {}, delegate('GHA'));
    expect([kind(m, 'GHA'), kind(m, 'NOR')]).toEqual(['speaking', 'on-deck']);
    const point = (m.ok('floor.request', { type: 'point-of-order', text: 'Order' }, delegate('GBR'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
    expect([kind(m, 'GHA'), kind(m, 'GBR')]).toEqual(['interrupted', 'point-pending']);
    m.ok('chair.grant', { entryId: point });
    expect([kind(m, 'GHA'), kind(m, 'GBR')]).toEqual(['interrupted', 'point-called']);
    m.ok('speech.start', {}, delegate('GBR'));
    expect([kind(m, 'GHA'), kind(m, 'GBR')]).toEqual(['interrupted', 'point-heard']);
    m.ok('pointOfOrder.rule', { entryId: point, decision: 'rejected', text: 'In order.' });
    expect([kind(m, 'GHA'), kind(m, 'GBR')]).toEqual(['interrupted', 'none']);
    m.ok('speech.resume');
    expect(kind(m, 'GHA')).toBe('speaking');
    m.ok('speech.pause');
    expect(kind(m, 'GHA')).toBe('paused');
  });
});
