import { randomUUID } from 'node:crypto';
import type { MeetingSetup, ResolvedMeetingSetup } from '@rostrum/contracts';

export interface SetupProblem { path: string; message: string }

/**
 * Fills in ids and checks what a schema cannot: that every reference in the setup points at
 * something that exists (tiers of the profile, groups, delegations, coordinators).
 */
export function resolveSetup(setup: MeetingSetup, profile: { tiers: string[] } & Record<string, unknown>): { ok: true; value: ResolvedMeetingSetup } | { ok: false; problems: SetupProblem[] } {
  const problems: SetupProblem[] = [];
  const meetingId = setup.id ?? randomUUID().slice(0, 8);
  const groupIds = new Set(setup.groups.map((g) => g.id));
  const delegationIds = new Set(setup.delegations.map((d) => d.id));
  const dup = (ids: string[], path: string) => ids.forEach((id, i) => ids.indexOf(id) !== i && problems.push({ path, message: `duplicate id ${id}` }));
  dup(setup.groups.map((g) => g.id), 'groups');
  dup(setup.delegations.map((d) => d.id), 'delegations');
  setup.delegations.forEach((d, i) => {
    if (!profile.tiers.includes(d.tier)) problems.push({ path: `delegations.${i}.tier`, message: `tier "${d.tier}" is not one of the profile's tiers (${profile.tiers.join(', ')})` });
    d.groups.forEach((g) => groupIds.has(g) || problems.push({ path: `delegations.${i}.groups`, message: `unknown group ${g}` }));
  });
  setup.groups.forEach((g, i) => {
    if (g.coordinatorDelegationId && !delegationIds.has(g.coordinatorDelegationId)) {
      problems.push({ path: `groups.${i}.coordinatorDelegationId`, message: `unknown delegation ${g.coordinatorDelegationId}` });
    }
  });
  setup.participants.forEach((p, i) => {
    if (p.role === 'delegate' && !p.delegationId) problems.push({ path: `participants.${i}.delegationId`, message: 'a delegate belongs to a delegation' });
    if (p.delegationId && !delegationIds.has(p.delegationId)) problems.push({ path: `participants.${i}.delegationId`, message: `unknown delegation ${p.delegationId}` });
  });
  const itemIds = setup.items.map((it, i) => it.id ?? `item-${i + 1}`);
  dup(itemIds, 'items');
  const participantIds = setup.participants.map((p) => p.id ?? randomUUID());
  dup(participantIds, 'participants');
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      meetingId, title: setup.title, body: setup.body, venue: setup.venue, date: setup.date, symbol: setup.symbol, session: setup.session, meetingNumber: setup.meetingNumber, timeZone: setup.timeZone, public: setup.public, viewers: setup.viewers, profile,
      items: setup.items.map((it, i) => ({ id: itemIds[i], title: it.title, position: i + 1 })),
      groups: setup.groups.map((g) => ({ ...g })),
      delegations: setup.delegations.map((d) => ({ ...d })),
      participants: setup.participants.map((p, i) => ({ ...p, id: participantIds[i] })),
      qna: setup.qna,
      sittings: setup.sittings.map((x) => ({ ...x })),                        // R45, R47
    },
  };
}
