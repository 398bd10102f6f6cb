import { z } from 'zod';
import {
  AccessListSchema, ErrorResponseSchema, HealthSchema, IssuedAccessSchema, MeetingListSchema, MeetingCreatedSchema, MeetingSetupSchema, ParticipantSetupSchema,
  WebcastRequestSchema, WebcastResultSchema,
} from '@rostrum/contracts';

type Json = Record<string, unknown>;
type Auth = 'operatorKey' | 'participant' | 'none' | 'queues';

/** One REST route as documented: method and OpenAPI path, auth, body and responses. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  tag: string;
  summary: string;
  auth: Auth;
  body?: z.ZodType;
  /** Status → JSON schema (zod or ready JSON Schema), or a media type for non-JSON bodies. */
  ok: { status: number; schema?: z.ZodType | Json; media?: Record<string, Json> };
  /** Error statuses with the codes they carry. */
  errors: Record<number, string[]>;
  params?: Array<{ name: string; in: 'path' | 'query'; schema: Json; description?: string; required?: boolean }>;
}

const json = (s: z.ZodType | Json): Json => {
  if (!(s instanceof z.ZodType)) return s;
  const out = z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
};
const id = { name: 'id', in: 'path' as const, schema: { type: 'string' }, description: 'The meeting id.', required: true };
const tokenQuery = { name: 'token', in: 'query' as const, schema: { type: 'string' }, description: 'An access token of the meeting (instead of Authorization: Bearer).' };
const itemParam = { name: 'itemId', in: 'path' as const, schema: { type: 'string' }, required: true };
const text = (types: string[]): Record<string, Json> => Object.fromEntries(types.map((t) => [t, { schema: t === 'application/json' ? { type: 'object' } : { type: 'string', ...(t === 'application/pdf' ? { format: 'binary' } : {}) } }]));
/** `POST …/inscriptions`: the floor.request fields (type is always statement) and an optional commandId. */
const FloorRequestFieldsSchema = z.object({
  commandId: z.string().optional().describe('Makes a retry safe: the same id applies once.'),
  delegationId: z.string().optional(), speaker: z.object({ name: z.string(), title: z.string().optional(), level: z.string().optional() }).optional(),
  capacity: z.object({ kind: z.enum(['national', 'group']), groupId: z.string().optional() }).optional(), mode: z.enum(['in-room', 'remote']).optional(),
});
const InscriptionResultSchema = z.object({
  ok: z.literal(true), seq: z.number().int(), commandId: z.string(), entryId: z.string().optional(), itemId: z.string().optional(), delegationId: z.string().optional(),
  place: z.number().int().nullable().optional(), sitting: z.number().int().nullable().optional(), estimatedAt: z.string().nullable().describe('ISO 8601, or null when it cannot be estimated.'),
});
const StatementSubmitSchema = z.object({
  delegationId: z.string().optional(), itemId: z.string().optional(), entryId: z.string().optional(), language: z.string().optional(), text: z.string().max(60_000).optional(),
});
const setupErrors = { 400: ['VALIDATION_FAILED', 'PROFILE_INVALID', 'BAD_REQUEST'], 401: ['UNAUTHENTICATED'] };
const readErrors = { 401: ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID'], 403: ['NOT_A_MEMBER'], 404: ['MEETING_NOT_FOUND', 'UNKNOWN_FORMAT'] };

/**
 * Every REST route of the gateway. A route added to a controller without a line here fails
 * `openapi.spec.ts`; docs/openapi.json is generated from this (scripts/openapi.js) and checked.
 */
export function routes(recordSchema: Json, statsSchema: Json): RouteDoc[] {
  return [
    { method: 'post', path: '/meetings', tag: 'setup', auth: 'operatorKey', body: MeetingSetupSchema,
      summary: 'Create a meeting with its agenda, groups, delegations, participants, rules profile ({ preset, overrides }: overrides deep-merged over the preset, see x-profiles in docs/asyncapi.yaml) and Q&A settings; returns one access token per participant.',
      ok: { status: 201, schema: MeetingCreatedSchema }, errors: setupErrors },
    { method: 'get', path: '/meetings', tag: 'setup', auth: 'operatorKey', summary: 'The meetings set up, newest first (at most 500): title, body, venue, date, time zone, participants.',
      ok: { status: 200, schema: MeetingListSchema }, errors: { 401: ['UNAUTHENTICATED'] } },
    { method: 'get', path: '/meetings/{id}/access', tag: 'setup', auth: 'operatorKey', params: [id],
      summary: 'Each participant\'s access link as last issued, with its expiry and whether it still works (the same token, signed again from stored claims; no token is stored).',
      ok: { status: 200, schema: AccessListSchema }, errors: { 401: ['UNAUTHENTICATED'], 404: ['MEETING_NOT_FOUND'] } },
    { method: 'get', path: '/meetings/{id}', tag: 'setup', auth: 'operatorKey', params: [id], summary: 'The setup of a meeting as stored (meeting with body, venue, date, time zone, symbol, session, number; items, delegations, groups, participants).',
      ok: { status: 200, schema: { type: 'object', description: 'The meeting row with items, delegations, groups and participants (Postgres entities).' } }, errors: { 401: ['UNAUTHENTICATED'], 404: ['MEETING_NOT_FOUND'] } },
    { method: 'post', path: '/meetings/{id}/participants', tag: 'setup', auth: 'operatorKey', params: [id], body: ParticipantSetupSchema,
      summary: 'Add a participant to a meeting (they reach the floor through `participant.added`) and issue its access token.', ok: { status: 201, schema: IssuedAccessSchema }, errors: { ...setupErrors, 404: ['MEETING_NOT_FOUND'] } },
    { method: 'post', path: '/meetings/{id}/participants/{participantId}/token', tag: 'setup', auth: 'operatorKey',
      params: [id, { name: 'participantId', in: 'path', schema: { type: 'string' }, required: true }],
      summary: 'Reissue a participant\'s access token: every earlier token of that participant stops at once, on every gateway, and its sockets are closed with `access.ended`.', ok: { status: 201, schema: IssuedAccessSchema }, errors: { 401: ['UNAUTHENTICATED'], 404: ['MEETING_NOT_FOUND', 'NOT_FOUND'] } },
    { method: 'delete', path: '/meetings/{id}/participants/{participantId}', tag: 'setup', auth: 'operatorKey',
      params: [id, { name: 'participantId', in: 'path', schema: { type: 'string' }, required: true }],
      summary: 'Remove a participant: every token it holds stops at once, on every gateway, and its consoles are closed with the reason (`PARTICIPANT_REMOVED`).',
      ok: { status: 200, schema: { type: 'object', required: ['ok', 'meetingId', 'participantId'], properties: { ok: { const: true }, meetingId: { type: 'string' }, participantId: { type: 'string' } } } },
      errors: { 401: ['UNAUTHENTICATED'], 404: ['MEETING_NOT_FOUND', 'NOT_FOUND'] } },
    { method: 'post', path: '/meetings/{id}/viewer-token', tag: 'setup', auth: 'none', params: [id],
      body: z.object({ token: z.string().optional().describe('The browser\'s earlier viewer token, to keep one identity per browser.') }).strict(),
      summary: 'An anonymous viewer token for a public meeting (no key needed). Send `{ token }` with the browser\'s earlier viewer token to keep the same identity; new identities are rate-limited per address and overall (429 with Retry-After).',
      ok: { status: 201, schema: IssuedAccessSchema }, errors: { 403: ['MEETING_NOT_PUBLIC', 'VERIFIED_VIEWERS_ONLY'], 404: ['MEETING_NOT_FOUND'], 429: ['RATE_LIMITED'] } },
    { method: 'get', path: '/meetings/{id}/record', tag: 'record', auth: 'participant', params: [id, tokenQuery],
      summary: 'The running record as JSON (docs/record.schema.json). Public meetings need no token.', ok: { status: 200, schema: recordSchema }, errors: readErrors },
    { method: 'get', path: '/meetings/{id}/record.{format}', tag: 'record', auth: 'participant',
      params: [id, { name: 'format', in: 'path', schema: { enum: ['json', 'md', 'html', 'pdf'] }, required: true }, tokenQuery],
      summary: 'The record as JSON, Markdown, HTML (printable UN-style summary record) or PDF.',
      ok: { status: 200, media: { 'application/json': { schema: recordSchema }, 'text/markdown': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
      errors: readErrors },
    { method: 'get', path: '/meetings/{id}/stats', tag: 'record', auth: 'participant', params: [id, tokenQuery],
      summary: 'Speaking-time statistics (by delegation, group, tier, mode, type; overruns) as JSON.', ok: { status: 200, schema: statsSchema }, errors: readErrors },
    { method: 'get', path: '/meetings/{id}/stats.{format}', tag: 'record', auth: 'participant',
      params: [id, { name: 'format', in: 'path', schema: { enum: ['json', 'csv'] }, required: true }, tokenQuery],
      summary: 'Speaking-time statistics as JSON or CSV.', ok: { status: 200, media: { 'application/json': { schema: statsSchema }, 'text/csv': { schema: { type: 'string' } } } }, errors: readErrors },
    { method: 'get', path: '/meetings/{id}/speakers.{format}', tag: 'record', auth: 'participant',
      params: [id, { name: 'format', in: 'path', schema: { enum: ['md', 'html', 'csv', 'pdf'] }, required: true }, tokenQuery, { name: 'bom', in: 'query', schema: { enum: ['1'] }, description: 'csv: a byte-order mark for spreadsheet programs.' }],
      summary: 'The list of speakers with speaking times: md, html, csv or pdf.', ok: { status: 200, media: text(['text/markdown', 'text/html', 'text/csv', 'application/pdf']) }, errors: readErrors },
    { method: 'get', path: '/meetings/{id}/press.{format}', tag: 'record', auth: 'participant',
      params: [id, { name: 'format', in: 'path', schema: { enum: ['md', 'html'] }, required: true }, tokenQuery],
      summary: 'A press summary in the style of Meetings Coverage (English): md or html.', ok: { status: 200, media: text(['text/markdown', 'text/html']) }, errors: readErrors },
    { method: 'post', path: '/meetings/{id}/items/{itemId}/inscriptions', tag: 'debate', auth: 'participant', params: [id, itemParam],
      body: FloorRequestFieldsSchema,
      summary: 'Inscribe on an item\'s list of speakers (R46), also before any meeting runs: a delegate for its own delegation, the chair or secretariat for any (delegationId). The floor.request fields; `commandId` makes a retry safe. Answer: the provisional place, meeting and estimated time (R47).',
      ok: { status: 201, schema: InscriptionResultSchema }, errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID'], 403: ['FORBIDDEN', 'NOT_YOUR_DELEGATION', 'NOT_A_MEMBER'], 409: ['INSCRIPTION_CLOSED', 'LIST_CLOSED', 'ALREADY_WAITING', 'ITEM_CONCLUDED'] } },
    { method: 'get', path: '/meetings/{id}/items/{itemId}/speakers', tag: 'debate', auth: 'participant', params: [id, itemParam, tokenQuery],
      summary: 'The provisional list of speakers of an item (R47) as JSON (ProvisionalListView in docs/asyncapi.yaml: place, meeting and estimated time per speaker).',
      ok: { status: 200, schema: { type: ['object', 'null'], description: 'ProvisionalListView: { itemId, title, currentSitting, sittings, speakers: [{ place, entryId, delegationId, capacityLabel, status, sitting, estimatedAt, slotSeconds, … }] }' } }, errors: readErrors },
    { method: 'get', path: '/meetings/{id}/items/{itemId}/speakers.{format}', tag: 'debate', auth: 'participant',
      params: [id, itemParam, { name: 'format', in: 'path', schema: { enum: ['json', 'html', 'pdf'] }, required: true }, tokenQuery],
      summary: 'The provisional list of speakers as JSON, HTML (UN Journal style, refreshes itself) or PDF.', ok: { status: 200, media: text(['application/json', 'text/html', 'application/pdf']) }, errors: readErrors },
    { method: 'post', path: '/meetings/{id}/statements', tag: 'statements', auth: 'participant', params: [id],
      body: StatementSubmitSchema,
      summary: 'Submit a statement (JSON, or multipart/form-data with the same fields and a file "pdf", application/pdf, at most 5 MiB): a delegate for its own delegation, the secretariat for any.',
      ok: { status: 201, schema: { type: 'object', properties: { ok: { const: true }, statement: { type: 'object' } } } }, errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID'], 403: ['FORBIDDEN', 'NOT_A_MEMBER'], 413: ['STATEMENT_TOO_LARGE'] } },
    { method: 'get', path: '/meetings/{id}/statements', tag: 'statements', auth: 'participant', params: [id, tokenQuery],
      summary: 'Statements the caller may read: all to the secretariat, chair and interpreters, its own to a delegation, delivered ones to everyone.',
      ok: { status: 200, schema: { type: 'object', properties: { ok: { const: true }, statements: { type: 'array', items: { type: 'object' } } } } }, errors: readErrors },
    { method: 'get', path: '/meetings/{id}/statements/{statementId}/pdf', tag: 'statements', auth: 'participant',
      params: [id, { name: 'statementId', in: 'path', schema: { type: 'string' }, required: true }, tokenQuery],
      summary: 'The PDF of a statement, under the same reading rule.', ok: { status: 200, media: text(['application/pdf']) }, errors: { ...readErrors, 404: ['MEETING_NOT_FOUND', 'STATEMENT_NOT_FOUND'] } },
    { method: 'put', path: '/meetings/{id}/webcast', tag: 'record', auth: 'operatorKey', params: [id], body: WebcastRequestSchema,
      summary: 'Record when the webcast started; record entries then carry their video offset. Operator key, or a chair/secretariat token.',
      ok: { status: 200, schema: WebcastResultSchema }, errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED', 'TOKEN_INVALID', 'TOKEN_EXPIRED'], 403: ['FORBIDDEN', 'NOT_A_MEMBER'], 404: ['MEETING_NOT_FOUND'] } },
    { method: 'get', path: '/health/live', tag: 'operations', auth: 'none', summary: 'The process runs (200). Says nothing about its dependencies.',
      ok: { status: 200, schema: { type: 'object' } }, errors: {} },
    ...['/health/ready', '/health'].map((path): RouteDoc => ({ method: 'get', path, tag: 'operations', auth: 'none',
      summary: 'Every dependency answered just now: 200 (status ok, or degraded without Postgres), else 503 with the same shape; per dependency: status, lastOkAt, roundTripMs.',
      ok: { status: 200, schema: HealthSchema }, errors: {} })),
    { method: 'get', path: '/metrics', tag: 'operations', auth: 'none', summary: 'Prometheus metrics of the gateway.',
      ok: { status: 200, media: { 'text/plain': { schema: { type: 'string' } } } }, errors: {} },
    { method: 'get', path: '/console', tag: 'consoles', auth: 'none', summary: 'The consoles\' index page.', ok: { status: 200, media: { 'text/html': { schema: { type: 'string' } } } }, errors: {} },
    { method: 'get', path: '/console/{path}', tag: 'consoles', auth: 'none', params: [{ name: 'path', in: 'path', schema: { type: 'string' }, required: true }],
      summary: 'A console page (chair, delegate, viewer, moderator, secretariat) or its assets; pages take `?token=`.', ok: { status: 200, media: { 'text/html': { schema: { type: 'string' } } } }, errors: { 404: ['NOT_FOUND'] } },
  ];
}

const SECURITY: Record<Exclude<Auth, 'none'>, Json[]> = {
  operatorKey: [{ operatorKey: [] }],
  participant: [{ bearer: [] }, { tokenQuery: [] }, {}],
  queues: [{ queuesBasic: [] }],
};

/** The OpenAPI 3.1 document of the REST API, from the same zod schemas the gateway validates with. */
export function buildOpenApi(recordSchema: Json = { type: 'object' }, statsSchema: Json = { type: 'object' }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes(recordSchema, statsSchema)) {
    const responses: Record<string, Json> = {
      [r.ok.status]: { description: 'OK', content: r.ok.media ?? { 'application/json': { schema: r.ok.schema ? json(r.ok.schema) : {} } } },
    };
    for (const [status, codes] of Object.entries(r.errors)) {
      responses[status] = { description: `Error: ${codes.join(', ')}`, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } }, 'x-error-codes': codes };
    }
    if (r.auth !== 'none' && !r.errors[401]) responses['401'] = { description: 'UNAUTHENTICATED', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      tags: [r.tag], summary: r.summary, operationId: `${r.method}${r.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(r.params ? { parameters: r.params.map((p) => ({ required: p.in === 'path', ...p })) } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(r.body) } } } } : {}),
      responses,
      ...(r.auth !== 'none' ? { security: SECURITY[r.auth] } : {}),
    };
  }
  paths['/queues'] = { get: { tags: ['operations'], summary: 'The BullMQ dashboard (bull-board); basic auth with OPERATOR_KEY as the password.', security: SECURITY.queues, responses: { 200: { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } }, 401: { description: 'basic auth required' } } } };
  return {
    openapi: '3.1.0',
    info: { title: 'Rostrum', version: '0.1.0', description: 'Setup, access, record and operations API. The real-time protocol (socket.io) is docs/asyncapi.yaml; a client for both is @rostrum/client (docs/integrating.md). Generated from the zod schemas in libs/contracts by apps/gateway/src/openapi.ts.' },
    paths,
    components: {
      schemas: { ErrorResponse: json(ErrorResponseSchema) },
      securitySchemes: {
        operatorKey: { type: 'apiKey', in: 'header', name: 'x-operator-key', description: 'OPERATOR_KEY of the deployment: setup and operations.' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A participant access token of the meeting.' },
        tokenQuery: { type: 'apiKey', in: 'query', name: 'token', description: 'The same access token as a query parameter (links).' },
        queuesBasic: { type: 'http', scheme: 'basic', description: 'Any user name, OPERATOR_KEY as the password.' },
      },
    },
  };
}
