import {
  AgendaItemSetupSchema, DelegationSetupSchema, GroupSetupSchema, MeetingSetupSchema, ParticipantSetupSchema, QnaSettingsSchema,
  type MeetingSetupInput,
} from '@rostrum/contracts';
import { fieldsFromSetup, setupFromFields } from './setup-fields';

/** A setup that sets every field the API accepts (checked below), with the chair first. */
const FULL: MeetingSetupInput = {
  id: 'ecosoc-12', title: 'Peacekeeping in Africa', body: 'Economic and Social Council', venue: 'ECOSOC Chamber', date: '2026-11-12',
  symbol: 'E/2026/SR.12', session: '2026 session', meetingNumber: 12, timeZone: 'America/New_York', public: false, viewers: 'verified',
  profile: {
    preset: 'ecosoc',
    overrides: {
      time: { defaultSeconds: 180, warningsSeconds: [60, 30], overrun: 'end-after-grace', graceSeconds: 15 },
      groupsFirst: false, levelOrdering: true, pointsOfOrder: { appeal: false }, rightOfReply: { enabled: true }, closing: { requiresAnnouncement: false },
    },
  },
  items: [{ id: 'item-1', title: 'Partnerships | synergies' }, { id: 'item-2', title: 'Financing' }],
  groups: [{ id: 'AFG', name: 'African Group', coordinatorDelegationId: 'SEN' }],
  delegations: [
    { id: 'SEN', name: 'Senegal', tier: 'members', groups: ['AFG'], category: 'member-state' },
    { id: 'AU', name: 'African Union', tier: 'igo-observers', groups: [], category: 'intergovernmental-organization' },
  ],
  participants: [
    { id: 'chair', role: 'chair', name: 'Ms. Lachezara Stoeva', title: 'President of the Council', delegationId: 'SEN' },
    { id: 'sen', role: 'delegate', name: 'Mr. Cheikh Ndiaye', delegationId: 'SEN', title: 'Permanent Representative', level: 'head-of-delegation', gender: 'male', language: 'fr' },
    { id: 'mod', role: 'moderator', name: 'Q&A moderator' },
  ],
  qna: {
    enabled: true, moderation: 'open', anonymity: 'strict', viewersMayAsk: false, viewersMayVote: true, maxLength: 400,
    blockedWords: ['spam*', 'bad word'], rateLimit: { questions: 2, windowSeconds: 120 },
  },
  sittings: [{ startsAt: '2026-11-12T10:00:00-05:00', endsAt: '2026-11-12T13:00:00-05:00' }],
};

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape).sort();

describe('the setup form maps every field of the setup (issue 11: time zone and body were lost)', () => {
  it('the fixture sets every field the API accepts, so the round trip below covers them all', () => {
    expect(Object.keys(FULL).sort()).toEqual(keysOf(MeetingSetupSchema));
    expect(Object.keys(FULL.qna!).sort()).toEqual(keysOf(QnaSettingsSchema));
    const participantKeys = new Set(FULL.participants!.flatMap((p) => Object.keys(p)));
    expect([...participantKeys].sort()).toEqual(keysOf(ParticipantSetupSchema));
    expect([...new Set(FULL.delegations!.flatMap((d) => Object.keys(d)))].sort()).toEqual(keysOf(DelegationSetupSchema));
    expect(Object.keys(FULL.groups![0]!).sort()).toEqual(keysOf(GroupSetupSchema));
    expect(Object.keys(FULL.items[0]!).sort()).toEqual(keysOf(AgendaItemSetupSchema));
  });

  it('form → setup → form → setup gives back exactly what was set up', () => {
    const back = setupFromFields(fieldsFromSetup(FULL));
    expect(back).toEqual({ ok: true, setup: FULL });
    expect(MeetingSetupSchema.safeParse((back as { setup: unknown }).setup).success).toBe(true);
  });

  it('the presiding officer fields make the chair; the time zone and body are sent as typed', () => {
    const f = fieldsFromSetup(FULL);
    expect(f).toMatchObject({ presidingName: 'Ms. Lachezara Stoeva', presidingTitle: 'President of the Council', presidingDelegation: 'SEN', timeZone: 'America/New_York', body: 'Economic and Social Council' });
    expect(f.participants).not.toContain('Lachezara');
    const r = setupFromFields({ ...f, presidingName: 'Mr. Bob Rae', presidingId: '', timeZone: 'Europe/Zurich' });
    expect(r.ok && r.setup.participants![0]).toEqual({ role: 'chair', name: 'Mr. Bob Rae', title: 'President of the Council', delegationId: 'SEN' });
    expect(r.ok && r.setup.timeZone).toBe('Europe/Zurich');
  });

  it('empty override fields leave the preset alone; nothing is sent for them', () => {
    const f = { ...fieldsFromSetup(FULL), defaultSeconds: '', warningsSeconds: '', overrun: '' as const, graceSeconds: '', groupsFirst: '' as const, levelOrdering: '' as const, pointOfOrderAppeal: '' as const, rightOfReply: '' as const, closingNeedsAnnouncement: '' as const };
    const r = setupFromFields(f);
    expect(r.ok && r.setup.profile).toEqual({ preset: 'ecosoc', overrides: {} });
  });

  it('bad fields are named, and nothing is sent', () => {
    const f = { ...fieldsFromSetup(FULL), title: ' ', defaultSeconds: 'three', timeZone: 'Mars/Olympus', participants: 'delegate' };
    const r = setupFromFields(f, (tz) => tz !== 'Mars/Olympus');
    expect(r).toEqual({ ok: false, problems: expect.arrayContaining([
      { field: 'title', message: 'setup.error.required' }, { field: 'defaultSeconds', message: 'setup.error.number' },
      { field: 'timeZone', message: 'setup.error.timeZone' }, { field: 'participants', message: 'setup.error.line', line: 1 },
    ]) });
  });
});
