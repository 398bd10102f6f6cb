import { fork } from 'node:child_process';
import { join } from 'node:path';
import { type Bench, log, ok, sleep } from '../context';
import type { ViewerPool } from '../load/viewer-pool';
import { dist, round, type Dist } from '../report';

/** Rounds of one broadcast each: waits until every viewer has it before the next round. */
async function rounds(pool: ViewerPool, types: string[], viewers: number, count: number, fire: (i: number) => Promise<void>): Promise<{ samples: number[]; missing: number }> {
  await pool.track(types);
  for (let i = 0; i < count; i++) {
    await fire(i);
    await pool.waitCount(types, (i + 1) * viewers, 15_000);
    await sleep(250);
  }
  const missing = count * viewers - await pool.count(types);
  const samples = (await Promise.all(types.map((t) => pool.samples(t)))).flat();
  return { samples, missing };
}

/** Baseline: a bare socket.io server in its own process broadcasting to the same number of sockets. */
export async function rawBroadcast(b: Bench, viewers: number, count: number): Promise<Dist & { missing: number }> {
  const child = fork(join(__dirname, '..', 'load', 'raw-broadcast-server.ts'), [], { execArgv: ['-r', join(__dirname, '..', 'register.js')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const url = await new Promise<string>((res, rej) => { child.once('message', (m: { url: string }) => res(m.url)); child.once('exit', (c) => rej(new Error(`raw server exited ${c}`))); });
    let nextId = 0;
    const ask = (cmd: string) => new Promise<void>((res) => {
      const id = nextId++;
      const on = (m: { id: number }) => { if (m.id === id) { child.off('message', on); res(); } };
      child.on('message', on);
      child.send({ id, cmd });
    });
    const conn = await b.pool.connect(url, Array.from({ length: viewers }, () => 'raw'), { snapshot: false });
    log(`raw socket.io: ${conn.connected} sockets connected in ${conn.ms} ms${conn.failed ? ` (${conn.failed} failed: ${conn.errors.join('; ')})` : ''}`);
    await sleep(1000);
    const r = await rounds(b.pool, ['raw.tick'], conn.connected, count, () => ask('broadcast'));
    await b.pool.closeSockets();
    return { ...dist(r.samples), missing: r.missing };
  } finally {
    child.disconnect();
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  }
}

/** A chair action (suspend / resume, public events) reaching every viewer through the gateway. */
export async function systemFanout(b: Bench, viewers: number, count: number): Promise<Dist & { missing: number }> {
  const r = await rounds(b.pool, ['meeting.suspended', 'meeting.resumed'], viewers, count, async (i) => {
    await ok(b.chair, i % 2 === 0 ? 'meeting.suspend' : 'meeting.resume');
  });
  if (count % 2 === 1) await ok(b.chair, 'meeting.resume');
  return { ...dist(r.samples), missing: r.missing };
}

export function fanoutChecks(b: Bench, viewers: number, raw: Dist & { missing: number }, sys: Dist & { missing: number }): void {
  const ms = (d: Dist) => `p50 ${d.p50} / p99 ${d.p99} ms`;
  b.results.fanout = { viewers, raw, system: sys, ratioP99: round(sys.p99 / raw.p99, 2) };
  b.checks.push({
    scenario: 'fan-out', metric: `chair action → ${viewers} viewers`, measured: `${ms(sys)}${sys.missing ? ` (${sys.missing} missing)` : ''}`,
    target: `p99 ≤ 1.5 × raw = ${round(1.5 * raw.p99)} ms`, baseline: `raw socket.io ${ms(raw)}`,
    pass: sys.missing === 0 && sys.p99 <= 1.5 * raw.p99, note: `ratio p99 ${round(sys.p99 / raw.p99, 2)}×`,
  });
}
