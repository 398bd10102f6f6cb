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
  issuedAt: z.iso.datetime().optional().describe('When this link was issued (absent for anonymous viewers).'),
}).strict();
export type IssuedAccess = z.infer<typeof IssuedAccessSchema>;

/**
 * `GET /meetings/:id/access` → each participant's access link as last issued (the same token,
 * signed again from its stored claims: no token is stored), so the secretariat can hand links
 * out again after leaving the page.
 */
export const ListedAccessSchema = z.object({
  participantId: z.string(), name: z.string(), role: z.enum(ROLES), delegationId: z.string().optional(), title: z.string().optional(),
  status: z.enum(['active', 'expired', 'replaced', 'not-issued'])
    .describe('active: works until expiresAt; expired: past it; replaced: a newer link or a revocation superseded it; not-issued: set up before links were kept. Re-issue (…/participants/:pid/token) for a working link.'),
  token: z.string().optional(), issuedAt: z.iso.datetime().optional(), expiresAt: z.iso.datetime().optional(),
}).strict();
export type ListedAccess = z.infer<typeof ListedAccessSchema>;
export const AccessListSchema = z.object({ meetingId: z.string(), access: z.array(ListedAccessSchema) }).strict();

/** `GET /meetings` → the meetings set up, newest first (at most 500). */
export const MeetingSummarySchema = z.object({
  meetingId: z.string(), title: z.string(), body: z.string().optional(), venue: z.string().optional(), date: z.string().optional(),
  timeZone: z.string().optional(), public: z.boolean(), createdAt: z.iso.datetime(), participants: z.number().int(),
}).strict();
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;
export const MeetingListSchema = z.object({ meetings: z.array(MeetingSummarySchema) }).strict();

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
