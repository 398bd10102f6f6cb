import type { ErrorCode } from '../errors';

/**
 * Stable error codes. Clients act on `code`; `message` is for humans.
 * Capability-specific codes (floor, qna, record) are declared in their own files and
 * re-exported here through ErrorCode so that one list documents them all.
 */
export const CORE_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_COMMAND',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'MEETING_NOT_FOUND',
  'NOT_A_MEMBER',
  'RATE_LIMITED',
  'CONFLICT',
  'UNAVAILABLE',
  /** REDIS_MIN_REPLICAS_ACK: the append is on the primary, not yet confirmed by enough replicas. */
  'REPLICATION_TIMEOUT',
  'INTERNAL',
  'TIMER_STALE',
  /** Access (handshake, every command, REST): see docs/security.md. */
  'TOKEN_MISSING',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_REVOKED',
  'PARTICIPANT_REMOVED',
  'TOO_MANY_CONNECTIONS',
  'VERIFIED_VIEWERS_ONLY',
] as const;
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

export interface CommandError {
  code: string;
  message: string;
  details?: unknown;
}

export type Ack<T extends object = Record<string, unknown>> =
  | ({ ok: true } & T)
  | { ok: false; error: CommandError };

/** A refusal. `code` is one of the error catalogue (libs/contracts/src/errors.ts). */
export const fail = (code: ErrorCode, message: string, details?: unknown): { ok: false; error: CommandError } =>
  details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
