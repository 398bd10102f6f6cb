import type { RecordEntryView } from '@rostrum/contracts';
import type { InterventionRecord, RecordDocument } from '../../types';

/** A short scripted debate from the seed conference, used by the golden-file tests. */
const T0 = Date.UTC(2025, 4, 20, 14, 0, 0); // 10:00:00 in New York (UTC-4)
const s = (sec: number) => T0 + sec * 1000;

export const interventions: InterventionRecord[] = [
  {
    interventionId: 'i1', seq: 20, number: 1, itemId: 'item-1', delegationId: 'GHA', delegationName: 'Ghana', tier: 'members',
    speakerName: 'Mr. Kwame Mensah', speakerTitle: 'Minister', capacity: 'national', type: 'statement', mode: 'in-room',
    inscribedAt: s(-600), calledAt: s(2520), startedAt: s(2530), endedAt: s(2815), allottedSeconds: 300, netSeconds: 285,
    pauses: [], overrunSeconds: 0, warningsGiven: 1, gender: 'male', language: 'en', category: 'member-state',
  },
  {
    interventionId: 'i2', seq: 40, number: 2, itemId: 'item-1', delegationId: 'SEN', delegationName: 'Senegal', tier: 'members',
    speakerName: 'Ms. Awa Diop', speakerTitle: 'Ambassador', capacity: 'group', groupId: 'AG', groupName: 'African Group',
    type: 'statement', mode: 'remote', inscribedAt: s(-500), calledAt: s(2820), startedAt: s(2825), endedAt: s(3300),
    allottedSeconds: 420, netSeconds: 440, pauses: [{ from: s(2900), to: s(2915), reason: 'point-of-order' }],
    overrunSeconds: 20, warningsGiven: 1, gender: 'female', language: 'fr', category: 'member-state',
  },
  {
    interventionId: 'i3', seq: 31, number: 3, itemId: 'item-1', delegationId: 'EGY', delegationName: 'Egypt', tier: 'members',
    speakerName: 'Mr. Omar Hassan', capacity: 'national', type: 'point-of-order', mode: 'in-room',
    inscribedAt: s(2899), calledAt: s(2900), startedAt: s(2901), endedAt: s(2913), allottedSeconds: 120, netSeconds: 12,
    pauses: [], overrunSeconds: 0, warningsGiven: 0, ruling: { decision: 'rejected', text: 'The speaker is in order.', at: s(2914) },
  },
  {
    interventionId: 'i4', seq: 50, number: 4, itemId: 'item-1', delegationId: 'KEN', delegationName: 'Kenya', tier: 'members',
    speakerName: 'Ms. Wanjiru Kamau', speakerTitle: 'Head of delegation', capacity: 'national', type: 'right-of-reply',
    mode: 'in-room', inscribedAt: s(3310), calledAt: s(3600), startedAt: s(3605), endedAt: s(3785), allottedSeconds: 600,
    netSeconds: 180, pauses: [], overrunSeconds: 0, warningsGiven: 0, replyToInterventionId: 'i1', gender: 'female', language: 'en', category: 'member-state',
  },
  // Three official languages whose scripts a Latin-only PDF loses (issue 12).
  {
    interventionId: 'i5', seq: 70, number: 5, itemId: 'item-2', delegationId: 'EGY', delegationName: 'مصر', tier: 'members', category: 'member-state',
    speakerName: 'السيدة ليلى عبد الرحمن', speakerTitle: 'وزيرة', capacity: 'national', type: 'statement', mode: 'in-room', language: 'ar', gender: 'female',
    inscribedAt: s(3000), calledAt: s(3905), startedAt: s(3910), endedAt: s(4090), allottedSeconds: 300, netSeconds: 180, pauses: [], overrunSeconds: 0, warningsGiven: 0,
  },
  {
    interventionId: 'i6', seq: 80, number: 6, itemId: 'item-2', delegationId: 'CHN', delegationName: '中国', tier: 'members', category: 'member-state',
    speakerName: '王晓明', capacity: 'national', type: 'statement', mode: 'remote', language: 'zh', gender: 'male',
    inscribedAt: s(3001), calledAt: s(4095), startedAt: s(4100), endedAt: s(4250), allottedSeconds: 300, netSeconds: 150, pauses: [], overrunSeconds: 0, warningsGiven: 0,
  },
  {
    interventionId: 'i7', seq: 90, number: 7, itemId: 'item-2', delegationId: 'RUS', delegationName: 'Российская Федерация', tier: 'members', category: 'member-state',
    speakerName: 'Г-н Сергей Иванов', capacity: 'national', type: 'statement', mode: 'in-room', language: 'ru', gender: 'male',
    inscribedAt: s(3002), calledAt: s(4255), startedAt: s(4260), endedAt: s(4380), allottedSeconds: 300, netSeconds: 120, pauses: [], overrunSeconds: 0, warningsGiven: 0,
  },
  {
    interventionId: 'i8', seq: 95, number: 8, itemId: 'item-2', delegationId: 'ECOWAS', delegationName: 'Economic Community of West African States', tier: 'igo-observers',
    category: 'regional-economic-community', speakerName: 'Mr. Kwesi Boateng', capacity: 'national', type: 'statement', mode: 'in-room', language: 'Hausa', gender: 'male',
    inscribedAt: s(3003), calledAt: s(4385), startedAt: s(4390), endedAt: s(4480), allottedSeconds: 300, netSeconds: 90, pauses: [], overrunSeconds: 0, warningsGiven: 0,
  },
];

