import {
  chair, delegate, DELEGATIONS, hear, inscribe, meetingSetup, openMeeting, operator, secretariat, speakers, T0, TestMeeting,
} from './floor.fixtures';
import { provisionalList } from './provisional-list';
import { projectFloor } from './projection';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A created meeting (no meeting running yet) with a profile and planned meetings. */
function session(overrides: Record<string, unknown> = {}, sittings: Array<{ startsAt: string; endsAt: string }> = []): TestMeeting {
  const m = new TestMeeting();
  m.ok('meeting.create', { ...meetingSetup('un-ga', overrides), sittings }, operator);
  return m;
}

const connectAll = (m: TestMeeting) => { for (const x of DELEGATIONS) m.ok('presence.update', { status: 'connected', mode: 'in-room' }, delegate(x.id)); };
const ack = (m: TestMeeting) => m.last('inscription.acknowledged')!;

describe('J. debates across meetings', () => {
  it('R45 the list carries over: speakers not reached when the meeting rises head the list when the debate resumes', () => {
    const m = openMeeting('un-ga', { levelOrdering: true });
    for (const d of ['GHA', 'NOR', 'SEN', 'EGY']) inscribe(m, d);
    hear(m, 30);                                                  // GHA heard in the 1st meeting
    expect(m.no('meeting.rise', {}, delegate('GHA')).code).toBe('FORBIDDEN');
    m.ok('chair.next'); m.ok('speech.start');
    expect(m.no('meeting.rise').code).toBe('FLOOR_OCCUPIED');
    m.ok('speech.end');                                           // NOR heard
    const rose = m.ok('meeting.rise')[0]!;
    expect(rose.payload).toEqual({ sitting: 1, carriedOver: [{ itemId: 'item-1', entryIds: [expect.any(String), expect.any(String)] }] });
    expect(m.state.status).toBe('risen');
    expect(m.no('chair.next').code).toBe('MEETING_NOT_OPEN');
    // A minister inscribing between the meetings would go first by level (R12), but the carried-over speakers keep the head.
    inscribe(m, 'GBR', { speaker: { name: 'Minister of the UK', level: 'minister' } }, secretariat);   // the secretariat names speakers (R3)
    expect(speakers(m)).toEqual(['SEN', 'EGY', 'GBR']);
    expect(m.ok('meeting.open')[0]!.payload).toEqual({ sitting: 2 });
    hear(m, 30);
    expect(speakers(m)).toEqual(['EGY', 'GBR']);
    m.ok('meeting.rise');
    m.ok('meeting.open');                                         // the 3rd meeting
    hear(m, 30); hear(m, 30);
    const list = provisionalList(m.state, 'item-1')!;
    // The debate's list says in which meeting each speaker was heard.
    expect(list.speakers.map((s) => [s.delegationId, s.status, s.sitting])).toEqual([
      ['GHA', 'heard', 1], ['NOR', 'heard', 1], ['SEN', 'heard', 2], ['EGY', 'heard', 3], ['GBR', 'heard', 3],
    ]);
    expect(m.state.sitting).toBe(3);
  });

  it('R45 a meeting does not rise with a point of order or a vote pending', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    m.ok('chair.next'); m.ok('speech.start');
    m.ok('floor.request', { type: 'point-of-order', text: 'order' }, delegate('GBR'));
    m.ok('speech.end');
    expect(m.no('meeting.rise').code).toBe('POINT_OF_ORDER_PENDING');
    const n = openMeeting();
    n.ok('vote.open', { question: { kind: 'text', text: 'Draft decision L.1' } });
    expect(n.no('meeting.rise').code).toBe('VOTE_IN_PROGRESS');
  });

  it('R46 delegates inscribe only inside the window, days before the first meeting; the chair and secretariat at any time', () => {
    const opensAt = T0 + 2 * MIN;
    const closesAt = T0 + 60 * MIN;
    const m = session({ inscription: { opensAt: iso(opensAt), closesAt: iso(closesAt), slotSeconds: null } });
    expect(m.no('floor.request', { type: 'statement', itemId: 'item-1' }, delegate('GHA')).code).toBe('INSCRIPTION_CLOSED');
    inscribe(m, 'AU', { itemId: 'item-1', delegationId: 'AU' }, secretariat);       // staff inscribe outside the window
    m.now = opensAt;
    inscribe(m, 'NOR', { itemId: 'item-1' });                     // no meeting has run yet
    expect(m.state.status).toBe('created');
    // Acknowledged to the delegation (and staff) with its provisional place.
    expect(ack(m)).toMatchObject({ visibility: { scope: 'staff', delegationId: 'NOR' }, payload: { delegationId: 'NOR', place: 1, itemId: 'item-1' } });
    m.seconds(1);
    inscribe(m, 'GHA', { itemId: 'item-1' });
    expect(ack(m).payload).toMatchObject({ delegationId: 'GHA', place: 2 });
    expect(m.no('floor.request', { type: 'point-of-order', itemId: 'item-1' }, delegate('SEN')).code).toBe('MEETING_NOT_OPEN');
    m.now = closesAt;
    expect(m.no('floor.request', { type: 'statement', itemId: 'item-1' }, delegate('SEN')).code).toBe('INSCRIPTION_CLOSED');
    inscribe(m, 'SEN', { itemId: 'item-1', delegationId: 'SEN' }, chair);
    expect(speakers(m)).toEqual(['NOR', 'GHA', 'SEN', 'AU']);     // members by time (R9), then observers (R10)
  });

  it('R46 with no window (null) inscription is always open, and the acknowledgement follows the place on the list', () => {
    const m = session();
    inscribe(m, 'GHA', { itemId: 'item-2' });
    expect(ack(m).payload).toMatchObject({ delegationId: 'GHA', itemId: 'item-2', place: 1, sitting: 1, estimatedAt: null });
  });

  it('R46 without an inscription profile, the list being debated is the acknowledgement; an inscription ahead on another item is acknowledged', () => {
    const m = openMeeting();
    const onList = m.ok('floor.request', { type: 'statement' }, delegate('GHA'));
    expect(onList.map((e) => e.type)).toEqual(['floor.requested']);
    const ahead = m.ok('floor.request', { type: 'statement', itemId: 'item-2' }, delegate('GHA'));
    expect(ahead.map((e) => e.type)).toEqual(['floor.requested', 'inscription.acknowledged']);
    const gd = openMeeting('un-ga', { inscription: { opensAt: null, closesAt: null, slotSeconds: 300 } });
    expect(gd.ok('floor.request', { type: 'statement' }, delegate('GHA')).map((e) => e.type)).toEqual(['floor.requested', 'inscription.acknowledged']);
  });

  it('R47 the provisional list: level then inscription time, 15-minute slots, provisional meeting and estimated time', () => {
    const day = Date.UTC(2025, 8, 23);
    const sittings = [
      { startsAt: iso(day + 9 * 60 * MIN), endsAt: iso(day + 9 * 60 * MIN + 45 * MIN) },         // room for 3 slots
      { startsAt: iso(day + 15 * 60 * MIN), endsAt: iso(day + 15 * 60 * MIN + 30 * MIN) },        // room for 2
    ];
    const m = session({ inscription: { opensAt: null, closesAt: null, slotSeconds: 900 } }, sittings);
    const at = (d: string, level: string, name: string) => { inscribe(m, d, { itemId: 'item-1', speaker: { name, level } }, secretariat); m.seconds(1); };
    at('GBR', 'minister', 'Minister A');
    at('GHA', 'head-of-state', 'President of Ghana');
    at('NOR', 'head-of-government', 'Prime Minister of Norway');
    at('SEN', 'head-of-state', 'President of Senegal');
    at('EGY', 'head-of-delegation', 'Ambassador B');
    at('AU', 'head-of-state', 'Chairperson');                    // observers after members whatever the level (R10)
    const list = provisionalList(m.state, 'item-1')!;
    const s1 = Date.parse(sittings[0]!.startsAt);
    const s2 = Date.parse(sittings[1]!.startsAt);
    // Hand-computed: heads of state by time (GHA before SEN), head of government, minister, head of delegation.
    expect(list.speakers.map((s) => [s.place, s.delegationId, s.sitting, s.estimatedAt])).toEqual([
      [1, 'GHA', 1, s1], [2, 'SEN', 1, s1 + 15 * MIN], [3, 'NOR', 1, s1 + 30 * MIN],
      [4, 'GBR', 2, s2], [5, 'EGY', 2, s2 + 15 * MIN],
      [6, 'AU', null, null],                                      // beyond the planned meetings
    ]);
    // The snapshot carries the same estimates on the list of speakers (updated with every change).
    const lists = projectFloor(m.state, { role: 'viewer' }).lists as Record<string, { speakers: Array<{ delegationId: string; sitting: number | null; estimatedAt: number | null }> }>;
    expect(lists['item-1']!.speakers.map((s) => [s.delegationId, s.sitting, s.estimatedAt])).toEqual(list.speakers.map((s) => [s.delegationId, s.sitting, s.estimatedAt]));
  });

  it('R47 a running meeting estimates from the present moment, and the speaker heard leaves the provisional places', () => {
    const m = openMeeting('un-ga', { inscription: { opensAt: null, closesAt: null, slotSeconds: 600 } });
    for (const d of ['GHA', 'NOR', 'SEN']) inscribe(m, d);
    hear(m, 120);
    const list = provisionalList(m.state, 'item-1')!;
    expect(list.speakers.map((s) => [s.delegationId, s.place, s.status])).toEqual([['GHA', null, 'heard'], ['NOR', 1, 'waiting'], ['SEN', 2, 'waiting']]);
    expect(list.speakers[1]!.estimatedAt).toBe(m.now);
    expect(list.speakers[2]!.estimatedAt).toBe(m.now + 600_000);
  });

  it('R48 two delegations exchange places: proposed, confirmed by the other, approved by the chair; recorded with its actors', () => {
    const m = openMeeting();
    const [gha, nor, sen, egy] = ['GHA', 'NOR', 'SEN', 'EGY'].map((d) => { const id = inscribe(m, d); m.seconds(1); return id; });
    const before = [gha, nor, sen, egy].map((id) => ({ ...m.state.entries[id!]! }));
    expect(m.no('place.propose', { entryId: nor, withEntryId: egy }, delegate('GHA')).code).toBe('NOT_YOUR_DELEGATION');
    expect(m.no('place.propose', { entryId: nor, withEntryId: nor }, delegate('NOR')).code).toBe('EXCHANGE_NOT_ALLOWED');
    const proposed = m.ok('place.propose', { entryId: nor, withEntryId: egy }, delegate('NOR'))[0]!;
    const exchangeId = (proposed.payload as { exchangeId: string }).exchangeId;
    expect(m.no('place.approve', { exchangeId }).code).toBe('EXCHANGE_NOT_CONFIRMED');
    expect(m.no('place.confirm', { exchangeId }, delegate('NOR')).code).toBe('NOT_YOUR_DELEGATION');
    m.ok('place.confirm', { exchangeId }, delegate('EGY'));
    expect(m.no('place.approve', { exchangeId }, delegate('EGY')).code).toBe('FORBIDDEN');
    expect(speakers(m)).toEqual(['GHA', 'NOR', 'SEN', 'EGY']);   // nothing moves before the approval
    const approved = m.ok('place.approve', { exchangeId }, secretariat)[0]!;
    expect(approved.payload).toMatchObject({ delegationId: 'NOR', withDelegationId: 'EGY', proposedBy: 'p-NOR', confirmedBy: 'p-EGY', approvedBy: 'p-sec' });
    expect(approved.visibility).toEqual({ scope: 'public' });
    expect(speakers(m)).toEqual(['GHA', 'EGY', 'SEN', 'NOR']);
    // Nothing else about either entry changes.
    for (const b of before) {
      const { orderAt, ordinal, inscribedAt, level, speakerName, type, capacity } = m.state.entries[b.entryId]!;
      expect({ orderAt, ordinal, inscribedAt, level, speakerName, type, capacity }).toEqual({ orderAt: b.orderAt, ordinal: b.ordinal, inscribedAt: b.inscribedAt, level: b.level, speakerName: b.speakerName, type: b.type, capacity: b.capacity });
    }
    expect(m.no('place.approve', { exchangeId }).code).toBe('EXCHANGE_NOT_CONFIRMED');
    expect(m.no('place.confirm', { exchangeId: 'x99' }, delegate('EGY')).code).toBe('NO_SUCH_EXCHANGE');
    // An entry withdrawn meanwhile cannot be exchanged.
    const again = m.ok('place.propose', { entryId: gha, withEntryId: sen }, delegate('GHA'))[0]!;
    m.ok('floor.withdraw', { entryId: sen }, delegate('SEN'));
    expect(m.no('place.confirm', { exchangeId: (again.payload as { exchangeId: string }).exchangeId }, delegate('SEN')).code).toBe('ENTRY_NOT_WAITING');
  });
});

