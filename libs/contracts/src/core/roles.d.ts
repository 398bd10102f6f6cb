/** The five roles of DESIGN.md. A token binds a participant to exactly one of them. */
export declare const ROLES: readonly ["chair", "secretariat", "delegate", "moderator", "viewer"];
export type Role = (typeof ROLES)[number];
/** Roles that see everything on the floor (R43 events, presence, pending requests). */
export declare const STAFF_ROLES: readonly Role[];
/** Who did something. `system` is the server itself (timers, sweeper). */
export interface Actor {
    role: Role | 'system' | 'operator';
    participantId: string;
    delegationId?: string;
    displayName?: string;
}
export declare const SYSTEM_ACTOR: Actor;
