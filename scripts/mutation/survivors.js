#!/usr/bin/env node
// `node scripts/mutation/survivors.js [reports/mutation/mutation.json] [--scope libs/domain/src/floor]
//    [--rerun reports/mutation-rerun/mutation.json] [--mutate-lines]`
// Reads Stryker's JSON report (mutation-testing-report-schema) and prints, in markdown: the score
// per file (killed + timed out over all valid mutants, as Stryker counts it) and every mutant that
// survived or had no coverage, with its line, mutator and the replacement — the list
// docs/testing.md gives with a reason for each. `--rerun`: a later report of a `--force` run over
// some of the same lines (e.g. the survivors' lines after new tests); its verdicts replace the
// first report's for the same mutants (same file, position, mutator and replacement).
// `--mutate-lines`: prints only the survivors' lines as Stryker `--mutate` patterns
// (`file:12-12,file:40-41,…`), to re-test them with `--force` after writing tests.
const { readFileSync } = require('node:fs');
const path = require('node:path');

/**
 * @param {{ files: Record<string, { source: string, mutants: Array<{ status: string, mutatorName: string, replacement?: string, location: { start: { line: number, column: number } } }> }> }} report
 * @param {string} [scope] only files under this path
 * @returns {{ rows: Array<{ file: string, total: number, killed: number, timeout: number, survived: number, noCoverage: number, score: number }>, open: Array<{ file: string, line: number, status: string, mutator: string, original: string, replacement: string }> }}
 */
function summarise(report, scope) {
  const rows = [];
  const open = [];
  for (const [file, f] of Object.entries(report.files)) {
    const rel = path.relative(process.cwd(), path.resolve(file));
    if (scope && !rel.startsWith(scope)) continue;
    const count = (s) => f.mutants.filter((m) => m.status === s).length;
    const valid = f.mutants.filter((m) => !['CompileError', 'RuntimeError', 'Ignored'].includes(m.status));
    const killed = count('Killed'), timeout = count('Timeout'), survived = count('Survived'), noCoverage = count('NoCoverage');
    rows.push({ file: rel, total: valid.length, killed, timeout, survived, noCoverage, score: valid.length ? (100 * (killed + timeout)) / valid.length : 100 });
    const lines = f.source.split('\n');
    for (const m of f.mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const { line, column } = m.location.start;
      const end = m.location.end ?? m.location.start;
      const original = line === end.line ? lines[line - 1].slice(column - 1, end.column - 1) : `${lines[line - 1].slice(column - 1)}…`;
      open.push({ file: rel, line, status: m.status, mutator: m.mutatorName, original: original.trim(), replacement: (m.replacement ?? '').trim() });
    }
  }
  rows.sort((a, b) => a.file.localeCompare(b.file));
  return { rows, open };
}

/** The same mutant in two reports: file, start and end position, mutator, replacement. */
const mutantKey = (file, m) => [path.resolve(file), m.location.start.line, m.location.start.column, m.location.end?.line, m.location.end?.column, m.mutatorName, m.replacement].join('|');

/**
 * The first report with the verdicts of a later, partial run laid over it.
 * @returns the merged report (the first one's shape) and how many verdicts were replaced
 */
function overlay(report, rerun) {
  const later = new Map();
  for (const [file, f] of Object.entries(rerun.files)) for (const m of f.mutants) later.set(mutantKey(file, m), m.status);
  let replaced = 0;
  for (const [file, f] of Object.entries(report.files)) {
    for (const m of f.mutants) {
      const status = later.get(mutantKey(file, m));
      if (status !== undefined && status !== m.status) { m.status = status; replaced++; }
    }
  }
  return { report, replaced };
}

function main() {
  const args = process.argv.slice(2);
  const scopeAt = args.indexOf('--scope');
  const scope = scopeAt >= 0 ? args[scopeAt + 1] : undefined;
  const rerunAt = args.indexOf('--rerun');
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--scope' && args[i - 1] !== '--rerun') ?? 'reports/mutation/mutation.json';
  let report = JSON.parse(readFileSync(file, 'utf8'));
  if (rerunAt >= 0) {
    const merged = overlay(report, JSON.parse(readFileSync(args[rerunAt + 1], 'utf8')));
    report = merged.report;
    console.log(`(${merged.replaced} verdicts replaced by ${args[rerunAt + 1]})\n`);
  }
  const { rows, open } = summarise(report, scope);
  if (args.includes('--mutate-lines')) {
    const lines = [...new Set(open.map((m) => `${m.file}:${m.line}-${m.line}`))];
    console.log(lines.join(','));
    return;
  }
  const sum = rows.reduce((t, r) => ({ total: t.total + r.total, killed: t.killed + r.killed, timeout: t.timeout + r.timeout, survived: t.survived + r.survived, noCoverage: t.noCoverage + r.noCoverage }), { total: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0 });
  const pct = (x) => `${x.toFixed(2)}%`;
  const cut = (s) => (s.length > 70 ? `${s.slice(0, 67)}…` : s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  console.log('| file | mutants | killed | timed out | survived | no coverage | score |\n|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| \`${r.file}\` | ${r.total} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${pct(r.score)} |`);
  console.log(`| **all** | ${sum.total} | ${sum.killed} | ${sum.timeout} | ${sum.survived} | ${sum.noCoverage} | **${pct(sum.total ? (100 * (sum.killed + sum.timeout)) / sum.total : 100)}** |`);
  console.log('\n| file:line | status | mutator | original | replacement |\n|---|---|---|---|---|');
  for (const m of open) console.log(`| \`${m.file}:${m.line}\` | ${m.status} | ${m.mutator} | \`${cut(m.original)}\` | \`${cut(m.replacement)}\` |`);
}

if (require.main === module) main();
module.exports = { summarise, overlay };
