#!/usr/bin/env node
// Generates docs/asyncapi.yaml from libs/contracts: command payload schemas (zod), who may send
// each command, event payload types (TypeScript, via ts-json-schema-generator) and who sees each.
// `node scripts/asyncapi.js` writes the file; `--check` exits 1 when the file is out of date.
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./lib/env');
const { buildIfNeeded } = require('./lib/services');
const { commandErrors } = require('./docs/command-errors');
const { DELIVERY, FLOWS, PROFILE_MERGE } = require('./docs/protocol-prose');
const { typeSchema, inline } = require('./docs/schemas');

const eventSchemas = () => typeSchema('libs/contracts/src/docs/event-map.ts', 'EventPayloadMap');

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

function build() {
  buildIfNeeded(() => {});
  const { z } = require('zod');
  const c = require(path.join(root, 'dist/libs/contracts/src'));
  const { EVENT_AUDIENCE, streamOf } = require(path.join(root, 'dist/libs/contracts/src/docs/event-map'));
  const generated = eventSchemas();
  const defs = { ...generated.definitions, ...zodDefinitions(c, z) };
  const events = inline(generated, defs);
  const sync = Object.fromEntries(['SnapshotReply', 'EventsSinceReply', 'BatchMeta'].map((t) => {
    const g = typeSchema('libs/contracts/src/sync.ts', t);
    return [t, inline(g, { ...g.definitions, ...zodDefinitions(c, z) })];
  }));
  for (const v of Object.values(sync)) delete v.definitions;
  const errorsOf = commandErrors(root, c);
  const catalogue = c.ERROR_CATALOGUE;
  const messages = {};
  const operations = {};
  const envelopeFields = ['meetingId', 'stream', 'seq', 'type', 'at', 'actor', 'commandId', 'itemId'];

  for (const [name, spec] of Object.entries(c.COMMANDS)) {
    const payload = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' });
    delete payload.$schema;
    payload.properties = { commandId: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,80}$', description: 'Client-made id; the same id twice applies once and returns the first result.' }, ...(payload.properties || {}) };
    payload.required = ['commandId', ...(payload.required || [])];
    const errors = errorsOf[name].map((code) => ({ code, meaning: catalogue[code] }));
    messages[name] = { name, title: name, summary: spec.summary, payload, 'x-owner': spec.owner, 'x-roles': [...spec.roles], 'x-errors': errors };
    operations[name] = {
      action: 'receive', channel: { $ref: '#/channels/meeting' }, summary: `${spec.summary} (owner: ${spec.owner}; may be sent by: ${spec.roles.join(', ')})`,
      messages: [{ $ref: `#/channels/meeting/messages/${name}` }],
      reply: { channel: { $ref: '#/channels/meeting' }, messages: [{ $ref: '#/channels/meeting/messages/ack' }] },
      'x-roles': [...spec.roles],
      'x-error-codes': errorsOf[name],
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
    summary: 'How events reach a client: one `events` message per fan-out round with TWO socket.io arguments: (1) an array of envelopes (or `event.redacted` placeholders) in seq order, each one of the event messages listed here; (2) `{ serverTime, floorView? }`: the server clock when sent (ms since epoch) and, when the newest public floor view went out with this batch instead of as its own `floor.view` message, that view (apply it after the batch\'s events). Each seq reaches a connection once (see x-delivery).',
    payload: { type: 'array', items: { oneOf: eventNames.map((n) => ({ $ref: `#/channels/meeting/messages/${n}/payload` })) } },
    'x-socketio-args': [{ name: 'batch', schema: { $ref: '#/channels/meeting/messages/events/payload' } }, { name: 'meta', schema: sync.BatchMeta }],
  };
  operations.events = {
    action: 'send', channel: { $ref: '#/channels/meeting' }, summary: messages.events.summary,
    messages: [{ $ref: '#/channels/meeting/messages/events' }],
  };
  messages.ack = {
    name: 'ack', title: 'Acknowledgement of a command',
    payload: { oneOf: [
      { type: 'object', required: ['ok'], properties: { ok: { const: true }, seq: { type: 'integer' } } },
      { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false }, error: { type: 'object', required: ['code', 'message'], properties: { code: { enum: c.ERROR_CODES, description: 'See x-error-catalogue for each code\'s meaning, and each command\'s x-errors for the codes it can return.' }, message: { type: 'string', description: 'For people; clients branch on code.' }, details: { description: 'Per code (e.g. VALIDATION_FAILED: the issues by path).' } } } } },
    ] },
  };
  messages['meeting.snapshot'] = {
    name: 'meeting.snapshot', title: 'Snapshot on join',
    summary: 'Each stream\'s state projected for the caller\'s role, with the seq it reflects, and the server time. Apply events above each seq.',
    payload: { type: 'object', additionalProperties: false, description: 'Send {} with an ack callback.' },
    'x-reply': { $ref: '#/components/schemas/SnapshotReply' },
    'x-per-role': {
      viewer: 'meeting.state: the meeting, agenda, lists, floor and clock; pendingRequests empty; pointsOfOrder only once heard. qna.state: the public board and their own questions.',
      delegate: 'as viewer, plus myEntries, myPresence and their own pending requests (rights of reply, points of order).',
      moderator: 'as viewer on the floor; qna.state holds every question with asker (unless anonymity is strict) and setAsideFrom.',
      'chair, secretariat': 'everything: every pending request and point of order, presence of every delegation; every question.',
    },
  };
  messages['events.since'] = {
    name: 'events.since', title: 'Catch up',
    summary: 'Events of one stream after a seq, as this client may see them (others as event.redacted). Without `replay`, seqs already sent on this connection are left out (a catch-up never repeats an event); with `replay: true` it is a history read.',
    payload: { type: 'object', additionalProperties: false, properties: { stream: { enum: ['meeting', 'qna', 'record'], default: 'meeting' }, seq: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 5000, default: 1000 }, replay: { type: 'boolean', default: false } }, required: ['seq'] },
    'x-reply': { $ref: '#/components/schemas/EventsSinceReply' },
  };
  messages['auth.renew'] = { name: 'auth.renew', title: 'Renew the access token', summary: 'Ack: { ok, token, expiresAt } — the same participant, role and access version; consoles send it before expiry so a long meeting logs nobody out.', payload: { type: 'object', additionalProperties: false } };
  messages[c.ACCESS_ENDED_MESSAGE] = { name: c.ACCESS_ENDED_MESSAGE, title: 'Access ended', summary: 'Sent just before the gateway closes a socket whose access ended: { code: TOKEN_REVOKED | PARTICIPANT_REMOVED | TOKEN_EXPIRED, message }. Do not reconnect with that token.', payload: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } };
  operations[c.ACCESS_ENDED_MESSAGE] = { action: 'send', channel: { $ref: '#/channels/meeting' }, summary: messages[c.ACCESS_ENDED_MESSAGE].summary, messages: [{ $ref: `#/channels/meeting/messages/${c.ACCESS_ENDED_MESSAGE}` }] };
  for (const n of ['meeting.snapshot', 'events.since', 'auth.renew']) {
    operations[n] = { action: 'receive', channel: { $ref: '#/channels/meeting' }, summary: messages[n].summary, messages: [{ $ref: `#/channels/meeting/messages/${n}` }], 'x-roles': [...c.ROLES] };
  }
  const { PRESETS } = require(path.join(root, 'dist/libs/domain/src'));
  const profile = z.toJSONSchema(c.RulesProfileSchema, { io: 'output', unrepresentable: 'any' });
  delete profile.$schema;
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
        'A client takes `meeting.snapshot`, applies events after its seqs, and calls `events.since` on a gap or after reconnecting; the server never sends a connection the same seq twice.',
        'Server time (ms since epoch) comes in the snapshot, every `events.since` reply, every `events` batch (second argument) and every transient message (`serverTime`).',
        'libs/client (`@rostrum/client`) implements all of this; docs/integrating.md shows how. x-delivery says who gets what when, x-flows how a point of order and a right of reply are heard, x-profiles the rules profiles, x-error-catalogue every error code.',
        'Generated from libs/contracts by scripts/asyncapi.js — do not edit by hand.',
      ].join(' '),
    },
    servers: { gateway: { host: 'localhost:3000', protocol: 'ws', description: 'socket.io (Engine.IO v4) on the gateway' } },
    channels: { meeting: { address: '/', description: 'The socket of one participant in one meeting (bound by the token).', messages } },
    operations,
    components: { schemas: { RulesProfile: profile, SnapshotReply: sync.SnapshotReply, EventsSinceReply: sync.EventsSinceReply, BatchMeta: sync.BatchMeta } },
    'x-delivery': DELIVERY,
    'x-flows': FLOWS,
    'x-profiles': { merge: PROFILE_MERGE, schema: { $ref: '#/components/schemas/RulesProfile' }, presets: PRESETS },
    'x-error-catalogue': catalogue,
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
