// Edges of the order rules that mutation testing showed untested (docs/testing.md): each case
// is one where the rule, and only it, decides the outcome.
import { bandsOf, chair, delegate, hear, inscribe, openMeeting, secretariat, speakers, type TestMeeting } from './floor.fixtures';

const reply = (m: TestMeeting, d: string, replyTo: string): string =>
  (m.ok('floor.request', { type: 'right-of-reply', replyTo }, delegate(d))[0]!.payload as { entry: { entryId: string } }).entry.entryId;

describe('B. order and precedence: edges', () => {
  it('R13 only the delegation\'s own statements on this item count as having spoken', () => {
    const m = openMeeting('robert', { alternateProCon: false });
    inscribe(m, 'GHA', { itemId: 'item-2' });
    m.ok('item.takeUp', { itemId: 'item-2' }); hear(m);          // Ghana spoke on item 2
    m.ok('item.takeUp', { itemId: 'item-1' });
    inscribe(m, 'NOR'); hear(m);                                   // Norway spoke on item 1
    inscribe(m, 'NOR'); m.seconds(1);
    inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'EGY');
    expect(speakers(m)).toEqual(['GHA', 'EGY', 'NOR']);
  });

  it('R15 after a reorder, a new entry still joins by the rules: a group statement goes before national ones', () => {
    const m = openMeeting('un-ga');
    inscribe(m, 'GHA'); m.seconds(1);
    inscribe(m, 'NOR'); m.seconds(1);
    const egy = inscribe(m, 'EGY'); m.seconds(1);
    m.ok('chair.reorder', { entryId: egy, toIndex: 0, reason: 'travel' });
    inscribe(m, 'SEN', { capacity: { kind: 'group', groupId: 'AFG' } });
    expect(speakers(m)).toEqual(['SEN', 'EGY', 'GHA', 'NOR']);
    m.ok('floor.withdraw', { entryId: egy }, chair);               // the chair's order forgets what left it
    expect(speakers(m)).toEqual(['SEN', 'GHA', 'NOR']);
    expect(m.ok('chair.next')[0]!.payload).toMatchObject({ entry: { delegationId: 'SEN' } });
  });

  it('R25 granted replies are heard in the order granted, not requested', () => {
    const m = openMeeting('un-ga', { rightOfReply: { timing: 'immediate' } });
    const gha = inscribe(m, 'GHA'); hear(m);
    const egy = reply(m, 'EGY', gha); m.seconds(1);
    const gbr = reply(m, 'GBR', gha); m.seconds(1);
    m.ok('chair.grant', { entryId: gbr }); m.seconds(1);
    m.ok('chair.grant', { entryId: egy });
    expect(bandsOf(m).replies.map((e) => e.delegationId)).toEqual(['GBR', 'EGY']);
    expect(bandsOf(m, 'item-2').replies).toEqual([]);             // an item's replies stay on it
  });

  it('R25 an end-of-item reply also waits for the speakers on a pending procedural motion', () => {
    const m = openMeeting('un-ga');
    const gha = inscribe(m, 'GHA'); hear(m);
    m.ok('chair.grant', { entryId: reply(m, 'EGY', gha) });
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('NOR'));
    expect(bandsOf(m)).toMatchObject({ replies: [], later: [expect.objectContaining({ delegationId: 'EGY' })] });
    expect(bandsOf(m).call.map((e) => e.delegationId)).toEqual(['NOR']);
    expect(bandsOf(m, 'item-2').motion).toEqual([]);              // a motion's list belongs to its item
  });

  it('R26 a reply called or being heard counts against the limit', () => {
    for (const heard of [false, true]) {
      const m = openMeeting('un-ga', { rightOfReply: { timing: 'immediate' } });
      const gha = inscribe(m, 'GHA'); hear(m);
      m.ok('chair.grant', { entryId: reply(m, 'EGY', gha) });
      m.ok('chair.next');
      if (heard) m.ok('speech.start', {}, delegate('EGY'));
      expect(m.state.entries[m.state.called ?? m.state.speech!.entryId]!.status).toBe(heard ? 'speaking' : 'called');
      reply(m, 'EGY', gha);                                        // the second
      expect(m.no('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('EGY')).code).toBe('REPLY_LIMIT_REACHED');
    }
  });

  it('R26 the limit counts the delegation\'s own replies on this item only', () => {
    const m = openMeeting('un-ga', { rightOfReply: { timing: 'immediate' } });
    const nor = inscribe(m, 'NOR', { itemId: 'item-2' });
    m.ok('item.takeUp', { itemId: 'item-2' }); hear(m);
    reply(m, 'EGY', nor); reply(m, 'EGY', nor);                     // Egypt's two on item 2
    m.ok('item.takeUp', { itemId: 'item-1' });
    const gha = inscribe(m, 'GHA'); hear(m);
    reply(m, 'GBR', gha); reply(m, 'GBR', gha);                     // the United Kingdom's two on item 1
    reply(m, 'EGY', gha); reply(m, 'EGY', gha);                     // Egypt still has two on item 1
    expect(m.no('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('EGY')).code).toBe('REPLY_LIMIT_REACHED');
  });

  it('R15 a new entry joins a chair\'s order by the rules, also in the middle (high-level segment)', () => {
    const m = openMeeting('un-ga', { levelOrdering: true });
    // Levels come from registration (R12): the secretariat inscribes with the registered speaker.
    inscribe(m, 'GHA', { speaker: { name: 'Minister', level: 'minister' } }, secretariat); m.seconds(1);
    inscribe(m, 'NOR'); m.seconds(1);
    const egy = inscribe(m, 'EGY'); m.seconds(1);
    m.ok('chair.reorder', { entryId: egy, toIndex: 1, reason: 'travel' });
    expect(speakers(m)).toEqual(['GHA', 'EGY', 'NOR']);
    inscribe(m, 'GBR', { speaker: { name: 'Vice-Minister', level: 'vice-minister' } }, secretariat);
    expect(speakers(m)).toEqual(['GHA', 'GBR', 'EGY', 'NOR']);
  });

  it('R32 a motion speaker who has been heard leaves the motion\'s list', () => {
    const m = openMeeting('un-ga');
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('NOR'));
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate', position: 'for' }, delegate('GHA'));
    hear(m);                                                        // the mover
    expect(bandsOf(m).motion.map((e) => e.delegationId)).toEqual(['GHA']);
  });
});
