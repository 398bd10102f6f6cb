import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { type Bench, log, ok, sleep } from '../context';
import { dist, round, type Dist } from '../report';
import { spread, type Spread } from '../stats';

const RAW_TYPES = ['raw.tick'];
const SYSTEM_TYPES = ['meeting.suspended', 'meeting.resumed'];

/**
 * `gateways`: the gateway URLs the viewers are on (default the system's first); `maxMs`: rounds
 * stop when this much time has passed (a bounded full run; the rounds done are reported);
 * `repetitions`: blocks of rounds whose p99s give the spread.
 */
export interface FanoutOptions { gateways?: string[]; maxMs?: number; repetitions?: number }

/**
 * One side of the comparison: latency over all rounds, p99 per repetition, sockets, messages
 * missing; and where a round's time goes: `first` (ms from the server time a broadcast carries to
 * its first viewer, over rounds: the server's path to its first socket write, plus one load
 * process reading it), `spread` (last viewer − first, over rounds: the server's writes and the
 * load processes reading and handling them one viewer after another), `charsPerRound` (characters
 * one viewer received per round: every message the round caused, e.g. the record entry after a
 * system round).
 */
export interface FanoutSide extends Dist { sockets: number; rounds: number; missing: number; p99s: Spread; first: Dist; spread: Dist; charsPerRound: number }

