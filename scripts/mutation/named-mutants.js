#!/usr/bin/env node
// The mutants issue 17 names, applied by hand one at a time: each must make its named test fail.
// `node scripts/mutation/named-mutants.js [filter]` — edits the source, runs the one test, restores
// the file (also on failure or Ctrl-C). Prints KILLED/SURVIVED per mutant; exit 1 if one survived.
// docs/testing.md lists the same table.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '../..');
const floor = 'libs/domain/src/floor';
const MUTANTS = [
  { name: 'tier order reversed (R10)', file: `${floor}/ordering.ts`, from: '    tierIndex(state, e),', to: '    -tierIndex(state, e),',
    spec: `${floor}/rules-b-order.spec.ts`, test: 'R10 a higher non-empty tier goes first' },
  { name: 'level order reversed (R12)', file: `${floor}/ordering.ts`, from: 'levelFirst(p) ? LEVELS.indexOf(e.level) : 0', to: 'levelFirst(p) ? -LEVELS.indexOf(e.level) : 0',
    spec: `${floor}/rules-b-order.spec.ts`, test: 'R12 in a high-level segment a minister precedes an ambassador' },
  { name: 'groups-first off in tierIndex (R11)', file: `${floor}/ordering.ts`, from: "if (state.profile!.groupsFirst && e.capacity.kind === 'group' && tiers.includes('groups'))", to: 'if (false)',
    spec: `${floor}/rules-b-order.spec.ts`, test: "R11 a group statement ranks in the profile's groups tier" },
  { name: 'groups-first off in the sort key (R11)', file: `${floor}/ordering.ts`, from: "p.groupsFirst && e.capacity.kind !== 'group' ? 1 : 0,", to: '0,',
    spec: `${floor}/rules-b-order.spec.ts`, test: 'R11 without a groups tier a group statement still precedes' },
  { name: 'R14 alternation only after a speaker for', file: `${floor}/ordering.ts`, from: 'state.profile!.alternateProCon && item.lastPosition)', to: "state.profile!.alternateProCon && item.lastPosition === 'for')",
    spec: `${floor}/rules-b-order.spec.ts`, test: 'R14 under robert after a speaker against, the next speaker for goes first' },
  { name: 'R14 alternation only after a speaker against', file: `${floor}/ordering.ts`, from: 'state.profile!.alternateProCon && item.lastPosition)', to: "state.profile!.alternateProCon && item.lastPosition === 'against')",
    spec: `${floor}/rules-b-order.spec.ts`, test: 'R14 under robert after a speaker for, the next speaker against goes first' },
  { name: 'R6 no move to the end on a capacity change', file: `${floor}/speakers-list.decider.ts`, from: 'capacityLabel(e.delegationName, p.capacity, d.state.groups) });\n    losesPlace = true;', to: 'capacityLabel(e.delegationName, p.capacity, d.state.groups) });',
    spec: `${floor}/rules-a-list.spec.ts`, test: 'R6 changing the capacity moves the entry to the end of its band' },
  { name: 'R6 no move to the end on a level change', file: `${floor}/speakers-list.decider.ts`, from: 'if (p.speaker.level !== e.level) losesPlace = true;', to: '',
    spec: `${floor}/rules-a-list.spec.ts`, test: 'R6 changing the speaker level moves the entry to the end of its band' },
  { name: 'R6 no move to the end on a type change', file: `${floor}/speakers-list.decider.ts`, from: '{ changes.type = p.type; losesPlace = true; }', to: '{ changes.type = p.type; }',
    spec: `${floor}/rules-a-list.spec.ts`, test: 'R6 changing the type moves the entry to the end of its band' },
  { name: 'R23 type check removed from floor.amend (refusal while waiting)', file: `${floor}/speakers-list.decider.ts`, from: "if (e.status !== 'waiting' || !isOrdinary(e)) return err('ENTRY_NOT_WAITING', 'only a waiting entry on the list can change')", to: "if (e.status !== 'waiting') return err('ENTRY_NOT_WAITING', 'only a waiting entry on the list can change')",
    spec: `${floor}/rules-c-points-of-order.spec.ts`, test: 'R23 a waiting point of order cannot be turned into a statement' },
  { name: 'R23 refusal removed from floor.amend (while speaking)', file: `${floor}/speakers-list.decider.ts`, from: "if (e.status !== 'waiting' || !isOrdinary(e)) return err('ENTRY_NOT_WAITING', 'only a waiting entry on the list can change')", to: "if (false) return err('ENTRY_NOT_WAITING', 'only a waiting entry on the list can change')",
    spec: `${floor}/rules-c-points-of-order.spec.ts`, test: 'R23 a point of order has its own short limit and cannot become a statement' },
  { name: 'R43 time stamped from the wall clock, not the processor clock', file: 'libs/messaging/src/commands/command-processor.ts', from: '{ commandId, actor: message.actor, at: now }', to: '{ commandId, actor: message.actor, at: Date.now() }',
    spec: 'apps/floor/src/floor.capability.spec.ts', test: 'R43 every appended event carries' },
  { name: 'R43 actor not the command\'s', file: 'libs/messaging/src/commands/command-processor.ts', from: '{ commandId, actor: message.actor, at: now }', to: "{ commandId, actor: { role: 'system', participantId: 'system' } as never, at: now }",
    spec: 'apps/floor/src/floor.capability.spec.ts', test: 'R43 every appended event carries' },
  { name: 'R43 stampEvents ignores the command time', file: 'libs/contracts/src/core/envelope.ts', from: 'at: meta.at, actor: meta.actor', to: 'at: Date.now(), actor: meta.actor',
    spec: 'apps/floor/src/floor.capability.spec.ts', test: 'R43 every appended event carries' },
  { name: 'gapless seq: every event of a command gets the same seq', file: 'libs/contracts/src/core/envelope.ts', from: 'seq: headSeq + i + 1,', to: 'seq: headSeq + 1,',
    spec: 'apps/floor/src/floor.capability.spec.ts', test: 'R43 every appended event carries' },
  { name: 'gapless seq: a gap after each command', file: 'libs/contracts/src/core/envelope.ts', from: 'seq: headSeq + i + 1,', to: 'seq: headSeq + i + 2,',
    spec: 'apps/floor/src/floor.capability.spec.ts', test: 'R43 every appended event carries' },
  { name: 'gapless seq in the property test (same seq for a command\'s events)', file: 'libs/contracts/src/core/envelope.ts', from: 'seq: headSeq + i + 1,', to: 'seq: headSeq + 1,',
    spec: `${floor}/floor.properties.spec.ts`, test: 'R9 R10 R11 R12 R13 R14 R15 R16 random commands' },
];

