import type { Intervention } from '@rostrum/contracts';
import { elapsedMs } from './clock';
import type { FloorState, Speech } from './state';
import { own } from './own';

/** R33: entry override, else per-type limit, else per-tier limit, else the profile default. */
export function allottedSeconds(state: FloorState, entryId: string): number {
  const e = own(state.entries, entryId)!;
  const t = state.profile!.time;
  if (e.allottedSeconds !== undefined) return e.allottedSeconds;
  const type = e.type === 'statement' && e.capacity.kind === 'group' && own(t.perTypeSeconds, 'group-statement') !== undefined ? 'group-statement' : e.type;
  return own(t.perTypeSeconds, type) ?? own(t.perTierSeconds, e.tier) ?? t.defaultSeconds;
}

/** R44: the whole intervention, so the recorder stores it as it comes. */
export function intervention(state: FloorState, s: Speech, now: number, endReason: Intervention['endReason'], ruling?: Intervention['ruling']): Intervention {
  const e = own(state.entries, s.entryId)!;
  const net = elapsedMs(s, now);
  const pauses = s.pauses.map((p) => (p.until === undefined ? { ...p, until: now } : { ...p }));
  const pausedMs = pauses.reduce((sum, p) => sum + ((p.until ?? now) - p.at), 0);
  return {
    meetingId: state.meetingId, itemId: s.itemId, entryId: s.entryId,
    delegationId: e.delegationId, delegationName: e.delegationName,
    speakerName: e.speakerName, ...(e.speakerTitle ? { speakerTitle: e.speakerTitle } : {}), level: e.level,
    capacity: e.capacity, capacityLabel: e.capacityLabel, ...(e.capacity.kind === 'group' ? { groupId: e.capacity.groupId } : {}),
    type: e.type, mode: e.mode,
    inscribedAt: e.inscribedAt, calledAt: s.calledAt, startedAt: s.startedAt, endedAt: now,
    allottedSeconds: s.allottedSeconds, netSpeakingMs: net, pauses, pausedMs,
    overrunMs: Math.max(0, net - s.allottedSeconds * 1000),
    warningsGiven: [...s.warningsGiven], expired: s.expiredAt !== null,
    ...(e.replyTo ? { replyTo: e.replyTo } : {}),
    ...(ruling ? { ruling } : {}),
    ...(s.yieldedFrom ? { yieldedFrom: s.yieldedFrom } : {}),
    ...(e.language ? { language: e.language } : {}),
    endReason,
  };
}
