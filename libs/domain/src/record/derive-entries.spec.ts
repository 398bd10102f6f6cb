import type { EventEnvelope, Intervention } from '@rostrum/contracts';
import { deriveEntries, type DerivationContext } from './derive-entries';
import { interventionFromEvent } from './intervention';
import type { InterventionRecord } from './types';

const T = Date.UTC(2025, 4, 20, 10, 42, 10);
const env = (seq: number, type: string, payload: object, itemId?: string): EventEnvelope => ({
  meetingId: 'm1', stream: 'meeting', seq, at: T + seq * 1000, type, payload: payload as Record<string, unknown>,
  visibility: { scope: 'public' }, actor: { role: 'chair', participantId: 'p-chair' }, commandId: `c${seq}`,
  ...(itemId ? { itemId } : {}),
});

const floorIntervention = (over: Partial<Intervention> = {}): Intervention => ({
  meetingId: 'm1', itemId: 'item-1', entryId: 'e1', delegationId: 'GHA', delegationName: 'Ghana',
  speakerName: 'Mr. X', speakerTitle: 'Minister', level: 'minister', capacity: { kind: 'national' }, capacityLabel: 'Ghana',
  type: 'statement', mode: 'in-room', inscribedAt: T - 60_000, calledAt: T - 5000, startedAt: T, endedAt: T + 290_000,
  allottedSeconds: 300, netSpeakingMs: 285_000, pauses: [], pausedMs: 0, overrunMs: 0, warningsGiven: [30], expired: false,
  endReason: 'ended', ...over,
});

const setup = {
  delegations: [{ id: 'GHA', name: 'Ghana', tier: 'members', groups: [] }, { id: 'SEN', name: 'Senegal', tier: 'members', groups: ['AG'] },
    { id: 'EGY', name: 'Egypt', tier: 'members', groups: [] }],
  groups: [{ id: 'AG', name: 'African Group', coordinatorDelegationId: 'SEN' }],
};

function ctxWith(...known: InterventionRecord[]): DerivationContext {
  return {
    timeZone: 'UTC',
    delegationName: (id) => setup.delegations.find((d) => d.id === id)?.name,
    groupName: (id) => setup.groups.find((g) => g.id === id)?.name,
    itemTitle: (id) => (id === 'item-1' ? 'agenda item 1' : undefined),
    intervention: (id) => known.find((i) => i.interventionId === id),
  };
}

