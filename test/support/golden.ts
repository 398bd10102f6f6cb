import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Compares `actual` with the golden file at `file`, byte for byte.
 * - `UPDATE_GOLDEN=1` rewrites the file (never under `CI=true`: CI checks, it does not record).
 * - A missing file fails: under CI with "missing golden file"; locally it is written first so
 *   it can be reviewed and committed, and the test still fails, so a test never passes against
 *   an expectation it has just produced itself.
 */
export function expectGolden(file: string, actual: string): void {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  if (process.env.UPDATE_GOLDEN === '1') {
    if (ci) throw new Error(`UPDATE_GOLDEN=1 under CI: golden files are never written in CI (${file})`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) {
    if (ci) throw new Error(`missing golden file ${file}: record it locally (UPDATE_GOLDEN=1), review and commit it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    throw new Error(`golden file ${file} did not exist and was written now: review it, commit it and run again`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