const entry = (n: number, e: Omit<RecordEntryView, 'entryId' | 'version' | 'source' | 'offsetSeconds'> & { offsetSeconds?: number | null }): RecordEntryView => ({
  entryId: `meeting-${n}-0`, version: 1, source: { stream: 'meeting', seq: n }, offsetSeconds: null, ...e,
});

const webcast = s(-60);
const off = (at: number) => Math.floor((at - webcast) / 1000);

const e: RecordEntryView[] = [
  entry(3, { kind: 'meeting.opened', at: s(0), offsetSeconds: off(s(0)), text: 'The meeting was called to order at 10:00:00.' }),
  entry(4, { kind: 'item.takenUp', itemId: 'item-1', at: s(5), offsetSeconds: off(s(5)), text: 'The meeting took up Peacekeeping in Africa: partnerships at 10:00:05.' }),
  entry(20, { kind: 'intervention', itemId: 'item-1', interventionId: 'i1', at: s(2530), offsetSeconds: off(s(2530)), text: 'Ghana (Mr. Kwame Mensah, Minister) took the floor at 10:42:10 and spoke 4 min 45 s of 5 min (1 warning given).' }),
  entry(31, { kind: 'intervention', itemId: 'item-1', interventionId: 'i3', at: s(2901), offsetSeconds: off(s(2901)), text: 'Egypt (Mr. Omar Hassan) rose to a point of order at 10:48:21 and spoke 12 s of 2 min.' }),
  entry(32, { kind: 'pointOfOrder.ruled', itemId: 'item-1', at: s(2914), offsetSeconds: off(s(2914)), text: 'The President ruled the point of order raised by Egypt rejected: The speaker is in order.' }),
  entry(40, { kind: 'intervention', itemId: 'item-1', interventionId: 'i2', at: s(2825), offsetSeconds: off(s(2825)), text: 'Senegal (Ms. Awa Diop, Ambassador), on behalf of the African Group, took the floor at 10:47:05 and spoke 7 min 20 s of 7 min (remotely; overran by 20 s; 1 warning given; paused once).' }),
  entry(41, { kind: 'list.closed', itemId: 'item-1', at: s(3305), offsetSeconds: off(s(3305)), text: 'The list of speakers on Peacekeeping in Africa: partnerships was closed at 10:55:05, there being no objection.' }),
  entry(50, { kind: 'intervention', itemId: 'item-1', interventionId: 'i4', at: s(3605), offsetSeconds: off(s(3605)), text: 'Kenya (Ms. Wanjiru Kamau, Head of delegation) spoke in exercise of the right of reply to Ghana (intervention 1) at 11:00:05 and spoke 3 min of 10 min.' }),
  { ...entry(1, { kind: 'question.answered', itemId: 'item-1', at: s(3700), offsetSeconds: off(s(3700)), text: 'A question from Amina & <Co> was answered at 11:01:40: “How will AU–UN funding work?”.' }), entryId: 'qna-1-0', source: { stream: 'qna' as const, seq: 1 } },
  entry(55, { kind: 'item.takenUp', itemId: 'item-2', at: s(3900), offsetSeconds: off(s(3900)), text: 'The meeting took up Women, Peace and Security at 11:05:00.' }),
  entry(70, { kind: 'intervention', itemId: 'item-2', interventionId: 'i5', at: s(3910), offsetSeconds: off(s(3910)), text: 'مصر (السيدة ليلى عبد الرحمن, وزيرة) took the floor at 11:05:10 and spoke 3 min of 5 min.', summary: 'said that women must be present in every mission’s leadership.' }),
  entry(80, { kind: 'intervention', itemId: 'item-2', interventionId: 'i6', at: s(4100), offsetSeconds: off(s(4100)), text: '中国 (王晓明) took the floor at 11:08:20 and spoke 2 min 30 s of 5 min (remotely).', summary: 'stressed the training of female peacekeepers.' }),
  entry(90, { kind: 'intervention', itemId: 'item-2', interventionId: 'i7', at: s(4260), offsetSeconds: off(s(4260)), text: 'Российская Федерация (Г-н Сергей Иванов) took the floor at 11:11:00 and spoke 2 min of 5 min.' }),
  entry(95, { kind: 'intervention', itemId: 'item-2', interventionId: 'i8', at: s(4390), offsetSeconds: off(s(4390)), text: 'Economic Community of West African States (Mr. Kwesi Boateng) took the floor at 11:13:10 and spoke 1 min 30 s of 5 min.' }),
  entry(99, { kind: 'meeting.adjourned', at: s(4500), offsetSeconds: off(s(4500)), text: 'The meeting rose at 11:15:00.' }),
];

