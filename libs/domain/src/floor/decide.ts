import { FLOOR_COMMANDS, ParticipantAddSchema, TimerFireSchema, type CommandError, type DomainEvent } from '@rostrum/contracts';
import type { ZodType } from 'zod';
import { Draft, err, type DecideContext, type Handler } from './draft';
import { HANDLERS } from './handlers';
import type { FloorState } from './state';
import { addParticipant, createMeeting } from './meeting.decider';
import { fireTimer } from './timers.decider';
import { own } from './own';

export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: CommandError };

/** Commands only the server sends: the REST setup (operator) and the durable timers (system). */
const INTERNAL: Record<string, { role: string; schema?: ZodType; handler: Handler }> = {
  'meeting.create': { role: 'operator', handler: createMeeting },
  'participant.add': { role: 'operator', schema: ParticipantAddSchema, handler: addParticipant },
  'timer.fire': { role: 'system', schema: TimerFireSchema, handler: fireTimer },
};

const fail = (error: CommandError): Decision => ({ ok: false, error });

/** Validates, authorises and decides. Never throws: bad input is an error value. */
export function decideFloor(state: FloorState, command: { type: string; payload: unknown }, ctx: DecideContext): Decision {
  try {
    const internal = own(INTERNAL, command.type);
    const spec = (FLOOR_COMMANDS as Record<string, { roles: readonly string[]; schema: ZodType }>)[command.type];
    const handler = internal?.handler ?? own(HANDLERS, command.type);
    if (!handler || (!internal && !spec)) return fail(err('UNKNOWN_COMMAND', `unknown floor command ${command.type}`));
    const allowed = internal ? ctx.actor.role === internal.role : spec!.roles.includes(ctx.actor.role);
    if (!allowed) return fail(err('FORBIDDEN', `role ${ctx.actor.role} may not send ${command.type}`));
    const schema = internal ? internal.schema : spec!.schema;
    let payload = command.payload;
    if (schema) {
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return fail(err('VALIDATION_FAILED', `${issue.path.join('.') || 'payload'}: ${issue.message}`, { issues: parsed.error.issues }));
      }
      payload = parsed.data;
    }
    if (command.type !== 'meeting.create' && !state.created) return fail(err('MEETING_NOT_CREATED', 'the meeting has not been created'));
    const draft = new Draft(state, ctx);
    const refused = handler(draft, payload);
    if (refused) return fail(refused);
    return { ok: true, events: draft.events };
  } catch (e) {
    return fail(err('INTERNAL', e instanceof Error ? e.message : 'internal error'));
  }
}
