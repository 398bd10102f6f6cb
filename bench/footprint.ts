import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { TestClient, TestSystem, sparePort, tokenOf, type RunningApp } from '@rostrum/testing';
import { EXTRA_DELEGATES, benchSetup, log, ok, sleep, viewerTokens } from './context';
import { ViewerPool } from './load/viewer-pool';

// `node scripts/footprint.js [--viewers N] [--commands K] [--interventions I]`: what one command,
// one viewer and one intervention cost — the inputs of the capacity model (docs/scaling.md,
// scripts/capacity.js). Runs the system on a redis-server of its own (spare port), so that
// INFO commandstats counts Rostrum's operations only; CPU from each process's
// process_cpu_seconds_total. Writes artifacts/bench/footprint.json. Small sizes on purpose.

const ROOT = resolve(__dirname, '..');

function flag(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const v = Number(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} takes a positive integer`);
  return v;
}

/** A redis-server of our own on a spare port (killed by its pid at the end). */
async function ownRedis(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-footprint-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const c = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    try { await c.connect(); await c.ping(); c.disconnect(); return { url, child, dir }; } catch { c.disconnect(); await sleep(50); }
  }
  throw new Error('own redis-server did not start');
}

/** INFO commandstats: calls per Redis command. */
async function commandStats(redis: Redis): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [, cmd, calls] of (await redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[cmd] = Number(calls);
  return out;
}

const diff = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k] - (a[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
const total = (o: Record<string, number>) => Object.values(o).reduce((n, v) => n + v, 0);
const per = (o: Record<string, number>, n: number) => Object.fromEntries(Object.entries(o).sort((x, y) => y[1] - x[1]).map(([k, v]) => [k, Math.round((v / n) * 100) / 100]));

async function cpuSeconds(app: RunningApp): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  return Number(/^process_cpu_seconds_total(?:\{[^}]*\})? (\S+)/m.exec(text)?.[1] ?? NaN);
}

async function cpuOf(apps: RunningApp[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const a of apps) out[a.name] = (out[a.name] ?? 0) + await cpuSeconds(a);
  return out;
}

/** Rows in each table of the system's schema. */
async function rows(sys: TestSystem): Promise<Record<string, number>> {
  const tables = await sys.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`, [sys.schema]);
  const out: Record<string, number> = {};
  for (const { table_name: t } of tables) out[t] = Number((await sys.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`))[0].n);
  return out;
}

/** Each delegation requests the floor then withdraws, closed loop, until `k` commands were accepted. */
async function commands(delegates: TestClient[], k: number): Promise<{ accepted: number; refused: number; ms: number }> {
  let accepted = 0;
  let refused = 0;
  let next = 0;
  const t0 = Date.now();
  await Promise.all(delegates.map(async (d) => {
    while (next < k) {
      next += 2;
      const req = await d.cmd('floor.request', { type: 'statement' });
      if (!req.ok) { refused++; continue; }
      accepted++;
      const ev = await d.waitFor('floor.requested', (e) => (e as { seq?: number }).seq === req.seq, 15_000) as { payload: { entry: { entryId: string } } };
      const w = await d.cmd('floor.withdraw', { entryId: ev.payload.entry.entryId });
      if (w.ok) accepted++; else refused++;
    }
  }));
  return { accepted, refused, ms: Date.now() - t0 };
}

async function main(): Promise<void> {
  const viewers = flag('viewers', 200);
  const k = flag('commands', 200);
  const interventions = flag('interventions', 3);
  const redisServer = await ownRedis();
  const redis = new Redis(redisServer.url);
  const env = { SWEEP_INTERVAL_MS: '600000' };
  const sys = await TestSystem.start([], env, { redisUrl: redisServer.url });
  const pool = await ViewerPool.start(2);
  const out: Record<string, unknown> = { at: new Date().toISOString(), machine: { cores: cpus().length, loadavg1: loadavg()[0] }, options: { viewers, commands: k, interventions } };
  try {
    for (const app of ['floor', 'qna', 'recorder', 'gateway'] as const) await sys.startApp(app, env);
    const { meetingId, access } = await sys.createMeeting(benchSetup());
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    const delegates = await Promise.all(EXTRA_DELEGATES.map((d) => TestClient.connect(sys.url, tokenOf(access, d))));
    const b = { sys, meetingId };

    // 0. Background: what the system does by itself (BullMQ polling, leases, blocking reads), per second.
    await sleep(2000);
    let s0 = await commandStats(redis); let c0 = await cpuOf(sys.apps);
    const BG_S = 5;
    await sleep(BG_S * 1000);
    let s1 = await commandStats(redis); let c1 = await cpuOf(sys.apps);
    const bgOps = diff(s0, s1);
    const bgCpu = Object.fromEntries(Object.keys(c1).map((a) => [a, (c1[a] - c0[a]) / BG_S]));
    /** A phase's Redis calls less the background's over its duration (never below zero). */
    const net = (ops: Record<string, number>, seconds: number) => Object.fromEntries(Object.entries(ops).map(([n, v]) => [n, Math.max(0, v - (bgOps[n] ?? 0) / BG_S * seconds)]).filter(([, v]) => (v as number) > 0));
    const netCpu = (a: Record<string, number>, b: Record<string, number>, seconds: number) => Object.fromEntries(Object.keys(b).map((n) => [n, Math.max(0, b[n] - a[n] - bgCpu[n] * seconds)]));
    log(`background: ${(total(bgOps) / BG_S).toFixed(1)} Redis calls/s; CPU s/s ${JSON.stringify(bgCpu)}`);

    // 1. Commands with no viewers: the per-command cost (gateway, floor, recorder, Redis).
    s0 = await commandStats(redis); c0 = await cpuOf(sys.apps);
    let t = Date.now();
    const bare = await commands(delegates, k);
    await sleep(1500); // the recorder's batches and the fan-out's last round
    s1 = await commandStats(redis); c1 = await cpuOf(sys.apps);
    const bareOps = net(diff(s0, s1), (Date.now() - t) / 1000);
    const bareCpu = netCpu(c0, c1, (Date.now() - t) / 1000);
    log(`${bare.accepted} commands without viewers in ${bare.ms} ms: ${total(bareOps)} Redis calls; CPU s ${JSON.stringify(bareCpu)}`);

    // 2. Viewers joining: token, handshake, snapshot.
    s0 = await commandStats(redis); c0 = await cpuOf(sys.apps);
    t = Date.now();
    const tokens = await viewerTokens(b, viewers);
    const conn = await pool.connect(sys.url, tokens, { snapshot: true });
    s1 = await commandStats(redis); c1 = await cpuOf(sys.apps);
    const joinOps = net(diff(s0, s1), (Date.now() - t) / 1000);
    const joinCpu = netCpu(c0, c1, (Date.now() - t) / 1000).gateway;
    log(`${conn.connected} viewers joined (${conn.failed} failed): ${total(joinOps)} Redis calls; gateway CPU ${joinCpu.toFixed(2)} s`);

    // 3. Idle viewers, then the same commands with them connected: the per-viewer cost.
    s0 = await commandStats(redis); c0 = await cpuOf(sys.apps);
    await sleep(5000);
    s1 = await commandStats(redis); c1 = await cpuOf(sys.apps);
    const idleOps = net(diff(s0, s1), 5);
    const idleGatewayCpuPerSecond = netCpu(c0, c1, 5).gateway / 5;
    s0 = await commandStats(redis); c0 = await cpuOf(sys.apps);
    t = Date.now();
    const loaded = await commands(delegates, k);
    await sleep(1500);
    s1 = await commandStats(redis); c1 = await cpuOf(sys.apps);
    const loadedOps = net(diff(s0, s1), (Date.now() - t) / 1000);
    const loadedCpu = netCpu(c0, c1, (Date.now() - t) / 1000);
    log(`${loaded.accepted} commands with ${conn.connected} viewers in ${loaded.ms} ms: ${total(loadedOps)} Redis calls; CPU s ${JSON.stringify(loadedCpu)}`);

    // 4. Interventions: rows Postgres gains per intervention (request, floor given, speech, record entry).
    await pool.closeSockets();
    const r0 = await rows(sys);
    s0 = await commandStats(redis);
    t = Date.now();
    for (let i = 0; i < interventions; i++) {
      const d = delegates[i % delegates.length];
      await ok(d, 'floor.request', { type: 'statement' });
      await ok(chair, 'chair.next');
      await ok(d, 'speech.start');
      const ended = await ok(d, 'speech.end');
      // The recorder publishes the entry only after Postgres committed it.
      await chair.waitFor('record.entry', () => chair.seq.meeting >= (ended.seq as number), 15_000);
    }
    // Wait until the recorder persisted the whole log (its cursor at the head).
    const head = chair.seq.meeting;
    const end = Date.now() + 30_000;
    for (;;) {
      const cur = await sys.query<{ n: string }>(`SELECT coalesce(max(persisted_seq), 0) AS n FROM record_cursors WHERE meeting_id = $1 AND stream = 'meeting'`, [meetingId]);
      if (Number(cur[0].n) >= head) break;
      if (Date.now() > end) throw new Error(`the recorder did not reach seq ${head}`);
      await sleep(200);
    }
    const r1 = await rows(sys);
    const interventionRows = diff(r0, r1);
    const interventionOps = net(diff(s0, await commandStats(redis)), (Date.now() - t) / 1000);
    log(`${interventions} interventions: Postgres rows ${JSON.stringify(interventionRows)}`);

    const accepted = (x: { accepted: number }) => Math.max(1, x.accepted);
    const perViewerCommandCpu = (loadedCpu.gateway - bareCpu.gateway * (accepted(loaded) / accepted(bare)) - idleGatewayCpuPerSecond * (loaded.ms / 1000)) / (conn.connected * accepted(loaded));
    out.measured = {
      backgroundRedisCallsPerSecond: Math.round((total(bgOps) / BG_S) * 10) / 10,
      commandsPerSecondAchieved: Math.round((accepted(bare) / bare.ms) * 1000 * 10) / 10,
      redisCallsPerCommand: Math.round((total(bareOps) / accepted(bare)) * 100) / 100,
      redisCallsPerCommandByName: per(bareOps, accepted(bare)),
      redisCallsPerCommandWithViewers: Math.round((total(loadedOps) / accepted(loaded)) * 100) / 100,
      redisCallsPerViewerJoin: Math.round((total(joinOps) / Math.max(1, conn.connected)) * 100) / 100,
      redisCallsPerViewerJoinByName: per(joinOps, Math.max(1, conn.connected)),
      redisCallsPerIdleViewerSecond: Math.round((total(idleOps) / 5 / Math.max(1, conn.connected)) * 1000) / 1000,
      cpuMsPerCommand: Object.fromEntries(Object.entries(bareCpu).map(([a, v]) => [a, Math.round((v / accepted(bare)) * 1000 * 100) / 100])),
      gatewayCpuMsPerViewerJoin: Math.round((joinCpu / Math.max(1, conn.connected)) * 1000 * 100) / 100,
      gatewayCpuUsPerViewerPerCommand: Math.round(perViewerCommandCpu * 1e6 * 100) / 100,
      gatewayIdleCpuPerSecond: Math.round(idleGatewayCpuPerSecond * 1000) / 1000,
      postgresRowsPerIntervention: per(interventionRows, interventions),
      postgresRowsPerInterventionTotal: Math.round((total(interventionRows) / interventions) * 100) / 100,
      redisCallsPerIntervention: Math.round((total(interventionOps) / interventions) * 100) / 100,
      viewers: conn.connected,
    };
    process.stdout.write(`${JSON.stringify(out.measured, null, 2)}\n`);
    chair.close();
    for (const d of delegates) d.close();
  } finally {
    await pool.stop();
    await sys.stop();
    redis.disconnect();
    process.kill(redisServer.child.pid!, 'SIGKILL');
    rmSync(redisServer.dir, { recursive: true, force: true });
  }
  const dir = join(ROOT, 'artifacts', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'footprint.json'), JSON.stringify(out, null, 2));
  log(`footprint: ${join(dir, 'footprint.json')}`);
}

main().catch((err) => { log(`footprint failed: ${(err as Error).stack}`); process.exitCode = 1; });
