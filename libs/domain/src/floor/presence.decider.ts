import { err, PUBLIC, staffAnd, type Handler } from './draft';
import { ownDelegation } from './guards';
import { pendingRuling } from './floor-giving.decider';
import type { Mode } from '@rostrum/contracts';
import { own } from './own';

/** Connection and room/remote state (R39–R41). Seen by staff and the delegation itself. */
export const updatePresence: Handler<{ delegationId?: string; status: 'connected' | 'dropped' | 'back'; mode?: Mode }> = (d, p) => {
  const delegationId = p.delegationId ?? d.actor.delegationId;
  if (!delegationId) return err('VALIDATION_FAILED', 'delegationId: name the delegation');
  const mine = ownDelegation(d, delegationId);
  if (mine) return mine;
  if (!own(d.state.delegations, delegationId)) return err('NO_SUCH_DELEGATION', `no delegation ${delegationId}`);
  d.emit('presence.updated', { delegationId, status: p.status, ...(p.mode ? { mode: p.mode } : {}) }, staffAnd(delegationId));
  const sp = d.state.speech;
  if (!sp || sp.delegationId !== delegationId || d.state.status !== 'open') return undefined;
  const remote = own(d.state.entries, sp.entryId)!.mode === 'remote';
  if (p.status === 'dropped' && remote && !sp.paused && d.state.profile!.remote.pauseOnDisconnect) {      // R41
    d.emit('speech.paused', { entryId: sp.entryId, at: d.now, reason: 'disconnected', clockRuns: false, alertChair: true }, PUBLIC, sp.itemId);
  } else if (p.status !== 'dropped' && sp.paused && sp.pauseReason === 'disconnected' && !pendingRuling(d)) {
    d.emit('speech.resumed', { entryId: sp.entryId, at: d.now, pausedMs: sp.clockStoppedAt === null ? 0 : d.now - sp.clockStoppedAt, reason: 'reconnected' }, PUBLIC, sp.itemId);
  }
  return undefined;
};
