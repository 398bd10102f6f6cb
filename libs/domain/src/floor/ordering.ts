import { LEVELS } from '@rostrum/contracts';
import type { Entry, FloorState, ItemState } from './state';
import { own } from './own';

/** Types that go on the ordinary list (R4 counts them; R17 points of order never do). */
export const ORDINARY_TYPES = ['statement', 'question'] as const;
export const isOrdinary = (e: Entry): boolean => e.type === 'statement' || e.type === 'question';

const OPEN_STATUSES = ['waiting', 'called', 'speaking'];

/** Statements a delegation has delivered on an item (R13, R36). */
export const spokenCount = (state: FloorState, itemId: string, delegationId: string): number =>
  Object.values(state.entries).filter((e) => e.itemId === itemId && e.delegationId === delegationId && isOrdinary(e) && e.status === 'done').length;

/** Rights of reply requested or granted and not refused (R26). */
export const replyCount = (state: FloorState, itemId: string, delegationId: string, statuses = ['requested', ...OPEN_STATUSES, 'done']): number =>
  Object.values(state.entries).filter((e) => e.itemId === itemId && e.delegationId === delegationId && e.type === 'right-of-reply' && statuses.includes(e.status)).length;

/** R10, R11: a statement on behalf of a group sits in the `groups` tier when groups go first. */
export function tierIndex(state: FloorState, e: Entry): number {
  const tiers = state.profile!.tiers;
  if (state.profile!.groupsFirst && e.capacity.kind === 'group' && tiers.includes('groups')) return tiers.indexOf('groups');
  const i = tiers.indexOf(e.tier);
  return i < 0 ? tiers.length : i;
}

/** R12, and R47: a list with time slots (a general debate) is established by level, then time. */
export const levelFirst = (p: NonNullable<FloorState['profile']>): boolean => p.levelOrdering || p.inscription.slotSeconds !== null;

/** The sort key of an ordinary entry: smaller goes first. */
export function sortKey(state: FloorState, e: Entry): number[] {
  const p = state.profile!;
  return [
    e.carried === undefined ? 1 : 0, e.carried ?? 0,                                       // R45: carried over, at the head
    p.preferFirstTimeSpeakers && spokenCount(state, e.itemId, e.delegationId) > 0 ? 1 : 0, // R13
    tierIndex(state, e),                                                                  // R10
    p.groupsFirst && e.capacity.kind !== 'group' ? 1 : 0,                                 // R11
    levelFirst(p) ? LEVELS.indexOf(e.level) : 0,                                           // R12, R47
    e.orderAt,                                                                            // R9
    e.ordinal,
  ];
}

export const compareKeys = (a: number[], b: number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

const waitingOrdinary = (state: FloorState, itemId: string): Entry[] =>
  Object.values(state.entries).filter((e) => e.itemId === itemId && e.status === 'waiting' && isOrdinary(e));

/** Insert an id into a manual order before the first entry that sorts after it. */
export function insertByKey(state: FloorState, order: string[], entryId: string): string[] {
  const key = sortKey(state, own(state.entries, entryId)!);
  const at = order.findIndex((id) => own(state.entries, id) && compareKeys(sortKey(state, own(state.entries, id)!), key) > 0);
  return at < 0 ? [...order, entryId] : [...order.slice(0, at), entryId, ...order.slice(at)];
}

/** The ordinary band in speaking order. */
export function speakersOrder(state: FloorState, item: ItemState): Entry[] {
  const waiting = waitingOrdinary(state, item.id);
  if (item.manualOrder) {                                                     // R15
    const byId = new Map(waiting.map((e) => [e.entryId, e]));
    const listed = item.manualOrder.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
    let order = listed.map((e) => e.entryId);
    for (const e of waiting) if (!order.includes(e.entryId)) order = insertByKey(state, order, e.entryId);
    return order.map((id) => byId.get(id)!);
  }
  const sorted = waiting.map((e) => ({ e, k: sortKey(state, e) })).sort((a, b) => compareKeys(a.k, b.k)).map((x) => x.e);
  if (state.profile!.alternateProCon && item.lastPosition) {                  // R14
    const want = item.lastPosition === 'for' ? 'against' : 'for';
    const i = sorted.findIndex((e) => e.position === want);
    if (i > 0) sorted.unshift(...sorted.splice(i, 1));
  }
  return sorted;
}

/** R32: speakers on the pending procedural motion, the mover first, in order of request. */
export const motionOrder = (state: FloorState, itemId: string): Entry[] =>
  Object.values(state.entries).filter((e) => e.itemId === itemId && e.status === 'waiting' && e.type === 'procedural-motion')
    .sort((a, b) => a.ordinal - b.ordinal);

/** Granted rights of reply waiting, in order of grant (R25). */
export const repliesOrder = (state: FloorState, itemId: string): Entry[] =>
  Object.values(state.entries).filter((e) => e.itemId === itemId && e.status === 'waiting' && e.type === 'right-of-reply')
    .sort((a, b) => (a.grantedAt ?? 0) - (b.grantedAt ?? 0) || a.ordinal - b.ordinal);

/** R18: pending points of order in the order raised. */
export const pointsOfOrderOrder = (state: FloorState): Entry[] => state.pointsOfOrder.map((id) => own(state.entries, id)!).filter(Boolean);

/** Is this the last business of the meeting (R25 end-of-meeting replies)? */
const lastBusiness = (state: FloorState, itemId: string): boolean =>
  state.itemOrder.every((id) => id === itemId || own(state.items, id)!.status === 'concluded');

/**
 * R16: bands in order — points of order, rights of reply once their timing has come, the
 * ordinary list. `call` is what chair.next walks (points of order are recognised by grant, R21);
 * `later` holds replies whose time has not come.
 */
export function bands(state: FloorState, itemId: string): { pointsOfOrder: Entry[]; replies: Entry[]; motion: Entry[]; speakers: Entry[]; later: Entry[]; call: Entry[] } {
  const item = own(state.items, itemId)!;
  const speakers = speakersOrder(state, item);
  const motion = motionOrder(state, itemId);
  const granted = repliesOrder(state, itemId);
  const timing = state.profile!.rightOfReply.timing;                         // R25
  const listDone = speakers.length === 0 && motion.length === 0;
  const ready = timing === 'immediate' || (listDone && (timing === 'end-of-item' || lastBusiness(state, itemId)));
  const replies = ready ? granted : [];
  const later = ready ? [] : granted;
  return { pointsOfOrder: pointsOfOrderOrder(state), replies, motion, speakers, later, call: [...replies, ...motion, ...speakers] };
}
