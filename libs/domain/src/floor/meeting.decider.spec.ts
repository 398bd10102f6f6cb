import { FLOOR_EVENT_TYPES, SYSTEM_ACTOR } from '@rostrum/contracts';
import { chair, delegate, meetingSetup, openMeeting, operator, TestMeeting, viewer } from './floor.fixtures';
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
