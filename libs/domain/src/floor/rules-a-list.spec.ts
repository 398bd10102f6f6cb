import { chair, delegate, inscribe, meetingSetup, openMeeting, operator, secretariat, speakers, TestMeeting, viewer } from './floor.fixtures';

describe('A. getting on the list', () => {
  it('R1 starting a speech nobody was called for is rejected', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    expect(m.no('speech.start', { entryId: gha }).code).toBe('NOT_CALLED');
    expect(m.no('speech.start', {}, delegate('GHA')).code).toBe('NOT_CALLED');
    m.ok('chair.next');
    expect(m.no('speech.start', {}, delegate('NOR')).code).toBe('NOT_YOUR_DELEGATION');
    m.ok('speech.start', {}, delegate('GHA'));
    expect(m.state.speech?.entryId).toBe(gha);
  });

  it('R1 only the chair gives the floor', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    expect(m.no('chair.next', {}, delegate('GHA')).code).toBe('FORBIDDEN');
    expect(m.no('chair.next', {}, secretariat).code).toBe('FORBIDDEN');
    expect(m.no('chair.next', {}, viewer).code).toBe('FORBIDDEN');
  });

  it('R2 each item has its own list', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    inscribe(m, 'NOR', { itemId: 'item-2' });
    expect(speakers(m, 'item-1')).toEqual(['GHA']);
    expect(speakers(m, 'item-2')).toEqual(['NOR']);
    inscribe(m, 'GHA', { itemId: 'item-2' });           // one entry per capacity per list, not per meeting
    expect(speakers(m, 'item-1')).toEqual(['GHA']);
  });

  it('R3 an entry records delegation, speaker, capacity, type, mode and server time', () => {
    const m = openMeeting();
    // The secretariat inscribes Senegal with a speaker other than the registered one (R3, R8).
    const ev = m.ok('floor.request', { delegationId: 'SEN', type: 'statement', mode: 'remote', speaker: { name: 'Ms Amina Diallo', title: 'Minister', level: 'minister' }, capacity: { kind: 'group', groupId: 'AFG' } }, secretariat);
    expect(ev[0]!.payload).toMatchObject({ entry: {
      delegationId: 'SEN', delegationName: 'Senegal', speakerName: 'Ms Amina Diallo', speakerTitle: 'Minister', level: 'minister', speakerSetBy: secretariat.participantId,
      capacity: { kind: 'group', groupId: 'AFG' }, type: 'statement', mode: 'remote', inscribedAt: m.now,
    } });
    const dflt = m.ok('floor.request', { type: 'statement' }, delegate('GHA'));
    expect(dflt[0]!.payload).toMatchObject({ entry: { speakerName: 'Speaker of Ghana', speakerTitle: 'Ambassador', level: 'head-of-delegation', mode: 'in-room', capacity: { kind: 'national' } } });
  });

  it('R4 one waiting entry per capacity by default; group and national are separate', () => {
    const m = openMeeting();
    inscribe(m, 'SEN');
    expect(m.no('floor.request', { type: 'statement' }, delegate('SEN')).code).toBe('ALREADY_WAITING');
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    expect(m.no('floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } }, delegate('SEN')).code).toBe('ALREADY_WAITING');
  });

  it('R4 maxWaitingPerDelegation raises the limit', () => {
    const m = openMeeting('un-ga', { maxWaitingPerDelegation: 2 });
    inscribe(m, 'GHA'); inscribe(m, 'GHA');
    expect(m.no('floor.request', { type: 'statement' }, delegate('GHA')).code).toBe('ALREADY_WAITING');
  });

  it('R5 civil society may not inscribe in a GA plenary but may under ecosoc', () => {
    const m = openMeeting('un-ga');
    expect(m.no('floor.request', { type: 'statement' }, delegate('IPI')).code).toBe('TIER_NOT_ELIGIBLE');
    inscribe(m, 'AU');
    const e = openMeeting('ecosoc');
    inscribe(e, 'IPI');
    expect(speakers(e)).toEqual(['IPI']);
  });

  /** The first of three entries changes as `change` says; returns the list after the change. */
  function changeFirst(overrides: Record<string, unknown>, first: string, change: Record<string, unknown>, firstPayload: Record<string, unknown> = {}) {
    const m = openMeeting('un-ga', overrides);
    const id = inscribe(m, first, firstPayload); m.seconds(1);
    inscribe(m, 'NOR'); m.seconds(1);
    inscribe(m, 'EGY'); m.seconds(1);
    expect(speakers(m)).toEqual([first, 'NOR', 'EGY']);
    // R12/issue 10: a level comes from registration; only staff name another speaker.
    m.ok('floor.amend', { entryId: id, ...change }, 'speaker' in change ? secretariat : delegate(first));
    return { m, moved: (m.last('floor.amended')!.payload as { movedToEnd: boolean }).movedToEnd, order: speakers(m) };
  }

  it('R6 changing the speaker level moves the entry to the end of its band', () => {
    const r = changeFirst({}, 'GHA', { speaker: { name: 'H.E. Minister', level: 'minister' } });
    expect(r).toMatchObject({ moved: true, order: ['NOR', 'EGY', 'GHA'] });
    expect(r.m.state.entries[r.m.log.find((e) => e.type === 'floor.amended')!.payload.entryId as string]!.orderAt).toBe(r.m.now);
  });

  it('R6 changing the type moves the entry to the end of its band', () => {
    expect(changeFirst({}, 'GHA', { type: 'question' })).toMatchObject({ moved: true, order: ['NOR', 'EGY', 'GHA'] });
  });

  it('R6 changing the capacity moves the entry to the end of its band', () => {
    // Groups first off, so the new capacity keeps the entry in the same tier: only R6 moves it.
    expect(changeFirst({ groupsFirst: false }, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } })).toMatchObject({ moved: true, order: ['NOR', 'EGY', 'SEN'] });
    expect(changeFirst({ groupsFirst: false }, 'SEN', { capacity: { kind: 'national' } }, { capacity: { kind: 'group', groupId: 'AFG' } })).toMatchObject({ moved: true, order: ['NOR', 'EGY', 'SEN'] });
  });

  it('R6 a new speaker name or title at the same level keeps the place', () => {
    expect(changeFirst({}, 'GHA', { speaker: { name: 'Mr. Other', title: 'Counsellor', level: 'head-of-delegation' } })).toMatchObject({ moved: false, order: ['GHA', 'NOR', 'EGY'] });
  });

  it('R6 with changeLosesPlace off, no change of capacity, level or type moves the entry', () => {
    const off = { changeLosesPlace: false, groupsFirst: false };
    expect(changeFirst(off, 'GHA', { speaker: { name: 'H.E. Minister', level: 'minister' } })).toMatchObject({ moved: false, order: ['GHA', 'NOR', 'EGY'] });
    expect(changeFirst(off, 'GHA', { type: 'question' })).toMatchObject({ moved: false, order: ['GHA', 'NOR', 'EGY'] });
    expect(changeFirst(off, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } })).toMatchObject({ moved: false, order: ['SEN', 'NOR', 'EGY'] });
  });

  it('R6 a moved entry also goes to the end of a list the chair has reordered', () => {
    const m = openMeeting('un-ga');
    const gha = inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'NOR'); m.seconds(1);
    const egy = inscribe(m, 'EGY'); m.seconds(1);
    m.ok('chair.reorder', { entryId: egy, toIndex: 1, reason: 'travel' });
    expect(speakers(m)).toEqual(['GHA', 'EGY', 'NOR']);
    m.ok('floor.amend', { entryId: gha, type: 'question' }, delegate('GHA'));
    expect(speakers(m)).toEqual(['EGY', 'NOR', 'GHA']);
  });

  it('R6 only a waiting ordinary entry changes; an unchanged request is refused', () => {
    const m = openMeeting('un-ga');
    const gha = inscribe(m, 'GHA');
    expect(m.no('floor.amend', { entryId: gha, type: 'statement' }, delegate('GHA')).code).toBe('VALIDATION_FAILED');
    expect(m.no('floor.amend', { entryId: gha, type: 'question' }, delegate('NOR')).code).toBe('NOT_YOUR_DELEGATION');
    expect(m.no('floor.amend', { entryId: gha, capacity: { kind: 'group', groupId: 'AFG' } }, delegate('GHA')).code).toBe('NOT_GROUP_COORDINATOR');
    m.ok('chair.next');
    expect(m.no('floor.amend', { entryId: gha, type: 'question' }, delegate('GHA')).code).toBe('ENTRY_NOT_WAITING');
  });

  it('R6 with changeLosesPlace off the entry keeps its place; a mode change never moves it', () => {
    const m = openMeeting('un-ga', { changeLosesPlace: false });
    const gha = inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'NOR'); m.seconds(1);
    m.ok('floor.amend', { entryId: gha, type: 'question' }, delegate('GHA'));
    expect(speakers(m)).toEqual(['GHA', 'NOR']);
    const u = openMeeting('un-ga');
    const g = inscribe(u, 'GHA'); u.seconds(1); inscribe(u, 'NOR');
    u.ok('floor.amend', { entryId: g, mode: 'remote' }, delegate('GHA'));
    expect(speakers(u)).toEqual(['GHA', 'NOR']);
  });

  it('R7 a delegate withdraws its own entry, the chair any; the others keep their order', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA'); m.seconds(1);
    const nor = inscribe(m, 'NOR'); m.seconds(1);
    inscribe(m, 'EGY'); m.seconds(1);
    inscribe(m, 'GBR');
    expect(m.no('floor.withdraw', { entryId: gha }, delegate('NOR')).code).toBe('NOT_YOUR_DELEGATION');
    m.ok('floor.withdraw', { entryId: gha }, delegate('GHA'));
    m.ok('floor.withdraw', { entryId: nor, reason: 'asked by phone' }, chair);
    expect(speakers(m)).toEqual(['EGY', 'GBR']);
    expect(m.last('floor.withdrawn')!.payload).toMatchObject({ by: 'chair', reason: 'asked by phone' });
    expect(m.no('floor.withdraw', { entryId: gha }, delegate('GHA')).code).toBe('ENTRY_NOT_WAITING');
  });

  it('R8 a delegate inscribes only its own delegation; the secretariat may inscribe others', () => {
    const m = openMeeting();
    expect(m.no('floor.request', { type: 'statement', delegationId: 'NOR' }, delegate('GHA')).code).toBe('NOT_YOUR_DELEGATION');
    inscribe(m, 'NOR', { delegationId: 'NOR' }, secretariat);
    inscribe(m, 'GHA', { delegationId: 'GHA' }, chair);
    expect(speakers(m)).toEqual(['NOR', 'GHA']);
    expect(m.no('floor.request', { type: 'statement' }, secretariat).code).toBe('VALIDATION_FAILED');
    expect(m.no('floor.request', { type: 'statement' }, viewer).code).toBe('FORBIDDEN');
  });
});

