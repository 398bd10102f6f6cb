#!/usr/bin/env node
// `node scripts/capacity.js [artifacts/bench/footprint.json] [artifacts/bench/results.json] [--viewers N] [--meetings M] [--rate R] [--json]`
// The capacity model of docs/scaling.md: from measured unit costs (scripts/footprint.js writes
// footprint.json; `npm run bench` writes results.json) to how many gateways, Redis shards, floor,
// qna and recorder processes a deployment needs. Without the files it uses the figures measured
// on 2026-11-30 (MEASURED below, a loaded 2-core machine: read docs/scaling.md first).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * Unit costs measured with `node scripts/footprint.js --viewers 600 --commands 200
 * --interventions 3` and the bench's memory scenario on 2026-11-30 (shared 2-core machine,
 * load average 20+: CPU figures are process CPU seconds, less distorted by the load than wall
 * times, but still high). Each field names its source.
 */
const MEASURED = {
  /** footprint (600 viewers): INFO commandstats on its own redis-server, background subtracted. */
  redisCallsPerCommand: 69.9,
  redisCallsPerViewerJoin: 22.4,
  redisCallsPerIdleViewerSecond: 0.003,
  /** footprint: process_cpu_seconds_total per accepted command, background subtracted (ms). */
  cpuMsPerCommand: { gateway: 2.64, floor: 3.62, recorder: 3.65, qna: 0 },
  /** footprint: extra gateway CPU per connected viewer per command of its meeting (µs; 3.0 with 200 viewers, 7.5 with 600: the larger is kept). */
  gatewayCpuUsPerViewerPerCommand: 7.5,
  /** footprint: gateway CPU per viewer joining (token, handshake, snapshot) (ms). */
  gatewayCpuMsPerViewerJoin: 6.43,
  /** footprint: rows Postgres gains per intervention (request, floor given, speech, record entry). */
  postgresRowsPerIntervention: 7,
  /** bench memory scenario (docs/benchmarks.md): gateway heap per 1,000 idle viewers (MB). */
  gatewayMbPer1000Viewers: 6.46,
};

/**
 * A UN high-level week: the general debate in the General Assembly Hall (193 delegations, the
 * one everyone watches) plus high-level meetings and side events in parallel. Rates are peaks:
 * a list of speakers opening (every delegation asks the floor within seconds), points of order.
 */
const UN_HIGH_LEVEL_WEEK = {
  delegations: 193,
  /** Consoles per delegation (head of delegation, deputy, adviser). */
  consolesPerDelegation: 3,
  viewers: 100000,
  /** Meetings running at once (GA Hall, high-level meetings, side events). */
  meetings: 8,
  /** Peak commands per second in one meeting (a list opening: 193 requests in about 20 s). */
  peakCommandsPerMeeting: 10,
  /** Fraction of a core or a Redis shard we plan to use at peak (the rest absorbs bursts). */
  utilisation: 0.5,
  /** Seconds in which a lost gateway's clients rejoin the others (socket.io backoff up to 5 s, timeout 20 s). */
  rejoinSeconds: 20,
  /** Redis calls per second one shard serves at full use (single thread; Lua scripts and streams, not GET/SET). */
  redisCallsPerShardSecond: 50000,
  /** CPU cores one gateway process uses (Node: one event loop per process). */
  coresPerGateway: 1,
};

const ceil = Math.ceil;

/**
 * The model. `m`: unit costs (MEASURED's shape); `s`: the scenario (UN_HIGH_LEVEL_WEEK's shape).
 * Returns every intermediate figure with its unit, so the document can show the arithmetic.
 *
 * - Gateways: enough for the steady load at `utilisation`, one more so that losing one is
 *   absorbed (N+1), and enough that the survivors take a lost gateway's viewers rejoining within
 *   `rejoinSeconds` using the spare `1 − utilisation` of their cores:
 *   G·(G−1) ≥ viewers · joinCpu / (rejoinSeconds · (1 − utilisation)).
 * - Redis: calls/s of commands, idle viewers and a rejoin storm, over what a shard serves at
 *   `utilisation`; at least one primary.
 * - Floor: every command reaches every floor process (Redis pub/sub transport, applied once by
 *   compare-and-set), so adding floor processes adds availability, not throughput: the check is
 *   that one process keeps up with all commands; 2 for availability.
 * - Recorder: BullMQ workers share the queues: CPU per command over the cores, N+1, at least 2.
 * - Q&A: light; 2 for availability.
 */
function model(m, s) {
  const commandsPerSecond = s.meetings * s.peakCommandsPerMeeting;
  const delegateSockets = s.delegations * s.consolesPerDelegation;
  const sockets = s.viewers + delegateSockets;
  // Gateway CPU (cores): every socket of a meeting pays for each of its commands; the gateway
  // that takes a command pays its dispatch.
  const gatewayCoresSteady = (sockets * s.peakCommandsPerMeeting * m.gatewayCpuUsPerViewerPerCommand) / 1e6
    + (commandsPerSecond * m.cpuMsPerCommand.gateway) / 1000;
  const gatewaysForSteady = ceil(gatewayCoresSteady / (s.utilisation * s.coresPerGateway));
  const rejoinCpuSeconds = (s.viewers * m.gatewayCpuMsPerViewerJoin) / 1000;
  let gatewaysForRejoin = 2;
  while (gatewaysForRejoin * (gatewaysForRejoin - 1) * s.rejoinSeconds * (1 - s.utilisation) * s.coresPerGateway < rejoinCpuSeconds) gatewaysForRejoin++;
  const gateways = Math.max(gatewaysForSteady + 1, gatewaysForRejoin);
  const viewersPerGatewayCore = Math.floor((s.utilisation * 1e6) / (s.peakCommandsPerMeeting * m.gatewayCpuUsPerViewerPerCommand));
  const gatewayMemoryMb = ((sockets / gateways) * m.gatewayMbPer1000Viewers) / 1000;

  const rejoinViewersPerSecond = s.viewers / gateways / s.rejoinSeconds;
  const redisCallsPerSecond = commandsPerSecond * m.redisCallsPerCommand
    + sockets * m.redisCallsPerIdleViewerSecond
    + rejoinViewersPerSecond * m.redisCallsPerViewerJoin;
  const redisShards = Math.max(1, ceil(redisCallsPerSecond / (s.redisCallsPerShardSecond * s.utilisation)));

  const floorCommandsPerSecondPerProcess = (1000 / m.cpuMsPerCommand.floor) * s.utilisation;
  const floorKeepsUp = floorCommandsPerSecondPerProcess >= commandsPerSecond;
  const floor = 2;
  const recorderCores = (commandsPerSecond * m.cpuMsPerCommand.recorder) / 1000;
  const recorder = Math.max(2, ceil(recorderCores / s.utilisation) + 1);
  const qna = 2;
  const postgresRowsPerSecond = commandsPerSecond * (m.postgresRowsPerIntervention / 4); // an intervention is 4 commands

  return {
    inputs: { measured: m, scenario: s },
    commandsPerSecond, sockets,
    gateway: { coresSteady: gatewayCoresSteady, forSteady: gatewaysForSteady, rejoinCpuSeconds, forRejoin: gatewaysForRejoin, count: gateways, viewersPerCore: viewersPerGatewayCore, memoryMbEach: gatewayMemoryMb },
    redis: { callsPerSecond: redisCallsPerSecond, rejoinViewersPerSecond, shards: redisShards },
    floor: { count: floor, commandsPerSecondPerProcess: floorCommandsPerSecondPerProcess, keepsUp: floorKeepsUp },
    recorder: { cores: recorderCores, count: recorder },
    qna: { count: qna },
    postgres: { rowsPerSecond: postgresRowsPerSecond },
  };
}

/** Unit costs from footprint.json (and the gateway memory from the bench's results.json when present). */
function measuredFrom(footprint, results) {
  const m = { ...MEASURED, cpuMsPerCommand: { ...MEASURED.cpuMsPerCommand } };
  const f = footprint?.measured;
  if (f) {
    for (const k of ['redisCallsPerCommand', 'redisCallsPerViewerJoin', 'redisCallsPerIdleViewerSecond', 'gatewayCpuUsPerViewerPerCommand', 'gatewayCpuMsPerViewerJoin']) if (Number.isFinite(f[k])) m[k] = f[k];
    if (Number.isFinite(f.postgresRowsPerInterventionTotal)) m.postgresRowsPerIntervention = f.postgresRowsPerInterventionTotal;
    for (const [app, v] of Object.entries(f.cpuMsPerCommand ?? {})) if (Number.isFinite(v)) m.cpuMsPerCommand[app] = v;
  }
  const heap = results?.results?.memory?.heapMbPer1000;
  if (Number.isFinite(heap)) m.gatewayMbPer1000Viewers = heap;
  return m;
}

const r1 = (v) => Math.round(v * 10) / 10;

function report(out) {
  const { scenario: s, measured: m } = out.inputs;
  return [
    `Scenario: ${s.viewers} viewers, ${s.delegations} delegations × ${s.consolesPerDelegation} consoles, ${s.meetings} meetings at ${s.peakCommandsPerMeeting} commands/s each (peak), planned at ${s.utilisation * 100}% use`,
    `Commands: ${out.commandsPerSecond}/s; sockets: ${out.sockets}`,
    `Gateways: ${out.gateway.count}  (steady ${r1(out.gateway.coresSteady)} cores → ${out.gateway.forSteady} + 1 spare; a lost gateway's viewers rejoining cost ${r1(out.gateway.rejoinCpuSeconds)} CPU-s → ${out.gateway.forRejoin} so the survivors absorb it in ${s.rejoinSeconds} s; ${out.gateway.viewersPerCore} viewers per core at ${s.peakCommandsPerMeeting} commands/s; ~${Math.round(out.gateway.memoryMbEach)} MB heap of sockets each)`,
    `Redis: ${Math.round(out.redis.callsPerSecond)} calls/s (commands ${out.commandsPerSecond} × ${m.redisCallsPerCommand}, rejoin ${Math.round(out.redis.rejoinViewersPerSecond)} viewers/s × ${m.redisCallsPerViewerJoin}) → ${out.redis.shards} shard(s) at ${s.redisCallsPerShardSecond} calls/s each`,
    `Floor: ${out.floor.count} processes (one keeps up with ${Math.round(out.floor.commandsPerSecondPerProcess)} commands/s at ${s.utilisation * 100}%: ${out.floor.keepsUp ? 'enough' : 'NOT enough — shard the command transport'})`,
    `Recorder: ${out.recorder.count} processes (${r1(out.recorder.cores)} cores of persisting); Q&A: ${out.qna.count}; Postgres: ~${Math.round(out.postgres.rowsPerSecond)} rows/s at peak`,
  ].join('\n');
}

function main(argv) {
  const files = argv.filter((a) => a.endsWith('.json'));
  const flag = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? Number(argv[i + 1]) : undefined; };
  const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
  const root = path.resolve(__dirname, '..');
  const pick = (name) => files.find((f) => path.basename(f).startsWith(name)) ?? [path.join(root, 'artifacts/bench', `${name}.json`)].find((f) => fs.existsSync(f));
  const footprintFile = pick('footprint');
  const resultsFile = pick('results');
  const m = measuredFrom(footprintFile ? read(footprintFile) : undefined, resultsFile ? read(resultsFile) : undefined);
  const s = { ...UN_HIGH_LEVEL_WEEK };
  for (const [k, name] of [['viewers', 'viewers'], ['meetings', 'meetings'], ['peakCommandsPerMeeting', 'rate']]) { const v = flag(name); if (v !== undefined) s[k] = v; }
  const out = model(m, s);
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  else process.stdout.write(`inputs: ${footprintFile ?? 'built-in figures (2026-11-30)'}${resultsFile ? `, ${resultsFile}` : ''}\n${report(out)}\n`);
}

module.exports = { model, measuredFrom, MEASURED, UN_HIGH_LEVEL_WEEK };
if (require.main === module) main(process.argv.slice(2));
