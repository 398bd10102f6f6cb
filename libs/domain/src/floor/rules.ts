import type { CommandError, ErrorCode, RulesProfile } from '@rostrum/contracts';

/**
 * The floor's preconditions as predicates over what both the engine's `FloorState` and the
 * projected `FloorSnapshot` carry (same field names, structurally typed), so the deciders
 * (`decideFloor`) and the consoles' `can()` ask the very same questions. Each returns the
 * refusal (`{ code, message }`, code from the error catalogue) or undefined when the rule is met.
 * Type imports only: a console bundles this file without the engine.
 */
export interface FloorFacts {
  status?: string;
  currentItemId?: string | null;
  /** The speech holding the floor (possibly paused). */
  speech?: { entryId: string; delegationId: string; itemId: string; paused: boolean } | null;
  /** Given the floor, not yet speaking (an id in the state, an entry in the snapshot). */
  called?: unknown;
  /** R19: the speech a point of order interrupted. */
  interrupted?: unknown;
  vote?: unknown;
  appeal?: { entryId: string; status: 'appealable' | 'appealed' } | null;
  /** Points of order raised and not yet ruled on. */
  pointsOfOrder?: readonly unknown[];
}

/** An agenda item's list as the rules read it (state `ItemState`, snapshot `items[]`). */
export interface ItemFacts { id: string; status: 'pending' | 'open' | 'concluded'; list: 'open' | 'announced' | 'closed' }

/** A refusal: `code` from the error catalogue (ERROR_CATALOGUE), `message` for developers. */
export const err = (code: ErrorCode, message: string, details?: unknown): CommandError =>
  details === undefined ? { code, message } : { code, message, details };

type Refusal = CommandError | undefined;

export function meetingOpen(f: FloorFacts): Refusal {
  if (f.status === 'adjourned') return err('MEETING_ADJOURNED', 'the meeting is adjourned');
  if (f.status !== 'open') return err('MEETING_NOT_OPEN', 'the meeting is not open');
  return undefined;
}

/** meeting.open: the first meeting, or the next one after the last rose (R45). */
export function meetingOpenable(f: FloorFacts): Refusal {
  if (f.status === 'adjourned') return err('MEETING_ADJOURNED', 'the meeting is adjourned');
  if (f.status !== 'created' && f.status !== 'risen') return err('MEETING_ALREADY_OPEN', 'the meeting is already open');
  return undefined;
}

export const meetingSuspended = (f: FloorFacts): Refusal =>
  f.status !== 'suspended' ? err('MEETING_NOT_SUSPENDED', 'the meeting is not suspended') : undefined;

export const notAdjourned = (f: FloorFacts): Refusal =>
  f.status === 'adjourned' ? err('MEETING_ADJOURNED', 'the meeting is already adjourned') : undefined;

export const floorFree = (f: FloorFacts): Refusal =>
  f.speech || f.called ? err('FLOOR_OCCUPIED', 'someone holds or has been given the floor') : undefined;

/** R50: nothing else while the meeting votes. */
export const noVote = (f: FloorFacts): Refusal => f.vote ? err('VOTE_IN_PROGRESS', 'close the vote first') : undefined;

/** R21, R22, R50: nothing moves on while a point of order awaits its ruling or an appeal its result. */
export function noPendingRuling(f: FloorFacts): Refusal {
  if (f.pointsOfOrder?.length) return err('POINT_OF_ORDER_PENDING', 'the chair must rule on the pending point of order first');
  if (f.appeal?.status === 'appealed') return err('APPEAL_PENDING', 'the appeal against the ruling must be decided first');
  if (f.vote) return err('VOTE_IN_PROGRESS', 'the meeting is voting');
  return undefined;
}

/** R22: while an appeal awaits the meeting's decision, no other ruling is given (it would replace the appeal, never decided). */
export const noPendingAppeal = (f: FloorFacts): Refusal =>
  f.appeal?.status === 'appealed' ? err('APPEAL_PENDING', 'the appeal against the last ruling must be decided first') : undefined;

/** R45: the meeting rises only with nothing pending. */
export const noPointOfOrder = (f: FloorFacts): Refusal =>
  f.pointsOfOrder?.length ? err('POINT_OF_ORDER_PENDING', 'rule on the pending point of order first') : undefined;

export const currentItem = (f: FloorFacts): Refusal =>
  f.currentItemId ? undefined : err('NO_CURRENT_ITEM', 'no agenda item is taken up');

export const speaking = (f: FloorFacts, entryId?: string): Refusal => {
  if (!f.speech) return err('NO_SPEECH', 'nobody is speaking');
  if (entryId && entryId !== f.speech.entryId) return err('NO_SPEECH', `entry ${entryId} is not speaking`);
  return undefined;
};

