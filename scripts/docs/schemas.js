// JSON Schemas of TypeScript types (ts-json-schema-generator), with references inlined so that
// each schema stands alone. Shared by scripts/asyncapi.js and scripts/openapi.js.
const path = require('node:path');
const { root } = require('../lib/env');

/** JSON Schema of an exported TypeScript type of the repository. */
function typeSchema(file, type) {
  const { createGenerator } = require('ts-json-schema-generator');
  const gen = createGenerator({
    path: path.join(root, file),
    tsconfig: path.join(root, 'scripts/docs/tsconfig.docs.json'),
    type, skipTypeCheck: true, expose: 'export', topRef: false, additionalProperties: true, jsDoc: 'extended',
  });
  return gen.createSchema(type);
}

/** Inlines `#/definitions/X` references so each schema stands alone. */
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

/** A type's schema, self-contained (no definitions left). */
function standalone(file, type, extraDefs = {}) {
  const g = typeSchema(file, type);
  const out = inline(g, { ...g.definitions, ...extraDefs });
  delete out.definitions;
  delete out.$schema;
  return out;
}

module.exports = { typeSchema, inline, standalone };
