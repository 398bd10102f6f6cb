#!/usr/bin/env node
// `node scripts/mutation/survivors.js [reports/mutation/mutation.json] [--scope libs/domain/src/floor]`
// Reads Stryker's JSON report (mutation-testing-report-schema) and prints, in markdown: the score
// per file (killed + timed out over all valid mutants, as Stryker counts it) and every mutant that
// survived or had no coverage, with its line, mutator and the replacement — the list
// docs/testing.md gives with a reason for each.
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

function main() {
  const args = process.argv.slice(2);
  const scopeAt = args.indexOf('--scope');
  const scope = scopeAt >= 0 ? args[scopeAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--scope') ?? 'reports/mutation/mutation.json';
  const { rows, open } = summarise(JSON.parse(readFileSync(file, 'utf8')), scope);
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
module.exports = { summarise };
