// Where a delegation stands on the floor, from the projected state alone (a state that arrives
// in a snapshot is told like one that arrives as events). Pure: tested in standing.spec.ts.
import type { ClockView, EntryView, FloorSnapshot } from '@rostrum/contracts/floor/snapshot';

export type Standing =
  | { kind: 'speaking'; clock: ClockView }                          // own speech, running
  | { kind: 'paused'; clock: ClockView }                            // own speech, paused by the chair
  | { kind: 'interrupted'; clock: ClockView; point: EntryView | null } // own speech, paused by a point of order (R19)
  | { kind: 'called'; entry: EntryView }                            // given the floor, not yet speaking
  | { kind: 'point-called'; entry: EntryView }                      // own point of order recognised: start speaking
  | { kind: 'point-heard'; entry: EntryView; clock: ClockView }     // own point of order being heard
  | { kind: 'point-pending'; entry: EntryView }                     // own point of order awaiting recognition
  | { kind: 'on-deck'; entry: EntryView }
  | { kind: 'waiting'; entry: EntryView; place: number; of: number }
  | { kind: 'requested'; entry: EntryView }                         // a request awaiting the chair (right of reply)
  | { kind: 'none' };

const list = (floor: FloorSnapshot, itemId: string | null | undefined): EntryView[] => {
  const l = itemId && floor.lists && Object.hasOwn(floor.lists, itemId) ? floor.lists[itemId]! : undefined;
  return l ? [...l.replies, ...l.motionSpeakers, ...l.speakers] : [];
};

/** The most pressing standing of delegation `mine` (a point of order first, then the floor, then the list). */
export function standingOf(floor: FloorSnapshot, mine: string): Standing {
  const sp = floor.speech;
  const mineEntries = floor.myEntries ?? [];
  const myPoint = (floor.pointsOfOrder ?? []).concat(mineEntries.filter((e) => e.type === 'point-of-order'))
    .find((e) => e.delegationId === mine && e.type === 'point-of-order' && ['waiting', 'called', 'speaking'].includes(e.status));
  if (myPoint?.status === 'speaking' && sp?.entryId === myPoint.entryId) return { kind: 'point-heard', entry: myPoint, clock: sp };
  if (myPoint && (myPoint.status === 'called' || floor.called?.entryId === myPoint.entryId)) return { kind: 'point-called', entry: myPoint };
  const interrupted = floor.interrupted?.delegationId === mine ? floor.interrupted
    : sp?.delegationId === mine && sp.paused && sp.pauseReason === 'point-of-order' ? sp : null;
  if (interrupted) {
    const point = (floor.pointsOfOrder ?? []).find((e) => e.status === 'speaking' || e.status === 'called') ?? null;
    return { kind: 'interrupted', clock: interrupted, point };
  }
  if (sp?.delegationId === mine && sp.speaker.type !== 'point-of-order') return sp.paused ? { kind: 'paused', clock: sp } : { kind: 'speaking', clock: sp };
  if (floor.called?.delegationId === mine) return { kind: 'called', entry: floor.called };
  if (myPoint) return { kind: 'point-pending', entry: myPoint };
  if (floor.onDeck?.delegationId === mine) return { kind: 'on-deck', entry: floor.onDeck };
  const here = list(floor, floor.currentItemId);
  const at = here.findIndex((e) => e.delegationId === mine && e.status === 'waiting');
  if (at >= 0) return { kind: 'waiting', entry: here[at]!, place: at + 1, of: here.length };
  const requested = mineEntries.find((e) => e.status === 'requested');
  if (requested) return { kind: 'requested', entry: requested };
  return { kind: 'none' };
}

/** An entry's place on its item's list (1-based) and the list's length, or null. */
export function placeOf(floor: FloorSnapshot, e: EntryView): { place: number; of: number; row: EntryView } | null {
  const own = e.itemId === floor.currentItemId ? list(floor, e.itemId) : (floor.lists?.[e.itemId]?.speakers ?? []);
  const i = own.findIndex((x) => x.entryId === e.entryId);
  return i >= 0 ? { place: i + 1, of: own.length, row: own[i]! } : null;
}