/** The bare socket.io server (bench/load/raw-broadcast-server.ts) in its own process, driven over IPC. */
async function startRaw(): Promise<{ url: string; ask: (cmd: 'broadcast' | 'clients') => Promise<number>; stop: () => Promise<void> }> {
  const child: ChildProcess = fork(join(__dirname, '..', 'load', 'raw-broadcast-server.ts'), [], { execArgv: ['-r', join(__dirname, '..', 'register.js')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((res, rej) => { child.once('message', (m: { url: string }) => res(m.url)); child.once('exit', (c) => rej(new Error(`raw server exited ${c}`))); });
  let nextId = 0;
  const ask = (cmd: 'broadcast' | 'clients') => new Promise<number>((res) => {
    const id = nextId++;
    const on = (m: { id: number; clients: number }) => { if (m.id === id) { child.off('message', on); res(m.clients); } };
    child.on('message', on);
    child.send({ id, cmd });
  });
  const stop = async () => { child.disconnect(); if (child.exitCode === null) await new Promise((r) => child.once('exit', r)); };
  return { url, ask, stop };
}

/** Sockets the gateway itself counts (its rostrum_connected_sockets gauge), the chair's included. */
export async function gatewaySockets(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^rostrum_connected_sockets(?:\{[^}]*\})? (\S+)/m.exec(text)?.[1] ?? NaN);
}

/**
 * Fan-out against its baseline, measured fairly: the `viewers` gateway sockets stay connected
 * and as many raw sockets join a bare socket.io server from the same load processes, so both
 * sides are warm and measured under the same conditions. Rounds alternate which side broadcasts
 * first (ABBA…), each round waits until every socket of that side has the message (or 15 s),
 * and the rounds are split into `repetitions` blocks whose p99s give the spread. Missing
 * messages are counted on both sides; both sides must hold the same number of sockets.
 */
export async function fanout(b: Bench, viewers: number, rounds: number, opts: FanoutOptions = {}): Promise<{ raw: FanoutSide; system: FanoutSide }> {
  const repetitions = opts.repetitions ?? 3;
  const gateways = opts.gateways ?? [b.sys.gateways()[0]!.url!];
  const deadline = Date.now() + (opts.maxMs ?? Infinity);
  const raw = await startRaw();
  try {
    const conn = await b.pool.connect(raw.url, Array.from({ length: viewers }, () => 'raw'), { snapshot: false });
    await sleep(1000);
    // Each side's own server counts its sockets: the load processes' count would include both.
    const rawSockets = await raw.ask('clients');
    // Less the chair's console, which is on the first gateway of the system.
    const counted = await Promise.all(gateways.map(gatewaySockets));
    const systemSockets = counted.reduce((n, c) => n + c, 0) - (gateways.includes(b.sys.gateways()[0]!.url!) ? 1 : 0);
    log(`raw socket.io: ${rawSockets} sockets in ${conn.ms} ms${conn.failed ? ` (${conn.failed} failed: ${conn.errors.join('; ')})` : ''}; gateway: ${systemSockets} viewer sockets`);
    const per = Math.ceil(rounds / repetitions);
    const fresh = () => ({ samples: [] as number[], p99: [] as number[], missing: 0, rounds: 0, first: [] as number[], spread: [] as number[], chars: 0, watchedRounds: 0 });
    const sides = { raw: fresh(), system: fresh() };
    let suspended = false;
    const fire = { raw: () => raw.ask('broadcast').then(() => undefined), system: async () => { await ok(b.chair, suspended ? 'meeting.resume' : 'meeting.suspend'); suspended = !suspended; } };
    for (let rep = 0; rep < repetitions && Date.now() < deadline; rep++) {
      const counts = { raw: 0, system: 0 };
      await b.pool.track([...RAW_TYPES, ...SYSTEM_TYPES]);
      for (let i = 0; i < per && Date.now() < deadline; i++) {
        const order = (i + rep) % 2 === 0 ? (['raw', 'system'] as const) : (['system', 'raw'] as const);
        for (const side of order) {
          const types = side === 'raw' ? RAW_TYPES : SYSTEM_TYPES;
          const expected = side === 'raw' ? rawSockets : viewers;
          await fire[side]();
          counts[side] += expected;
          await b.pool.waitCount(types, counts[side], 15_000);
          sides[side].rounds++;
          await sleep(100);
        }
      }
      for (const side of ['raw', 'system'] as const) {
        const types = side === 'raw' ? RAW_TYPES : SYSTEM_TYPES;
        const samples = (await Promise.all(types.map((t) => b.pool.samples(t)))).flat();
        sides[side].missing += counts[side] - await b.pool.count(types);
        for (const s of samples) sides[side].samples.push(s); // not push(...samples): 200,000 arguments overflow the stack
        sides[side].p99.push(dist(samples).p99);
        const r = await b.pool.rounds(types, side);
        r.first.forEach((f, i) => { sides[side].first.push(f); sides[side].spread.push(r.last[i]! - f); });
        sides[side].chars += r.chars;
        sides[side].watchedRounds += r.watched * (counts[side] / (side === 'raw' ? rawSockets : viewers));
      }
    }
    if (suspended) await ok(b.chair, 'meeting.resume');
    const out = (side: 'raw' | 'system', sockets: number): FanoutSide => ({
      ...dist(sides[side].samples), sockets, rounds: sides[side].rounds, missing: sides[side].missing, p99s: spread(sides[side].p99),
      first: dist(sides[side].first), spread: dist(sides[side].spread), charsPerRound: round(sides[side].chars / Math.max(1, sides[side].watchedRounds)),
    });
    return { raw: out('raw', rawSockets), system: out('system', systemSockets) };
  } finally {
    await raw.stop();
  }
}

export function fanoutChecks(b: Bench, viewers: number, r: { raw: FanoutSide; system: FanoutSide }): void {
  const { raw, system: sys } = r;
  const ms = (d: FanoutSide) => `p50 ${d.p50} / p99 ${d.p99} ms (p99 per repetition ${d.p99s.text}; ${d.sockets} sockets, ${d.missing} missing)`;
  const sameSockets = raw.sockets === sys.sockets && sys.sockets === viewers;
  const ratios = spread(sys.p99s.values.map((v, i) => v / raw.p99s.values[i]!), 2);
  b.results.fanout = { viewers, raw, system: sys, ratioP99: round(sys.p99 / raw.p99, 2), ratioPerRepetition: ratios };
  b.checks.push({
    scenario: 'fan-out', metric: `chair action → ${viewers} viewers, ${sys.rounds} rounds each side, interleaved`, measured: ms(sys),
    target: `p99 ≤ 1.5 × raw = ${round(1.5 * raw.p99)} ms, same sockets, none missing`, baseline: `raw socket.io ${ms(raw)}`,
    pass: sameSockets && sys.missing === 0 && raw.missing === 0 && sys.p99 <= 1.5 * raw.p99,
    note: `ratio p99 ${round(sys.p99 / raw.p99, 2)}× (per repetition ${ratios.text}); where a round goes, p50 / p99 over rounds: `
      + `first viewer ${sys.first.p50} / ${sys.first.p99} ms (raw ${raw.first.p50} / ${raw.first.p99}), first → last viewer ${sys.spread.p50} / ${sys.spread.p99} ms `
      + `(raw ${raw.spread.p50} / ${raw.spread.p99}); ${sys.charsPerRound} characters to each viewer per round (raw ${raw.charsPerRound})`
      + `${sameSockets ? '' : `; socket counts differ: gateway ${sys.sockets}, raw ${raw.sockets}, viewers ${viewers}`}`,
  });
}
