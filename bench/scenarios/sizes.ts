import { cpus } from 'node:os';
import type { RunningApp } from '@rostrum/testing';
import { type Bench, log, viewerTokens } from '../context';
import { round } from '../report';
import { fanout, fanoutChecks, type FanoutSide } from './fanout';
import { memoryChecks, settledMemory } from './memory';

/** Viewers that joined per second (each with its snapshot), over the whole connect call. */
export const joinRate = (c: { connected: number; ms: number }): number => round((c.connected / Math.max(1, c.ms)) * 1000, 1);

/** One row of a fan-out table: who was measured and how it compared with raw socket.io in the same run. */
export interface FanoutRow {
  viewers: number; joined: number; failed: number; joinMs: number; joinsPerSecond: number;
  p50: number; p99: number; rawP50: number; rawP99: number; ratioP99: number; rounds: number; missing: number;
  /** p50 over rounds, ms, each side: to the first viewer, and first → last viewer (see `FanoutSide`). */
  firstP50: number; rawFirstP50: number; spreadP50: number; rawSpreadP50: number;
  /** Characters each viewer received per round, each side. */
  charsPerRound: number; rawCharsPerRound: number;
}

const row = (viewers: number, conn: { connected: number; failed: number; ms: number }, f: { raw: FanoutSide; system: FanoutSide }): FanoutRow => ({
  viewers, joined: conn.connected, failed: conn.failed, joinMs: conn.ms, joinsPerSecond: joinRate(conn),
  p50: f.system.p50, p99: f.system.p99, rawP50: f.raw.p50, rawP99: f.raw.p99, ratioP99: round(f.system.p99 / f.raw.p99, 2),
  rounds: f.system.rounds, missing: f.system.missing + f.raw.missing,
  firstP50: f.system.first.p50, rawFirstP50: f.raw.first.p50, spreadP50: f.system.spread.p50, rawSpreadP50: f.raw.spread.p50,
  charsPerRound: f.system.charsPerRound, rawCharsPerRound: f.raw.charsPerRound,
});

const push = <T>(b: Bench, key: string, value: T) => { ((b.results[key] ??= []) as T[]).push(value); };

/**
 * One size of the per-size table (`results.sizes`): `size` viewers join the gateway (join rate),
 * the gateway's heap growth per 1,000 idle viewers, then fan-out against raw socket.io with as
 * many sockets; the viewers leave afterwards. Also one `memory` and one `fan-out` check per size.
 */
export async function sizeRun(b: Bench, size: number, rounds: number, maxMs: number): Promise<void> {
  const tokens = await viewerTokens(b, size);
  const before = await settledMemory(b);
  const conn = await b.pool.connect(b.sys.url, tokens, { snapshot: true });
  log(`${conn.connected}/${size} viewers joined in ${conn.ms} ms (${joinRate(conn)} joins/s)${conn.failed ? `; ${conn.failed} failed: ${conn.errors.join('; ')}` : ''}`);
  try {
    memoryChecks(b, conn.connected, before, await settledMemory(b));
    const f = await fanout(b, conn.connected, rounds, { maxMs });
    fanoutChecks(b, conn.connected, f);
    const memory = b.results.memory as { heapMbPer1000: number; rssMbPer1000: number };
    push(b, 'sizes', { ...row(size, conn, f), heapMbPer1000: memory.heapMbPer1000, rssMbPer1000: memory.rssMbPer1000 });
    b.checks.push({
      scenario: 'join', metric: `${size} viewers join one gateway (snapshot each)`, measured: `${joinRate(conn)} joins/s (${conn.connected} in ${conn.ms} ms)`,
      target: 'all join', baseline: '-', pass: conn.connected === size,
    });
  } finally {
    await b.pool.closeSockets();
  }
}

/**
 * All cores: the same viewers on a gateway of one process and on one of `workers` processes
 * (GATEWAY_WORKERS, sticky sessions), one after the other in the same run: join rate and fan-out
 * against raw socket.io for each (`results.gatewayWorkers`).
 */
