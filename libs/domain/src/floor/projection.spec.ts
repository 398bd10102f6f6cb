import { SYSTEM_ACTOR } from '@rostrum/contracts';
import { chair, delegate, hear, inscribe, MEETING, openMeeting, operator, secretariat, viewer, type TestMeeting } from './floor.fixtures';
import { projectFloor } from './index';
import { initialFloorState } from './state';

/** Ghana has spoken on item 1; Egypt has requested a reply to it (not yet granted); Norway waits on the list. */
function replyRequested(): { m: TestMeeting; reply: string; nor: string } {
  const m = openMeeting();
  const gha = inscribe(m, 'GHA');
  hear(m);
  const nor = inscribe(m, 'NOR');
  const reply = (m.ok('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('EGY'))[0]!.payload as any).entry.entryId as string;
  return { m, reply, nor };
}
const ids = (xs: unknown) => (xs as Array<{ entryId: string }>).map((e) => e.entryId);

describe('projection: who sees what', () => {
  it('visibility: before the meeting is created the snapshot says only which meeting, at which seq, and that it is not created', () => {
    expect(projectFloor(initialFloorState(MEETING), viewer)).toEqual({ meetingId: MEETING, seq: 0, created: false });
  });

  it('R24 a requested reply is seen by every staff role (chair, secretariat, operator, system) and by the requesting delegation only', () => {
    const { m, reply } = replyRequested();
    for (const who of [chair, secretariat, operator, SYSTEM_ACTOR]) expect(ids(projectFloor(m.state, who).pendingRequests)).toEqual([reply]);
    expect(ids(projectFloor(m.state, delegate('EGY')).pendingRequests)).toEqual([reply]);
    expect(projectFloor(m.state, delegate('GHA')).pendingRequests).toEqual([]);
    expect(projectFloor(m.state, viewer).pendingRequests).toEqual([]);
    // The role decides, not a delegation id the viewer happens to carry.
    expect(projectFloor(m.state, { role: 'viewer', delegationId: 'EGY' }).pendingRequests).toEqual([]);
  });

  it('R24 pending requests hold only requests: the waiting speakers on the list are not among them, even for the chair', () => {
    const { m, reply, nor } = replyRequested();
    const v = projectFloor(m.state, chair);
    expect(ids(v.pendingRequests)).toEqual([reply]);
    expect(ids(v.pendingRequests)).not.toContain(nor);
  });

  it('R17 a point of order is hidden from viewers while pending and shown once the chair gives it the floor, and while it is heard', () => {
    const m = openMeeting();
    const po = (m.ok('floor.request', { type: 'point-of-order' }, delegate('GBR'))[0]!.payload as any).entry.entryId as string;
    expect(projectFloor(m.state, viewer).pointsOfOrder).toEqual([]);
    m.ok('chair.grant', { entryId: po });
    expect(projectFloor(m.state, viewer).pointsOfOrder).toMatchObject([{ entryId: po, status: 'called' }]);
    m.ok('speech.start');
    expect(projectFloor(m.state, viewer).pointsOfOrder).toMatchObject([{ entryId: po, status: 'speaking' }]);
  });

  it('R34 while the clock runs the snapshot gives no elapsed time and no stop time: the client computes it from startedAt', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    m.ok('chair.next');
    m.ok('speech.start');
    m.seconds(20);
    const speech = projectFloor(m.state, viewer).speech!;
    expect(speech).toMatchObject({ delegationId: 'GHA', paused: false, clockStoppedAt: null });
    expect(speech.elapsedMs).toBeUndefined();
  });

  it('R51 before any vote has been taken there is no last result (null, not missing)', () => {
    const m = openMeeting();
    expect(projectFloor(m.state, viewer).lastVote).toBeNull();
  });

  it('visibility: a delegate\'s own entries are its delegation\'s only; only a delegate\'s snapshot carries its ballot, entries and presence', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    inscribe(m, 'NOR');
    const mine = projectFloor(m.state, delegate('GHA'));
    expect(ids(mine.myEntries)).toEqual([gha]);
    expect(mine).toHaveProperty('myVote', null);
    for (const who of [chair, secretariat, viewer, { role: 'viewer' as const, delegationId: 'GHA' }]) {
      const v = projectFloor(m.state, who);
      expect(v).not.toHaveProperty('myVote');
      expect(v).not.toHaveProperty('myEntries');
      expect(v).not.toHaveProperty('myPresence');
    }
  });

  it('R48 a proposed exchange of places is shown to delegates and staff, never to viewers; once approved it leaves the pending list', () => {
    const m = openMeeting();
    const [gha, nor] = ['GHA', 'NOR'].map((d) => { const id = inscribe(m, d); m.seconds(1); return id; });
    m.ok('place.propose', { entryId: gha, withEntryId: nor }, delegate('GHA'));
    for (const who of [chair, delegate('NOR')]) expect(projectFloor(m.state, who).exchanges).toMatchObject([{ exchangeId: 'x1' }]);
    expect(projectFloor(m.state, viewer).exchanges).toEqual([]);
    m.ok('place.confirm', { exchangeId: 'x1' }, delegate('NOR'));
    m.ok('place.approve', { exchangeId: 'x1' });
    for (const who of [chair, delegate('NOR'), viewer]) expect(projectFloor(m.state, who).exchanges).toEqual([]);
  });
});
