import type { VoteResult } from '@rostrum/contracts';
import { deriveEntries, type DerivationContext } from '../record/derive-entries';
import { chair, delegate, hear, inscribe, meetingSetup, openMeeting, operator, secretariat, TestMeeting, viewer } from './floor.fixtures';
import { projectFloor } from './projection';
import { decides } from './vote-result';

const NAMES: Record<string, string> = { GHA: 'Ghana', NOR: 'Norway', SEN: 'Senegal', EGY: 'Egypt', GBR: 'United Kingdom' };
const ctx: DerivationContext = {
  delegationName: (id) => (id && Object.hasOwn(NAMES, id) ? NAMES[id] : undefined), groupName: () => undefined, itemTitle: () => 'agenda item 1', intervention: () => undefined,
};
const recordOf = (m: TestMeeting, type: string) => deriveEntries(m.last(type)!, ctx).map((e) => e.text);

function voting(overrides: Record<string, unknown> = {}) {
  const m = openMeeting('un-ga', overrides);
  m.ok('vote.open', { question: { kind: 'text', text: 'Draft decision A/79/L.1' } });
  return m;
}
const hearNext = (m: TestMeeting) => { m.ok('speech.start'); m.ok('speech.end'); };
const cast = (m: TestMeeting, d: string, choice: string) => m.ok('vote.cast', { choice }, delegate(d));
const closed = (m: TestMeeting) => m.last('vote.closed')!.payload as unknown as VoteResult;

