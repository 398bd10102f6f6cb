import type { EventEnvelope } from '@rostrum/contracts';
import { appealText, byVotes, ordinal } from './decisions';
import { deriveEntries, type DerivationContext } from './derive-entries';

const NAMES = new Map([['GHA', 'Ghana'], ['NOR', 'Norway'], ['EGY', 'Egypt']]);
const ctx: DerivationContext = {
  timeZone: 'UTC', delegationName: (id) => (id ? NAMES.get(id) : undefined), groupName: () => undefined,
  itemTitle: (id) => (id === 'gd' ? 'General debate' : undefined),
  intervention: (id) => (id === 'e7' ? { delegationName: 'Egypt' } as never : undefined),
};
const env = (type: string, payload: Record<string, unknown>, role: 'chair' | 'secretariat' = 'chair'): EventEnvelope => ({
  meetingId: 'm', stream: 'meeting', seq: 1, at: Date.UTC(2025, 8, 23, 13, 0, 5), type, payload, visibility: { scope: 'public' }, itemId: 'gd',
  actor: { role, participantId: 'p' }, commandId: 'c',
});
const text = (e: EventEnvelope) => deriveEntries(e, ctx).map((x) => x.text);

describe('record phrasing of the meeting\'s decisions', () => {
  it('R53 the standard phrasing of an overturned ruling, with the figures in favour first', () => {
    expect(appealText(true, { for: 45, against: 30, abstain: 10 })).toBe('The ruling of the President was overturned by 45 votes to 30, with 10 abstentions.');
    expect(appealText(false, { for: 12, against: 30, abstain: 0 })).toBe('The ruling of the President stands: the appeal was rejected by 12 votes to 30.');
    expect(appealText(false, { for: 20, against: 20, abstain: 5 }, true)).toBe('The ruling of the President stands: the votes on the appeal being equally divided (20 votes to 20, with 5 abstentions), the appeal was rejected.');
    expect(byVotes(120, 0, 1)).toBe('by 120 votes to none, with 1 abstention');
    expect(text(env('pointOfOrder.rulingUndone', { entryId: 'p1', effect: { kind: 'out-of-order', entryId: 'e7' }, delegationId: 'EGY', restoredStatus: 'waiting' })))
      .toEqual(['The ruling having been overturned, Egypt was given the floor again.']);
  });

  it('R45 each meeting of the session is numbered; the meeting that rises names the speakers carried on the debate\'s list', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
    expect(text(env('meeting.opened', { sitting: 2 }))).toEqual(['The 2nd meeting was called to order at 13:00:05.']);
    expect(text(env('meeting.opened', { sitting: 1 }))).toEqual(['The meeting was called to order at 13:00:05.']);
    expect(text(env('meeting.rose', { sitting: 2, carriedOver: [{ itemId: 'gd', entryIds: ['a', 'b', 'c'] }] })))
      .toEqual(['The 2nd meeting rose at 13:00:05. Not reached: 3 speakers on the list of speakers on General debate; they keep their places at the head of the list at the next meeting.']);
  });

  it('R48 an exchange of places is recorded with its actors', () => {
    expect(text(env('exchange.approved', { delegationId: 'GHA', withDelegationId: 'NOR', exchangeId: 'x1' }, 'secretariat')))
      .toEqual(['Ghana and Norway exchanged places on the list of speakers on General debate (proposed by Ghana, confirmed by Norway, approved by the Secretariat).']);
  });
});
