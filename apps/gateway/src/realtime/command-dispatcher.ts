import { COMMANDS, MAX_COMMAND_BYTES, fail, isCommand, type Ack } from '@rostrum/contracts';
import { metrics } from '@rostrum/platform';
import { actorOf, type AccessClaims } from '../auth/access-token.service';
import type { EdgeLimits } from '../auth/edge-limits';
import type { ServiceClient } from './service-client';

/** No ':' — the server's own command ids (timers, presence, setup) use it, so clients cannot squat them. */
const COMMAND_ID = /^[A-Za-z0-9_.-]{8,80}$/;
const LIMITED_ROLES = new Set(['delegate', 'viewer']);

/**
 * The whole edge contract of a command, in one place: known name, size, shape, role, rate;
 * then the owning service decides. Never throws: every path ends in an ack. (Access — expiry
 * and revocation — is checked before, by the caller, for every message.)
 */
export class CommandDispatcher {
  constructor(private readonly services: ServiceClient, private readonly limits: Pick<EdgeLimits, 'command'>) {}

  async dispatch(claims: AccessClaims, name: unknown, raw: unknown): Promise<Ack> {
    if (!isCommand(name)) return fail('UNKNOWN_COMMAND', `unknown command "${String(name).slice(0, 60)}"`);
    const spec = COMMANDS[name]!;
    let size: number;
    try { size = Buffer.byteLength(JSON.stringify(raw ?? null)); } catch { return fail('VALIDATION_FAILED', 'payload is not JSON'); }
    if (size > MAX_COMMAND_BYTES) return fail('PAYLOAD_TOO_LARGE', `payload is ${size} bytes; the limit is ${MAX_COMMAND_BYTES}`);
    if (!spec.roles.includes(claims.role)) return fail('FORBIDDEN', `a ${claims.role} may not send ${name}`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('VALIDATION_FAILED', 'payload must be an object with a commandId');
    const { commandId, ...fields } = raw as Record<string, unknown>;
    if (typeof commandId !== 'string' || !COMMAND_ID.test(commandId)) {
      return fail('VALIDATION_FAILED', 'commandId must be 8–80 characters of letters, digits, _ . -');
    }
    const parsed = spec.schema.safeParse(fields);
    if (!parsed.success) {
      return fail('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ').slice(0, 2000), parsed.error.issues.slice(0, 20));
    }
    // Participants who ask for things (delegates, viewers) are rate limited across gateways; the
    // officers running the meeting (chair, secretariat, moderators) act in bursts by design and are not.
    if (LIMITED_ROLES.has(claims.role)) {
      const v = await this.limits.command(claims.meetingId, claims.participantId);
      if (!v.ok) return fail('RATE_LIMITED', `too many commands; retry in ${Math.ceil(v.retryAfterMs / 1000)} s`, { retryAfterMs: v.retryAfterMs });
    }
    const ack = await this.services.command(spec.owner, {
      meetingId: claims.meetingId, commandId, type: name, payload: parsed.data, actor: actorOf(claims),
    });
    metrics.commands.inc({ type: name, outcome: ack.ok ? 'ok' : ack.error.code });
    return ack;
  }
}
