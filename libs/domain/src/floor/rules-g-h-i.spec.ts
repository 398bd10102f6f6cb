import { FLOOR_EVENT_TYPES, type Actor } from '@rostrum/contracts';
import { chair, delegate, hear, inscribe, openMeeting, secretariat, speakers, viewer } from './floor.fixtures';
import { floorTimers } from './clock';
import { evolveFloor } from './evolve';
import { projectFloor } from './projection';
import { initialFloorState } from './state';

describe('G. speaking for a group', () => {
  it('R38 only the registered coordinator speaks on behalf of the group; the record reads "X, on behalf of G"', () => {
    const m = openMeeting();
    expect(m.no('floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } }, delegate('EGY')).code).toBe('NOT_GROUP_COORDINATOR');
    expect(m.no('floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'EU' } }, delegate('EGY')).code).toBe('NO_SUCH_GROUP');
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    const iv = (hear(m).payload as any).intervention;
    expect(iv).toMatchObject({ capacityLabel: 'Senegal, on behalf of African Group', groupId: 'AFG' });
  });

  it('R38 the profile group registry names the coordinator for the meeting', () => {
    const m = openMeeting('un-ga', { groupRegistry: { 'African Group': 'EGY' } });
    inscribe(m, 'EGY', { capacity: { kind: 'group', groupId: 'AFG' } });
    expect(m.no('floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } }, delegate('SEN')).code).toBe('NOT_GROUP_COORDINATOR');
  });
});

describe('H. hybrid participation', () => {
  it('R39 in-room and remote delegates share one list; the mode never changes a place', () => {
    const m = openMeeting();
    inscribe(m, 'NOR', { mode: 'remote' }); m.seconds(1);
    inscribe(m, 'GHA', { mode: 'in-room' }); m.seconds(1);
    inscribe(m, 'GBR', { mode: 'remote' });
    expect(speakers(m)).toEqual(['NOR', 'GHA', 'GBR']);
  });

  it('R40 a called speaker who is not connected gets the call timeout, then moves to the end once', () => {
    const m = openMeeting('un-ga', {}, { presence: false });
    m.ok('presence.update', { status: 'connected' }, delegate('GHA'));
    inscribe(m, 'NOR', { mode: 'remote' }); m.seconds(1);
    inscribe(m, 'GHA');
    const called = m.ok('chair.next');
    expect(called[0]!.payload).toMatchObject({ callTimeoutAt: m.now + 30_000 });
    expect(floorTimers(m.state)).toHaveLength(1);
    const missed = m.seconds(31);
    expect(missed.map((e) => e.type)).toEqual(['entry.missed']);
    expect(missed[0]!.payload).toMatchObject({ delegationId: 'NOR', outcome: 'moved-to-end' });
    expect(speakers(m)).toEqual(['GHA', 'NOR']);
    hear(m);
    m.ok('chair.next');
    expect(m.seconds(31)[0]!.payload).toMatchObject({ outcome: 'forfeited' });
    expect(speakers(m)).toEqual([]);
  });

  it('R40 with the forfeit policy the first miss forfeits; a speaker who connects in time cancels the timer', () => {
    const m = openMeeting('un-ga', { absent: { policy: 'forfeit', callTimeoutSeconds: 10 } }, { presence: false });
    inscribe(m, 'NOR', { mode: 'remote' });
    inscribe(m, 'GHA');
    m.ok('chair.next');
    expect(m.seconds(11)[0]!.payload).toMatchObject({ outcome: 'forfeited' });
    m.ok('chair.next');
    m.seconds(5);
    m.ok('presence.update', { status: 'connected', mode: 'in-room' }, delegate('GHA'));
    expect(floorTimers(m.state)).toEqual([]);
    m.ok('speech.start', {}, delegate('GHA'));
  });

  it('R41 a remote speaker whose connection drops is paused and the chair alerted; the return resumes', () => {
    const m = openMeeting();
    inscribe(m, 'NOR', { mode: 'remote' });
    m.ok('chair.next'); m.ok('speech.start'); m.seconds(20);
    const drop = m.ok('presence.update', { status: 'dropped' }, delegate('NOR'));
    expect(drop.map((e) => e.type)).toEqual(['presence.updated', 'speech.paused']);
    expect(drop[0]!.visibility).toEqual({ scope: 'staff', delegationId: 'NOR' });
    expect(drop[1]!.payload).toMatchObject({ reason: 'disconnected', alertChair: true });
    m.seconds(40);
    const back = m.ok('presence.update', { status: 'back' }, delegate('NOR'));
    expect(back.map((e) => e.type)).toEqual(['presence.updated', 'speech.resumed']);
    expect(m.state.speech?.pausedMs).toBe(40_000);
    m.seconds(5);
    m.ok('speech.pause');
    expect(projectFloor(m.state, viewer).speech).toMatchObject({ delegationId: 'NOR', allottedSeconds: 300, pausedMs: 40_000, paused: true, elapsedMs: 25_000, pausedAt: m.now });
  });

  it('R41 the chair may resume; with pauseOnDisconnect off nothing pauses; in-room speakers are not paused', () => {
    const m = openMeeting();
    inscribe(m, 'NOR', { mode: 'remote' });
    m.ok('chair.next'); m.ok('speech.start');
    m.ok('presence.update', { status: 'dropped' }, delegate('NOR'));
    m.ok('speech.resume');
    const off = openMeeting('un-ga', { remote: { pauseOnDisconnect: false } });
    inscribe(off, 'NOR', { mode: 'remote' });
    off.ok('chair.next'); off.ok('speech.start');
    expect(off.ok('presence.update', { status: 'dropped' }, delegate('NOR')).map((e) => e.type)).toEqual(['presence.updated']);
    const room = openMeeting();
    inscribe(room, 'GHA');
    room.ok('chair.next'); room.ok('speech.start');
    expect(room.ok('presence.update', { status: 'dropped' }, delegate('GHA')).map((e) => e.type)).toEqual(['presence.updated']);
  });

  it('R41 presence is seen by staff and the delegation only', () => {
    const m = openMeeting();
    expect(projectFloor(m.state, chair).presence).toMatchObject({ NOR: { status: 'connected', mode: 'remote' } });
    expect(projectFloor(m.state, viewer).presence).toBeUndefined();
    const own = projectFloor(m.state, { role: 'delegate', delegationId: 'NOR' });
    expect(own.presence).toBeUndefined();
    expect(own.myPresence).toMatchObject({ status: 'connected' });
    expect(m.no('presence.update', { delegationId: 'GHA', status: 'dropped' }, delegate('NOR')).code).toBe('NOT_YOUR_DELEGATION');
  });

  it('R42 the next speaker is told when the current speech starts', () => {
    const m = openMeeting();
    inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'NOR');
    m.ok('chair.next');
    const ev = m.ok('speech.start');
    expect(ev.map((e) => e.type)).toEqual(['speech.started', 'speaker.onDeck']);
    expect(ev[1]!.payload).toMatchObject({ delegationId: 'NOR' });
    expect(projectFloor(m.state, viewer).onDeck).toMatchObject({ delegationId: 'NOR' });
  });
});

describe('I. the running record', () => {
  it('R43 every change is an append-only event with server time, actor and item; refusals change nothing', () => {
    // Envelopes are made by the production stampEvents (the harness only passes the command's
    // actor and time); the processor's own clock and actor are checked in apps/floor
    // floor.capability.spec.ts. Here: each event carries the time and actor of ITS command.
    const m = openMeeting();
    const sent: Array<{ from: number; at: number; actor: Actor }> = [];
    const track = (fn: () => unknown, actor: Actor) => { const from = m.log.length; fn(); sent.push({ from, at: m.now, actor }); };
    let gha = '';
    track(() => { gha = inscribe(m, 'GHA'); }, delegate('GHA'));
    m.seconds(7);
    track(() => m.ok('chair.callToOrder', { delegationId: 'GHA', text: 'Order, please.' }), chair);
    m.seconds(3);
    track(() => m.ok('chair.next'), chair);
    m.seconds(2);
    track(() => m.ok('speech.start', {}, delegate('GHA')), delegate('GHA'));
    const timed = m.seconds(400);                                                  // warning and expiry fire
    m.ok('speech.end', {}, delegate('GHA'));
    for (const [i, s] of sent.entries()) {
      const mine = m.log.slice(s.from, sent[i + 1]?.from ?? s.from + 1);
      expect(mine.map((e) => ({ at: e.at, actor: e.actor }))).toEqual(mine.map(() => ({ at: s.at, actor: s.actor })));
    }
    expect(timed.map((e) => [e.type, e.actor.role, e.at])).toEqual([
      ['clock.warning', 'system', (timed[0]!.payload as { at: number }).at], ['clock.expired', 'system', (timed[1]!.payload as { at: number }).at],
    ]);
    expect(m.log.map((e) => e.seq)).toEqual(m.log.map((_, i) => i + 1));
    expect(new Set(m.log.map((e) => e.commandId)).size).toBeGreaterThan(5);
    for (const e of m.log) expect(FLOOR_EVENT_TYPES).toContain(e.type);
    expect(m.log.filter((e) => e.type.startsWith('speech.') || e.type === 'floor.requested').every((e) => e.itemId === 'item-1')).toBe(true);
    expect(m.last('chair.calledToOrder')!.payload).toMatchObject({ delegationId: 'GHA', text: 'Order, please.' });
    const replayed = m.log.reduce(evolveFloor, initialFloorState(m.state.meetingId));
    expect(replayed).toEqual(m.state);
    void gha;
  });

  it('R44 each intervention carries every field of the record', () => {
    const m = openMeeting();
    inscribe(m, 'NOR', { mode: 'remote', speaker: { name: 'Ms Eriksen', title: 'State Secretary', level: 'vice-minister' } }, secretariat);
    const inscribedAt = m.now;
    m.seconds(10);
    m.ok('chair.next');
    const calledAt = m.now;
    m.seconds(5);
    m.ok('speech.start');
    const startedAt = m.now;
    m.seconds(100); m.ok('speech.pause'); m.seconds(20); m.ok('speech.resume'); m.seconds(220);
    const ev = m.ok('speech.end');
    const iv = (ev[0]!.payload as any).intervention;
    expect(iv).toEqual({
      meetingId: m.state.meetingId, itemId: 'item-1', entryId: expect.any(String), delegationId: 'NOR', delegationName: 'Norway',
      speakerName: 'Ms Eriksen', speakerTitle: 'State Secretary', level: 'vice-minister',
      capacity: { kind: 'national' }, capacityLabel: 'Norway', type: 'statement', mode: 'remote',
      inscribedAt, calledAt, startedAt, endedAt: m.now, allottedSeconds: 300,
      netSpeakingMs: 320_000, pauses: [{ at: startedAt + 100_000, until: startedAt + 120_000, reason: 'chair', clockRan: false }], pausedMs: 20_000,
      overrunMs: 20_000, warningsGiven: [30], expired: true, endReason: 'ended',
    });
    expect(ev[0]!.seq).toBeGreaterThan(0);
  });
});

describe('H. presence of a remote speaker (R41)', () => {
  /** NOR (remote) holds the floor on item 1 since 20 s. */
  function remoteSpeaking() {
    const m = openMeeting();
    const nor = inscribe(m, 'NOR', { mode: 'remote' });
    m.ok('chair.next'); m.ok('speech.start'); m.seconds(20);
    return { m, nor };
  }
  const types = (ev: Array<{ type: string }>) => ev.map((e) => e.type);

  it('R41 the resumption records how long the connection was lost', () => {
    const { m, nor } = remoteSpeaking();
    const dropAt = m.now;
    m.ok('presence.update', { status: 'dropped' }, delegate('NOR'));
    m.seconds(40);
    const back = m.ok('presence.update', { status: 'back' }, delegate('NOR'));
    expect(back[1]).toMatchObject({ type: 'speech.resumed', payload: { entryId: nor, at: dropAt + 40_000, pausedMs: 40_000, reason: 'reconnected' } });
  });

  it('R41 only the speaker\'s own connection matters, and a second drop or a reconnection while speaking changes nothing', () => {
    const { m } = remoteSpeaking();
    expect(types(m.ok('presence.update', { status: 'dropped' }, delegate('GHA')))).toEqual(['presence.updated']);   // another delegation
    expect(types(m.ok('presence.update', { status: 'connected', mode: 'remote' }, delegate('NOR')))).toEqual(['presence.updated']);   // not paused: nothing to resume, nothing to pause
    expect(m.state.speech?.paused).toBe(false);
    expect(types(m.ok('presence.update', { status: 'dropped' }, delegate('NOR')))).toEqual(['presence.updated', 'speech.paused']);
    m.seconds(5);
    expect(types(m.ok('presence.update', { status: 'dropped' }, delegate('NOR')))).toEqual(['presence.updated']);   // still down: stays paused
    expect(m.state.speech).toMatchObject({ paused: true, pauseReason: 'disconnected' });
  });

  it('R41 the return resumes only a pause the disconnection caused, and not while a point of order awaits its ruling (R21)', () => {
    const { m } = remoteSpeaking();
    m.ok('speech.pause');                                         // the chair's own pause
    expect(types(m.ok('presence.update', { status: 'back' }, delegate('NOR')))).toEqual(['presence.updated']);
    expect(m.state.speech?.paused).toBe(true);
    m.ok('speech.resume');
    m.ok('presence.update', { status: 'dropped' }, delegate('NOR'));
    m.ok('floor.request', { type: 'point-of-order', text: 'The speaker cannot be heard' }, delegate('GBR'));
    expect(types(m.ok('presence.update', { status: 'back' }, delegate('NOR')))).toEqual(['presence.updated']);
    expect(m.state.speech?.paused).toBe(true);
  });

  it('R41 staff name the delegation whose presence changes, and only a delegation of the meeting', () => {
    const m = openMeeting();
    expect(m.no('presence.update', { status: 'dropped' }, chair)).toMatchObject({ code: 'VALIDATION_FAILED', message: 'delegationId: name the delegation' });
    expect(m.no('presence.update', { delegationId: 'FRA', status: 'dropped' }, chair)).toMatchObject({ code: 'NO_SUCH_DELEGATION', message: 'no delegation FRA' });
    expect(m.ok('presence.update', { delegationId: 'GHA', status: 'dropped' }, secretariat)[0]!.payload).toEqual({ delegationId: 'GHA', status: 'dropped' });
    expect(projectFloor(m.state, chair).presence).toMatchObject({ GHA: { status: 'dropped', mode: 'in-room' } });
  });
});