/** Speaker EGY holds the floor; GBR's point of order is heard and ruled with `effect`; GHA appeals. */
function appealed(effect: 'out-of-order' | 'none' = 'out-of-order') {
  const m = openMeeting();
  const egy = inscribe(m, 'EGY');
  m.ok('chair.next'); m.ok('speech.start');
  m.seconds(100);
  const poo = (m.ok('floor.request', { type: 'point-of-order', text: 'The speaker is not speaking to the item' }, delegate('GBR'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
  m.ok('chair.grant', { entryId: poo }); m.ok('speech.start'); m.seconds(20);
  m.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'The representative of Egypt is out of order.', ...(effect === 'none' ? {} : { effect: { kind: 'out-of-order', entryId: egy } }) });
  m.ok('pointOfOrder.appeal', { entryId: poo }, delegate('GHA'));
  return { m, egy, poo };
}

describe('K. decisions of the meeting', () => {
  it('R49 only entitled, present delegations vote, one vote each', () => {
    const m = voting({ voting: { remote: false } });
    expect(m.no('vote.cast', { choice: 'yes' }, delegate('AU')).code).toBe('NOT_ENTITLED_TO_VOTE');        // an observer
    expect(m.no('vote.cast', { choice: 'yes' }, delegate('NOR')).code).toBe('NOT_PRESENT');                // remote, not allowed here
    m.ok('presence.update', { status: 'dropped' }, delegate('GHA'));
    expect(m.no('vote.cast', { choice: 'yes' }, delegate('GHA')).code).toBe('NOT_PRESENT');
    expect(m.no('vote.cast', { choice: 'yes' }, chair).code).toBe('FORBIDDEN');
    cast(m, 'SEN', 'yes'); cast(m, 'SEN', 'yes'); cast(m, 'EGY', 'no');
    m.ok('vote.close');
    expect(closed(m).totals).toEqual({ yes: 1, no: 1, abstain: 0 });
    const remote = voting();                                      // voting.remote: true (default)
    cast(remote, 'NOR', 'abstain');
    remote.ok('vote.close');
    expect(closed(remote).totals).toEqual({ yes: 0, no: 0, abstain: 1 });
  });

  it('R50 the chair opens and closes; votes count only while open, may change until the close; no tally before it', () => {
    const m = openMeeting();
    expect(m.no('vote.cast', { choice: 'yes' }, delegate('GHA')).code).toBe('NO_OPEN_VOTE');
    expect(m.no('vote.open', { question: { kind: 'text', text: 'x' } }, delegate('GHA')).code).toBe('FORBIDDEN');
    inscribe(m, 'GBR');
    m.ok('vote.open', { question: { kind: 'text', text: 'Draft decision A/79/L.1' } });
    expect(m.no('vote.open', { question: { kind: 'text', text: 'another' } }).code).toBe('VOTE_IN_PROGRESS');
    expect(m.no('chair.next').code).toBe('VOTE_IN_PROGRESS');
    const first = cast(m, 'GHA', 'no')[0]!;
    expect(first.visibility).toEqual({ scope: 'delegation', delegationId: 'GHA' });   // not even the chair sees it
    expect(cast(m, 'GHA', 'yes')[0]!.payload).toMatchObject({ choice: 'yes', changed: true });
    cast(m, 'SEN', 'yes');
    for (const who of [chair, secretariat, viewer, delegate('EGY')]) {
      const v = projectFloor(m.state, who) as unknown as Record<string, unknown>;
      expect(JSON.stringify(v.vote)).not.toMatch(/yes|ballots|totals/);
      expect(v.lastVote).toBeNull();
    }
    expect(projectFloor(m.state, delegate('GHA')).myVote).toBe('yes');
    m.ok('vote.close');
    expect(closed(m)).toMatchObject({ totals: { yes: 2, no: 0, abstain: 0 }, adopted: true });
    expect(projectFloor(m.state, viewer).lastVote).toMatchObject({ totals: { yes: 2, no: 0, abstain: 0 } });
    expect(m.no('vote.cast', { choice: 'no' }, delegate('EGY')).code).toBe('NO_OPEN_VOTE');
    expect(m.no('vote.close').code).toBe('NO_OPEN_VOTE');
  });

  it('R51 simple majority of those present and voting, or two thirds; abstentions do not count; an equal division is not adopted', () => {
    // Hand-computed table.
    const table: Array<[number, number, number, 'simple' | 'two-thirds', boolean]> = [
      [45, 30, 10, 'simple', true], [30, 30, 5, 'simple', false], [10, 9, 50, 'simple', true], [0, 0, 7, 'simple', false],
      [20, 10, 0, 'two-thirds', true], [19, 10, 40, 'two-thirds', false], [2, 1, 0, 'two-thirds', true], [1, 1, 0, 'two-thirds', false],
    ];
    for (const [yes, no, abstain, majority, adopted] of table) expect([yes, no, abstain, majority, decides({ yes, no, abstain }, majority).adopted]).toEqual([yes, no, abstain, majority, adopted]);
    // Through the floor: 2 yes, 1 no, 2 abstentions — simple adopts it, two thirds (2 of 3) too; 1–1 is equally divided.
    const m = voting();
    cast(m, 'GHA', 'yes'); cast(m, 'NOR', 'yes'); cast(m, 'SEN', 'no'); cast(m, 'EGY', 'abstain'); cast(m, 'GBR', 'abstain');
    m.ok('vote.close');
    expect(closed(m)).toMatchObject({ adopted: true, equallyDivided: false, majority: 'simple' });
    const t = voting({ voting: { majority: 'two-thirds' } });
    cast(t, 'GHA', 'yes'); cast(t, 'SEN', 'no');
    t.ok('vote.close');
    expect(closed(t)).toMatchObject({ adopted: false, equallyDivided: true, majority: 'two-thirds' });
    expect(recordOf(t, 'vote.closed')).toEqual(['The proposal "Draft decision A/79/L.1" was rejected, the votes being equally divided (1 vote to 1).']);
  });

  it('R52 a recorded vote lists each delegation\'s vote; a non-recorded vote only the totals', () => {
    const m = openMeeting();
    m.ok('vote.open', { question: { kind: 'text', text: 'Draft decision A/79/L.1' }, recorded: true });
    cast(m, 'NOR', 'no'); cast(m, 'GHA', 'yes'); cast(m, 'SEN', 'yes'); cast(m, 'EGY', 'abstain');
    m.ok('vote.close');
    expect(closed(m).ballots).toEqual([
      { delegationId: 'EGY', delegationName: 'Egypt', choice: 'abstain' }, { delegationId: 'GHA', delegationName: 'Ghana', choice: 'yes' },
      { delegationId: 'NOR', delegationName: 'Norway', choice: 'no' }, { delegationId: 'SEN', delegationName: 'Senegal', choice: 'yes' },
    ]);
    expect(recordOf(m, 'vote.closed')).toEqual([
      'A recorded vote was taken on "Draft decision A/79/L.1". In favour: Ghana, Senegal. Against: Norway. Abstaining: Egypt. The proposal "Draft decision A/79/L.1" was adopted by 2 votes to 1, with 1 abstention.',
    ]);
    const n = voting();
    cast(n, 'GHA', 'yes');
    n.ok('vote.close');
    expect(closed(n).ballots).toBeUndefined();
    expect(recordOf(n, 'vote.closed')).toEqual(['The proposal "Draft decision A/79/L.1" was adopted by 1 vote to none.']);
  });

  it('R53 an appeal is decided by a vote; overturned, the speaker ruled out of order gets the floor back and the record says so', () => {
    const { m, egy, poo } = appealed();
    expect(m.state.entries[egy]!.status).toBe('done');                     // the ruling took the floor away
    expect(m.no('chair.next').code).toBe('APPEAL_PENDING');
    m.ok('vote.open', { question: { kind: 'appeal' } });
    expect(m.last('vote.opened')!.payload).toMatchObject({ question: { kind: 'appeal', entryId: poo } });
    for (const d of ['GHA', 'NOR', 'SEN']) cast(m, d, 'yes');
    cast(m, 'GBR', 'no'); cast(m, 'EGY', 'abstain');
    const events = m.ok('vote.close');
    expect(events.map((e) => e.type)).toEqual(['vote.closed', 'pointOfOrder.appealDecided', 'pointOfOrder.rulingUndone', 'floor.given']);
    expect(events[3]!.payload).toMatchObject({ entry: { entryId: egy }, allottedSeconds: 200 });   // 300 s less the 100 s spoken
    expect(recordOf(m, 'pointOfOrder.appealDecided')).toEqual(['The ruling of the President was overturned by 3 votes to 1, with 1 abstention.']);
    expect(m.state.called).toBe(egy);
    expect(m.state.appeal).toBeNull();
  });

  it('R53 an appeal rejected leaves the ruling standing; a refused request is restored when its ruling is overturned', () => {
    const { m } = appealed();
    m.ok('vote.open', { question: { kind: 'appeal' } });
    cast(m, 'GHA', 'yes'); cast(m, 'GBR', 'no'); cast(m, 'SEN', 'no');
    expect(m.ok('vote.close').map((e) => e.type)).toEqual(['vote.closed', 'pointOfOrder.appealDecided']);
    expect(recordOf(m, 'pointOfOrder.appealDecided')).toEqual(['The ruling of the President stands: the appeal was rejected by 1 vote to 2.']);
    // A right of reply refused by a ruling, restored by the overturn.
    const r = openMeeting();
    inscribe(r, 'GHA');
    hear(r, 10);
    const said = r.state.items['item-1']!.delivered[0]!;
    const reply = (r.ok('floor.request', { type: 'right-of-reply', replyTo: said }, delegate('NOR'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
    const poo = (r.ok('floor.request', { type: 'point-of-order', text: 'no reply is due' }, delegate('GBR'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
    r.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'No reply is due.', effect: { kind: 'refuse-request', entryId: reply } });
    expect(r.state.entries[reply]!.status).toBe('declined');
    r.ok('pointOfOrder.appeal', { entryId: poo }, delegate('NOR'));
    // The chair's figures must give the result announced (never "upheld by 12 votes to 30").
    expect(r.no('pointOfOrder.decideAppeal', { entryId: poo, overturned: false, votes: { for: 30, against: 12, abstain: 0 } }).code).toBe('VALIDATION_FAILED');
    r.ok('pointOfOrder.decideAppeal', { entryId: poo, overturned: true, votes: { for: 30, against: 12, abstain: 0 } });
    expect(r.state.entries[reply]!.status).toBe('requested');
  });

  it('R53 a procedural motion is decided by a vote; adopted, the debate on the item ends', () => {
    const m = openMeeting();
    m.ok('floor.request', { type: 'procedural-motion', motion: 'adjourn-debate' }, delegate('GHA'));
    m.ok('chair.next'); m.ok('speech.start'); m.ok('speech.end');
    m.ok('vote.open', { question: { kind: 'motion' } });
    cast(m, 'GHA', 'yes'); cast(m, 'NOR', 'yes'); cast(m, 'SEN', 'no');
    expect(m.ok('vote.close').map((e) => e.type)).toEqual(['vote.closed', 'motion.decided', 'item.concluded']);
    expect(recordOf(m, 'motion.decided')).toEqual(['The motion for the adjournment of the debate was adopted by 2 votes to 1.']);
    expect(m.no('vote.open', { question: { kind: 'motion' } }).code).toBe('NO_MOTION');
    expect(m.no('vote.open', { question: { kind: 'appeal' } }).code).toBe('NO_PENDING_APPEAL');
  });

  it('R53 R33 an entry refused by a ruling and restored by the overturn keeps the time limit it was given', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    const nor = inscribe(m, 'NOR', { allottedSeconds: 120 }, secretariat);
    const poo = (m.ok('floor.request', { type: 'point-of-order', text: 'Norway is not entitled to speak' }, delegate('GBR'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
    m.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Norway will not be heard.', effect: { kind: 'refuse-request', entryId: nor } });
    expect(m.state.entries[nor]!.status).toBe('declined');
    m.ok('pointOfOrder.appeal', { entryId: poo }, delegate('NOR'));
    const undone = m.ok('pointOfOrder.decideAppeal', { entryId: poo, overturned: true, votes: { for: 30, against: 12, abstain: 0 } });
    expect(undone.map((e) => e.type)).toEqual(['pointOfOrder.appealDecided', 'pointOfOrder.rulingUndone']);
    expect(m.state.entries[nor]!.status).toBe('waiting');
    m.ok('chair.next'); hearNext(m);
    expect(m.ok('chair.next')[0]!.payload).toMatchObject({ entry: { entryId: nor }, allottedSeconds: 120 });
  });

  it('R50 R53 a vote on a motion belongs to the item debated: the open vote, its close and the ballots say so', () => {
    const m = openMeeting();
    m.ok('floor.request', { type: 'procedural-motion', motion: 'closure-of-debate' }, delegate('GHA'));
    m.ok('chair.next'); m.ok('speech.start'); m.ok('speech.end');
    m.ok('vote.open', { question: { kind: 'motion' } });
    expect(projectFloor(m.state, viewer).vote).toMatchObject({ itemId: 'item-1', status: 'open' });
    expect(cast(m, 'GHA', 'no')[0]!.itemId).toBe('item-1');
    const close = m.ok('vote.close');
    expect(close[0]!.payload).toMatchObject({ itemId: 'item-1', adopted: false });
    expect(close.map((e) => e.type)).toEqual(['vote.closed', 'motion.decided']);
    expect(m.state.items['item-1']!.status).toBe('open');
  });

  it('R50 R32 the debate on an item is not concluded while the meeting votes, on a motion about it or on anything else', () => {
    const m = openMeeting();
    m.ok('floor.request', { type: 'procedural-motion', motion: 'closure-of-debate' }, delegate('GHA'));
    m.ok('chair.next'); m.ok('speech.start'); m.ok('speech.end');
    m.ok('vote.open', { question: { kind: 'motion' } });
    expect(m.no('item.conclude')).toMatchObject({ code: 'VOTE_IN_PROGRESS' });
    expect(m.no('item.conclude', { itemId: 'item-2' }).code).toBe('VOTE_IN_PROGRESS');
    cast(m, 'GHA', 'yes');
    expect(m.ok('vote.close').map((e) => [e.type, e.itemId])).toEqual([['vote.closed', 'item-1'], ['motion.decided', 'item-1'], ['item.concluded', 'item-1']]);
  });

  it('R54 after the close a delegation states its intended vote; recorded as such, the result does not change', () => {
    const m = voting();
    cast(m, 'GHA', 'yes'); cast(m, 'SEN', 'no'); cast(m, 'NOR', 'yes');
    const voteId = m.state.vote!.voteId;
    expect(m.no('vote.explain', { voteId, intended: 'no' }, delegate('EGY')).code).toBe('VOTE_STILL_OPEN');
    m.ok('vote.close');
    const result = structuredClone(m.state.closedVotes[voteId]);
    m.ok('vote.explain', { voteId, intended: 'no' }, delegate('EGY'));
    expect(m.state.closedVotes[voteId]).toEqual(result);
    expect(recordOf(m, 'vote.explained')).toEqual(['After the vote, Egypt stated that it had intended to vote against on "Draft decision A/79/L.1"; the result of the vote is unchanged.']);
    expect(m.no('vote.explain', { voteId: 'v9', intended: 'no' }, delegate('EGY')).code).toBe('NO_SUCH_VOTE');
  });

  it('R49 a profile without votes refuses them', () => {
    const m = openMeeting('informal-panel');
    expect(m.no('vote.open', { question: { kind: 'text', text: 'x' } }).code).toBe('VOTING_DISABLED');
  });

  it('R55 a delegation has at most N points of order pending; another is refused until the first is ruled on', () => {
    const m = openMeeting();
    inscribe(m, 'NOR');
    m.ok('chair.next'); m.ok('speech.start');
    const raise = (d: string) => m.send('floor.request', { type: 'point-of-order', text: 'order' }, delegate(d));
    const first = raise('GBR');
    expect(m.no('floor.request', { type: 'point-of-order', text: 'again' }, delegate('GBR')).code).toBe('POINT_OF_ORDER_LIMIT');
    expect(raise('EGY').ok).toBe(true);                                     // another delegation may
    const id = first.ok ? (first.events[0]!.payload as { entry: { entryId: string } }).entry.entryId : '';
    m.ok('pointOfOrder.rule', { entryId: id, decision: 'rejected', text: 'Not a point of order.' });
    expect(raise('GBR').ok).toBe(true);                                     // ruled on: a new one is accepted
    const two = openMeeting('un-ga', { pointsOfOrder: { maxPendingPerDelegation: 2 } });
    for (let i = 0; i < 2; i++) two.ok('floor.request', { type: 'point-of-order', text: `p${i}` }, delegate('GBR'));
    expect(two.no('floor.request', { type: 'point-of-order', text: 'p3' }, delegate('GBR')).code).toBe('POINT_OF_ORDER_LIMIT');
  });

  it('R50 a vote is opened only in an open meeting with the floor free and no point of order pending; it belongs to the item taken up', () => {
    const m = openMeeting();
    inscribe(m, 'GHA');
    m.ok('chair.next');                                                      // called, not yet speaking
    expect(m.no('vote.open', { question: { kind: 'text', text: 'L.1' } })).toMatchObject({ code: 'FLOOR_OCCUPIED', message: 'let the speaker finish before the vote' });
    m.ok('speech.start'); m.ok('speech.end');
    m.ok('floor.request', { type: 'point-of-order', text: 'order' }, delegate('GBR'));
    expect(m.no('vote.open', { question: { kind: 'text', text: 'L.1' } })).toMatchObject({ code: 'POINT_OF_ORDER_PENDING', message: 'rule on the pending point of order first' });
    m.ok('pointOfOrder.rule', { entryId: m.state.pointsOfOrder[0]!, decision: 'rejected', text: 'Not a point of order.' });
    m.ok('meeting.suspend');
    expect(m.no('vote.open', { question: { kind: 'text', text: 'L.1' } }).code).toBe('MEETING_NOT_OPEN');
    m.ok('meeting.resume');
    const opened = m.ok('vote.open', { question: { kind: 'text', text: 'L.1' } })[0]!;
    expect(opened).toMatchObject({ itemId: 'item-1', payload: { voteId: 'v1', itemId: 'item-1', question: { kind: 'text', text: 'L.1' }, recorded: false, majority: 'simple' } });
    const none = new TestMeeting();
    none.ok('meeting.create', meetingSetup(), operator);
    none.ok('meeting.open');
    const free = none.ok('vote.open', { question: { kind: 'text', text: 'Adoption of the agenda' }, recorded: true, majority: 'two-thirds' })[0]!;
    expect(free.payload).toEqual({ voteId: 'v1', question: { kind: 'text', text: 'Adoption of the agenda' }, recorded: true, majority: 'two-thirds' });
    expect(free).not.toHaveProperty('itemId');
  });

  it('R53 a vote on a motion puts the question in the words of the motion', () => {
    for (const [motion, words] of [['adjourn-debate', 'the motion for the adjournment of the debate'], ['closure-of-debate', 'the motion for the closure of the debate']] as const) {
      const m = openMeeting();
      m.ok('floor.request', { type: 'procedural-motion', motion }, delegate('GHA'));
      m.ok('chair.next'); m.ok('speech.start'); m.ok('speech.end');
      expect(m.ok('vote.open', { question: { kind: 'motion' } })[0]!.payload).toMatchObject({ question: { kind: 'motion', motion, text: `Shall ${words} be adopted?` } });
    }
  });

  it('R50 a vote is named: a closed one, another than the one open, or none open are refused with what is wrong', () => {
    const m = voting();
    expect(m.no('vote.cast', { voteId: 'v9', choice: 'yes' }, delegate('GHA'))).toMatchObject({ code: 'NO_SUCH_VOTE', message: 'vote v9 is not the one open' });
    cast(m, 'GHA', 'yes');
    m.ok('vote.close', { voteId: 'v1' });
    expect(m.no('vote.cast', { voteId: 'v1', choice: 'no' }, delegate('GHA'))).toMatchObject({ code: 'NO_OPEN_VOTE', message: 'this vote is closed' });
    expect(m.no('vote.cast', { voteId: 'v7', choice: 'no' }, delegate('GHA'))).toMatchObject({ code: 'NO_OPEN_VOTE', message: 'no vote is open' });
    expect(m.no('vote.close', { voteId: 'v1' }).message).toBe('this vote is closed');
  });

  it('R49 R50 a vote is cast by a delegation of the meeting; the same vote again changes nothing, a new one is a change', () => {
    const m = voting();
    expect(m.no('vote.cast', { choice: 'yes' }, { role: 'delegate', participantId: 'p-x' })).toMatchObject({ code: 'NOT_YOUR_DELEGATION', message: 'only a delegation votes' });
    expect(m.no('vote.cast', { choice: 'yes' }, delegate('FRA'))).toMatchObject({ code: 'NO_SUCH_DELEGATION', message: 'no delegation FRA' });
    expect(cast(m, 'GHA', 'yes')[0]!.payload).toEqual({ voteId: 'v1', delegationId: 'GHA', choice: 'yes', changed: false });
    expect(cast(m, 'GHA', 'yes')).toEqual([]);
    expect(cast(m, 'GHA', 'no')[0]!.payload).toMatchObject({ choice: 'no', changed: true });
    const close = m.ok('vote.close');
    expect(close.map((e) => e.type)).toEqual(['vote.closed']);               // a text question decides nothing more
    expect(close[0]!.payload).toMatchObject({ itemId: 'item-1', totals: { yes: 0, no: 1, abstain: 0 } });
    expect(m.no('vote.explain', { voteId: 'v1', intended: 'yes' }, { role: 'delegate', participantId: 'p-x' })).toMatchObject({ code: 'NOT_YOUR_DELEGATION', message: 'only a delegation states its intended vote' });
  });

  it('R22 R53 the appeal against a ruling that left the speaker paused is put to the vote while the speaker waits, who resumes after it', () => {
    const { m, egy } = appealed('none');
    expect(m.state.speech).toMatchObject({ entryId: egy, paused: true });
    expect(m.no('speech.resume').code).toBe('APPEAL_PENDING');
    expect(m.ok('vote.open', { question: { kind: 'appeal' } })[0]!.payload).toMatchObject({ question: { kind: 'appeal', text: 'Shall the ruling of the President be overturned?' } });
    expect(m.no('speech.resume').code).toBe('APPEAL_PENDING');
    cast(m, 'GBR', 'no');
    expect(m.ok('vote.close').map((e) => e.type)).toEqual(['vote.closed', 'pointOfOrder.appealDecided']);
    m.ok('speech.resume');
    expect(m.state.speech).toMatchObject({ entryId: egy, paused: false });
    const text = appealed('none').m;
    expect(text.no('vote.open', { question: { kind: 'text', text: 'L.1' } }).code).toBe('FLOOR_OCCUPIED');   // other business waits for the speaker
  });

  it('R22 R53 an appeal the vote rejects leaves the ruling standing; a ruling that decided nothing has nothing to undo when overturned', () => {
    const { m, poo } = appealed();
    m.ok('vote.open', { question: { kind: 'appeal' } });
    cast(m, 'GBR', 'no');
    expect(m.ok('vote.close')[1]!.payload).toMatchObject({ entryId: poo, overturned: false, rulingStands: true });
    const words = appealed('none');
    words.m.ok('vote.open', { question: { kind: 'appeal' } });
    cast(words.m, 'GHA', 'yes');
    const ev = words.m.ok('vote.close');
    expect(ev.map((e) => e.type)).toEqual(['vote.closed', 'pointOfOrder.appealDecided']);
    expect(ev[1]!.payload).toMatchObject({ overturned: true, rulingStands: false });
  });

  it('R53 a refused request restored by the overturn carries no time of its own', () => {
    const r = openMeeting();
    inscribe(r, 'GHA');
    const gbr = inscribe(r, 'GBR');
    const poo = (r.ok('floor.request', { type: 'point-of-order', text: 'not entitled' }, delegate('EGY'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
    r.ok('pointOfOrder.rule', { entryId: poo, decision: 'upheld', text: 'Not entitled.', effect: { kind: 'refuse-request', entryId: gbr } });
    r.ok('pointOfOrder.appeal', { entryId: poo }, delegate('GBR'));
    r.ok('vote.open', { question: { kind: 'appeal' } });
    cast(r, 'GHA', 'yes');
    const undone = r.ok('vote.close').find((e) => e.type === 'pointOfOrder.rulingUndone')!;
    expect(undone.payload).toEqual({ entryId: poo, effect: { kind: 'refuse-request', entryId: gbr }, delegationId: 'GBR', restoredStatus: 'waiting' });
    expect(undone.payload).not.toHaveProperty('allottedSeconds');
    expect(r.state.entries[gbr]!.status).toBe('waiting');
  });
});

