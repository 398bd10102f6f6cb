import { chair, delegate, hear, inscribe, meetingSetup, openMeeting, operator, secretariat, TestMeeting } from './floor.fixtures';
import { floorTimers } from './clock';

const call = (m: ReturnType<typeof openMeeting>) => { m.ok('chair.next'); m.ok('speech.start'); };

describe('F. time', () => {
  it('R33 the limit is fixed when the floor is given: override, type, tier, default', () => {
    const m = openMeeting('ecosoc', { time: { perTypeSeconds: { 'point-of-order': 120 }, perTierSeconds: { 'civil-society': 180 }, defaultSeconds: 240 } });
    inscribe(m, 'NOR', { delegationId: 'NOR', allottedSeconds: 420 }, secretariat);
    expect(m.no('floor.request', { type: 'statement', allottedSeconds: 900 }, delegate('GHA')).code).toBe('FORBIDDEN');
    inscribe(m, 'IPI', { type: 'question' }); m.seconds(1);
    inscribe(m, 'GHA', { type: 'question' });
    call(m); expect(m.state.speech?.allottedSeconds).toBe(420); m.ok('speech.end');
    call(m); expect(m.state.speech?.allottedSeconds).toBe(240); m.ok('speech.end');
    call(m); expect(m.state.speech?.allottedSeconds).toBe(180); m.ok('speech.end');
  });

  it('R33 precedence: a per-type limit beats the per-tier one, and a group statement has its own', () => {
    const m = openMeeting('ecosoc', { time: { perTierSeconds: { 'civil-society': 180 }, defaultSeconds: 240 } });
    inscribe(m, 'IPI');                                          // statement (300 by type) from civil society (180 by tier)
    call(m); expect(m.state.speech?.allottedSeconds).toBe(300); m.ok('speech.end');
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    call(m); expect(m.state.speech?.allottedSeconds).toBe(420); m.ok('speech.end');
  });

  it('R33 a preset\'s own limits replace the GA\'s per-type and per-tier ones: under model-un a group statement and a civil-society speaker get the 90 s default', () => {
    const m = openMeeting('model-un');
    expect(m.state.profile!.time.perTypeSeconds).toEqual({ statement: 90, 'point-of-order': 60 });
    expect(m.state.profile!.time.perTierSeconds).toEqual({});
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    call(m); expect(m.state.speech?.allottedSeconds).toBe(90); m.ok('speech.end');     // not the GA's 420
    inscribe(m, 'IPI', { type: 'question' });
    call(m); expect(m.state.speech?.allottedSeconds).toBe(90); m.ok('speech.end');     // not the GA's 180 for civil society
  });

  it('R33 under robert a group statement gets robert\'s 600 s like any statement; a meeting\'s own override still merges type by type', () => {
    const r = openMeeting('robert');
    inscribe(r, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    call(r); expect(r.state.speech?.allottedSeconds).toBe(600); r.ok('speech.end');
    const o = openMeeting('model-un', { time: { perTypeSeconds: { 'group-statement': 120 } } });
    expect(o.state.profile!.time.perTypeSeconds).toEqual({ statement: 90, 'point-of-order': 60, 'group-statement': 120 });
  });

  it('R33 a change of limits naming a kind of speech or a tier that does not exist is refused, naming it, and changes nothing', () => {
    const m = openMeeting();
    const before = structuredClone(m.state.profile!.time);
    const typo = m.no('limits.change', { perTypeSeconds: { statment: 180 } });
    expect(typo.code).toBe('VALIDATION_FAILED');
    expect(typo.message).toContain('"statment"');
    const tier = m.no('limits.change', { perTierSeconds: { 'civil-societies': 120 } });
    expect(tier.code).toBe('VALIDATION_FAILED');
    expect(tier.message).toContain('"civil-societies"');
    expect(m.state.profile!.time).toEqual(before);
    m.ok('limits.change', { perTypeSeconds: { 'group-statement': 360, 'procedural-motion': 120 }, perTierSeconds: { 'civil-society': 120 } });
    expect(m.state.profile!.time.perTypeSeconds).toMatchObject({ 'group-statement': 360, 'procedural-motion': 120 });
  });

  it('R33 a change of limits during the meeting is recorded and applies from the next call', () => {
    const m = openMeeting();
    inscribe(m, 'GHA'); inscribe(m, 'NOR');
    call(m);
    m.ok('limits.change', { perTypeSeconds: { statement: 180 }, reason: 'many speakers' });
    expect(m.last('limits.changed')!.payload).toMatchObject({ reason: 'many speakers', time: { perTypeSeconds: { statement: 180 } } });
    expect(m.state.speech?.allottedSeconds).toBe(300);
    m.ok('speech.end');
    call(m);
    expect(m.state.speech?.allottedSeconds).toBe(180);
    m.ok('chair.extend', { kind: 'time', seconds: 60, reason: 'closing remarks' });
    expect(m.last('clock.extended')!.payload).toMatchObject({ seconds: 60, allottedSeconds: 240 });
  });

  it('R34 a warning at 30 s before expiry and an expiry event at 0, from durable timers keyed by due time', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    call(m);
    const start = m.now;
    const timers = floorTimers(m.state);
    expect(timers.map((t) => t.dueAt)).toEqual([start + 270_000, start + 300_000]);
    expect(new Set(timers.map((t) => t.key)).size).toBe(2);
    m.advance(269_999);
    expect(m.last('clock.warning')).toBeUndefined();
    const w = m.advance(1);
    expect(w.map((e) => e.type)).toEqual(['clock.warning']);
    expect(w[0]!.payload).toMatchObject({ secondsLeft: 30, at: start + 270_000 });
    const x = m.seconds(30);
    expect(x.map((e) => e.type)).toEqual(['clock.expired']);
    expect(x[0]!.payload).toMatchObject({ at: start + 300_000 });
  });

  it('R34 a stale or early timer is harmless; pausing moves the due times and changes the keys', () => {
    const m = openMeeting('un-ga', { time: { warningsSeconds: [60, 30] } });
    inscribe(m, 'GHA');
    call(m);
    const before = floorTimers(m.state);
    expect(before).toHaveLength(3);
    const early = m.send('timer.fire', { key: before[0]!.key }, { role: 'system', participantId: 'system' });
    expect(early).toMatchObject({ ok: false, error: { code: 'TIMER_STALE' } });
    m.seconds(10);
    m.ok('speech.pause'); m.seconds(50); m.ok('speech.resume');
    const after = floorTimers(m.state);
    expect(after.map((t) => t.dueAt)).toEqual(before.map((t) => t.dueAt + 50_000));
    expect(after.some((t) => before.some((b) => b.key === t.key))).toBe(false);
    m.now = before[0]!.dueAt + 1;
    expect(m.send('timer.fire', { key: before[0]!.key }, { role: 'system', participantId: 'system' })).toMatchObject({ ok: false, error: { code: 'TIMER_STALE' } });
  });

  it('R34 a paused clock has no timers', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    call(m);
    m.ok('speech.pause');
    expect(floorTimers(m.state)).toEqual([]);
  });

  it('R35 UN profiles only alert the chair and count the overrun', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    call(m);
    const ev = m.seconds(400);
    expect(ev.map((e) => e.type)).toEqual(['clock.warning', 'clock.expired']);
    expect(ev[1]!.payload).toMatchObject({ policy: 'alert-chair', alertChair: true });
    expect(m.state.speech).not.toBeNull();
    const iv = (m.ok('speech.end')[0]!.payload as any).intervention;
    expect(iv.overrunMs).toBe(100_000);
  });

  it('R35 an informal panel ends the speech after a 30 s grace', () => {
    const m = openMeeting('informal-panel');
    inscribe(m, 'GHA');
    call(m);
    const ev = m.seconds(400);
    expect(ev.map((e) => e.type)).toEqual(['clock.warning', 'clock.expired', 'speech.ended']);
    expect((ev[2]!.payload as any).intervention).toMatchObject({ endReason: 'time', overrunMs: 30_000 });
    expect(m.state.speech).toBeNull();
  });

  it('R35 model-un ends the speech at expiry', () => {
    const m = openMeeting('model-un');
    inscribe(m, 'GHA');
    call(m);
    const ev = m.seconds(100);
    expect(ev.map((e) => e.type)).toEqual(['clock.warning', 'clock.expired', 'speech.ended']);
    expect((ev[2]!.payload as any).intervention).toMatchObject({ netSpeakingMs: 90_000, overrunMs: 0 });
  });

  it('R36 under robert a delegation speaks at most twice on an item unless the chair extends', () => {
    const m = openMeeting('robert');
    inscribe(m, 'GHA'); hear(m);
    inscribe(m, 'GHA');
    hear(m);
    expect(m.no('floor.request', { type: 'statement' }, delegate('GHA')).code).toBe('SPEECH_LIMIT_REACHED');
    inscribe(m, 'GHA', { itemId: 'item-2' });                    // per item
    m.ok('chair.extend', { kind: 'speeches', delegationId: 'GHA', speeches: 1, reason: 'author of the draft' });
    inscribe(m, 'GHA');
    const ga = openMeeting('un-ga');
    inscribe(ga, 'GHA'); hear(ga); inscribe(ga, 'GHA'); hear(ga); inscribe(ga, 'GHA');
  });

  it('R37 model-un: yield to the chair lapses the time', () => {
    const m = openMeeting('model-un');
    inscribe(m, 'GHA');
    call(m); m.seconds(30);
    const ev = m.ok('speech.yield', { to: 'chair' }, delegate('GHA'));
    expect(ev.map((e) => e.type)).toEqual(['speech.yielded', 'speech.ended']);
    expect(ev[0]!.payload).toMatchObject({ remainingSeconds: 60 });
    expect(m.state.speech).toBeNull();
  });

  it('R37 model-un: yield to a delegation gives only the remainder, which cannot be yielded again', () => {
    const m = openMeeting('model-un');
    inscribe(m, 'GHA');
    call(m); m.seconds(50);
    const ev = m.ok('speech.yield', { to: 'delegation', delegationId: 'NOR' }, delegate('GHA'));
    expect(ev.map((e) => e.type)).toEqual(['speech.yielded', 'speech.ended', 'floor.given', 'speech.started']);
    expect(m.state.speech).toMatchObject({ delegationId: 'NOR', allottedSeconds: 40, yieldedFrom: expect.any(String) });
    expect(m.no('speech.yield', { to: 'delegation', delegationId: 'EGY' }, delegate('NOR')).code).toBe('YIELD_NOT_ALLOWED');
    m.ok('speech.end');
    inscribe(m, 'EGY'); call(m); m.seconds(10);
    expect(m.ok('speech.yield', { to: 'questions' }, chair)[0]!.payload).toMatchObject({ to: 'questions', remainingSeconds: 80 });
    expect(m.state.speech?.yieldedToQuestions).toBe(true);
  });

  it('R37 yields are off in UN and Robert profiles', () => {
    for (const preset of ['un-ga', 'robert']) {
      const m = openMeeting(preset);
      inscribe(m, 'GHA'); call(m);
      expect(m.no('speech.yield', { to: 'chair' }, delegate('GHA')).code).toBe('YIELDS_DISABLED');
    }
  });
});

