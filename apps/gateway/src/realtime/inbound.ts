import type { Socket } from 'socket.io';
import { fail, isCommand, isSyncMessage, type Ack } from '@rostrum/contracts';
import type { AccessClaims } from '../auth/access-token.service';

type AckFn = (ack: Ack) => void;

/** What the gateway does with an inbound message once it is known and well-formed. */
export interface InboundHandlers {
  /** Expiry and revocation, before anything else; a refusal also ends the socket. */
  access(socket: Socket, claims: AccessClaims): Promise<Ack | null>;
  /**
   * A command. `access` is the access check already under way (started when the message came in):
   * the command's own checks run beside it, and its refusal, if any, is the answer.
   */
  command(socket: Socket, claims: AccessClaims, name: string, payload: unknown, access: Promise<Ack | null>): Promise<Ack>;
  sync(socket: Socket, claims: AccessClaims, name: 'meeting.snapshot' | 'events.since' | 'auth.renew', payload: unknown): Promise<Ack>;
  failed(err: unknown): void;
}

/**
 * Every inbound socket message gets an answer: when its last argument is a function, that
 * function is called with one ack, whatever came before it. Arity is exact (a command takes one
 * payload; `meeting.snapshot` and `auth.renew` zero or one; `events.since` one), unknown names —
 * `toString`, `__proto__` and numbers included — are `UNKNOWN_COMMAND`, and a message refused
 * here is never applied. Messages without an ack function are handled the same way, unanswered.
 */
export function routeInbound(socket: Socket, h: InboundHandlers, name: unknown, args: unknown[]): void {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as AckFn) : undefined;
  const params = ack ? args.slice(0, -1) : args;
  const answer = (a: Ack) => { if (ack) { try { ack(a); } catch (err) { h.failed(err); } } };
  const shown = typeof name === 'string' ? name.slice(0, 60) : typeof name;
  if (isSyncMessage(name)) {
    const max = 1, min = name === 'events.since' ? 1 : 0;
    if (params.length < min || params.length > max) return answer(fail('VALIDATION_FAILED', `${name} takes ${min === max ? 'one payload' : 'at most one payload'} (got ${params.length} arguments)`));
  } else if (isCommand(name)) {
    if (params.length !== 1) return answer(fail('VALIDATION_FAILED', `${name} takes exactly one payload object and an ack function (got ${params.length} arguments)`));
  } else {
    return answer(fail('UNKNOWN_COMMAND', `unknown command "${shown}"`));
  }
  const claims = socket.data.claims as AccessClaims | undefined;
  if (!claims) return answer(fail('UNAUTHENTICATED', 'this socket is not authenticated'));
  void (async () => {
    // A command does not wait for the access check before its own checks: both go to Redis in
    // the same moment (one round trip instead of two), and the access refusal still wins.
    if (!isSyncMessage(name)) return h.command(socket, claims, name as string, params[0], h.access(socket, claims));
    const refused = await h.access(socket, claims);
    if (refused) return refused;
    const current = socket.data.claims as AccessClaims; // auth.renew may have replaced the claims meanwhile
    return h.sync(socket, current, name, params[0]);
  })().catch((err: unknown) => {
    h.failed(err);
    return fail('INTERNAL', 'the server could not handle this message');
  }).then(answer);
}
