import { FLOOR_COMMANDS, type ErrorCode, type EntryView, type FloorCommandName, type FloorSnapshot, type Role } from '@rostrum/contracts';
import {
  appealable, calledToSpeak, currentItem, floorFree, itemNotConcluded, itemNotTakenUp, listClosable, listNotClosed, listReopenable,
  meetingOpen, meetingOpenable, meetingSuspended, noPendingAppeal, noPendingRuling, noPointOfOrder, noVote, notAPointOfOrder, notAdjourned,
  ownDelegationOf, pointOfOrderRecognisable, rulingInTurn, speaking, speechPausable, speechResumable, startOverSpeech, withdrawable,
  type ItemFacts,
} from './rules';
import type { CommandError } from '@rostrum/contracts';

/** The answer of `can`: allowed now, or the stable code (and developer message) it would be refused with. */
export type Can = { ok: true } | { ok: false; code: ErrorCode; message: string };

/** Who asks: the token's role and, for a delegate, its delegation. */
export interface CanActor { role: Role | string; delegationId?: string }

const OK: Can = { ok: true };
const answer = (refusal: CommandError | undefined): Can => (refusal ? { ok: false, code: refusal.code as ErrorCode, message: refusal.message } : OK);
const refuse = (code: ErrorCode, message: string): Can => ({ ok: false, code, message });

/** Every entry the snapshot shows, by id (lists, points of order, requests, the floor, one's own). */
function entriesOf(v: FloorSnapshot): Map<string, EntryView> {
  const all = new Map<string, EntryView>();
  const add = (e: EntryView | null | undefined) => { if (e) all.set(e.entryId, e); };
  for (const l of Object.values(v.lists ?? {})) for (const e of [...l.replies, ...l.motionSpeakers, ...l.speakers, ...l.laterReplies]) add(e);
  for (const e of [...(v.pointsOfOrder ?? []), ...(v.pendingRequests ?? []), ...(v.myEntries ?? [])]) add(e);
  add(v.called); add(v.speech?.speaker);
  return all;
}

const itemOf = (v: FloorSnapshot, itemId?: string | null): ItemFacts | undefined => v.items?.find((i) => i.id === (itemId ?? v.currentItemId));

/**
 * May `actor` send `command` now, given the floor as projected for it (`projectFloor`, the
 * snapshot and `floor.view`)? Asks the same rule predicates (`rules.ts`) that `decideFloor`
 * applies, in the same order, so a console offers exactly what the engine would accept and
 * can say why not (`code` → the error catalogue's human message). Covers the commands the
 * consoles offer as buttons; for any other command, and for checks that need what a projection
 * does not show (e.g. another delegation's limits), it answers `ok` and the server decides.
 * `payload` is the command's payload as it would be sent (ids only are read). Pure; never throws.
 * The equivalence with `decideFloor` is tested over whole scenarios (`can.spec.ts`).
 */
