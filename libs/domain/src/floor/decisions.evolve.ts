import type { FloorEventPayloads as P } from '@rostrum/contracts';
import { insertByKey, isOrdinary, speakersOrder } from './ordering';
import { own } from './own';
import type { FloorState } from './state';

type Handler<K extends keyof P> = (s: FloorState, p: P[K], at: number) => void;
type Handlers = { [K in keyof P]?: Handler<K> };

/** State changes of sections J and K (R45–R55). Merged into the floor's evolve. */
export const DECISION_HANDLERS: Handlers = {
  'meeting.rose': (s, p) => {                                                       // R45
    s.status = 'risen';
    s.called = null;
    for (const { entryIds } of p.carriedOver) {
      entryIds.forEach((id, rank) => { const e = own(s.entries, id); if (e) e.carried = rank; });
    }
  },
  'exchange.proposed': (s, p, ) => {
    s.nextExchange += 1;
    s.exchanges[p.exchangeId] = {
      exchangeId: p.exchangeId, itemId: p.itemId, entryId: p.entryId, withEntryId: p.withEntryId, delegationId: p.delegationId,
      withDelegationId: p.withDelegationId, proposedBy: p.proposedBy, confirmedBy: null, status: 'proposed',
    };
  },
  'exchange.confirmed': (s, p) => {
    const x = own(s.exchanges, p.exchangeId)!;
    x.status = 'confirmed'; x.confirmedBy = p.confirmedBy;
  },
  'exchange.approved': (s, p) => {                                                  // R48: only the places change
    own(s.exchanges, p.exchangeId)!.status = 'approved';
    own(s.items, p.itemId)!.manualOrder = [...p.order];
    const a = own(s.entries, p.entryId)!;
    const b = own(s.entries, p.withEntryId)!;
    [a.carried, b.carried] = [b.carried, a.carried];
    if (a.carried === undefined) delete a.carried;
    if (b.carried === undefined) delete b.carried;
  },
  'vote.opened': (s, p) => {
    s.nextVote += 1;
    s.vote = { voteId: p.voteId, question: p.question, ...(p.itemId ? { itemId: p.itemId } : {}), recorded: p.recorded, majority: p.majority, ballots: {} };
  },
  'vote.cast': (s, p) => { if (s.vote?.voteId === p.voteId) s.vote.ballots[p.delegationId] = p.choice; },
  'vote.closed': (s, p) => { s.vote = null; s.closedVotes[p.voteId] = p; },
  'pointOfOrder.rulingUndone': (s, p) => {                                           // R53
    const e = own(s.entries, p.effect.entryId)!;
    e.status = p.restoredStatus;
    if (p.allottedSeconds !== undefined) e.allottedSeconds = p.allottedSeconds;
    delete e.calledAt;
    const it = own(s.items, e.itemId)!;
    if (it.manualOrder && isOrdinary(e) && p.restoredStatus === 'waiting') it.manualOrder = insertByKey(s, it.manualOrder, e.entryId);
  },
};

/** R45: the waiting speakers of every item not concluded, in their order, to carry over. */
export function carriedOver(s: FloorState): Array<{ itemId: string; entryIds: string[] }> {
  return s.itemOrder.map((id) => own(s.items, id)!).filter((it) => it.status !== 'concluded')
    .map((it) => ({ itemId: it.id, entryIds: speakersOrder(s, it).map((e) => e.entryId) }))
    .filter((x) => x.entryIds.length > 0);
}
