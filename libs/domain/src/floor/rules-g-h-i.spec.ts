import { FLOOR_EVENT_TYPES, type Actor } from '@rostrum/contracts';
import { bandsOf, chair, delegate, hear, inscribe, openMeeting, secretariat, speakers, viewer } from './floor.fixtures';
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

describe('I. the state each event leaves (R43, R44, evolve)', () => {
  const entryOf = (ev: Array<{ payload: unknown }>) => (ev[0]!.payload as { entry: { entryId: string } }).entry.entryId;

  it('R40 R15 a speaker who misses the call in a list the chair reordered goes to its end once, and only once', () => {
    const m = openMeeting('un-ga', {}, { presence: false });
    for (const d of ['GHA', 'SEN', 'EGY']) m.ok('presence.update', { status: 'connected' }, delegate(d));
    const nor = inscribe(m, 'NOR', { mode: 'remote' }); m.seconds(1);
    inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'SEN'); m.seconds(1);
    m.ok('chair.reorder', { entryId: nor, toIndex: 1, reason: 'agreed' });
    expect(speakers(m)).toEqual(['GHA', 'NOR', 'SEN']);
    hear(m, 10);
    m.ok('chair.next');                                          // NOR, not connected
    expect(m.state.called).toBe(nor);
    inscribe(m, 'EGY');                                          // joins the chair's order while NOR is called
    m.seconds(31);
    expect(speakers(m)).toEqual(['SEN', 'EGY', 'NOR']);
    hear(m); hear(m);
    m.ok('chair.next');
    expect(m.seconds(31)[0]!.payload).toMatchObject({ outcome: 'forfeited' });
    expect(m.state.entries[nor]!.status).toBe('missed');
    expect(speakers(m)).toEqual([]);
  });

  it('R7 R1 withdrawing another entry leaves the called speaker called; the withdrawn and declined entries are recorded as such', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    const nor = inscribe(m, 'NOR');
    const egy = inscribe(m, 'EGY');
    m.ok('chair.next');
    m.ok('floor.withdraw', { entryId: nor }, delegate('NOR'));
    m.ok('chair.decline', { entryId: egy, reason: 'not on the item' });
    expect([m.state.entries[nor]!.status, m.state.entries[egy]!.status]).toEqual(['withdrawn', 'declined']);
    m.ok('speech.start', {}, delegate('GHA'));
  });

  it('R32 a motion decided withdraws the speakers still waiting on it, and another motion may then be moved', () => {
    const m = openMeeting();
    const gbr = inscribe(m, 'GBR');
    const mover = entryOf(m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('NOR')));
    const pro = entryOf(m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'for' }, delegate('GHA')));
    const con = entryOf(m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'against' }, delegate('SEN')));
    hear(m);                                                     // the mover
    m.ok('motion.decide', { adopted: false });
    expect([mover, pro, con, gbr].map((id) => m.state.entries[id]!.status)).toEqual(['done', 'withdrawn', 'withdrawn', 'waiting']);
    expect(bandsOf(m).call.map((e) => e.delegationId)).toEqual(['GBR']);
    expect(m.state.items['item-1']!.motion).toBeNull();
    m.ok('floor.request', { type: 'procedural-motion', motion: 'closure-of-debate' }, delegate('EGY'));
  });

  it('R32 statements taking a side do not fill the short list of a pending motion', () => {
    const m = openMeeting('robert');
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('NOR'));
    for (const d of ['GHA', 'SEN']) m.ok('floor.request', { type: 'statement', position: 'for' }, delegate(d));
    for (const d of ['EGY', 'GBR']) m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'for' }, delegate(d));
    expect(m.state.items['item-1']!.motion).toMatchObject({ for: 2, against: 0 });
  });

  it('R14 a motion speaker\'s side does not count in the alternation of the ordinary list', () => {
    const m = openMeeting('robert');
    m.ok('floor.request', { type: 'statement', position: 'for' }, delegate('GHA')); m.seconds(1);
    m.ok('floor.request', { type: 'statement', position: 'for' }, delegate('EGY')); m.seconds(1);
    m.ok('floor.request', { type: 'statement', position: 'against' }, delegate('GBR')); m.seconds(1);
    hear(m);                                                     // GHA, for
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('NOR'));
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'against' }, delegate('SEN'));
    hear(m); hear(m);                                            // the mover, then SEN against the motion
    m.ok('motion.decide', { adopted: false });
    expect(speakers(m)).toEqual(['GBR', 'EGY']);                 // after GHA (for), a speaker against
  });

  it('R2 R31 concluding another item leaves the item taken up; concluding the item taken up leaves none', () => {
    const m = openMeeting();
    expect(projectFloor(m.state, viewer).items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'item-2', status: 'pending', list: 'open' })]));
    m.ok('item.conclude', { itemId: 'item-2' });
    expect(m.state.currentItemId).toBe('item-1');
    inscribe(m, 'GHA');
    m.ok('item.conclude');
    expect(m.state.currentItemId).toBeNull();
    expect(m.no('floor.request', { type: 'point-of-order', text: 'order' }, delegate('NOR')).code).toBe('NO_CURRENT_ITEM');
  });

  it('R21 R22 a point of order ruled without being heard is done, with its ruling; recognising another does not end the right to appeal', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    m.ok('chair.next'); m.ok('speech.start'); m.seconds(10);
    const first = entryOf(m.ok('floor.request', { type: 'point-of-order', text: 'a' }, delegate('GBR')));
    const second = entryOf(m.ok('floor.request', { type: 'point-of-order', text: 'b' }, delegate('EGY')));
    m.ok('pointOfOrder.rule', { entryId: first, decision: 'rejected', text: 'Not a point of order.' });
    expect(m.state.entries[first]).toMatchObject({ status: 'done', ruling: { decision: 'rejected', text: 'Not a point of order.' } });
    m.ok('chair.grant', { entryId: second });
    m.ok('pointOfOrder.appeal', { entryId: first }, delegate('GBR'));
  });

  it('R34 R44 with the clock running during a point of order the interrupted speaker is warned on its own speech and the record shows it', () => {
    const m = openMeeting('un-ga', { clockRunsDuringPointOfOrder: true });
    const nor = inscribe(m, 'NOR');
    m.ok('chair.next'); m.ok('speech.start'); m.seconds(260);
    const poo = entryOf(m.ok('floor.request', { type: 'point-of-order', text: 'order' }, delegate('GBR')));
    m.ok('chair.grant', { entryId: poo }); m.ok('speech.start');
    const fired = m.seconds(15);
    expect(fired.map((e) => [e.type, (e.payload as { entryId: string }).entryId])).toEqual([['clock.warning', nor]]);
    const ruled = m.ok('pointOfOrder.rule', { entryId: poo, decision: 'rejected', text: 'Not a point of order.' });
    expect(ruled[0]!.payload).toMatchObject({ intervention: { entryId: poo, warningsGiven: [] } });
    m.ok('speech.resume');
    const ended = m.ok('speech.end')[0]!.payload as { intervention: { warningsGiven: number[]; pauses: unknown[] } };
    expect(ended.intervention.warningsGiven).toEqual([30]);
    expect(ended.intervention.pauses).toHaveLength(1);
  });

  it('R44 a speech never paused records no pauses', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    expect(hear(m, 20).payload).toMatchObject({ intervention: { pauses: [], pausedMs: 0, netSpeakingMs: 20_000 } });
  });

  it('R33 R34 an extension re-arms the warnings still ahead and clears an expiry', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    m.ok('chair.next'); m.ok('speech.start');
    expect(m.seconds(280).map((e) => e.type)).toEqual(['clock.warning']);
    m.ok('chair.extend', { kind: 'time', seconds: 60 });        // 80 s left: the 30 s warning is ahead again
    expect(m.seconds(50).map((e) => e.type)).toEqual(['clock.warning']);
    expect(m.seconds(40).map((e) => e.type)).toEqual(['clock.expired']);
    expect(m.state.speech!.expiredAt).not.toBeNull();
    m.ok('chair.extend', { kind: 'time', seconds: 5 });         // 365 s allotted, 370 s spoken: still expired
    expect(m.state.speech!.expiredAt).not.toBeNull();
    m.ok('chair.extend', { kind: 'time', seconds: 60 });        // 425 s: 55 s left, the expiry is lifted and the warning ahead
    expect(m.state.speech!.expiredAt).toBeNull();
    expect(m.seconds(60).map((e) => e.type)).toEqual(['clock.warning', 'clock.expired']);
  });

  it('R36 extensions of speeches add up', () => {
    const m = openMeeting('robert');
    for (let i = 0; i < 2; i++) { inscribe(m, 'GHA'); hear(m, 5); }
    expect(m.no('floor.request', { type: 'statement' }, delegate('GHA')).code).toBe('SPEECH_LIMIT_REACHED');
    m.ok('chair.extend', { kind: 'speeches', delegationId: 'GHA', speeches: 1 });
    m.ok('chair.extend', { kind: 'speeches', delegationId: 'GHA', speeches: 1 });
    for (let i = 0; i < 2; i++) { inscribe(m, 'GHA'); hear(m, 5); }
    expect(m.no('floor.request', { type: 'statement' }, delegate('GHA')).code).toBe('SPEECH_LIMIT_REACHED');
  });

  it('R15 R40 the chair\'s order holds when its first speaker is called, and a miss sends that speaker to its end', () => {
    const m = openMeeting('un-ga', {}, { presence: false });
    for (const d of ['GHA', 'SEN']) m.ok('presence.update', { status: 'connected' }, delegate(d));
    inscribe(m, 'GHA'); m.seconds(1);
    const nor = inscribe(m, 'NOR', { mode: 'remote' }); m.seconds(1);
    const sen = inscribe(m, 'SEN'); m.seconds(1);
    m.ok('chair.reorder', { entryId: sen, toIndex: 0, reason: 'agreed' });
    m.ok('chair.reorder', { entryId: nor, toIndex: 0, reason: 'agreed' });
    expect(speakers(m)).toEqual(['NOR', 'SEN', 'GHA']);
    m.ok('chair.next');
    expect(speakers(m)).toEqual(['SEN', 'GHA']);
    m.seconds(31);                                               // NOR is not connected: moved to the end once
    expect(speakers(m)).toEqual(['SEN', 'GHA', 'NOR']);
  });

  it('R40 R15 in a list the chair ordered, a speaker of a higher tier who misses the call goes to the end of that list, behind lower tiers', () => {
    const m = openMeeting('un-ga', {}, { presence: false });
    m.ok('presence.update', { status: 'connected' }, delegate('AU'));
    const au = inscribe(m, 'AU'); m.seconds(1);                   // intergovernmental observer
    const nor = inscribe(m, 'NOR', { mode: 'remote' }); m.seconds(1); // member state: a higher tier (R10)
    expect(speakers(m)).toEqual(['NOR', 'AU']);
    m.ok('chair.reorder', { entryId: au, toIndex: 0, reason: 'agreed' });
    m.ok('chair.reorder', { entryId: nor, toIndex: 0, reason: 'agreed' });
    expect(m.state.items[m.state.currentItemId!]!.manualOrder).toEqual([nor, au]);
    m.ok('chair.next');                                          // NOR, not connected
    m.seconds(31);
    expect(m.state.entries[nor]!).toMatchObject({ status: 'waiting', missedOnce: true });
    expect(speakers(m)).toEqual(['AU', 'NOR']);                  // R40 "the end": the chair's order, not the tier order
  });

  it('R33 R34 an extension that leaves a warning behind does not give it again, and one that ends exactly now leaves the expiry standing', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    m.ok('chair.next'); m.ok('speech.start');
    expect(m.seconds(280).map((e) => e.type)).toEqual(['clock.warning']);
    m.ok('chair.extend', { kind: 'time', seconds: 10 });        // 30 s left: exactly the warning already given
    expect(m.seconds(30).map((e) => e.type)).toEqual(['clock.expired']);
    m.seconds(10);                                               // 320 s spoken of 310
    m.ok('chair.extend', { kind: 'time', seconds: 10 });        // 320 s allotted: nothing left, still expired
    expect(m.state.speech!.expiredAt).not.toBeNull();
    expect(m.seconds(5).map((e) => e.type)).toEqual([]);
  });
});