describe('F. time: yields, extensions and limit changes in detail (R33, R36, R37)', () => {
  /** model-un: GHA has spoken `s` seconds of its 90. */
  function ghanaSpeaking(s = 30, overrides: Record<string, unknown> = {}, opts: { presence?: boolean } = {}) {
    const m = openMeeting('model-un', overrides, opts);
    const gha = inscribe(m, 'GHA');
    if (opts.presence === false) m.ok('presence.update', { status: 'connected' }, delegate('GHA'));
    call(m); m.seconds(s);
    return { m, gha };
  }

  it('R37 a yield to a delegation gives the floor to its registered speaker, nationally, in its mode, for the remainder', () => {
    const { m, gha } = ghanaSpeaking(30);
    const ev = m.ok('speech.yield', { to: 'delegation', delegationId: 'NOR' }, delegate('GHA'));
    expect(ev[0]!.payload).toEqual({ entryId: gha, to: 'delegation', delegationId: 'NOR', remainingSeconds: 60 });
    expect(ev[1]!.payload).toMatchObject({ intervention: { entryId: gha, endReason: 'yield' } });
    const given = ev[2]!.payload as { entry: { entryId: string } };
    expect(given).toEqual({
      entry: {
        entryId: given.entry.entryId, itemId: 'item-1', delegationId: 'NOR', delegationName: 'Norway', tier: 'members',
        speakerName: 'Speaker of Norway', speakerTitle: 'Ambassador', level: 'head-of-delegation',
        capacity: { kind: 'national' }, capacityLabel: 'Norway', type: 'statement', mode: 'remote',
        inscribedAt: m.now, requestedBy: 'p-GHA', allottedSeconds: 60,
      },
      calledAt: m.now, allottedSeconds: 60,
    });
    expect(given.entry.entryId).toMatch(/^e\d+$/);
    expect(given.entry.entryId).not.toBe(gha);
    expect(ev[3]!.payload).toMatchObject({ entryId: given.entry.entryId, delegationId: 'NOR', allottedSeconds: 60, yieldedFrom: gha });
    expect(m.state.speech).toMatchObject({ entryId: given.entry.entryId, delegationId: 'NOR' });
  });

  it('R37 R39 a delegation yielded to with no presence known speaks in the room; one without a registered speaker under its own name', () => {
    const { m } = ghanaSpeaking(30, {}, { presence: false });
    const ev = m.ok('speech.yield', { to: 'delegation', delegationId: 'SEN' }, delegate('GHA'));
    expect(ev[2]!.payload).toMatchObject({ entry: { delegationId: 'SEN', mode: 'in-room', speakerName: 'Speaker of Senegal' } });
    const bare = new TestMeeting();
    const setup = meetingSetup('model-un');
    bare.ok('meeting.create', { ...setup, delegations: [...setup.delegations, { id: 'CIV', name: 'Civitas', tier: 'members', groups: [] }] }, operator);
    bare.ok('meeting.open'); bare.ok('item.takeUp', { itemId: 'item-1' });
    inscribe(bare, 'GHA');
    call(bare); bare.seconds(10);
    const given = bare.ok('speech.yield', { to: 'delegation', delegationId: 'CIV' }, delegate('GHA'))[2]!.payload as { entry: Record<string, unknown> };
    expect(given.entry).toMatchObject({ delegationId: 'CIV', speakerName: 'Civitas', level: 'other', mode: 'in-room' });
    expect(given.entry).not.toHaveProperty('speakerTitle');
  });

  it('R37 a yield to the chair lapses the time: nothing goes to a delegation', () => {
    const { m, gha } = ghanaSpeaking(50);
    const ev = m.ok('speech.yield', { to: 'chair' }, delegate('GHA'));
    expect(ev.map((e) => [e.type, e.type === 'speech.yielded' ? e.payload : null])).toEqual([
      ['speech.yielded', { entryId: gha, to: 'chair', remainingSeconds: 40 }], ['speech.ended', null],
    ]);
    expect(m.state.speech).toBeNull();
  });

  it('R37 yields are refused: to an unknown delegation, to oneself, for another delegation, twice, with no time left, or when off', () => {
    const { m } = ghanaSpeaking(30);
    expect(m.no('speech.yield', { to: 'delegation', delegationId: 'FRA' }, delegate('GHA'))).toMatchObject({ code: 'NO_SUCH_DELEGATION', message: 'no delegation FRA' });
    expect(m.no('speech.yield', { to: 'delegation', delegationId: 'GHA' }, delegate('GHA'))).toMatchObject({ code: 'YIELD_NOT_ALLOWED', message: 'a delegation cannot yield to itself' });
    expect(m.no('speech.yield', { to: 'chair' }, delegate('NOR')).code).toBe('NOT_YOUR_DELEGATION');
    m.ok('speech.yield', { to: 'questions' }, delegate('GHA'));
    expect(m.no('speech.yield', { to: 'chair' }, delegate('GHA'))).toMatchObject({ code: 'YIELD_NOT_ALLOWED', message: 'this time cannot be yielded' });
    const late = openMeeting('un-ga', { yields: { enabled: true } });
    inscribe(late, 'GHA');
    call(late); late.seconds(300);                               // exactly the 300 s allotted: nothing left
    expect(late.state.speech).not.toBeNull();
    expect(late.no('speech.yield', { to: 'chair' }, delegate('GHA'))).toMatchObject({ code: 'YIELD_NOT_ALLOWED', message: 'no time is left to yield' });
    const off = openMeeting();
    inscribe(off, 'GHA'); call(off);
    expect(off.no('speech.yield', { to: 'chair' }, delegate('GHA')).code).toBe('YIELDS_DISABLED');
    const suspended = openMeeting('model-un');
    suspended.ok('meeting.suspend');
    expect(suspended.no('speech.yield', { to: 'chair' }, delegate('GHA')).code).toBe('MEETING_NOT_OPEN');
  });

  it('R33 an extension of time records its reason; R36 an extension of speeches names an existing item and delegation', () => {
    const m = openMeeting('robert');
    inscribe(m, 'GHA'); call(m);
    expect(m.ok('chair.extend', { kind: 'time', seconds: 60, reason: 'agreed by the meeting' })[0]!.payload).toMatchObject({ seconds: 60, allottedSeconds: 660, reason: 'agreed by the meeting' });
    expect(m.no('chair.extend', { kind: 'speeches', delegationId: 'GHA', itemId: 'item-9', speeches: 1 })).toMatchObject({ code: 'NO_SUCH_ITEM', message: 'name the item' });
    expect(m.no('chair.extend', { kind: 'speeches', delegationId: 'FRA', speeches: 1 })).toMatchObject({ code: 'NO_SUCH_DELEGATION', message: 'no delegation FRA' });
    m.ok('speech.end');
    m.ok('item.conclude');
    expect(m.no('chair.extend', { kind: 'speeches', delegationId: 'GHA', speeches: 1 }).code).toBe('NO_SUCH_ITEM');   // no item taken up
  });

  it('R33 a change of limits is recorded on the item taken up, with each limit changed; refused when the meeting is not open', () => {
    const m = openMeeting('ecosoc');
    const ev = m.ok('limits.change', { defaultSeconds: 240, perTierSeconds: { 'civil-society': 120 }, reason: 'many speakers' });
    expect(ev[0]!.itemId).toBe('item-1');
    expect(ev[0]!.payload).toMatchObject({ time: { defaultSeconds: 240, perTierSeconds: { 'civil-society': 120 }, perTypeSeconds: { statement: 300 } }, reason: 'many speakers' });
    inscribe(m, 'IPI', { type: 'question' });
    m.ok('chair.next');
    expect(m.state.called && m.state.entries[m.state.called]!.allottedSeconds).toBe(120);
    const order = m.ok('chair.callToOrder', { delegationId: 'GHA', text: 'The representative of Ghana is called to order.' });
    expect(order[0]).toMatchObject({ itemId: 'item-1', payload: { delegationId: 'GHA', text: 'The representative of Ghana is called to order.' } });
    const s = openMeeting();
    s.ok('meeting.suspend');
    expect(s.no('limits.change', { defaultSeconds: 240 }).code).toBe('MEETING_NOT_OPEN');
    expect(s.no('chair.callToOrder', { text: 'Order.' }).code).toBe('MEETING_NOT_OPEN');
  });
});
