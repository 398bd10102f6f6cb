import { COMMANDS, MAX_COMMAND_BYTES, fail, isCommand, type Ack, type CommandOwner } from '@rostrum/contracts';
import { metrics } from '@rostrum/platform';
import { actorOf, type AccessClaims } from '../auth/access-token.service';
import type { EdgeLimits } from '../auth/edge-limits';
import type { ServiceClient } from './service-client';

/** No ':' — the server's own command ids (timers, presence, setup) use it, so clients cannot squat them. */
const COMMAND_ID = /^[A-Za-z0-9_.-]{8,80}$/;
const LIMITED_ROLES = new Set(['delegate', 'viewer']);

/** The outcome of the checks that need no I/O: a refusal, or the command ready to send. */
type Checked =
  | { refusal: Ack; send?: undefined }
  | { send: { command: string; commandId: string; data: unknown; owner: CommandOwner } };

/**
 * The whole edge contract of a command, in one place: known name, size, shape, role, rate;
 * then the owning service decides. Never throws: every path ends in an ack. (Access — expiry
 * and revocation — is checked before, by the caller, for every message.)
 */
export class CommandDispatcher {
  constructor(private readonly services: ServiceClient, private readonly limits: Pick<EdgeLimits, 'command'>) {}

  /**
   * @param access the caller's access check (expiry, revocation), already under way: the edge
   *   checks and the rate limit run beside it, and its refusal is the answer whatever they say.
   *   So a delegate's command costs one Redis round trip at the gateway, not two.
   * @returns the owner's ack, or the first refusal: access, then `UNKNOWN_COMMAND`,
   *   `PAYLOAD_TOO_LARGE`, `FORBIDDEN`, `VALIDATION_FAILED`, `RATE_LIMITED` (with `retryAfterMs`)
   */
  async dispatch(claims: AccessClaims, name: unknown, raw: unknown, access: Promise<Ack | null> = Promise.resolve(null)): Promise<Ack> {
    const checked = this.check(claims, name, raw);
    // Participants who ask for things (delegates, viewers) are rate limited across gateways; the
    // officers running the meeting (chair, secretariat, moderators) act in bursts by design and are not.
    const limited = checked.send && LIMITED_ROLES.has(claims.role) ? this.limits.command(claims.meetingId, claims.participantId) : undefined;
    // Both are on their way to Redis together (one round trip). The access verdict is taken as
    // soon as it comes: a refusal is answered at once, before the socket is closed for it.
    const refused = await access.catch((err: unknown) => { limited?.catch(() => undefined); throw err; });
    if (refused) { limited?.catch(() => undefined); return refused; }
    const rate = await limited;
    if (!checked.send) return checked.refusal;
    if (rate && !rate.ok) return fail('RATE_LIMITED', `too many commands; retry in ${Math.ceil(rate.retryAfterMs / 1000)} s`, { retryAfterMs: rate.retryAfterMs });
    const { command: name_, commandId, data, owner } = checked.send;
    const ack = await this.services.command(owner, {
      meetingId: claims.meetingId, commandId, type: name_, payload: data, actor: actorOf(claims),
    });
    metrics.commands.inc({ type: name_, outcome: ack.ok ? 'ok' : ack.error.code });
    return ack;
  }

  /** The checks that need no I/O: a refusal, or the command ready to send. */
  private check(claims: AccessClaims, name: unknown, raw: unknown): Checked {
    const refuse = (refusal: Ack): Checked => ({ refusal });
    if (!isCommand(name)) return refuse(fail('UNKNOWN_COMMAND', `unknown command "${String(name).slice(0, 60)}"`));
    const spec = COMMANDS[name]!;
    let size: number;
    try { size = Buffer.byteLength(JSON.stringify(raw ?? null)); } catch { return refuse(fail('VALIDATION_FAILED', 'payload is not JSON')); }
    if (size > MAX_COMMAND_BYTES) return refuse(fail('PAYLOAD_TOO_LARGE', `payload is ${size} bytes; the limit is ${MAX_COMMAND_BYTES}`));
    if (!spec.roles.includes(claims.role)) return refuse(fail('FORBIDDEN', `a ${claims.role} may not send ${name}`));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse(fail('VALIDATION_FAILED', 'payload must be an object with a commandId'));
    const { commandId, ...fields } = raw as Record<string, unknown>;
    if (typeof commandId !== 'string' || !COMMAND_ID.test(commandId)) {
      return refuse(fail('VALIDATION_FAILED', 'commandId must be 8–80 characters of letters, digits, _ . -'));
    }
    const parsed = spec.schema.safeParse(fields);
    if (!parsed.success) {
      return refuse(fail('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ').slice(0, 2000), parsed.error.issues.slice(0, 20)));
    }
    return { send: { command: name, commandId, data: parsed.data, owner: spec.owner } };
  }
}
