import type { ZodType } from 'zod';
import type { Actor, Role } from './roles';
/** The service that owns a command. The gateway routes by it. */
export type CommandOwner = 'floor' | 'qna' | 'recorder';
/** One entry of the command catalogue: schema of the payload, owner, roles that may send it. */
export interface CommandSpec {
    owner: CommandOwner;
    roles: readonly Role[];
    schema: ZodType;
    summary: string;
}
/** What the gateway sends to a service (over the microservice transport). */
export interface CommandMessage<P = unknown> {
    meetingId: string;
    commandId: string;
    type: string;
    payload: P;
    actor: Actor;
}
/** Max bytes of one inbound socket message payload, enforced at the edge. */
export declare const MAX_COMMAND_BYTES: number;
/**
 * Microservice transport patterns of a service. They carry the deployment prefix so that
 * deployments (and test runs) sharing one Redis never answer each other's commands.
 */
export declare function servicePatterns(prefix: string, owner: CommandOwner): {
    command: string;
    snapshot: string;
};
