import { displayModel } from './display-model';
import { isTimeZone, timeZoneCity } from './time-zone';
import { fateOf } from './question-fate';
import { RecordFollow, atEnd } from './record-follow';

describe('the meeting\'s time zone', () => {
  it('is named by its city; unknown or none is UTC', () => {
    expect(timeZoneCity('America/New_York')).toBe('New York');
    expect(timeZoneCity(undefined)).toBe('UTC');
    expect(timeZoneCity('Mars/Olympus')).toBe('UTC');
    expect(isTimeZone('Europe/Zurich')).toBe(true);
  });
});

describe('RecordFollow: the record follows new entries unless the reader scrolled back', () => {
  const bottom = { scrollTop: 1200, scrollHeight: 2000, clientHeight: 800 };
  const back = { scrollTop: 300, scrollHeight: 2000, clientHeight: 800 };
  it('at the end (within the slack) it follows', () => {
    expect(atEnd(bottom)).toBe(true);
    expect(atEnd({ ...bottom, scrollTop: 1140 })).toBe(true);
    expect(atEnd({ ...bottom, scrollTop: 1100 })).toBe(false);
    const f = new RecordFollow();
    f.scrolled(bottom);
    expect(f.arrived(2)).toEqual({ scrollToEnd: true, unseen: 0 });
  });
  it('scrolled back, it stays and counts what arrived; back at the end or a jump, it follows again', () => {
    const f = new RecordFollow();
    f.scrolled(back);
    expect(f.arrived(1)).toEqual({ scrollToEnd: false, unseen: 1 });
    expect(f.arrived(2)).toEqual({ scrollToEnd: false, unseen: 3 });
    f.jumped();
    expect(f.arrived(1)).toEqual({ scrollToEnd: true, unseen: 0 });
    f.scrolled(back);
    f.arrived(1);
    f.scrolled(bottom);
    expect(f.unseen).toBe(0);
    expect(f.arrived(0)).toEqual({ scrollToEnd: false, unseen: 0 });
  });
});

describe('fateOf: what became of my question', () => {
  it.each([
    ['pending', 'awaiting'], ['visible', 'published'], ['highlighted', 'on-screen'], ['answered', 'answered'], ['dismissed', 'dismissed'], ['archived', 'archived'],
  ] as const)('%s → %s', (status, fate) => expect(fateOf({ status }).fate).toBe(fate));
  it('carries the dismissal reason and the answer', () => {
    expect(fateOf({ status: 'dismissed', dismissedReason: 'Off topic' })).toEqual({ fate: 'dismissed', reason: 'Off topic' });
    const answer = { mode: 'written' as const, text: 'In June.', answeredAt: 1, votes: 3 };
    expect(fateOf({ status: 'answered', answer })).toEqual({ fate: 'answered', answer });
    expect(fateOf({ status: 'visible', dismissedReason: 'stale' })).toEqual({ fate: 'published' });
  });
});

describe('displayModel: the room display', () => {
  const e = (entryId: string, delegationName: string, speakerName: string, group?: string, status = 'waiting') => ({
    entryId, delegationId: delegationName.slice(0, 3).toUpperCase(), delegationName, speakerName, status, type: 'statement' as const,
    capacity: group ? { kind: 'group' as const, groupId: group } : { kind: 'national' as const },
  });
  const sen = e('e1', 'Senegal', 'Mr. Cheikh Ndiaye', 'AFG', 'speaking');
  const floor = {
    currentItemId: 'item-1', items: [{ id: 'item-1', title: 'Partnerships', position: 1 }], groups: [{ id: 'AFG', name: 'African Group' }],
    speech: { speaker: sen },
    lists: { 'item-1': { replies: [e('e9', 'Egypt', 'Ms. Amina Farouk')], motionSpeakers: [], speakers: [sen, e('e2', 'Ghana', 'Mr. Kwame Mensah'), e('e3', 'Norway', 'Ms. Ingrid Berg'), e('e4', 'Kenya', 'Ms. Wanjiru Kamau')] } },
  };
  it('the speaker with delegation and capacity, the next three in speaking order, the highlighted question', () => {
    const m = displayModel(floor, { highlightedId: 'q2', questions: [{ questionId: 'q1', text: 'A?', author: 'x' }, { questionId: 'q2', text: 'What of the AU?', author: 'anonymous' }] });
    expect(m.speaker).toEqual({ entryId: 'e1', name: 'Mr. Cheikh Ndiaye', delegation: 'Senegal', onBehalfOf: 'African Group', type: 'statement' });
    expect(m.next.map((s) => s.delegation)).toEqual(['Egypt', 'Ghana', 'Norway']);
    expect(m.next[1]).not.toHaveProperty('onBehalfOf');
    expect(m.highlighted).toEqual({ text: 'What of the AU?', author: 'anonymous' });
    expect(m.item).toEqual({ position: 1, title: 'Partnerships' });
    expect(m.called).toBe(false);
  });
  it('a speaker called but not yet speaking is shown as called; nothing highlighted, nothing shown', () => {
    const m = displayModel({ ...floor, speech: null, called: e('e2', 'Ghana', 'Mr. Kwame Mensah', undefined, 'called') }, { highlightedId: null, questions: [] });
    expect(m).toMatchObject({ called: true, speaker: { name: 'Mr. Kwame Mensah' }, highlighted: null });
    expect(displayModel({}, null)).toEqual({ item: null, speaker: null, called: false, next: [], highlighted: null });
  });
});