const secretariat = { role: 'secretariat' as const, participantId: 'sec-1', displayName: 'Secretariat' };
const ghanaV2: RecordEntryView = { ...e[2], version: 2, summary: 'said that AU-led peace support operations needed predictable funding & <b>assessed</b> contributions.', revision: { change: 'summary', by: secretariat, at: s(2900) } };
const ghanaV3: RecordEntryView = { ...ghanaV2, version: 3, text: ghanaV2.text.replace('Mr. Kwame Mensah', 'Mr. Kwame A. Mensah'), revision: { change: 'correction', reason: 'Name as on the list of participants', by: secretariat, at: s(3000) } };

export const debateDocument: RecordDocument = {
  meeting: {
    meetingId: 'pk-africa', title: 'Peacekeeping in Africa: Fostering Partnership and Synergies', body: 'Economic and Social Council',
    venue: 'the ECOSOC Chamber, United Nations Headquarters, New York', date: '20 May 2025', timeZone: 'America/New_York',
    symbol: 'PK-AFRICA/2025/SR.1', session: 'Conference on Peacekeeping in Africa', meetingNumber: 1,
    presiding: [{ name: 'H.E. Ms. Abena Owusu', delegation: 'Ghana' }, { name: 'Ms. Ingrid Solberg', delegation: 'Norway' }],
  },
  items: [{ id: 'item-1', title: 'Peacekeeping in Africa: partnerships', position: 1 }, { id: 'item-2', title: 'Women, Peace and Security', position: 2 },
    { id: 'item-3', title: 'Adoption of the outcome document', position: 3 }],
  entries: e.map((c) => (c === e[2] ? { current: ghanaV3, history: [c, ghanaV2, ghanaV3] } : { current: c, history: [c] })),
  interventions,
};
