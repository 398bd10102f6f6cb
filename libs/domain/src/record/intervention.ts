import type { EventEnvelope, Intervention, ResolvedMeetingSetup } from '@rostrum/contracts';
import type { DelegationCategory, InterventionRecord } from './types';

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
    ...(i.language ? { language: i.language } : {}),
  };
}

const CATEGORY_OF_TIER = new Map<string, DelegationCategory>([
  ['members', 'member-state'], ['officers', 'member-state'], ['groups', 'member-state'], ['observer-states', 'observer-state'],
  ['igo-observers', 'intergovernmental-organization'], ['un-entities', 'un-entity'], ['civil-society', 'civil-society'],
]);

/** Setup fields the floor does not carry, as `withSetupDetails` needs them. */
export type SpeakerSetup = Pick<ResolvedMeetingSetup, 'delegations' | 'participants'>;

/**
 * Adds what the setup knows about each speaker and delegation: gender and language of delivery
 * (participant fields, matched by delegation and name) and the delegation's category (its
 * `category`, else the one its profile tier implies). Pure; the input is not changed.
 */
export function withSetupDetails(list: InterventionRecord[], setup: SpeakerSetup | undefined): InterventionRecord[] {
  if (!setup) return list;
  const delegations = new Map(setup.delegations.map((d) => [d.id, d]));
  const people = new Map(setup.participants.filter((p) => p.delegationId).map((p) => [`${p.delegationId}\u0000${p.name}`, p]));
  return list.map((i) => {
    const d = delegations.get(i.delegationId);
    const p = people.get(`${i.delegationId}\u0000${i.speakerName}`);
    const category = (d?.category as DelegationCategory | undefined) ?? (d ? CATEGORY_OF_TIER.get(d.tier) : undefined);
    return {
      ...i, ...(category && !i.category ? { category } : {}),
      ...(p?.gender && !i.gender ? { gender: p.gender } : {}), ...(p?.language && !i.language ? { language: p.language } : {}),
    };
  });
}
