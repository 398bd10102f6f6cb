import { bandsOf, chair, delegate, hear, inscribe, openMeeting, secretariat, speakers } from './floor.fixtures';

describe('B. order and precedence', () => {
  it('R9 within a tier, first come first served by server time', () => {
    // Neither alphabetical (GBR, GHA, NOR) nor the roster's order (GHA, NOR, GBR): only time decides.
    const m = openMeeting('un-ga', { groupsFirst: false });
    inscribe(m, 'NOR'); m.seconds(1);
    inscribe(m, 'GBR'); m.seconds(1);
    inscribe(m, 'GHA');
    expect(speakers(m)).toEqual(['NOR', 'GBR', 'GHA']);
  });

  it('R10 a higher non-empty tier goes first', () => {
    const m = openMeeting('ecosoc');
    inscribe(m, 'IPI'); m.seconds(1);
    inscribe(m, 'AU'); m.seconds(1);
    inscribe(m, 'NOR');
    expect(speakers(m)).toEqual(['NOR', 'AU', 'IPI']);
  });

  it('R10 the tier order comes from the profile', () => {
    const m = openMeeting('ecosoc', { tiers: ['igo-observers', 'members', 'civil-society', 'officers', 'groups', 'observer-states', 'un-entities'] });
    inscribe(m, 'NOR'); m.seconds(1);
    inscribe(m, 'IPI'); m.seconds(1);
    inscribe(m, 'AU');
    expect(speakers(m)).toEqual(['AU', 'NOR', 'IPI']);
  });

  it('R11 Senegal for the African Group at 09:05 speaks before Egypt national at 09:00', () => {
    const m = openMeeting('un-ga');
    inscribe(m, 'EGY'); m.seconds(300);
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    expect(speakers(m)).toEqual(['SEN', 'EGY']);
  });

  it('R11 a group statement ranks in the profile\'s groups tier, ahead of a tier above its own delegation\'s', () => {
    // Observers placed between groups and members: the African Union (national, 09:00) waits for Senegal for the group (09:05).
    const m = openMeeting('ecosoc', { tiers: ['officers', 'groups', 'igo-observers', 'members', 'observer-states', 'un-entities', 'civil-society'] });
    inscribe(m, 'AU'); m.seconds(300);
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } }); m.seconds(1);
    inscribe(m, 'EGY');
    expect(speakers(m)).toEqual(['SEN', 'AU', 'EGY']);
  });

  it('R10 R11 a tier the profile places above the groups tier still goes before a group statement', () => {
    // Observers above groups: the African Union (national, 09:05) precedes Senegal for the group (09:00).
    const m = openMeeting('ecosoc', { tiers: ['officers', 'igo-observers', 'groups', 'members', 'observer-states', 'un-entities', 'civil-society'] });
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } }); m.seconds(300);
    inscribe(m, 'EGY'); m.seconds(1);
    inscribe(m, 'AU');
    expect(speakers(m)).toEqual(['AU', 'SEN', 'EGY']);
  });

  it('R11 without a groups tier a group statement still precedes the national statements of its tier', () => {
    const m = openMeeting('ecosoc', { tiers: ['officers', 'members', 'observer-states', 'igo-observers', 'un-entities', 'civil-society'], eligibleTiers: ['members', 'igo-observers', 'civil-society'] });
    inscribe(m, 'EGY'); m.seconds(300);
    inscribe(m, 'AU'); m.seconds(1);
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    expect(speakers(m)).toEqual(['SEN', 'EGY', 'AU']);
  });

  it('R11 with groupsFirst off, group statements wait their turn', () => {
    const m = openMeeting('un-ga', { groupsFirst: false });
    inscribe(m, 'EGY'); m.seconds(300);
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    expect(speakers(m)).toEqual(['EGY', 'SEN']);
  });

  it('R12 in a high-level segment a minister precedes an ambassador; ties by time', () => {
    const m = openMeeting('un-ga', { levelOrdering: true });
    inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'NOR', { speaker: { name: 'Foreign Minister', level: 'minister' } }, secretariat); m.seconds(1);
    inscribe(m, 'GBR', { speaker: { name: 'Prime Minister', level: 'head-of-government' } }, secretariat); m.seconds(1);
    inscribe(m, 'EGY', { speaker: { name: 'Minister', level: 'minister' } }, secretariat);
    expect(speakers(m)).toEqual(['GBR', 'NOR', 'EGY', 'GHA']);
    const off = openMeeting('un-ga');
    inscribe(off, 'GHA'); off.seconds(1);
    inscribe(off, 'NOR', { speaker: { name: 'Foreign Minister', level: 'minister' } }, secretariat);
    expect(speakers(off)).toEqual(['GHA', 'NOR']);
  });

  it('R12 a delegate cannot declare its own rank: name and level come from its registration; only the chair or secretariat set another, recorded with the actor', () => {
    const m = openMeeting('un-ga', { levelOrdering: true });
    inscribe(m, 'GHA'); m.seconds(1);                                           // registered head of delegation, inscribed first
    // Egypt's delegate claims head of state in its own request: refused, nothing recorded.
    const before = m.log.length;
    expect(m.no('floor.request', { type: 'statement', speaker: { name: 'President', level: 'head-of-state' } }, delegate('EGY')).code).toBe('SPEAKER_FROM_REGISTRATION');
    expect(m.log.length).toBe(before);
    const egy = inscribe(m, 'EGY');
    expect(speakers(m)).toEqual(['GHA', 'EGY']);
    expect(m.no('floor.amend', { entryId: egy, speaker: { name: 'President', level: 'head-of-state' } }, delegate('EGY')).code).toBe('SPEAKER_FROM_REGISTRATION');
    expect(m.last('floor.requested')!.payload).toMatchObject({ entry: { speakerName: 'Speaker of Egypt', level: 'head-of-delegation' } });
    // The secretariat may: the change is recorded with who made it, and R12 applies.
    m.ok('floor.amend', { entryId: egy, speaker: { name: 'H.E. the President', level: 'head-of-state' } }, secretariat);
    expect(m.last('floor.amended')!.payload).toMatchObject({ changes: { level: 'head-of-state', speakerSetBy: secretariat.participantId } });
    expect(m.last('floor.amended')!.actor.participantId).toBe(secretariat.participantId);
    expect(speakers(m)).toEqual(['EGY', 'GHA']);
  });

  it('R13 under robert a delegation that has not spoken goes before one that has', () => {
    const m = openMeeting('robert', { alternateProCon: false });
    inscribe(m, 'GHA'); hear(m);
    inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'NOR');
    expect(speakers(m)).toEqual(['NOR', 'GHA']);
    const ga = openMeeting('un-ga');
    inscribe(ga, 'GHA'); hear(ga);
    inscribe(ga, 'GHA'); ga.seconds(1);
    inscribe(ga, 'NOR');
    expect(speakers(ga)).toEqual(['GHA', 'NOR']);
  });

  it('R14 under robert after a speaker against, the next speaker for goes first (on a list with both sides waiting)', () => {
    const m = openMeeting('robert', { preferFirstTimeSpeakers: false });
    inscribe(m, 'EGY', { position: 'against' }); m.seconds(1);
    inscribe(m, 'NOR', { position: 'against' }); m.seconds(1);
    inscribe(m, 'GBR', { position: 'for' }); m.seconds(1);
    inscribe(m, 'SEN', { position: 'for' });
    expect(speakers(m)).toEqual(['EGY', 'NOR', 'GBR', 'SEN']);     // nobody heard yet: by time
    hear(m);                                              // Egypt, against
    expect(speakers(m)).toEqual(['GBR', 'NOR', 'SEN']);
    hear(m);                                              // the United Kingdom, for
    expect(speakers(m)).toEqual(['NOR', 'SEN']);
    hear(m);                                              // Norway, against
    expect(speakers(m)).toEqual(['SEN']);
  });

  it('R14 without a waiting speaker of the other side the order stays; off, there is no alternation', () => {
    const m = openMeeting('robert', { preferFirstTimeSpeakers: false });
    inscribe(m, 'GHA', { position: 'for' }); m.seconds(1);
    inscribe(m, 'NOR', { position: 'for' }); m.seconds(1);
    inscribe(m, 'GBR');                                   // no position
    hear(m);
    expect(speakers(m)).toEqual(['NOR', 'GBR']);
    const off = openMeeting('robert', { alternateProCon: false, preferFirstTimeSpeakers: false });
    inscribe(off, 'GHA', { position: 'for' }); off.seconds(1);
    inscribe(off, 'NOR', { position: 'for' }); off.seconds(1);
    inscribe(off, 'EGY', { position: 'against' });
    hear(off);
    expect(speakers(off)).toEqual(['NOR', 'EGY']);
  });

  it('R14 under robert after a speaker for, the next speaker against goes first', () => {
    const m = openMeeting('robert');
    inscribe(m, 'GHA', { position: 'for' }); m.seconds(1);
    inscribe(m, 'NOR', { position: 'for' }); m.seconds(1);
    inscribe(m, 'EGY', { position: 'against' }); m.seconds(1);
    inscribe(m, 'GBR', { position: 'for' });
    hear(m);                                              // Ghana, for
    expect(speakers(m)).toEqual(['EGY', 'NOR', 'GBR']);
    hear(m);                                              // Egypt, against
    expect(speakers(m)).toEqual(['NOR', 'GBR']);
  });

  it('R15 the chair moves an entry, recording old and new position and the reason', () => {
    const m = openMeeting('un-ga');
    inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'NOR'); m.seconds(1);
    const egy = inscribe(m, 'EGY');
    expect(m.no('chair.reorder', { entryId: egy, toIndex: 0 }).code).toBe('REASON_REQUIRED');
    expect(m.no('chair.reorder', { entryId: egy, toIndex: 0, reason: 'x' }, delegate('EGY')).code).toBe('FORBIDDEN');
    const ev = m.ok('chair.reorder', { entryId: egy, toIndex: 0, reason: 'minister must leave' });
    expect(ev[0]!.payload).toMatchObject({ entryId: egy, fromIndex: 2, toIndex: 0, reason: 'minister must leave', by: chair.participantId });
    expect(speakers(m)).toEqual(['EGY', 'GHA', 'NOR']);
    m.seconds(1);
    inscribe(m, 'GBR');                                    // later entries still join by the rules
    expect(speakers(m)).toEqual(['EGY', 'GHA', 'NOR', 'GBR']);
  });

  it('R15 a reason is optional when the profile says so', () => {
    const m = openMeeting('informal-panel');
    inscribe(m, 'GHA'); m.seconds(1);
    const nor = inscribe(m, 'NOR');
    m.ok('chair.reorder', { entryId: nor, toIndex: 0 });
    expect(speakers(m)).toEqual(['NOR', 'GHA']);
  });

  it('R16 points of order, then replies whose time has come, then the ordinary list', () => {
    const m = openMeeting('un-ga', { rightOfReply: { timing: 'immediate' } });
    const gha = inscribe(m, 'GHA'); hear(m);
    inscribe(m, 'NOR'); m.seconds(1);
    const rr = m.ok('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('EGY'));
    m.ok('chair.grant', { entryId: (rr[0]!.payload as any).entry.entryId });
    m.ok('floor.request', { type: 'point-of-order' }, delegate('GBR'));
    const b = bandsOf(m);
    expect(b.pointsOfOrder.map((e) => e.delegationId)).toEqual(['GBR']);
    expect(b.call.map((e) => e.delegationId)).toEqual(['EGY', 'NOR']);
  });

  it('R16 with end-of-item timing a granted reply waits for the list to run out', () => {
    const m = openMeeting('un-ga');
    const gha = inscribe(m, 'GHA'); hear(m);
    inscribe(m, 'NOR');
    const rr = m.ok('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('EGY'));
    m.ok('chair.grant', { entryId: (rr[0]!.payload as any).entry.entryId });
    expect(bandsOf(m).call.map((e) => e.delegationId)).toEqual(['NOR']);
    expect(bandsOf(m).later.map((e) => e.delegationId)).toEqual(['EGY']);
    hear(m);
    expect(bandsOf(m).call.map((e) => e.delegationId)).toEqual(['EGY']);
  });
});

describe('B. moving an entry by hand (R15): what cannot be moved', () => {
  it('R15 the chair cannot move an entry while the meeting is suspended, an entry that does not exist, or one already called', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA'); m.seconds(1);
    const nor = inscribe(m, 'NOR');
    m.ok('meeting.suspend');
    expect(m.no('chair.reorder', { entryId: nor, toIndex: 0, reason: 'x' }).code).toBe('MEETING_NOT_OPEN');
    m.ok('meeting.resume');
    expect(m.no('chair.reorder', { entryId: 'e999', toIndex: 0, reason: 'x' }).code).toBe('NO_SUCH_ENTRY');
    m.ok('chair.next');
    expect(m.state.called).toBe(gha);
    expect(m.no('chair.reorder', { entryId: gha, toIndex: 1, reason: 'x' }).code).toBe('ENTRY_NOT_WAITING');
  });
});