export function can(view: FloorSnapshot, command: { type: FloorCommandName | string; payload?: Record<string, unknown> }, actor: CanActor): Can {
  const spec = Object.hasOwn(FLOOR_COMMANDS, command.type) ? (FLOOR_COMMANDS as Record<string, { roles: readonly string[] }>)[command.type] : undefined;
  if (!spec) return refuse('UNKNOWN_COMMAND', `unknown floor command ${command.type}`);
  if (!spec.roles.includes(actor.role)) return refuse('FORBIDDEN', `role ${actor.role} may not send ${command.type}`);
  if (!view.created) return refuse('MEETING_NOT_CREATED', 'the meeting has not been created');
  const p = command.payload ?? {};
  const entryId = typeof p.entryId === 'string' ? p.entryId : undefined;
  const entry = entryId ? entriesOf(view).get(entryId) : undefined;
  const noEntry = () => refuse('NO_SUCH_ENTRY', `no entry ${entryId}`);
  const speakingType = view.speech?.speaker.type;
  switch (command.type) {
    case 'meeting.open': return answer(meetingOpenable(view));
    case 'meeting.suspend': return answer(meetingOpen(view) ?? floorFree(view) ?? noVote(view));
    case 'meeting.resume': return answer(meetingSuspended(view));
    case 'meeting.adjourn': return answer(notAdjourned(view) ?? floorFree(view) ?? noVote(view));
    case 'meeting.rise': return answer(meetingOpen(view) ?? floorFree(view) ?? noVote(view) ?? noPointOfOrder(view));
    case 'item.takeUp': {
      const first = meetingOpen(view) ?? floorFree(view) ?? noVote(view);
      if (first) return answer(first);
      const item = itemOf(view, String(p.itemId ?? ''));
      return item ? answer(itemNotConcluded(item) ?? itemNotTakenUp(view, item)) : refuse('NO_SUCH_ITEM', `no agenda item ${String(p.itemId)}`);
    }
    case 'item.conclude': {
      const first = meetingOpen(view) ?? noVote(view) ?? (p.itemId ? undefined : currentItem(view));
      if (first) return answer(first);
      const item = itemOf(view, p.itemId as string | undefined);
      if (!item) return refuse('NO_SUCH_ITEM', `no agenda item ${String(p.itemId)}`);
      const done = itemNotConcluded(item, true);
      if (done) return answer(done);
      return view.speech?.itemId === item.id || view.called?.itemId === item.id ? answer(floorFree(view)) : OK;
    }
    case 'list.announce': case 'list.close': case 'list.reopen': {
      const first = meetingOpen(view) ?? (p.itemId ? undefined : currentItem(view));
      if (first) return answer(first);
      const item = itemOf(view, p.itemId as string | undefined);
      if (!item) return refuse('NO_SUCH_ITEM', `no agenda item ${String(p.itemId)}`);
      const concluded = itemNotConcluded(item);
      if (concluded) return answer(concluded);
      if (command.type === 'list.announce') return answer(listNotClosed(item));
      if (command.type === 'list.reopen') return answer(listReopenable(item));
      return answer(listClosable(item, view.profile!));
    }
    case 'chair.next': {
      const blocked = meetingOpen(view) ?? currentItem(view) ?? noPendingRuling(view) ?? floorFree(view);
      if (blocked) return answer(blocked);
      return view.onDeck ? OK : refuse('LIST_EMPTY', 'nobody is waiting whose turn has come');   // onDeck: the head of the call order (R16)
    }
    case 'chair.grant': {
      const closed = meetingOpen(view);
      if (closed) return answer(closed);
      if (!entry) return noEntry();
      if (entry.status === 'requested') return OK;
      if (entry.status !== 'waiting') return refuse('ENTRY_NOT_WAITING', 'this entry is not waiting');
      if (entry.type === 'point-of-order') {
        const first = view.pointsOfOrder?.find((e) => e.status === 'waiting')?.entryId;
        return answer(pointOfOrderRecognisable({ ...view, interrupted: view.interrupted ?? null }, entry.entryId, first, speakingType));
      }
      const blocked = noPendingRuling(view) ?? floorFree(view);
      if (blocked) return answer(blocked);
      return entry.itemId !== view.currentItemId ? refuse('NO_CURRENT_ITEM', 'this entry is on an item not taken up') : OK;
    }
    case 'chair.decline': {
      const closed = meetingOpen(view);
      if (closed) return answer(closed);
      if (!entry) return noEntry();
      const ruling = entry.status === 'waiting' ? notAPointOfOrder(entry.type, 'decline') : undefined;
      if (ruling) return answer(ruling);
      return entry.status === 'requested' || entry.status === 'waiting' ? OK : refuse('ENTRY_NOT_WAITING', 'this entry is no longer waiting');
    }
    case 'floor.withdraw': {
      if (!entry) return noEntry();
      return answer(ownDelegationOf(actor, entry.delegationId) ?? withdrawable(entry.status));
    }
    case 'speech.start': {
      const closed = meetingOpen(view);
      if (closed) return answer(closed);
      const id = entryId ?? view.called?.entryId;
      const called = id ? entriesOf(view).get(id) : undefined;
      const notCalled = calledToSpeak(view.called?.entryId, called);
      if (notCalled) return answer(notCalled);
      return answer(ownDelegationOf(actor, called!.delegationId) ?? startOverSpeech(view, called!, speakingType));
    }
    case 'speech.pause': return answer(meetingOpen(view) ?? speaking(view, entryId) ?? speechPausable(view));
    case 'speech.resume': return answer(meetingOpen(view) ?? speaking(view, entryId) ?? speechResumable(view));
    case 'speech.end': {
      const refused = meetingOpen(view) ?? speaking(view, entryId) ?? ownDelegationOf(actor, view.speech!.delegationId);
      return answer(refused ?? notAPointOfOrder(speakingType ?? '', 'end'));
    }
    case 'chair.extend': return answer(meetingOpen(view) ?? (p.kind === 'speeches' ? undefined : speaking(view)));
    case 'pointOfOrder.rule': {
      const closed = meetingOpen(view);
      if (closed) return answer(closed);
      if (!entry) return noEntry();
      return answer(rulingInTurn((view.pointsOfOrder ?? []).map((e) => e.entryId), entry.entryId, entry.type) ?? noPendingAppeal(view));
    }
    case 'pointOfOrder.appeal': return answer(meetingOpen(view) ?? appealable(view, view.profile!, entryId ?? ''));
    default: return OK;
  }
}
