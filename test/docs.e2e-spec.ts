import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// docs/asyncapi.yaml is generated from libs/contracts; a command or event added without
// regenerating it (`npm run docs`) fails here, so the protocol docs never drift from the code.
it('docs/asyncapi.yaml is current with libs/contracts', () => {
  const r = spawnSync(process.execPath, [resolve(__dirname, '../scripts/asyncapi.js'), '--check'], { encoding: 'utf8', timeout: 60_000 });
  expect(`${r.stdout}${r.stderr}`).toContain('docs/asyncapi.yaml is current');
  expect(r.status).toBe(0);
});

// docs/openapi.json and docs/record.schema.json are generated from the zod schemas and types of
// libs/contracts (scripts/openapi.js); a route, body or field changed without `npm run docs` fails here.
it('docs/openapi.json and docs/record.schema.json are current with libs/contracts', () => {
  const r = spawnSync(process.execPath, [resolve(__dirname, '../scripts/openapi.js'), '--check'], { encoding: 'utf8', timeout: 60_000 });
  expect(`${r.stdout}${r.stderr}`).toContain('docs/openapi.json and docs/record.schema.json are current');
  expect(r.status).toBe(0);
});