/** A meeting whose setup the test adjusts before meeting.create (groups, participants). */
function customMeeting(adjust: (s: ReturnType<typeof meetingSetup>) => void, preset = 'un-ga', overrides: Record<string, unknown> = {}): TestMeeting {
  const m = new TestMeeting();
  const setup = meetingSetup(preset, overrides);
  adjust(setup);
  m.ok('meeting.create', setup, operator);
  m.ok('meeting.open');
  m.ok('item.takeUp', { itemId: 'item-1' });
  return m;
}
const entryOf = (m: TestMeeting, id: string) => m.state.entries[id]!;

describe('A. getting on the list: who speaks, in which capacity, what may change', () => {
  it('R4 a delegation coordinating two groups holds one waiting entry for each group: a different group is a different capacity', () => {
    const m = customMeeting((s) => { s.groups = [...s.groups, { id: 'OIC', name: 'Organisation of Islamic Cooperation', coordinatorDelegationId: 'SEN' }]; });
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'OIC' } });
    expect(m.no('floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } }, delegate('SEN')).code).toBe('ALREADY_WAITING');
    expect(m.no('floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'OIC' } }, delegate('SEN')).code).toBe('ALREADY_WAITING');
  });

  it('R4 an entry the chair has called still counts as waiting: the delegation cannot inscribe again until it has spoken', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    m.ok('chair.next');
    expect(m.state.called).toBeTruthy();
    expect(m.no('floor.request', { type: 'statement' }, delegate('GHA')).code).toBe('ALREADY_WAITING');
  });

  it('R4 the refusal says how many waiting entries the delegation already holds', () => {
    const one = openMeeting();
    inscribe(one, 'GHA');
    expect(one.no('floor.request', { type: 'statement' }, delegate('GHA')).message).toBe('Ghana already holds 1 waiting entry in this capacity');
    const two = openMeeting('un-ga', { maxWaitingPerDelegation: 2 });
    inscribe(two, 'GHA'); inscribe(two, 'GHA');
    expect(two.no('floor.request', { type: 'statement' }, delegate('GHA')).message).toBe('Ghana already holds 2 waiting entries in this capacity');
  });

  it('R36 entries still waiting count against the speeches a delegation may make on the item', () => {
    const m = openMeeting('un-ga', { maxSpeechesPerItem: 2, maxWaitingPerDelegation: 3 });
    inscribe(m, 'GHA'); inscribe(m, 'GHA');
    expect(m.no('floor.request', { type: 'statement' }, delegate('GHA')).code).toBe('SPEECH_LIMIT_REACHED');
  });

  it('R3 R8 staff inscribing a delegation name its registered delegate as the speaker, not themselves nor another delegation\'s', () => {
    const m = customMeeting((s) => {
      // Norway also registered its own interpreter (not a delegate), listed before its delegate.
      s.participants = [...s.participants.filter((p) => p.delegationId !== 'NOR'), { id: 'p-NOR-int', name: 'Interpreter of Norway', level: 'other', role: 'interpreter', delegationId: 'NOR' }, ...s.participants.filter((p) => p.delegationId === 'NOR')];
    });
    for (const actor of [chair, secretariat]) {
      const id = inscribe(m, 'NOR', {}, actor);
      expect(entryOf(m, id)).toMatchObject({ delegationId: 'NOR', participantId: 'p-NOR', speakerName: 'Speaker of Norway', speakerTitle: 'Ambassador', level: 'head-of-delegation' });
      m.ok('floor.withdraw', { entryId: id });
    }
  });

  it('R3 a delegation with no registered participant is inscribed under its own name at level "other", with no participant and no language', () => {
    const m = customMeeting((s) => { s.participants = s.participants.filter((p) => p.delegationId !== 'GBR'); });
    const id = inscribe(m, 'GBR', {}, secretariat);
    const e = entryOf(m, id);
    expect(e).toMatchObject({ delegationId: 'GBR', speakerName: 'United Kingdom', level: 'other' });
    expect(e.participantId).toBeUndefined();
    expect(e.language).toBeUndefined();
  });

  it('R3 a speaker the chair names is recorded as set by the chair and not tied to the registered participant', () => {
    const m = openMeeting();
    const id = inscribe(m, 'GHA', { speaker: { name: 'Minister of Ghana', level: 'minister' } }, chair);
    expect(entryOf(m, id)).toMatchObject({ speakerName: 'Minister of Ghana', level: 'minister', speakerSetBy: 'p-chair' });
    expect(entryOf(m, id).participantId).toBeUndefined();
  });

  it('R3 the text submitted with a request is kept on the entry', () => {
    const m = openMeeting();
    const id = inscribe(m, 'GHA', { text: 'Statement as prepared for delivery' });
    expect(entryOf(m, id).text).toBe('Statement as prepared for delivery');
  });

  it('R46 before the meeting opens, a delegate may inscribe a question as well as a statement (the inscription window decides)', () => {
    const m = new TestMeeting();
    m.ok('meeting.create', meetingSetup(), operator);
    inscribe(m, 'GHA', { type: 'question', itemId: 'item-1' });
    inscribe(m, 'NOR', { itemId: 'item-1' });
    expect(Object.values(m.state.entries).map((e) => [e.delegationId, e.type])).toEqual([['GHA', 'question'], ['NOR', 'statement']]);
  });

  it('R8 inscribing a delegation that does not exist is refused with NO_SUCH_DELEGATION', () => {
    const m = openMeeting();
    expect(m.no('floor.request', { type: 'statement', delegationId: 'XXX' }, chair).code).toBe('NO_SUCH_DELEGATION');
  });

  it('R6 changing only the speaker\'s name or title keeps the place; changing the level moves the entry to the end', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'NOR'); m.seconds(1);
    const amend = (speaker: object) => m.ok('floor.amend', { entryId: gha, speaker }, chair)[0]!.payload as { changes: Record<string, unknown>; movedToEnd: boolean };
    expect(amend({ name: 'Deputy of Ghana', title: 'Ambassador', level: 'head-of-delegation' })).toMatchObject({ changes: { speakerName: 'Deputy of Ghana' }, movedToEnd: false });
    expect(amend({ name: 'Deputy of Ghana', title: 'Chargé d\'affaires', level: 'head-of-delegation' })).toMatchObject({ changes: { speakerTitle: 'Chargé d\'affaires' }, movedToEnd: false });
    expect(speakers(m)).toEqual(['GHA', 'NOR']);
    expect(amend({ name: 'Deputy of Ghana', title: 'Chargé d\'affaires', level: 'minister' })).toMatchObject({ changes: { level: 'minister' }, movedToEnd: true });
    expect(speakers(m)).toEqual(['NOR', 'GHA']);
  });

  it('R6 an amendment that changes nothing (same speaker, same mode) is refused', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    expect(m.no('floor.amend', { entryId: gha, speaker: { name: 'Speaker of Ghana', title: 'Ambassador', level: 'head-of-delegation' } }, chair).code).toBe('VALIDATION_FAILED');
    expect(m.no('floor.amend', { entryId: gha, mode: 'in-room' }, delegate('GHA')).code).toBe('VALIDATION_FAILED');
  });

  it('R4 R6 changing capacity to one the delegation already waits in is refused; a wait on another item does not count', () => {
    const m = openMeeting();
    const national = inscribe(m, 'SEN');
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    expect(m.no('floor.amend', { entryId: national, capacity: { kind: 'group', groupId: 'AFG' } }, delegate('SEN')).code).toBe('ALREADY_WAITING');
    const other = openMeeting();
    const nat = inscribe(other, 'SEN');
    inscribe(other, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' }, itemId: 'item-2' });
    other.ok('floor.amend', { entryId: nat, capacity: { kind: 'group', groupId: 'AFG' } }, delegate('SEN'));
    expect(entryOf(other, nat).capacity).toEqual({ kind: 'group', groupId: 'AFG' });
  });

  it('R6 an entry cannot be changed while the meeting is suspended, nor an entry that does not exist', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    m.ok('meeting.suspend');
    expect(m.no('floor.amend', { entryId: gha, mode: 'remote' }, delegate('GHA')).code).toBe('MEETING_NOT_OPEN');
    m.ok('meeting.resume');
    expect(m.no('floor.amend', { entryId: 'e999', mode: 'remote' }, chair).code).toBe('NO_SUCH_ENTRY');
  });
});
