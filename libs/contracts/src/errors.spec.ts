import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORE_ERROR_CODES } from './core/errors';
import { ERROR_CATALOGUE, ERROR_CODES, REST_ERROR_CODES, TOKEN_ERROR_CODES } from './errors';
import { FLOOR_ERROR_CODES } from './floor/errors';
import { QNA_ERROR_CODES } from './qna/errors';
import { RECORD_ERROR_CODES } from './record/commands';

const root = join(__dirname, '../../..');

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (/\.(e2e-)?spec\.ts$/.test(e.name) && p !== __filename) out.push(p);
  }
  return out;
}

describe('error catalogue', () => {
  it('has a meaning for every code of every capability, and no code nobody declares', () => {
    const declared = new Set<string>([...CORE_ERROR_CODES, ...FLOOR_ERROR_CODES, ...QNA_ERROR_CODES, ...RECORD_ERROR_CODES, ...TOKEN_ERROR_CODES, ...REST_ERROR_CODES]);
    expect([...ERROR_CODES].sort()).toEqual([...declared].sort());
    for (const code of ERROR_CODES) expect(ERROR_CATALOGUE[code].length).toBeGreaterThan(10);
  });

  // Issue 13: every documented code is produced by at least one test. A test "produces" a code
  // when it expects it from the system (unit tests of the deciders, e2e tests of the gateway):
  // its name appears quoted in a test file. A code no test produces is listed here.
  it('every documented error code is produced by at least one test', () => {
    const sources = [...testFiles(join(root, 'apps')), ...testFiles(join(root, 'libs')), ...testFiles(join(root, 'test'))]
      .map((f) => ({ f: relative(root, f), text: readFileSync(f, 'utf8') }));
    const untested = ERROR_CODES.filter((code) => !sources.some((s) => s.text.includes(`'${code}'`) || s.text.includes(`"${code}"`)));
    expect(untested).toEqual([]);
  });
});
