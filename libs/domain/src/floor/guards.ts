import type { CommandError } from '@rostrum/contracts';
import { err, type Draft } from './draft';
import { meetingOpen, ownDelegationOf } from './rules';
import type { Entry, ItemState } from './state';
import { own } from './own';

export const isStaff = (d: Draft): boolean => d.actor.role === 'chair' || d.actor.role === 'secretariat' || d.actor.role === 'system' || d.actor.role === 'operator';

export const requireOpen = (d: Draft): CommandError | undefined => meetingOpen(d.state);

/** The item named, else the item taken up (R2). */
export function findItem(d: Draft, itemId?: string): ItemState | CommandError {
  const id = itemId ?? d.state.currentItemId;
  if (!id) return err('NO_CURRENT_ITEM', 'no agenda item is taken up');
  const item = own(d.state.items, id);
  return item ?? err('NO_SUCH_ITEM', `no agenda item ${id}`);
}

export function findEntry(d: Draft, entryId: string): Entry | CommandError {
  return own(d.state.entries, entryId) ?? err('NO_SUCH_ENTRY', `no entry ${entryId}`);
}

export const isError = (x: unknown): x is CommandError =>
  typeof x === 'object' && x !== null && 'code' in x && 'message' in x && !('entryId' in x) && !('id' in x);

/** R8: a delegate acts only for its own delegation. */
export const ownDelegation = (d: Draft, delegationId: string): CommandError | undefined => ownDelegationOf(d.actor, delegationId);