const filter = process.argv[2];
let restore = null;
const cleanup = () => { if (restore) { restore(); restore = null; } };
process.on('SIGINT', () => { cleanup(); process.exit(130); });
process.on('SIGTERM', () => { cleanup(); process.exit(143); });

/** Runs one named test; returns 'passed', 'failed' or 'none' (no test matched the name). */
function runTest(spec, test) {
  const escaped = test.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Domain specs run as Stryker runs them (scripts/mutation: one property sequence per preset from a
  // fixed seed, no shrinking); the command-path spec in apps/floor through the unit project.
  // (The spec path goes first: --selectProjects takes every word after it as a project name.)
  const project = spec.startsWith('libs/domain/') ? ['-c', 'scripts/mutation/jest.config.js'] : ['--selectProjects', 'unit'];
  const r = spawnSync('npx', ['jest', spec, ...project, '--ci', '-t', escaped], { cwd: root, encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  if (/Tests:\s+\d+ failed/.test(out)) return 'failed';
  return /Tests:.*\d+ passed/.test(out) ? 'passed' : 'none';
}

let survived = 0;
const baseline = new Map();
for (const m of MUTANTS.filter((x) => !filter || x.name.includes(filter))) {
  // A kill only counts if the test passes on the code as it is.
  const key = `${m.spec}\n${m.test}`;
  if (!baseline.has(key)) baseline.set(key, runTest(m.spec, m.test));
  if (baseline.get(key) !== 'passed') { console.log(`UNMUTATED ${baseline.get(key).toUpperCase()}  ${m.test} (${m.spec})`); survived++; continue; }
  const file = path.join(root, m.file);
  const original = fs.readFileSync(file, 'utf8');
  const hits = original.split(m.from).length - 1;
  if (hits !== 1) { console.log(`CANNOT APPLY  ${m.name}: found ${hits} times in ${m.file}`); survived++; continue; }
  restore = () => fs.writeFileSync(file, original);
  fs.writeFileSync(file, original.replace(m.from, m.to));
  const result = runTest(m.spec, m.test);
  cleanup();
  const verdict = result === 'none' ? 'NO TEST RAN' : result === 'failed' ? 'KILLED' : 'SURVIVED';
  if (verdict !== 'KILLED') survived++;
  console.log(`${verdict.padEnd(12)}  ${m.name}  ←  ${m.test} (${m.spec})`);
}
process.exit(survived ? 1 : 0);
