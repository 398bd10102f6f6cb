import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// docs/asyncapi.yaml is generated from libs/contracts; a command or event added without
// regenerating it (`npm run docs`) fails here, so the protocol docs never drift from the code.
it('docs/asyncapi.yaml is current with libs/contracts', () => {
  const r = spawnSync(process.execPath, [resolve(__dirname, '../scripts/asyncapi.js'), '--check'], { encoding: 'utf8', timeout: 60_000 });
  expect(`${r.stdout}${r.stderr}`).toContain('docs/asyncapi.yaml is current');
  expect(r.status).toBe(0);
});
