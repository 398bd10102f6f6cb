import type { RulesProfile } from '@rostrum/contracts';
import type { FloorState, Speech } from './state';
import { own } from './own';

/** A timer fired up to this early still counts as on time (R34: within 250 ms). */
export const TIMER_TOLERANCE_MS = 250;

/** Net speaking time so far: the clock stops while paused unless it runs through the pause (R20). */
export const elapsedMs = (s: Speech, now: number): number => Math.max(0, (s.clockStoppedAt ?? now) - s.startedAt - s.pausedMs);

/** Server time at which a running clock shows `ms` elapsed. */
const momentAt = (s: Speech, ms: number): number => s.startedAt + s.pausedMs + ms;

export const remainingMs = (s: Speech, now: number): number => s.allottedSeconds * 1000 - elapsedMs(s, now);

export type TimerKind = 'warning' | 'expiry' | 'grace' | 'call';
export interface FloorTimer { key: string; dueAt: number; kind: TimerKind; entryId: string; seconds?: number }

function speechTimers(s: Speech, profile: RulesProfile, type: string): FloorTimer[] {
  if (s.clockStoppedAt !== null) return [];                    // a stopped clock never advances
  const out: FloorTimer[] = [];
  const allottedMs = s.allottedSeconds * 1000;
  for (const w of profile.time.warningsSeconds) {             // R34
    if (w >= s.allottedSeconds || s.warned.includes(w)) continue;
    const dueAt = momentAt(s, allottedMs - w * 1000);
    out.push({ key: `warning:${s.entryId}:${w}:${dueAt}`, dueAt, kind: 'warning', entryId: s.entryId, seconds: w });
  }
  if (s.expiredAt === null) {
    const dueAt = momentAt(s, allottedMs);
    out.push({ key: `expiry:${s.entryId}:${dueAt}`, dueAt, kind: 'expiry', entryId: s.entryId });
  }
  // R35: only an informal profile cuts the speaker off; a point of order ends by its ruling (R23).
  if (profile.time.overrun === 'end-after-grace' && type !== 'point-of-order' && !s.paused) {
    const dueAt = momentAt(s, allottedMs + profile.time.graceSeconds * 1000);
    out.push({ key: `grace:${s.entryId}:${dueAt}`, dueAt, kind: 'grace', entryId: s.entryId });
  }
  return out;
}

/** A delegation is there when it has said so and has not dropped since (R40). */
export const isAvailable = (state: FloorState, delegationId: string): boolean => {
  const p = own(state.presence, delegationId);
  return !!p && p.status !== 'dropped';
};

/** Every future moment at which the server must act. Keys embed the due time. */
export function allTimers(state: FloorState): FloorTimer[] {
  const profile = state.profile;
  if (!profile || state.status === 'adjourned') return [];
  const out: FloorTimer[] = [];
  for (const s of [state.speech, state.interrupted]) {
    if (s) out.push(...speechTimers(s, profile, own(state.entries, s.entryId)?.type ?? 'statement'));
  }
  if (state.called) {                                          // R40
    const e = own(state.entries, state.called);
    if (e && e.calledAt !== undefined && !isAvailable(state, e.delegationId)) {
      const dueAt = e.calledAt + profile.absent.callTimeoutSeconds * 1000;
      out.push({ key: `call:${e.entryId}:${dueAt}`, dueAt, kind: 'call', entryId: e.entryId });
    }
  }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}

export function floorTimers(state: FloorState): Array<{ key: string; dueAt: number }> {
  return allTimers(state).map(({ key, dueAt }) => ({ key, dueAt }));
}
