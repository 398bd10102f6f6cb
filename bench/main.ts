import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { TestClient, TestSystem, sparePort, tokenOf } from '@rostrum/testing';
import { type Bench, type Options, SCENARIOS, type Scenario, benchSetup, log, ok, viewerTokens } from './context';
import { ViewerPool } from './load/viewer-pool';
import { table, type Check } from './report';
import { commandLatency } from './scenarios/command';
import { fanout, fanoutChecks } from './scenarios/fanout';
import { joinRate, scaleOutRun, sizeRun, workersRun } from './scenarios/sizes';
import { memoryChecks, settledMemory } from './scenarios/memory';
import { voteStorm } from './scenarios/qna-storm';
import { recordLatency } from './scenarios/record-latency';
import { recordThroughput } from './scenarios/record-throughput';

const ROOT = resolve(__dirname, '..');

const FULL_SIZES = [300, 1000, 5000, 10_000];

function parseArgs(argv: string[]): Options {
  const flag = (name: string) => { const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`)); if (i < 0) return undefined; return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]; };
  const quick = argv.includes('--quick');
  const only = flag('only')?.split(',').map((s) => s.trim()).filter(Boolean) ?? [...SCENARIOS];
  for (const s of only) if (!SCENARIOS.includes(s as Scenario)) throw new Error(`unknown scenario "${s}" (one of ${SCENARIOS.join(', ')})`);
  const single = flag('viewers') !== undefined || quick;
  // The full run (no --viewers, no --quick) measures every size of the per-size table.
  const sizes = (flag('sizes')?.split(',').map(Number) ?? (single ? [] : FULL_SIZES));
  for (const n of sizes) if (!Number.isInteger(n) || n < 1) throw new Error('--sizes takes positive integers, comma-separated');
  const viewers = Number(flag('viewers') ?? (quick ? 300 : sizes.length ? Math.max(...sizes) : 5000));
  if (!Number.isInteger(viewers) || viewers < 1) throw new Error('--viewers takes a positive integer');
  const largest = Math.max(viewers, ...sizes);
  // 1 vs N gateway workers: the full run compares one with one per core; --gateway-workers N asks for it in any run.
  const gatewayWorkers = Number(flag('gateway-workers') ?? (single || flag('sizes') ? 0 : cpus().length));
  if (!Number.isInteger(gatewayWorkers) || gatewayWorkers < 0) throw new Error('--gateway-workers takes a whole number (0: no comparison)');
  return {
    viewers, sizes, only: new Set(only as Scenario[]), quick, workers: Number(flag('workers') ?? (largest >= 1000 ? 4 : 2)), commandRate: Number(flag('rate') ?? 50),
    gatewayWorkers, scaleOut: argv.includes('--scale-out'), cpuProf: argv.includes('--cpu-prof'),
  };
}

/** Runs one part; a part that breaks is reported as ERROR and the others still run. */
async function part(b: Bench, name: string, fn: () => Promise<void>): Promise<void> {
  log(`── ${name}`);
  const t = Date.now();
  try { await fn(); } catch (err) {
    log(`${name} broke: ${(err as Error).stack}`);
    b.checks.push({ scenario: name, metric: 'scenario', measured: (err as Error).message.slice(0, 120), target: '-', baseline: '-', pass: null });
  }
  log(`   ${name} took ${Math.round((Date.now() - t) / 100) / 10} s`);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform, fdLimit: process.env.BENCH_FD_LIMIT };
  log(`machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, node ${machine.node}, open files limit ${machine.fdLimit ?? '?'}`);
  const q = opts.quick;
  const N = opts.viewers;
  const active = Math.min(N, 2000); // command, Q&A and record run with 2,000 viewers (DESIGN.md)
  log(`viewers ${opts.sizes.length ? `per size ${opts.sizes.join(', ')}` : N} (command/qna/record with ${active}), ${opts.workers} load processes, scenarios: ${[...opts.only].join(', ')}${q ? ' (quick)' : ''}`
    + `${opts.gatewayWorkers > 1 ? `, gateway 1 vs ${opts.gatewayWorkers} workers` : ''}${opts.scaleOut ? ', scale-out' : ''}`);

  // The sweeper stays out of the way: it would enqueue the record backlog itself (record scenario).
  const env = { SWEEP_INTERVAL_MS: '600000' };
  const sys = await TestSystem.start([], env);
  // The floor serves /metrics so the command scenario can tell its handling time from the rest of the path.
  const floorMetrics = `http://127.0.0.1:${await sparePort()}/metrics`;
  // --cpu-prof: the gateway, the floor and the recorder write V8 CPU profiles when they stop (bench/profile.js sums them up).
  const profiled = (app: string) => ({ nodeArgs: opts.cpuProf && (app === 'gateway' || app === 'floor' || app === 'recorder') ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'artifacts', 'profiles', app)}`] : [] });
  await sys.startApp('floor', { ...env, METRICS_PORT: new URL(floorMetrics).port }, profiled('floor'));
  for (const app of ['qna', 'recorder', 'gateway'] as const) await sys.startApp(app, env, profiled(app));
  log(`system ${sys.id} up: gateway ${sys.url} (pid ${sys.gateways()[0].process.pid}), schema ${sys.schema}, Redis prefix ${sys.prefix}`);
  const pool = await ViewerPool.start(opts.workers);
  const { meetingId, access } = await sys.createMeeting(benchSetup());
  const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
  const b: Bench = { sys, pool, opts, meetingId, access, chair, checks: [], results: {}, floorMetrics };
  const started = Date.now();
  try {
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    const needsAll = opts.only.has('fanout') || opts.only.has('memory');
    const needsActive = opts.only.has('command') || opts.only.has('qna') || opts.only.has('record');
    // Fan-out: ≥ 100 rounds per side (interleaved with the raw baseline), in three repetitions;
    // a full run caps each fan-out at 4 minutes so that it ends in a bounded time.
    const rounds = q ? 30 : 120;
    const maxMs = q ? 90_000 : 240_000;

    if (opts.sizes.length && needsAll) {
      for (const size of opts.sizes) await part(b, `size ${size}`, () => sizeRun(b, size, size >= 5000 ? Math.min(rounds, 60) : rounds, maxMs));
      // The per-size table holds each size's figures; no single fan-out summary for a run of
      // several. results.memory stays: the last size's (the full run's 10,000), which
      // scripts/capacity.js reads for the gateway's heap per 1,000 viewers.
      delete b.results.fanout;
    } else if (needsAll) {
      const tokens = await viewerTokens(b, N);
      const before = opts.only.has('memory') ? await settledMemory(b) : undefined;
      const conn = await pool.connect(sys.url, tokens, { snapshot: true });
      log(`${conn.connected} viewers joined the gateway (snapshot each) in ${conn.ms} ms (${joinRate(conn)} joins/s)${conn.failed ? `; ${conn.failed} failed: ${conn.errors.join('; ')}` : ''}`);
      b.results.join = { viewers: conn.connected, failed: conn.failed, ms: conn.ms, perSecond: joinRate(conn) };
      if (before) await part(b, 'memory', async () => memoryChecks(b, conn.connected, before, await settledMemory(b)));
      if (opts.only.has('fanout')) await part(b, 'fanout', async () => fanoutChecks(b, conn.connected, await fanout(b, conn.connected, rounds)));
      await pool.closeSockets();
    }
    if (opts.gatewayWorkers > 1 && opts.only.has('fanout')) {
      await part(b, 'gateway workers', () => workersRun(b, Math.min(N, 5000), opts.gatewayWorkers, Math.min(rounds, 60), maxMs, env));
    }
    if (opts.scaleOut) await part(b, 'scale-out', () => scaleOutRun(b, Math.min(N, 2000), Math.min(rounds, 60), maxMs, env));
    if (needsActive) {
      const conn = await pool.connect(sys.url, await viewerTokens(b, active), { snapshot: true });
      log(`${conn.connected} viewers connected for command / qna / record`);
    }
    if (opts.only.has('command')) await part(b, 'command', () => commandLatency(b, active, opts.commandRate, q ? 5 : 20));
    if (opts.only.has('qna')) await part(b, 'qna', () => voteStorm(b, active, 10_000));
    if (opts.only.has('record')) {
      await part(b, 'record (latency)', () => recordLatency(b, active, q ? 5 : 20));
      await pool.closeSockets();
      await part(b, 'record (throughput)', () => recordThroughput(b, q ? 2000 : 5000, 20));
    }
  } finally {
    chair.close();
    await pool.stop();
    await sys.stop();
  }
  report(b.checks, { machine, options: { ...opts, only: [...opts.only] }, seconds: Math.round((Date.now() - started) / 1000), results: b.results });
}

function report(checks: Check[], meta: Record<string, unknown>): void {
  process.stdout.write(`\n${table(checks)}\n`);
  for (const c of checks) if (c.note) process.stdout.write(`  ${c.scenario} / ${c.metric}: ${c.note}\n`);
  process.stdout.write(figureTables(meta.results as Record<string, unknown>));
  const dir = join(ROOT, 'artifacts', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'results.json');
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...meta, checks }, null, 2));
  process.stdout.write(`\nresults: ${file}\n`);
  const broken = checks.filter((c) => c.pass === null).length;
  process.stdout.write(`${checks.filter((c) => c.pass).length} PASS, ${checks.filter((c) => c.pass === false).length} MISS, ${broken} ERROR\n`);
  process.exitCode = broken ? 1 : 0;
}

type Row = { viewers: number; joined: number; joinsPerSecond: number; p50: number; p99: number; rawP50: number; rawP99: number; ratioP99: number; rounds: number; missing: number; heapMbPer1000?: number; workers?: number; firstP50: number; rawFirstP50: number; spreadP50: number; rawSpreadP50: number; charsPerRound: number; rawCharsPerRound: number };

/** The per-size, workers and scale-out figures as markdown tables, ready for docs/benchmarks.md. */
function figureTables(results: Record<string, unknown>): string {
  const out: string[] = [];
  const line = (cells: unknown[]) => `| ${cells.join(' | ')} |`;
  const fan = (r: Row) => [`${r.p50} / ${r.p99}`, `${r.rawP50} / ${r.rawP99}`, `${r.ratioP99}×`, `${r.firstP50} / ${r.rawFirstP50}`, `${r.spreadP50} / ${r.rawSpreadP50}`, `${r.charsPerRound} / ${r.rawCharsPerRound}`, r.rounds, r.missing];
  const where = ['first viewer p50 ms (raw)', 'first → last p50 ms (raw)', 'chars per viewer per round (raw)'];
  const sizes = results.sizes as Row[] | undefined;
  if (sizes?.length) {
    out.push('', 'Per size (one gateway process):', '', line(['viewers', 'joined', 'joins/s', 'heap MB / 1,000 idle', 'fan-out p50 / p99 ms', 'raw p50 / p99 ms', 'ratio p99', ...where, 'rounds', 'missing']), line(Array(12).fill('---')));
    for (const r of sizes) out.push(line([r.viewers, r.joined, r.joinsPerSecond, r.heapMbPer1000, ...fan(r)]));
  }
  const workers = results.gatewayWorkers as Row[] | undefined;
  if (workers?.length) {
    out.push('', 'Gateway workers (GATEWAY_WORKERS):', '', line(['workers', 'viewers', 'joins/s', 'fan-out p50 / p99 ms', 'raw p50 / p99 ms', 'ratio p99', ...where, 'rounds', 'missing']), line(Array(11).fill('---')));
    for (const r of workers) out.push(line([r.workers, r.viewers, r.joinsPerSecond, ...fan(r)]));
  }
  const so = results.scaleOut as { single: Row; split: Row; orders: unknown[] } | undefined;
  if (so) {
    out.push('', 'Scale-out (2 gateways, 2 floors, 2 recorders) beside the single instance:', '', line(['system', 'viewers', 'fan-out p50 / p99 ms', 'raw p50 / p99 ms', 'ratio p99', ...where, 'rounds', 'missing']), line(Array(10).fill('---')));
    out.push(line(['single instance', so.single.viewers, ...fan(so.single)]), line(['scale-out', so.split.viewers, ...fan(so.split)]));
    out.push('', `order check: ${so.orders.length} distinct sequence(s): ${JSON.stringify(so.orders)}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

main().catch((err) => { log(`bench failed: ${(err as Error).stack}`); process.exitCode = 1; });
