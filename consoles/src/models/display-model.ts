// What the room display shows (the chamber's screens, the webcast overlay): the speaker with
// delegation and capacity, the clock, the next three speakers, the highlighted question.
import type { EntrySnapshot, QnaPublicQuestion } from '@rostrum/contracts';

type Entry = Pick<EntrySnapshot, 'entryId' | 'delegationId' | 'delegationName' | 'speakerName' | 'speakerTitle' | 'capacity' | 'type'> & { status?: string };
interface ListLike { replies: Entry[]; motionSpeakers: Entry[]; speakers: Entry[] }
/** The parts of the floor view (snapshot or `floor.view`) the display reads. */
export interface DisplayFloor {
  title?: string;
  currentItemId?: string | null;
  items?: Array<{ id: string; title: string; position: number }>;
  groups?: Array<{ id: string; name: string }>;
  lists?: Record<string, ListLike>;
  called?: Entry | null;
  speech?: { speaker: Entry } | null;
}

/** One speaker as the display shows them; `onBehalfOf` is the group's name when they speak for one (R38). */
export interface DisplaySpeaker { entryId: string; name: string; title?: string; delegation: string; onBehalfOf?: string; type: Entry['type'] }

export interface DisplayModel {
  item: { position: number; title: string } | null;
  /** Speaking now, or else called to the floor and not yet speaking (`called`). */
  speaker: DisplaySpeaker | null;
  called: boolean;
  /** The next three waiting, in the order they will speak (points of order and replies first, R16). */
  next: DisplaySpeaker[];
  highlighted: { text: string; author: string } | null;
}

function speaker(e: Entry, groups: DisplayFloor['groups']): DisplaySpeaker {
  const group = e.capacity.kind === 'group' ? groups?.find((g) => g.id === (e.capacity as { groupId: string }).groupId) : undefined;
  return {
    entryId: e.entryId, name: e.speakerName, ...(e.speakerTitle ? { title: e.speakerTitle } : {}), delegation: e.delegationName,
    ...(e.capacity.kind === 'group' ? { onBehalfOf: group?.name ?? (e.capacity as { groupId: string }).groupId } : {}), type: e.type,
  };
}

/** The display's model from the public floor view and the Q&A's highlighted question. */
export function displayModel(floor: DisplayFloor, qna: { highlightedId: string | null; questions: Array<Pick<QnaPublicQuestion, 'questionId' | 'text' | 'author'>> } | null): DisplayModel {
  const item = floor.items?.find((i) => i.id === floor.currentItemId);
  const now = floor.speech?.speaker ?? floor.called ?? null;
  const list = floor.currentItemId ? floor.lists?.[floor.currentItemId] : undefined;
  const waiting = list ? [...list.replies, ...list.motionSpeakers, ...list.speakers].filter((e) => (e.status ?? 'waiting') === 'waiting' && e.entryId !== now?.entryId) : [];
  const hq = qna?.highlightedId ? qna.questions.find((q) => q.questionId === qna.highlightedId) : undefined;
  return {
    item: item ? { position: item.position, title: item.title } : null,
    speaker: now ? speaker(now, floor.groups) : null,
    called: !floor.speech && !!floor.called,
    next: waiting.slice(0, 3).map((e) => speaker(e, floor.groups)),
    highlighted: hq ? { text: hq.text, author: hq.author } : null,
  };
}
