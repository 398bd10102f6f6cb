import type { Actor, ClockView, EntryView, FloorSnapshot } from '@rostrum/contracts';
import { bands } from './ordering';
import { provisionalList } from './provisional-list';
import { snapshot, type Entry, type FloorState, type Speech } from './state';
import { own } from './own';

export interface Viewer { role: Actor['role']; delegationId?: string; participantId?: string }

const isStaff = (v: Viewer) => v.role === 'chair' || v.role === 'secretariat' || v.role === 'system' || v.role === 'operator';

/** What clients need to draw the clock themselves: elapsed = (clockStoppedAt ?? now) − startedAt − pausedMs (R34). */
const clock = (s: Speech): ClockView => ({
  entryId: s.entryId, itemId: s.itemId, delegationId: s.delegationId, startedAt: s.startedAt, allottedSeconds: s.allottedSeconds,
  paused: s.paused, pauseReason: s.pauseReason, clockStoppedAt: s.clockStoppedAt, pausedAt: s.clockStoppedAt ?? undefined,
  pausedMs: s.pausedMs,
  /** Only while the clock is stopped; a running clock is computed by the client from startedAt and pausedMs. */
  elapsedMs: s.clockStoppedAt === null ? undefined : s.clockStoppedAt - s.startedAt - s.pausedMs,
  warningsGiven: s.warningsGiven, expiredAt: s.expiredAt, yieldedFrom: s.yieldedFrom,
});

const view = (e: Entry): EntryView => ({ ...snapshot(e), status: e.status, calledAt: e.calledAt, ruling: e.ruling });

/**
 * The snapshot for one audience. Staff see everything, presence included; delegates see the
 * lists and their own requests; viewers see the lists, the floor and the clock, never a request
 * the chair has not accepted (reply requested, point of order not yet recognised).
 */
export function projectFloor(state: FloorState, viewer: Viewer): FloorSnapshot {
  const staff = isStaff(viewer);
  const mine = (e: Entry) => viewer.role === 'delegate' && !!viewer.delegationId && e.delegationId === viewer.delegationId;
  const visiblePending = (e: Entry) => staff || mine(e) || e.status === 'called' || e.status === 'speaking';
  if (!state.created) return { meetingId: state.meetingId, seq: state.seq, created: false };
  const provisional = Object.fromEntries(state.itemOrder.map((id) => [id, provisionalList(state, id)!]));
  const lists = Object.fromEntries(state.itemOrder.map((id) => {
    const b = bands(state, id);
    // R47: each waiting speaker carries its provisional meeting and estimated time.
    const estimate = new Map(provisional[id]!.speakers.map((x) => [x.entryId, { sitting: x.sitting, estimatedAt: x.estimatedAt }]));
    const speakers = b.speakers.map((e) => ({ ...view(e), ...estimate.get(e.entryId) }));
    return [id, { status: own(state.items, id)!.list, motion: own(state.items, id)!.motion, replies: b.replies.map(view), motionSpeakers: b.motion.map(view), speakers, laterReplies: b.later.map(view) }];
  }));
  const v = state.vote;
  // R50: the open question without any tally; a delegate sees only its own ballot.
  const vote = v ? { voteId: v.voteId, question: v.question, recorded: v.recorded, majority: v.majority, itemId: v.itemId, status: 'open' as const } : null;
  const lastVoteId = `v${state.nextVote - 1}`;
  const lastVote = !v && Object.hasOwn(state.closedVotes, lastVoteId) ? state.closedVotes[lastVoteId]! : null;
  const myVote = v && viewer.role === 'delegate' && viewer.delegationId && Object.hasOwn(v.ballots, viewer.delegationId) ? v.ballots[viewer.delegationId] : null;
  const exchanges = viewer.role === 'viewer' ? [] : Object.values(state.exchanges).filter((x) => x.status !== 'approved');
  const current = state.currentItemId ? bands(state, state.currentItemId) : null;
  const onDeck = current?.call[0];
  const pending = Object.values(state.entries).filter((e) => e.status === 'requested' && (staff || mine(e))).map(view);
  return {
    meetingId: state.meetingId,
    seq: state.seq,
    created: true,
    title: state.title,
    ...(state.timeZone ? { timeZone: state.timeZone } : {}),
    status: state.status,
    profile: state.profile,
    currentItemId: state.currentItemId,
    items: state.itemOrder.map((id) => { const i = own(state.items, id)!; return { id, title: i.title, position: i.position, status: i.status, list: i.list }; }),
    delegations: Object.values(state.delegations),
    groups: Object.values(state.groups),
    lists,
    pointsOfOrder: state.pointsOfOrder.map((id) => own(state.entries, id)!).filter(visiblePending).map(view),
    pendingRequests: pending,
    called: state.called ? view(own(state.entries, state.called)!) : null,
    onDeck: onDeck ? view(onDeck) : null,
    speech: state.speech ? { ...clock(state.speech), speaker: view(own(state.entries, state.speech.entryId)!) } : null,
    interrupted: state.interrupted ? clock(state.interrupted) : null,
    appeal: state.appeal ? { entryId: state.appeal.entryId, status: state.appeal.status } : null,
    sitting: state.sitting,                                                 // R45
    sittings: state.sittings,
    provisional,                                                            // R47 (snapshot only; floor.view carries the estimates in lists)
    vote,
    lastVote,                                                               // R51, R52: shown once closed
    exchanges,                                                              // R48: pending proposals
    ...(viewer.role === 'delegate' ? { myVote } : {}),
    ...(viewer.role === 'delegate' && viewer.delegationId
      ? { myEntries: Object.values(state.entries).filter(mine).map(view), myPresence: own(state.presence, viewer.delegationId) ?? null }
      : {}),
    ...(staff ? { presence: state.presence } : {}),
  };
}
