import { z } from 'zod';
import { ROLES } from './core/roles';

// Request and response bodies of the REST API beyond the setup schemas: one source for the
// gateway and the OpenAPI document (apps/gateway/src/openapi.ts → docs/openapi.json).

/** An access token issued for one participant. */
export const IssuedAccessSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  delegationId: z.string().optional(),
  /** Signed (HS256), bound to one meeting and one role; send as socket.io `auth: { token }` or `Authorization: Bearer`. */
  token: z.string().describe('Access token: socket.io `auth: { token }`, or `Authorization: Bearer …` / `?token=` on REST.'),
  expiresAt: z.iso.datetime().describe('When the token stops working (TOKEN_EXPIRED): get a fresh one from …/participants/:pid/token.'),
}).strict();
export type IssuedAccess = z.infer<typeof IssuedAccessSchema>;

/** `POST /meetings` → the meeting id and one token per participant. */
export const MeetingCreatedSchema = z.object({ meetingId: z.string(), access: z.array(IssuedAccessSchema) }).strict();

/** `PUT /meetings/:id/webcast`. */
export const WebcastRequestSchema = z.object({ startedAt: z.iso.datetime({ offset: true }).describe('When the webcast started (ISO 8601 with offset).') }).strict();
export const WebcastResultSchema = z.object({ ok: z.literal(true), meetingId: z.string(), startedAt: z.iso.datetime() }).strict();

/** `GET /health/ready` (and `/health`): 200 when the dependencies answered, 503 (same shape) otherwise (@nestjs/terminus). */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'error', 'shutting_down']),
  info: z.record(z.string(), z.object({ status: z.string() }).passthrough()).optional(),
  error: z.record(z.string(), z.object({ status: z.string() }).passthrough()).optional(),
  details: z.record(z.string(), z.object({ status: z.string() }).passthrough()).optional().describe('Per dependency: status, lastOkAt, roundTripMs.'),
}).passthrough();

/** Every REST error: the same shape as a refused socket ack. */
export const ErrorResponseSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string().describe('A code of the error catalogue (x-error-catalogue in docs/asyncapi.yaml).'), message: z.string(), details: z.unknown().optional() }),
});
