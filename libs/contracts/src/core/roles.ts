/**
 * The roles of DESIGN.md. A token binds a participant to exactly one of them. An interpreter
 * reads (statements submitted ahead, the languages of the next speakers) and acts on nothing:
 * no command lists it.
 */
export const ROLES = ['chair', 'secretariat', 'delegate', 'moderator', 'viewer', 'interpreter'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see everything on the floor (R43 events, presence, pending requests). */
export const STAFF_ROLES: readonly Role[] = ['chair', 'secretariat'];

/** Who did something. `system` is the server itself (timers, sweeper). */
export interface Actor {
  role: Role | 'system' | 'operator';
  participantId: string;
  delegationId?: string;
  displayName?: string;
}

export const SYSTEM_ACTOR: Actor = { role: 'system', participantId: 'system' };
