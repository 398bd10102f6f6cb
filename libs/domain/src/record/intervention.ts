import type { EventEnvelope, Intervention, ResolvedMeetingSetup } from '@rostrum/contracts';
import type { InterventionRecord } from './types';

const seconds = (ms: number | undefined): number => Math.round((ms ?? 0) / 1000);

/**
 * The R44 row for a `speech.ended` event. The floor sends every field; the setup adds what
 * the floor leaves to it (tier, group name). `number` is the ordinal the caller assigns.
 */
export function interventionFromEvent(
  e: EventEnvelope, number: number, setup?: Pick<ResolvedMeetingSetup, 'delegations' | 'groups'>,
): InterventionRecord | undefined {
  const i = (e.payload as { intervention?: Intervention }).intervention;
  if (e.type !== 'speech.ended' || !i) return undefined;
  const groupId = i.capacity.kind === 'group' ? i.capacity.groupId : i.groupId;
  const group = groupId ? setup?.groups.find((g) => g.id === groupId) : undefined;
  const tier = setup?.delegations.find((d) => d.id === i.delegationId)?.tier;
  return {
    interventionId: i.entryId, seq: e.seq, number, itemId: i.itemId,
    delegationId: i.delegationId, delegationName: i.delegationName, ...(tier ? { tier } : {}),
    speakerName: i.speakerName, ...(i.speakerTitle ? { speakerTitle: i.speakerTitle } : {}), level: i.level,
    capacity: i.capacity.kind, ...(groupId ? { groupId, groupName: group?.name ?? groupId } : {}),
    capacityLabel: i.capacityLabel, type: i.type, mode: i.mode,
    inscribedAt: i.inscribedAt, calledAt: i.calledAt, startedAt: i.startedAt, endedAt: i.endedAt,
    allottedSeconds: i.allottedSeconds, netSeconds: seconds(i.netSpeakingMs),
    pauses: i.pauses.map((p) => ({ from: p.at, ...(p.until !== undefined ? { to: p.until } : {}), reason: p.reason, clockRan: p.clockRan })),
    pausedSeconds: seconds(i.pausedMs), overrunSeconds: seconds(i.overrunMs),
    warningsGiven: i.warningsGiven.length, warnings: i.warningsGiven, expired: i.expired, endReason: i.endReason,
    ...(i.yieldedFrom ? { yieldedFrom: i.yieldedFrom } : {}),
    ...(i.replyTo ? { replyToInterventionId: i.replyTo } : {}),
    ...(i.ruling ? { ruling: { decision: i.ruling.decision, text: i.ruling.text } } : {}),
  };
}