export async function workersRun(b: Bench, size: number, workers: number, rounds: number, maxMs: number, env: Record<string, string>): Promise<void> {
  log(`gateway workers: ${size} viewers on 1 process, then on ${workers} (machine has ${cpus().length} cores)`);
  const many = await b.sys.startApp('gateway', { ...env, GATEWAY_WORKERS: String(workers) });
  const rows: Array<FanoutRow & { workers: number }> = [];
  try {
    for (const [n, url] of [[1, b.sys.url], [workers, many.url!]] as const) {
      const conn = await b.pool.connect(url, await viewerTokens(b, size), { snapshot: true });
      log(`${n} worker(s): ${conn.connected} joined in ${conn.ms} ms (${joinRate(conn)} joins/s)`);
      try {
        rows.push({ workers: n, ...row(size, conn, await fanout(b, conn.connected, rounds, { gateways: [url], maxMs })) });
      } finally {
        await b.pool.closeSockets();
      }
    }
  } finally {
    await b.sys.stopApp(many);
  }
  b.results.gatewayWorkers = rows;
  const [one, all] = rows as [FanoutRow & { workers: number }, FanoutRow & { workers: number }];
  b.checks.push({
    scenario: 'all cores', metric: `${size} viewers, gateway of ${workers} workers vs 1 process`,
    measured: `${workers} workers: ${all.joinsPerSecond} joins/s, fan-out p99 ${all.p99} ms (${all.ratioP99}× raw)`,
    target: `fan-out p99 ≤ 1.5 × raw; joins/s not below 1 process`, baseline: `1 process: ${one.joinsPerSecond} joins/s, fan-out p99 ${one.p99} ms (${one.ratioP99}× raw)`,
    pass: all.missing === 0 && all.ratioP99 <= 1.5 && all.joinsPerSecond >= one.joinsPerSecond * 0.9,
  });
}

/**
 * Scale-out (`--scale-out`): fan-out with every viewer on the one gateway of the single-instance
 * system, then with a second gateway, floor and recorder started and the viewers split across
 * both gateways. Every viewer of the split run must have applied the same events in the same
 * order (a digest of its `seq:type` list of the meeting stream); the figures are printed beside
 * the single-instance ones (`results.scaleOut`).
 */
export async function scaleOutRun(b: Bench, size: number, rounds: number, maxMs: number, env: Record<string, string>): Promise<void> {
  const single = await (async () => {
    const conn = await b.pool.connect(b.sys.url, await viewerTokens(b, size), { snapshot: true });
    try { return row(size, conn, await fanout(b, conn.connected, rounds, { maxMs })); } finally { await b.pool.closeSockets(); }
  })();
  const extra: RunningApp[] = [];
  try {
    for (const app of ['floor', 'recorder', 'gateway'] as const) extra.push(await b.sys.startApp(app, env));
    const second = extra[2]!.url!;
    const tokens = await viewerTokens(b, size);
    const half = Math.ceil(size / 2);
    const c1 = await b.pool.connect(b.sys.url, tokens.slice(0, half), { snapshot: true });
    const c2 = await b.pool.connect(second, tokens.slice(half), { snapshot: true });
    const conn = { connected: c1.connected + c2.connected, failed: c1.failed + c2.failed, ms: c1.ms + c2.ms };
    log(`scale-out: ${c1.connected} viewers on gateway 1, ${c2.connected} on gateway 2`);
    try {
      await b.pool.resetOrders(); // nothing in flight: every viewer starts its list at the same point
      const split = row(size, conn, await fanout(b, conn.connected, rounds, { gateways: [b.sys.url, second], maxMs }));
      const orders = await b.pool.orders(b.chair.seq.meeting);
      const digests = Object.values(orders);
      const sameOrder = digests.length === 1 && digests[0]!.viewers === conn.connected && digests[0]!.events > 0;
      b.results.scaleOut = { single, split, gateways: 2, floors: 2, recorders: 2, orders: digests };
      log(`scale-out order check: ${digests.length} distinct sequence(s) over ${conn.connected} viewers: ${JSON.stringify(digests.slice(0, 3))}`);
      b.checks.push({
        scenario: 'scale-out', metric: `${size} viewers over 2 gateways, 2 floors, 2 recorders`,
        measured: `fan-out p50 ${split.p50} / p99 ${split.p99} ms (${split.ratioP99}× raw); ${digests[0]?.events ?? 0} events in the same order on ${digests[0]?.viewers ?? 0} viewers`,
        target: 'every viewer the same events in the same order; none missing', baseline: `single instance: p50 ${single.p50} / p99 ${single.p99} ms (${single.ratioP99}× raw)`,
        pass: sameOrder && split.missing === 0,
      });
    } finally {
      await b.pool.closeSockets();
    }
  } finally {
    for (const app of extra.reverse()) await b.sys.stopApp(app).catch(() => undefined);
  }
}