describe('record entries derived from events', () => {
  it('R44 maps every intervention field from speech.ended', () => {
    const i = interventionFromEvent(env(20, 'speech.ended', { intervention: floorIntervention() }), 1, setup)!;
    expect(i).toMatchObject({
      interventionId: 'e1', seq: 20, number: 1, itemId: 'item-1', delegationName: 'Ghana', tier: 'members', speakerName: 'Mr. X',
      speakerTitle: 'Minister', capacity: 'national', type: 'statement', mode: 'in-room', inscribedAt: T - 60_000, calledAt: T - 5000,
      startedAt: T, endedAt: T + 290_000, allottedSeconds: 300, netSeconds: 285, overrunSeconds: 0, warningsGiven: 1,
    });
  });

  it('R44 a speech makes the formal sentence with time spoken of time allotted', () => {
    const i = interventionFromEvent(env(20, 'speech.ended', { intervention: floorIntervention() }), 1, setup)!;
    const [entry] = deriveEntries(env(20, 'speech.ended', { intervention: floorIntervention() }), ctxWith(i));
    expect(entry).toMatchObject({ kind: 'intervention', interventionId: 'e1', itemId: 'item-1', at: T });
    expect(entry.text).toBe('Ghana (Mr. X, Minister) took the floor at 10:42:10 and spoke 4 min 45 s of 5 min (1 warning given).');
  });

  it('R38 a group statement reads "on behalf of", with overrun, remote mode and pauses', () => {
    const raw = floorIntervention({
      entryId: 'e2', delegationId: 'SEN', delegationName: 'Senegal', speakerName: 'Ms. Y', speakerTitle: undefined,
      capacity: { kind: 'group', groupId: 'AG' }, mode: 'remote', netSpeakingMs: 320_000, overrunMs: 20_000,
      pauses: [{ at: T + 10_000, until: T + 20_000, reason: 'point-of-order', clockRan: false }], pausedMs: 10_000,
    });
    const i = interventionFromEvent(env(21, 'speech.ended', { intervention: raw }), 2, setup)!;
    expect(i).toMatchObject({ groupId: 'AG', groupName: 'African Group', pausedSeconds: 10, pauses: [{ from: T + 10_000, to: T + 20_000 }] });
    const [entry] = deriveEntries(env(21, 'speech.ended', { intervention: raw }), ctxWith(i));
    expect(entry.text).toBe('Senegal (Ms. Y), on behalf of the African Group, took the floor at 10:42:10 and spoke 5 min 20 s of 5 min'
      + ' (remotely; overran by 20 s; 1 warning given; paused once).');
  });

  it('R21 a ruling names who raised the point of order', () => {
    const poo = interventionFromEvent(env(30, 'speech.ended', { intervention: floorIntervention({ entryId: 'p1', delegationId: 'EGY', delegationName: 'Egypt', type: 'point-of-order' }) }), 3, setup)!;
    const [entry] = deriveEntries(env(31, 'pointOfOrder.ruled', { entryId: 'p1', delegationId: 'EGY', decision: 'upheld', text: 'Speak to the item.', appealable: true }, 'item-1'), ctxWith(poo));
    expect(entry.text).toBe('The President ruled the point of order raised by Egypt upheld: Speak to the item.');
  });

  it('R22 an appeal and its result are recorded with the vote', () => {
    expect(deriveEntries(env(32, 'pointOfOrder.appealed', { entryId: 'p1', delegationId: 'EGY' }), ctxWith())[0].text)
      .toBe('Egypt appealed the ruling of the President; the appeal was put to the meeting (R22).');
    // `for` counts the votes for the appeal: 30 for overturning, 50 against (never "upheld by 30 votes to 50", R53).
    expect(deriveEntries(env(33, 'pointOfOrder.appealDecided', { entryId: 'p1', overturned: false, votes: { for: 30, against: 50, abstain: 1 }, rulingStands: true }), ctxWith())[0].text)
      .toBe('The ruling of the President stands: the appeal was rejected by 30 votes to 50, with 1 abstention.');
  });

  it('R29 list announced and closed, R24 right of reply granted', () => {
    const ctx = ctxWith(interventionFromEvent(env(20, 'speech.ended', { intervention: floorIntervention() }), 1, setup)!);
    expect(deriveEntries(env(40, 'list.announced', { itemId: 'item-1' }), ctx)[0].text).toBe('The President announced the list of speakers on agenda item 1.');
    expect(deriveEntries(env(41, 'list.closed', { itemId: 'item-1', consent: 'no-objection' }), ctx)[0].text)
      .toBe('The list of speakers on agenda item 1 was closed at 10:42:51, there being no objection (R29).');
    expect(deriveEntries(env(42, 'reply.granted', { entry: { delegationId: 'SEN', capacityLabel: 'Senegal', replyTo: 'e1' }, replyIndex: 1, allottedSeconds: 600 }), ctx)[0].text)
      .toBe('The President granted Senegal the right of reply to Ghana.');
  });

  it('suspension, adjournment and answered questions make entries; noise does not', () => {
    const ctx = ctxWith();
    expect(deriveEntries(env(50, 'meeting.suspended', {}), ctx)[0]).toMatchObject({ kind: 'meeting.suspended', text: 'The meeting was suspended at 10:43:00.' });
    expect(deriveEntries(env(51, 'meeting.adjourned', {}), ctx)[0].text).toBe('The meeting rose at 10:43:01.');
    const q = { ...env(3, 'qna.answered', { questionId: 'q1', text: 'How?', author: 'anonymous', askedAt: T, votes: 4, mode: 'live', answeredAt: T, answeredBy: { participantId: 'p', role: 'moderator', name: 'Ms. Panel' } }), stream: 'qna' as const };
    expect(deriveEntries(q, ctx)[0]).toMatchObject({ kind: 'question.answered', text: 'A question from an anonymous participant (“How?”) was answered by Ms. Panel at 10:42:13.' });
    for (const t of ['clock.warning', 'floor.requested', 'presence.updated', 'speech.paused']) expect(deriveEntries(env(60, t, {}), ctx)).toEqual([]);
  });
});
