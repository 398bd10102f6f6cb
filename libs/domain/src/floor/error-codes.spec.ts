import { ERROR_CATALOGUE, type ErrorCode } from '@rostrum/contracts';
import { chair, delegate, inscribe, meetingSetup, openMeeting, operator, TestMeeting } from './floor.fixtures';

// Issue 13: each error code the catalogue documents is produced by a test. These are the floor
// refusals no rule test happened to need; each row is one refusal, and each changes nothing.
type Row = [code: ErrorCode, how: string, run: () => { code: string; before: number; after: number }];

const refuse = (m: TestMeeting, type: string, payload: Record<string, unknown> = {}, actor = chair) => {
  const before = m.log.length;
  const { code } = m.no(type, payload, actor);
  return { code, before, after: m.log.length };
};
const created = () => { const m = new TestMeeting(); m.ok('meeting.create', meetingSetup(), operator); return m; };
const speaking = () => { const m = openMeeting(); inscribe(m, 'GHA'); m.ok('chair.next'); m.ok('speech.start'); return m; };

const ROWS: Row[] = [
  ['MEETING_NOT_OPEN', 'taking up an item before the meeting opens', () => refuse(created(), 'item.takeUp', { itemId: 'item-1' })],
  ['MEETING_NOT_SUSPENDED', 'resuming a meeting that is not suspended', () => refuse(openMeeting(), 'meeting.resume')],
  ['NO_SUCH_ITEM', 'taking up an item of another agenda', () => refuse(openMeeting(), 'item.takeUp', { itemId: 'item-99' })],
  ['NO_CURRENT_ITEM', 'announcing the list with no item taken up', () => { const m = created(); m.ok('meeting.open'); return refuse(m, 'list.announce'); }],
  ['ITEM_CONCLUDED', 'inscribing on a concluded item', () => { const m = openMeeting(); m.ok('item.conclude'); return refuse(m, 'floor.request', { type: 'statement', itemId: 'item-1' }, delegate('GHA')); }],
  ['LIST_ALREADY_CLOSED', 'closing a closed list', () => { const m = openMeeting(); m.ok('list.announce'); m.ok('list.close'); return refuse(m, 'list.close'); }],
  ['LIST_NOT_CLOSED', 'reopening an open list', () => refuse(openMeeting(), 'list.reopen')],
  ['NO_PENDING_APPEAL', 'deciding an appeal nobody made', () => refuse(openMeeting(), 'pointOfOrder.decideAppeal', { entryId: 'e-1', overturned: false })],
  ['NO_SPEECH', 'pausing when nobody speaks', () => refuse(openMeeting(), 'speech.pause')],
  ['SPEECH_NOT_PAUSED', 'resuming a running speech', () => refuse(speaking(), 'speech.resume')],
  ['SPEECH_PAUSED', 'pausing a paused speech', () => { const m = speaking(); m.ok('speech.pause'); return refuse(m, 'speech.pause'); }],
];

describe('floor refusals by error code (each documented code produced)', () => {
  it.each(ROWS)('%s: %s — refused, nothing appended', (code, _how, run) => {
    const r = run();
    expect(r.code).toBe(code);
    expect(r.after).toBe(r.before);
    expect(ERROR_CATALOGUE[code]).toBeDefined();
  });
});