export const speechPausable = (f: FloorFacts): Refusal => f.speech?.paused ? err('SPEECH_PAUSED', 'the speech is already paused') : undefined;

/** R21: an interrupted speaker resumes only after the ruling. */
export const speechResumable = (f: FloorFacts): Refusal =>
  (!f.speech?.paused ? err('SPEECH_NOT_PAUSED', 'the speech is not paused') : undefined) ?? noPendingRuling(f);

/** R23: a point of order ends with the chair's ruling, not by ending or declining it. */
export const notAPointOfOrder = (type: string, what: 'end' | 'decline'): Refusal =>
  type !== 'point-of-order' ? undefined
    : err('RULING_REQUIRED', what === 'end' ? 'a point of order ends with the chair\'s ruling' : 'a point of order is settled by a ruling');

export const itemNotConcluded = (item: ItemFacts, already = false): Refusal =>
  item.status === 'concluded' ? err('ITEM_CONCLUDED', `the debate on this item is ${already ? 'already ' : ''}concluded`) : undefined;

export const itemNotTakenUp = (f: FloorFacts, item: ItemFacts): Refusal =>
  f.currentItemId === item.id ? err('VALIDATION_FAILED', 'this item is already taken up') : undefined;

export const listNotClosed = (item: ItemFacts): Refusal => item.list === 'closed' ? err('LIST_ALREADY_CLOSED', 'the list is already closed') : undefined;

/** R29: under a profile that wants it, the list is announced before it is closed. */
export const listClosable = (item: ItemFacts, profile: Pick<RulesProfile, 'closing'>): Refusal => listNotClosed(item)
  ?? (profile.closing.requiresAnnouncement && item.list !== 'announced' ? err('LIST_NOT_ANNOUNCED', 'announce the list before closing it') : undefined);

export const listReopenable = (item: ItemFacts): Refusal => item.list !== 'closed' ? err('LIST_NOT_CLOSED', 'the list is not closed') : undefined;

/** R1: only the entry the chair gave the floor to starts speaking. */
export const calledToSpeak = (calledId: string | null | undefined, entry: { entryId: string; status: string } | undefined): Refusal =>
  !entry || entry.status !== 'called' || calledId !== entry.entryId ? err('NOT_CALLED', 'the chair has not given this entry the floor') : undefined;

/** R19: a recognised point of order may start over a speech (interrupting it); nothing else may. */
export const startOverSpeech = (f: FloorFacts, starting: { type: string }, speakingType: string | undefined): Refusal =>
  f.speech && (starting.type !== 'point-of-order' || speakingType === 'point-of-order') ? err('FLOOR_OCCUPIED', 'someone holds the floor') : undefined;

/** R18: points of order are recognised in the order raised, one at a time. */
export function pointOfOrderRecognisable(f: FloorFacts, entryId: string, firstWaitingId: string | undefined, speakingType: string | undefined): Refusal {
  if (firstWaitingId !== entryId) return err('OUT_OF_TURN', 'points of order are heard in the order raised');
  if (f.called || f.interrupted || (f.speech && speakingType === 'point-of-order')) return err('FLOOR_OCCUPIED', 'finish the point of order being heard first');
  return undefined;
}

/** R18: rulings follow the order raised. `pending` are the unruled points of order's ids, in that order. */
export function rulingInTurn(pending: readonly string[], entryId: string, type: string | undefined): Refusal {
  if (type !== 'point-of-order' || !pending.includes(entryId)) return err('NO_SUCH_ENTRY', 'no pending point of order with this id');
  if (pending[0] !== entryId) return err('OUT_OF_TURN', 'points of order are settled in the order raised');
  return undefined;
}

/** R22: the last ruling, before the next business, where the profile allows appeals. */
export function appealable(f: FloorFacts, profile: Pick<RulesProfile, 'pointsOfOrder'>, entryId: string): Refusal {
  if (!profile.pointsOfOrder.appeal) return err('APPEAL_NOT_ALLOWED', 'rulings are not open to appeal in this meeting');
  const a = f.appeal;
  if (!a || a.entryId !== entryId || a.status !== 'appealable') return err('APPEAL_NOT_ALLOWED', 'only the last ruling may be appealed, before the next business');
  return undefined;
}

/** R7: what a delegation (or the chair) may still withdraw. */
export const withdrawable = (status: string): Refusal =>
  ['requested', 'waiting', 'called'].includes(status) ? undefined : err('ENTRY_NOT_WAITING', 'this entry is no longer waiting');

/** R8: a delegate acts only for its own delegation. */
export const ownDelegationOf = (actor: { role: string; delegationId?: string }, delegationId: string): Refusal =>
  actor.role === 'delegate' && actor.delegationId !== delegationId ? err('NOT_YOUR_DELEGATION', 'a delegate may act only for its own delegation') : undefined;
