import { chair, delegate, hear, inscribe, openMeeting, secretariat } from './floor.fixtures';
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
