// Every floor and Q&A unit spec as ONE jest test file, for mutation runs only
// (scripts/mutation/jest.config.js; plain `npm test` runs the spec files themselves).
//
// Why: a mutant's run costs about 0.2 s per test file before any test runs (a fresh module
// registry: zod, @rostrum/contracts and the domain evaluated again), against a few ms per rule
// test, and a floor mutant is covered by tests in nearly every file. Loaded once, the specs share
// one registry; with bail-environment.js a killed mutant stops at its first failing test.
//
// Order: the rule specs first (quick, and they pin one rule each), the whole-meeting and property
// specs last (seconds each), so a mutant is usually killed before the expensive tests start.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const LAST = ['scenario.spec.ts', 'can.spec.ts', 'decisions.properties.spec.ts', 'floor.properties.spec.ts'];
const rank = (file: string) => LAST.indexOf(file);

const specs = ['floor', 'qna'].flatMap((area) => {
  const dir = join(__dirname, '../../libs/domain/src', area);
  return readdirSync(dir).filter((f) => f.endsWith('.spec.ts')).map((file) => ({ area, file, path: join(dir, file) }));
});
specs.sort((a, b) => rank(a.file) - rank(b.file) || a.area.localeCompare(b.area) || a.file.localeCompare(b.file));
for (const spec of specs) {
  describe(`${spec.area}/${spec.file}`, () => {
    require(spec.path);
  });
}
