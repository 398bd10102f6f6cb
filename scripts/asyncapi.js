#!/usr/bin/env node
// Generates docs/asyncapi.yaml from libs/contracts: command payload schemas (zod), who may send
// each command, event payload types (TypeScript, via ts-json-schema-generator) and who sees each.
// `node scripts/asyncapi.js` writes the file; `--check` exits 1 when the file is out of date.
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./lib/env');
const { buildIfNeeded } = require('./lib/services');

function eventSchemas() {
  const { createGenerator } = require('ts-json-schema-generator');
  const gen = createGenerator({
    path: path.join(root, 'libs/contracts/src/docs/event-map.ts'),
    tsconfig: path.join(root, 'scripts/docs/tsconfig.docs.json'),
    type: 'EventPayloadMap', skipTypeCheck: true, expose: 'export', topRef: false, additionalProperties: true, jsDoc: 'basic',
  });
  return gen.createSchema('EventPayloadMap');
}

/** Types inferred from zod schemas: their JSON Schema comes from zod itself. */
function zodDefinitions(c, z) {
  const out = {};
  for (const [type, schema] of [['RulesProfile', c.RulesProfileSchema], ['QnaSettings', c.QnaSettingsSchema], ['Capacity', c.CapacitySchema]]) {
    if (!schema) continue;
    const js = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
    delete js.$schema;
    out[type] = js;
  }
  return out;
}

/** Inlines `#/definitions/X` references so each message payload stands alone. */
function inline(schema, defs, seen = new Set()) {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, defs, seen));
  if (!schema || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/definitions/')) {
    const name = decodeURIComponent(schema.$ref.slice('#/definitions/'.length));
    if (seen.has(name)) return { type: 'object', description: `(recursive ${name})` };
    return inline(defs[name] ?? { type: 'object' }, defs, new Set([...seen, name]));
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, defs, seen)]));
}

