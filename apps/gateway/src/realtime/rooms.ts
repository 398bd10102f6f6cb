import type { Visibility } from '@rostrum/contracts';
import type { AccessClaims } from '../auth/access-token.service';

/** Room names of a meeting. Every socket joins `all`, its role, its delegation and itself. */
export const rooms = {
  all: (m: string) => `m:${m}`,
  role: (m: string, role: string) => `m:${m}:r:${role}`,
  delegation: (m: string, d: string) => `m:${m}:d:${d}`,
  participant: (m: string, p: string) => `m:${m}:p:${p}`,
};

export function roomsOf(c: AccessClaims): string[] {
  const r = [rooms.all(c.meetingId), rooms.role(c.meetingId, c.role), rooms.participant(c.meetingId, c.participantId)];
  if (c.delegationId) r.push(rooms.delegation(c.meetingId, c.delegationId));
  return r;
}

const ROLES_BY_SCOPE: Record<Exclude<Visibility['scope'], 'public'>, string[]> = {
  delegates: ['chair', 'secretariat', 'moderator', 'delegate'],
  staff: ['chair', 'secretariat'],
  moderators: ['chair', 'secretariat', 'moderator'],
  delegation: [],                       // R50: a vote before the close, only its delegation
};

/** The rooms that may see an event in full; `null` means everyone in the meeting. */
export function allowedRooms(meetingId: string, v: Visibility): string[] | null {
  if (v.scope === 'public') return null;
  const r = ROLES_BY_SCOPE[v.scope].map((role) => rooms.role(meetingId, role));
  if (v.delegationId) r.push(rooms.delegation(meetingId, v.delegationId));
  if (v.participantId) r.push(rooms.participant(meetingId, v.participantId));
  return r;
}

/** The same decision for one client (used when replaying `events.since`). */
export function maySee(c: AccessClaims, v: Visibility): boolean {
  if (v.scope === 'public') return true;
  if (ROLES_BY_SCOPE[v.scope].includes(c.role)) return true;
  return (!!v.delegationId && v.delegationId === c.delegationId) || (!!v.participantId && v.participantId === c.participantId);
}