describe('J. debates across meetings: the provisional list and exchanges in detail', () => {
  it('R47 the provisional list of an unknown item is null; planned meetings are numbered from 1; without a plan nothing is estimated', () => {
    const m = session({}, [{ startsAt: iso(T0 + 60 * MIN), endsAt: iso(T0 + 120 * MIN) }, { startsAt: iso(T0 + 1440 * MIN), endsAt: iso(T0 + 1500 * MIN) }]);
    expect(provisionalList(m.state, 'item-9')).toBeNull();
    expect(provisionalList(m.state, 'item-1')!.sittings.map((x) => x.number)).toEqual([1, 2]);
    const bare = session();
    for (const d of ['GHA', 'NOR']) { inscribe(bare, d, { itemId: 'item-1' }); bare.seconds(1); }
    expect(provisionalList(bare.state, 'item-1')!.speakers.map((s) => [s.delegationId, s.place, s.sitting, s.estimatedAt, s.speakerTitle])).toEqual([
      ['GHA', 1, 1, null, 'Ambassador'], ['NOR', 2, 1, null, 'Ambassador'],
    ]);
  });

  it('R47 the one speaking is listed with the meeting and time it started; the next slot starts when its slot ends, or now if it overran', () => {
    const m = openMeeting('un-ga', { inscription: { opensAt: null, closesAt: null, slotSeconds: 600 } });
    for (const d of ['GHA', 'NOR', 'SEN']) inscribe(m, d);
    inscribe(m, 'EGY', { itemId: 'item-2' });
    m.ok('chair.next'); m.ok('speech.start');
    const started = m.now;
    m.seconds(120);
    const list = provisionalList(m.state, 'item-1')!;
    expect(list.speakers.map((s) => [s.delegationId, s.place, s.status, s.sitting, s.estimatedAt])).toEqual([
      ['GHA', null, 'speaking', 1, started], ['NOR', 1, 'waiting', 1, started + 600_000], ['SEN', 2, 'waiting', 1, started + 1_200_000],
    ]);
    // Another item's list does not show item 1's speaker; its estimate starts from the present moment.
    expect(provisionalList(m.state, 'item-2')!.speakers.map((s) => [s.delegationId, s.status, s.estimatedAt])).toEqual([['EGY', 'waiting', m.state.lastAt]]);
    m.seconds(600);                                              // GHA overruns its slot
    m.ok('presence.update', { status: 'connected' }, delegate('GBR'));
    expect(provisionalList(m.state, 'item-1')!.speakers.map((s) => [s.delegationId, s.estimatedAt])).toEqual([['GHA', started], ['NOR', m.now], ['SEN', m.now + 600_000]]);
  });

  it('R47 a suspended meeting is still the running one: estimates start from the present moment in the same meeting', () => {
    const m = openMeeting('un-ga', { inscription: { opensAt: null, closesAt: null, slotSeconds: 600 } });
    for (const d of ['GHA', 'NOR']) inscribe(m, d);
    m.seconds(30);
    m.ok('meeting.suspend');
    expect(provisionalList(m.state, 'item-1')!.speakers.map((s) => [s.delegationId, s.sitting, s.estimatedAt])).toEqual([['GHA', 1, m.now], ['NOR', 1, m.now + 600_000]]);
  });

  it('R47 only ordinary speeches heard are on the provisional list, not a right of reply', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    hear(m, 30);
    const gha = m.state.entries[Object.keys(m.state.entries).find((id) => m.state.entries[id]!.delegationId === 'GHA')!]!.entryId;
    const reply = (m.ok('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('NOR'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
    m.ok('chair.grant', { entryId: reply });
    hear(m, 30);
    expect(m.state.entries[reply]!.status).toBe('done');
    expect(provisionalList(m.state, 'item-1')!.speakers.map((s) => [s.delegationId, s.status])).toEqual([['GHA', 'heard']]);
  });

  it('R48 exchanges are numbered in turn; an approved exchange cannot be approved again', () => {
    const m = openMeeting();
    const [gha, nor, sen, egy] = ['GHA', 'NOR', 'SEN', 'EGY'].map((d) => { const id = inscribe(m, d); m.seconds(1); return id; });
    const first = m.ok('place.propose', { entryId: gha, withEntryId: nor }, delegate('GHA'))[0]!.payload as { exchangeId: string };
    const second = m.ok('place.propose', { entryId: sen, withEntryId: egy }, delegate('SEN'))[0]!.payload as { exchangeId: string };
    expect([first.exchangeId, second.exchangeId]).toEqual(['x1', 'x2']);
    expect(m.no('place.approve', { exchangeId: 'x1' })).toMatchObject({ code: 'EXCHANGE_NOT_CONFIRMED', message: 'the other delegation has not confirmed' });
    m.ok('place.confirm', { exchangeId: 'x1' }, delegate('NOR'));
    m.ok('place.approve', { exchangeId: 'x1' });
    expect(m.no('place.approve', { exchangeId: 'x1' })).toMatchObject({ code: 'EXCHANGE_NOT_CONFIRMED', message: 'this exchange is already approved' });
  });

  it('R45 R48 a speaker given a carried-over place by exchange keeps it at the head; the other takes the newcomer\'s place', () => {
    const m = openMeeting('un-ga', { levelOrdering: true });
    const [, egy] = ['SEN', 'EGY'].map((d) => { const id = inscribe(m, d); m.seconds(1); return id; });
    m.ok('meeting.rise');                                         // SEN and EGY carried over
    const gbr = inscribe(m, 'GBR');
    m.ok('place.propose', { entryId: egy, withEntryId: gbr }, delegate('EGY'));
    m.ok('place.confirm', { exchangeId: 'x1' }, delegate('GBR'));
    m.ok('place.approve', { exchangeId: 'x1' });
    expect(speakers(m)).toEqual(['SEN', 'GBR', 'EGY']);
    // A minister inscribing now goes before every speaker not carried over (R12), not before those carried over (R45).
    inscribe(m, 'NOR', { speaker: { name: 'Minister of Norway', level: 'minister' } }, secretariat);
    expect(speakers(m)).toEqual(['SEN', 'GBR', 'NOR', 'EGY']);
  });

  it('R45 R48 the exchange works both ways: proposed by the newcomer, it takes the carried-over place', () => {
    const m = openMeeting('un-ga', { levelOrdering: true });
    const [, egy] = ['SEN', 'EGY'].map((d) => { const id = inscribe(m, d); m.seconds(1); return id; });
    m.ok('meeting.rise');
    const gbr = inscribe(m, 'GBR');
    m.ok('place.propose', { entryId: gbr, withEntryId: egy }, delegate('GBR'));
    m.ok('place.confirm', { exchangeId: 'x1' }, delegate('EGY'));
    m.ok('place.approve', { exchangeId: 'x1' });
    inscribe(m, 'NOR', { speaker: { name: 'Minister of Norway', level: 'minister' } }, secretariat);
    expect(speakers(m)).toEqual(['SEN', 'GBR', 'NOR', 'EGY']);
  });

  it('R47 a slot that would end after its meeting\'s planned end moves to the next planned meeting', () => {
    const day = Date.UTC(2025, 8, 24);
    const sittings = [
      { startsAt: iso(day + 9 * 60 * MIN), endsAt: iso(day + 9 * 60 * MIN + 45 * MIN) },         // room for two 20-minute slots, not three
      { startsAt: iso(day + 15 * 60 * MIN), endsAt: iso(day + 15 * 60 * MIN + 45 * MIN) },
    ];
    const m = session({ inscription: { opensAt: null, closesAt: null, slotSeconds: 1200 } }, sittings);
    for (const d of ['GHA', 'NOR', 'SEN']) { inscribe(m, d, { itemId: 'item-1' }); m.seconds(1); }
    const s1 = Date.parse(sittings[0]!.startsAt);
    const s2 = Date.parse(sittings[1]!.startsAt);
    expect(provisionalList(m.state, 'item-1')!.speakers.map((s) => [s.delegationId, s.sitting, s.estimatedAt])).toEqual([
      ['GHA', 1, s1], ['NOR', 1, s1 + 20 * MIN], ['SEN', 2, s2],
    ]);
  });

  it('R45 a concluded item carries nobody over when the meeting rises', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    inscribe(m, 'NOR', { itemId: 'item-2' });
    m.ok('item.conclude');
    const rose = m.ok('meeting.rise')[0]!;
    expect(rose.payload).toEqual({ sitting: 1, carriedOver: [{ itemId: 'item-2', entryIds: [expect.any(String)] }] });
  });
});