function build() {
  buildIfNeeded(() => {});
  const { z } = require('zod');
  const c = require(path.join(root, 'dist/libs/contracts/src'));
  const { EVENT_AUDIENCE, streamOf } = require(path.join(root, 'dist/libs/contracts/src/docs/event-map'));
  const generated = eventSchemas();
  const defs = { ...generated.definitions, ...zodDefinitions(c, z) };
  const events = inline(generated, defs);
  const messages = {};
  const operations = {};
  const envelopeFields = ['meetingId', 'stream', 'seq', 'type', 'at', 'actor', 'commandId', 'itemId'];

  for (const [name, spec] of Object.entries(c.COMMANDS)) {
    const payload = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' });
    delete payload.$schema;
    payload.properties = { commandId: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,80}$', description: 'Client-made id; the same id twice applies once and returns the first result.' }, ...(payload.properties || {}) };
    payload.required = ['commandId', ...(payload.required || [])];
    messages[name] = { name, title: name, summary: spec.summary, payload, 'x-owner': spec.owner, 'x-roles': [...spec.roles] };
    operations[name] = {
      action: 'receive', channel: { $ref: '#/channels/meeting' }, summary: `${spec.summary} (owner: ${spec.owner}; may be sent by: ${spec.roles.join(', ')})`,
      messages: [{ $ref: `#/channels/meeting/messages/${name}` }],
      reply: { channel: { $ref: '#/channels/meeting' }, messages: [{ $ref: '#/channels/meeting/messages/ack' }] },
      'x-roles': [...spec.roles],
    };
  }
  for (const [name, schema] of Object.entries(events.properties)) {
    const stream = streamOf(name);
    const payload = stream === 'transient' || name === 'event.redacted' ? schema : {
      type: 'object', required: ['meetingId', 'stream', 'seq', 'type', 'at', 'actor', 'commandId', 'payload'],
      properties: {
        meetingId: { type: 'string' }, stream: { const: stream }, seq: { type: 'integer', minimum: 1, description: `Gapless per meeting in the ${stream} stream.` },
        type: { const: name }, at: { type: 'integer', description: 'Server time, ms since epoch.' },
        actor: { type: 'object', properties: { role: { type: 'string' }, participantId: { type: 'string' }, delegationId: { type: 'string' }, displayName: { type: 'string' } } },
        commandId: { type: 'string' }, itemId: { type: 'string' }, payload: schema,
      },
    };
    messages[name] = { name, title: name, payload, 'x-stream': stream, 'x-audience': EVENT_AUDIENCE[name] };
    operations[`on.${name}`] = {
      action: 'send', channel: { $ref: '#/channels/meeting' },
      summary: `${stream === 'transient' ? 'Socket event of its own (transient).' : 'Inside an `events` batch.'} Seen by: ${EVENT_AUDIENCE[name]}`,
      messages: [{ $ref: `#/channels/meeting/messages/${name}` }],
    };
  }
  const eventNames = Object.keys(events.properties).filter((n) => !['qna.tallies', 'floor.view'].includes(n));
  messages.events = {
    name: 'events', title: 'A batch of events',
    summary: 'How events reach a client: one `events` message per fan-out round, an array of envelopes (or `event.redacted` placeholders) in seq order. Each element is one of the event messages listed here.',
    payload: { type: 'array', items: { oneOf: eventNames.map((n) => ({ $ref: `#/channels/meeting/messages/${n}/payload` })) } },
  };
  operations.events = {
    action: 'send', channel: { $ref: '#/channels/meeting' }, summary: messages.events.summary,
    messages: [{ $ref: '#/channels/meeting/messages/events' }],
  };
  messages.ack = {
    name: 'ack', title: 'Acknowledgement of a command',
    payload: { oneOf: [
      { type: 'object', required: ['ok'], properties: { ok: { const: true }, seq: { type: 'integer' } } },
      { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false }, error: { type: 'object', required: ['code', 'message'], properties: { code: { enum: [...new Set([...c.CORE_ERROR_CODES, ...(c.FLOOR_ERROR_CODES || []), ...(c.QNA_ERROR_CODES || []), ...(c.RECORD_ERROR_CODES || [])])] }, message: { type: 'string' } } } } },
    ] },
  };
  messages['meeting.snapshot'] = { name: 'meeting.snapshot', title: 'Snapshot on join', summary: 'Ack: { ok, meeting: { seq, state }, qna: { seq, state } | null, record: { seq, entries } } projected for the caller\'s role.', payload: { type: 'object' } };
  messages['events.since'] = { name: 'events.since', title: 'Catch up', summary: 'Events of one stream after a seq, as this client may see them (others as event.redacted).', payload: { type: 'object', properties: { stream: { enum: ['meeting', 'qna', 'record'] }, seq: { type: 'integer', minimum: 0 }, limit: { type: 'integer', maximum: 5000 } }, required: ['seq'] } };
  messages['auth.renew'] = { name: 'auth.renew', title: 'Renew the access token', summary: 'Ack: { ok, token, expiresAt } — the same participant, role and access version; consoles send it before expiry so a long meeting logs nobody out.', payload: { type: 'object', additionalProperties: false } };
  messages[c.ACCESS_ENDED_MESSAGE] = { name: c.ACCESS_ENDED_MESSAGE, title: 'Access ended', summary: 'Sent just before the gateway closes a socket whose access ended: { code: TOKEN_REVOKED | PARTICIPANT_REMOVED | TOKEN_EXPIRED, message }. Do not reconnect with that token.', payload: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } };
  operations[c.ACCESS_ENDED_MESSAGE] = { action: 'send', channel: { $ref: '#/channels/meeting' }, summary: messages[c.ACCESS_ENDED_MESSAGE].summary, messages: [{ $ref: `#/channels/meeting/messages/${c.ACCESS_ENDED_MESSAGE}` }] };
  for (const n of ['meeting.snapshot', 'events.since', 'auth.renew']) {
    operations[n] = { action: 'receive', channel: { $ref: '#/channels/meeting' }, summary: messages[n].summary, messages: [{ $ref: `#/channels/meeting/messages/${n}` }], 'x-roles': [...c.ROLES] };
  }
  const doc = {
    asyncapi: '3.0.0',
    info: {
      title: 'Rostrum real-time protocol', version: '0.1.0',
      description: [
        'socket.io on the gateway. Connect with `auth: { token }` (an access token from the REST setup API);',
        'a refused handshake gives connect_error with data { code: TOKEN_MISSING | TOKEN_EXPIRED | TOKEN_INVALID | TOKEN_REVOKED | TOO_MANY_CONNECTIONS | RATE_LIMITED, message }.',
        'Access (expiry, revocation) is checked on every message; every message whose last argument is a function gets exactly one ack (unknown names: UNKNOWN_COMMAND; wrong arity: VALIDATION_FAILED). Frames over 64 KiB close the connection unanswered (docs/security.md).',
        'Commands are socket events named `area.verb` with `{ commandId, ...payload }` and an ack callback.',
        'Events arrive in `events` messages (arrays of envelopes in seq order, one per fan-out round); each stream (meeting, qna, record) has a gapless seq per meeting.',
        'Transient state (`floor.view`, `qna.tallies`) arrives as socket events of that name carrying `{ meetingId, payload }`.',
        'A client takes `meeting.snapshot`, applies events after its seqs, and calls `events.since` on a gap or after reconnecting.',
        'Generated from libs/contracts by scripts/asyncapi.js — do not edit by hand.',
      ].join(' '),
    },
    servers: { gateway: { host: 'localhost:3000', protocol: 'ws', description: 'socket.io (Engine.IO v4) on the gateway' } },
    channels: { meeting: { address: '/', description: 'The socket of one participant in one meeting (bound by the token).', messages } },
    operations,
  };
  const YAML = require('yaml');
  return `# Generated by scripts/asyncapi.js from libs/contracts. Do not edit by hand.\n${YAML.stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 })}`;
}

const out = path.join(root, 'docs/asyncapi.yaml');
const text = build();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== text) { console.error('docs/asyncapi.yaml is out of date: run `npm run docs`'); process.exit(1); }
  console.log('docs/asyncapi.yaml is current');
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)} (${Object.keys(JSON.parse(JSON.stringify(require('yaml').parse(text))).operations).length} operations)`);
}
