import { chair, delegate, inscribe, meetingSetup, openMeeting, operator, TestMeeting } from './floor.fixtures';
import { projectFloor } from './index';

// Issue 12: each intervention records the language spoken; interpreters see the next speakers' languages.
describe('language of delivery', () => {
  it('R44 the language requested travels from the list of speakers to the intervention', () => {
    const m = openMeeting();
    const e = inscribe(m, 'GHA', { language: 'fr' });
    expect(m.state.entries[e]).toMatchObject({ language: 'fr' });
    // Everyone following the list (interpreters among them) sees the language of each speaker waiting.
    const view = projectFloor(m.state, { role: 'viewer', participantId: 'v1' } as never) as unknown as { lists: Record<string, { speakers: Array<{ entryId: string; language?: string }> }> };
    expect(view.lists['item-1'].speakers.find((s) => s.entryId === e)).toMatchObject({ language: 'fr' });
    m.ok('chair.next', {}, chair);
    m.ok('speech.start', {}, chair);
    m.seconds(30);
    const ended = m.ok('speech.end', {}, chair).find((x) => x.type === 'speech.ended')!;
    expect((ended.payload as { intervention: { language?: string } }).intervention.language).toBe('fr');
  });

  it('without a language in the request, the speaker\'s usual language from the setup is used; none when unknown', () => {
    const m = new TestMeeting();
    const setup = meetingSetup();
    setup.participants = setup.participants.map((p) => (p.delegationId === 'SEN' ? { ...p, language: 'ar' } : p));
    m.ok('meeting.create', setup, operator);
    m.ok('meeting.open');
    m.ok('item.takeUp', { itemId: 'item-1' });
    const withSetup = inscribe(m, 'SEN', {}, delegate('SEN'));
    expect(m.state.entries[withSetup]!.language).toBe('ar');
    const unknown = inscribe(m, 'NOR');
    expect(m.state.entries[unknown]!.language).toBeUndefined();
  });

  it('a language name that is too long is refused and changes nothing', () => {
    const m = openMeeting();
    const before = m.state.seq;
    expect(m.no('floor.request', { type: 'statement', language: 'x'.repeat(41) }, delegate('GHA')).code).toBe('VALIDATION_FAILED');
    expect(m.state.seq).toBe(before);
  });
});

describe('the setup the record needs survives meeting.create', () => {
  it('symbol, session, meeting number, delegation category, participant gender and language reach meeting.created', () => {
    const m = new TestMeeting();
    const setup = meetingSetup();
    const withExtras = {
      ...setup, symbol: 'E/2026/SR.12', session: '2026 session', meetingNumber: 12,
      delegations: setup.delegations.map((d, i) => (i === 0 ? { ...d, category: 'member-state' } : d)),
      participants: setup.participants.map((p, i) => (i === 0 ? { ...p, gender: 'female', language: 'ar' } : p)),
    };
    const [created] = m.ok('meeting.create', withExtras, operator);
    expect(created.payload).toMatchObject({ symbol: 'E/2026/SR.12', session: '2026 session', meetingNumber: 12 });
    const payload = created.payload as typeof withExtras;
    expect(payload.delegations[0]).toMatchObject({ category: 'member-state' });
    expect(payload.participants[0]).toMatchObject({ gender: 'female', language: 'ar' });
  });
});
