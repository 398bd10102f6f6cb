import { FLOOR_EVENT_TYPES, SYSTEM_ACTOR } from '@rostrum/contracts';
import { chair, delegate, inscribe, meetingSetup, openMeeting, operator, TestMeeting, viewer } from './floor.fixtures';
import { decideFloor, initialFloorState, projectFloor, resolveProfile } from './index';

describe('meeting lifecycle', () => {
  it('R43 meeting.create from the operator is the first event, then open and adjourn', () => {
    const m = new TestMeeting();
    expect(m.no('meeting.open').code).toBe('MEETING_NOT_CREATED');
    expect(m.no('meeting.create', meetingSetup(), chair).code).toBe('FORBIDDEN');
    m.ok('meeting.create', meetingSetup(), operator);
    expect(m.state.seq).toBe(1);
    expect(m.no('meeting.create', meetingSetup(), operator).code).toBe('MEETING_ALREADY_CREATED');
    expect(m.no('meeting.open', {}, delegate('GHA')).code).toBe('FORBIDDEN');
    m.ok('meeting.open');
    expect(m.no('meeting.open').code).toBe('MEETING_ALREADY_OPEN');
    m.ok('meeting.adjourn');
    expect(m.types()).toEqual(['meeting.created', 'meeting.opened', 'meeting.adjourned']);
    expect(m.log.every((e) => e.visibility.scope === 'public')).toBe(true);
    expect(m.no('meeting.open').code).toBe('MEETING_ADJOURNED');
  });

  it('R43 a meeting set up wrongly is not created: each refusal names what is wrong, and nothing is appended', () => {
    const m = new TestMeeting();
    const refused = (setup: Record<string, unknown>) => {
      const e = m.no('meeting.create', setup, operator);
      expect(m.log).toHaveLength(0);
      return e;
    };
    const base = meetingSetup() as unknown as Record<string, unknown>;
    expect(refused({ ...base, meetingId: 'another-meeting' })).toMatchObject({ code: 'VALIDATION_FAILED', message: 'meetingId does not match the meeting' });
    const profile = refused({ ...base, profile: { ...(base.profile as object), groupsFirst: 'yes' } });
    expect(profile).toMatchObject({ code: 'PROFILE_INVALID', details: { field: 'groupsFirst' } });
    expect(profile.message).toContain('profile field "groupsFirst"');
    const tier = refused({ ...base, delegations: [...(base.delegations as object[]), { id: 'XYZ', name: 'Xyz', tier: 'planets', groups: [] }] });
    expect(tier).toMatchObject({ code: 'VALIDATION_FAILED', message: 'delegation XYZ: tier "planets" is not in the profile' });
    const coordinator = refused({ ...base, groups: [{ id: 'AFG', name: 'African Group', coordinatorDelegationId: 'NOPE' }] });
    expect(coordinator).toMatchObject({ code: 'VALIDATION_FAILED', message: 'group AFG: coordinator is not a delegation' });
    const bad = refused({ ...base, items: [] });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect((bad.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    // A group without a coordinator is fine; the same setup otherwise is created.
    m.ok('meeting.create', { ...base, groups: [{ id: 'AFG', name: 'African Group' }] }, operator);
    expect(m.types()).toEqual(['meeting.created']);
  });

  it('R3 a participant added after creation: refused when the id exists or the delegation does not; a delegate\'s addition is seen by staff and that delegation', () => {
    const m = openMeeting();
    const before = m.log.length;
    expect(m.no('participant.add', { id: 'p-GHA', name: 'Again', level: 'minister', role: 'delegate', delegationId: 'GHA' }, operator))
      .toMatchObject({ code: 'VALIDATION_FAILED', message: 'participant p-GHA already exists' });
    expect(m.no('participant.add', { id: 'p-new', name: 'Nobody', level: 'minister', role: 'delegate', delegationId: 'ATL' }, operator))
      .toMatchObject({ code: 'NO_SUCH_DELEGATION', message: 'no delegation ATL' });
    expect(m.log).toHaveLength(before);
    m.ok('participant.add', { id: 'p-gha-2', name: 'Ms. Second', level: 'minister', role: 'delegate', delegationId: 'GHA' }, operator);
    expect(m.last('participant.added')!.visibility).toEqual({ scope: 'staff', delegationId: 'GHA' });
    m.ok('participant.add', { id: 'p-sec-2', name: 'Mr. Officer', level: 'other', role: 'secretariat' }, operator);
    expect(m.last('participant.added')!.visibility).toEqual({ scope: 'staff' });
  });

  it('every role\'s view carries the meeting\'s time zone, so consoles print times in it (issue 11)', () => {
    const m = new TestMeeting();
    m.ok('meeting.create', { ...meetingSetup(), timeZone: 'America/New_York' }, operator);
    for (const who of [{ role: 'viewer' as const, participantId: 'v-1' }, { role: 'chair' as const, participantId: 'p-chair' }]) {
      expect(projectFloor(m.state, who).timeZone).toBe('America/New_York');
    }
    const utc = new TestMeeting();
    utc.ok('meeting.create', meetingSetup(), operator);
    expect(projectFloor(utc.state, { role: 'viewer', participantId: 'v-1' })).not.toHaveProperty('timeZone');
  });

  it('refuses unknown commands, bad payloads and timers from clients without throwing', () => {
    const s = initialFloorState('x');
    const ctx = { now: 0, actor: chair };
    expect(decideFloor(s, { type: 'nope', payload: {} }, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(decideFloor(s, { type: 'meeting.open', payload: { x: 1 } }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(decideFloor(s, { type: 'timer.fire', payload: { key: 'k' } }, ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(decideFloor(s, { type: 'meeting.create', payload: 42 }, { now: 0, actor: operator })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(decideFloor(s, { type: 'timer.fire', payload: { key: 'k' } }, { now: 0, actor: SYSTEM_ACTOR })).toMatchObject({ ok: false, error: { code: 'MEETING_NOT_CREATED' } });
  });

  it('projects a snapshot per audience and lists its event types', () => {
    const m = new TestMeeting();
    m.ok('meeting.create', meetingSetup(), operator);
    expect(projectFloor(m.state, viewer)).toMatchObject({ status: 'created', seq: 1 });
    expect(FLOOR_EVENT_TYPES).toContain('speech.ended');
  });
});

describe('rules profiles', () => {
  it('resolves every preset and deep-merges overrides', () => {
    for (const preset of ['un-ga', 'ecosoc', 'robert', 'informal-panel', 'model-un']) expect(resolveProfile({ preset }).ok).toBe(true);
    const r = resolveProfile({ preset: 'un-ga', overrides: { time: { defaultSeconds: 240 } } });
    expect(r.ok && r.profile.time).toMatchObject({ defaultSeconds: 240, warningsSeconds: [30] });
  });

  it('names the invalid field', () => {
    const r = resolveProfile({ preset: 'un-ga', overrides: { rightOfReply: { maxPerDelegation: -1 } } });
    expect(r).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
    expect(!r.ok && r.error.message).toContain('rightOfReply.maxPerDelegation');
    expect(resolveProfile({ preset: 'nope' })).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
    expect(resolveProfile({ preset: 'un-ga', overrides: { bogus: 1 } })).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
  });

  it('R10 R14 R13 R36 R29 R49 the robert preset is the table of RULES.md: pro/con alternation, first-time speakers first, 600 s and two speeches, no replies, closing by vote, all members vote', () => {
    const r = resolveProfile({ preset: 'robert' });
    expect(r.ok && r.profile).toMatchObject({
      preset: 'robert', groupsFirst: false, preferFirstTimeSpeakers: true, alternateProCon: true, reorderNeedsReason: false, maxSpeechesPerItem: 2,
      time: { defaultSeconds: 600, perTypeSeconds: { statement: 600, 'point-of-order': 120 }, perTierSeconds: {}, warningsSeconds: [30], overrun: 'alert-chair' },
      rightOfReply: { enabled: false }, closing: { requiresAnnouncement: false, consent: 'vote' },
      pointsOfOrder: { enabled: true, interrupts: true, appeal: true },
      voting: { entitledTiers: ['officers', 'members'], majority: 'simple' },
    });
    expect(r.ok && r.profile.time.perTypeSeconds).toMatchObject({ statement: 600, 'point-of-order': 120 });
  });

  it('R35 R22 R24 R29 R6 the informal-panel preset: soft 300 s with 30 s grace, no appeal, no replies, the chair closes, no place lost, no votes', () => {
    const r = resolveProfile({ preset: 'informal-panel' });
    expect(r.ok && r.profile).toMatchObject({
      groupsFirst: false, reorderNeedsReason: false, changeLosesPlace: false,
      time: { defaultSeconds: 300, perTierSeconds: {}, overrun: 'end-after-grace', graceSeconds: 30 },
      pointsOfOrder: { enabled: true, appeal: false }, rightOfReply: { enabled: false },
      closing: { requiresAnnouncement: false, consent: 'chair' }, voting: { entitledTiers: [] },
    });
    expect(r.ok && r.profile.time.perTypeSeconds).toMatchObject({ statement: 300, question: 120, 'point-of-order': 120 });
  });

  it('R37 R35 R34 the model-un preset: 90 s, a 10 s warning, ended at expiry, no appeal, no replies, yields on', () => {
    const r = resolveProfile({ preset: 'model-un' });
    expect(r.ok && r.profile).toMatchObject({
      groupsFirst: false, reorderNeedsReason: false, changeLosesPlace: true,
      time: { defaultSeconds: 90, perTierSeconds: {}, warningsSeconds: [10], overrun: 'end-after-grace', graceSeconds: 0 },
      pointsOfOrder: { enabled: true, appeal: false }, rightOfReply: { enabled: false },
      closing: { requiresAnnouncement: false, consent: 'chair' }, yields: { enabled: true }, voting: { entitledTiers: ['members'] },
    });
    expect(r.ok && r.profile.time.perTypeSeconds).toMatchObject({ statement: 90, 'point-of-order': 60 });
  });

  it('R14 R33 the un-ga preset does not alternate pro and con, and gives civil society 180 s where no per-type limit applies (ecosoc too, where it may speak)', () => {
    const ga = resolveProfile({ preset: 'un-ga' });
    expect(ga.ok && ga.profile).toMatchObject({ alternateProCon: false, preferFirstTimeSpeakers: false, groupsFirst: true, time: { perTierSeconds: { 'civil-society': 180 } } });
    const m = openMeeting('ecosoc');
    const ipi = m.ok('floor.request', { type: 'question' }, delegate('IPI'))[0]!.payload as { entry: { entryId: string } };
    expect(m.ok('chair.next')[0]!.payload).toMatchObject({ entry: { entryId: ipi.entry.entryId }, allottedSeconds: 180 });   // R33: no per-type limit for a question, so the tier's
  });

  it('an override left unset keeps the preset\'s value; a section replaced by a scalar is refused, naming it', () => {
    const kept = resolveProfile({ preset: 'un-ga', overrides: { time: { defaultSeconds: undefined, graceSeconds: 5 } } });
    expect(kept.ok && kept.profile.time).toMatchObject({ defaultSeconds: 300, graceSeconds: 5 });
    const scalar = resolveProfile({ preset: 'un-ga', overrides: { time: 300 } });
    expect(scalar).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID', details: { field: 'time' } } });
    expect(!scalar.ok && scalar.error.message).toMatch(/^profile field "time": /);
    const bad = resolveProfile({ preset: 'un-ga', overrides: { rightOfReply: { maxPerDelegation: -1 } } });
    expect(!bad.ok && bad.error.details).toMatchObject({ field: 'rightOfReply.maxPerDelegation', issues: [expect.objectContaining({ path: ['rightOfReply', 'maxPerDelegation'] })] });
    expect(resolveProfile({ preset: 'nope' })).toEqual({ ok: false, error: { code: 'PROFILE_INVALID', message: 'unknown preset "nope"', details: { field: 'preset' } } });
  });

  it('overrides cannot reach the prototype: __proto__, constructor and prototype keys are ignored', () => {
    const r = resolveProfile({ preset: 'un-ga', overrides: JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"x": 1}, "prototype": {"y": 2}, "time": {"constructor": {"z": 3}, "defaultSeconds": 200}}') });
    expect(r.ok).toBe(true);
    expect(r.ok && r.profile.time.defaultSeconds).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.ok && Object.getPrototypeOf(r.profile)).toBe(Object.prototype);
  });

  it('R5 R10 an eligible tier the profile does not order is refused, naming it', () => {
    const r = resolveProfile({ preset: 'un-ga', overrides: { tiers: ['groups', 'members'] } });
    expect(r).toEqual({ ok: false, error: { code: 'PROFILE_INVALID', message: 'profile field "eligibleTiers": "officers" is not one of tiers', details: { field: 'eligibleTiers' } } });
    expect(resolveProfile({ preset: 'un-ga', overrides: { tiers: ['groups', 'members'], eligibleTiers: ['members'] } }).ok).toBe(true);
  });

  it('R3 a participant added after the meeting was created speaks under the name, title and level registered for it', () => {
    const m = openMeeting();
    const minister: typeof chair = { role: 'delegate', participantId: 'p-gha-2', delegationId: 'GHA' };
    expect(m.no('participant.add', { id: 'p-gha-2', name: 'Hon. Ama Boateng', title: 'Minister for Foreign Affairs', level: 'minister', role: 'delegate', delegationId: 'GHA' }, chair).code).toBe('FORBIDDEN');
    expect(m.no('participant.add', { id: 'p-x', name: 'Nobody', level: 'other', role: 'delegate', delegationId: 'XXX' }, operator).code).toBe('NO_SUCH_DELEGATION');
    const [added] = m.ok('participant.add', { id: 'p-gha-2', name: 'Hon. Ama Boateng', title: 'Minister for Foreign Affairs', level: 'minister', role: 'delegate', delegationId: 'GHA' }, operator);
    expect(added).toMatchObject({ type: 'participant.added', visibility: { scope: 'staff', delegationId: 'GHA' } });
    const [withDetails] = m.ok('participant.add', { id: 'p-gha-3', name: 'Ms. Efua Mensah', level: 'other', role: 'delegate', delegationId: 'GHA', gender: 'female', language: 'fr' }, operator);
    // Gender and language reach the log as the setup's participants carry them (statistics, language of delivery).
    expect(withDetails.payload).toMatchObject({ gender: 'female', language: 'fr' });
    expect(m.state.participants['p-gha-3']).toMatchObject({ gender: 'female', language: 'fr' });
    const [requested] = m.ok('floor.request', { type: 'statement' }, minister);
    expect(requested.payload).toMatchObject({ entry: { speakerName: 'Hon. Ama Boateng', speakerTitle: 'Minister for Foreign Affairs', level: 'minister', participantId: 'p-gha-2' } });
  });
});

describe('refusals of the floor, each with its own code and message', () => {
  const raise = (m: TestMeeting, d: string): string =>
    (m.ok('floor.request', { type: 'point-of-order', text: 'order' }, delegate(d))[0]!.payload as { entry: { entryId: string } }).entry.entryId;

  it('an invalid payload is refused with the schema\'s issues; an adjourned meeting says so, not merely "not open"', () => {
    const m = openMeeting();
    const bad = m.no('chair.reorder', { entryId: 'e1', toIndex: -1 });
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path: ['toIndex'] })] } });
    m.ok('meeting.adjourn');
    expect(m.no('chair.next')).toMatchObject({ code: 'MEETING_ADJOURNED', message: 'the meeting is adjourned' });
    expect(m.no('meeting.adjourn')).toMatchObject({ code: 'MEETING_ADJOURNED', message: 'the meeting is already adjourned' });
  });

  it('R2 R31 an item is taken up once, and a concluded one is not taken up again nor concluded twice', () => {
    const m = openMeeting();
    expect(m.no('item.takeUp', { itemId: 'item-1' })).toMatchObject({ code: 'VALIDATION_FAILED', message: 'this item is already taken up' });
    m.ok('item.conclude');
    expect(m.no('item.conclude', { itemId: 'item-1' })).toMatchObject({ code: 'ITEM_CONCLUDED', message: 'the debate on this item is already concluded' });
    expect(m.no('item.takeUp', { itemId: 'item-1' })).toMatchObject({ code: 'ITEM_CONCLUDED', message: 'the debate on this item is concluded' });
    expect(m.no('chair.next').code).toBe('NO_CURRENT_ITEM');
  });

  it('R21 the chair pauses or resumes only the speech holding the floor', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    const nor = inscribe(m, 'NOR');
    m.ok('chair.next'); m.ok('speech.start');
    expect(m.no('speech.pause', { entryId: nor })).toMatchObject({ code: 'NO_SPEECH', message: `entry ${nor} is not speaking` });
    m.ok('speech.pause', { entryId: gha });
  });

  it('R23 a point of order is not declined like an entry: the refusal says a ruling settles it', () => {
    const m = openMeeting();
    const poo = raise(m, 'GBR');
    expect(m.no('chair.decline', { entryId: poo })).toMatchObject({ code: 'RULING_REQUIRED', message: 'a point of order is settled by a ruling' });
  });

  it('R18 R21 a point of order is not recognised while a speaker has been called, nor over another point of order being heard', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    m.ok('chair.next');                                          // GHA called, not yet speaking
    const poo = raise(m, 'GBR');
    expect(m.no('chair.grant', { entryId: poo })).toMatchObject({ code: 'FLOOR_OCCUPIED', message: 'finish the point of order being heard first' });
    const n = openMeeting();
    const first = raise(n, 'GBR');
    n.ok('chair.grant', { entryId: first }); n.ok('speech.start');   // no speech interrupted
    const second = raise(n, 'EGY');
    expect(n.no('chair.grant', { entryId: second }).code).toBe('FLOOR_OCCUPIED');
    const gha = inscribe(n, 'GHA');
    expect(n.no('pointOfOrder.rule', { entryId: gha, decision: 'upheld', text: 'x' })).toMatchObject({ code: 'NO_SUCH_ENTRY', message: 'no pending point of order with this id' });
  });

  it('R22 only the last ruling is appealed, once, and not where the profile allows no appeal', () => {
    const m = openMeeting();
    const first = raise(m, 'GBR');
    const second = raise(m, 'EGY');
    m.ok('pointOfOrder.rule', { entryId: first, decision: 'rejected', text: 'Not a point of order.' });
    m.ok('pointOfOrder.rule', { entryId: second, decision: 'rejected', text: 'Not a point of order.' });
    expect(m.no('pointOfOrder.appeal', { entryId: first }, delegate('GBR'))).toMatchObject({ code: 'APPEAL_NOT_ALLOWED', message: 'only the last ruling may be appealed, before the next business' });
    m.ok('pointOfOrder.appeal', { entryId: second }, delegate('EGY'));
    expect(m.no('pointOfOrder.appeal', { entryId: second }, delegate('GHA')).code).toBe('APPEAL_NOT_ALLOWED');
    const mun = openMeeting('model-un');
    const p = raise(mun, 'GBR');
    mun.ok('pointOfOrder.rule', { entryId: p, decision: 'rejected', text: 'Not a point of order.' });
    expect(mun.no('pointOfOrder.appeal', { entryId: p }, delegate('GBR'))).toMatchObject({ code: 'APPEAL_NOT_ALLOWED', message: 'rulings are not open to appeal in this meeting' });
  });

  it('R2 an unknown item or entry is named in the refusal; without an item taken up the list cannot be reached', () => {
    const m = openMeeting();
    expect(m.no('floor.request', { type: 'statement', itemId: 'item-9' }, delegate('GHA'))).toMatchObject({ code: 'NO_SUCH_ITEM', message: 'no agenda item item-9' });
    expect(m.no('chair.grant', { entryId: 'e99' })).toMatchObject({ code: 'NO_SUCH_ENTRY', message: 'no entry e99' });
    m.ok('item.conclude');
    expect(m.no('list.announce')).toMatchObject({ code: 'NO_CURRENT_ITEM', message: 'no agenda item is taken up' });
  });
});

