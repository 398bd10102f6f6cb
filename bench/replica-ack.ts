// `npm run bench:replica-ack [-- --appends N]`: what REDIS_MIN_REPLICAS_ACK=1 costs an append.
// Starts a redis-server primary and one replica of its own (spare ports, temp dir, append-only
// everysec as in production), then appends N one-event commands in sequence through EventLog
// with 0 and with 1 replica to wait for, interleaved in rounds so that load from other work on
// the machine falls on both alike. Prints p50/p99/mean per append (ms) as JSON. Stops only what it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { EventLog } from '@rostrum/messaging';
import { sparePort } from '@rostrum/testing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startRedis(dir: string, port: number, replicaOf?: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '',
    '--dir', dir, ...(replicaOf ? ['--replicaof', '127.0.0.1', String(replicaOf)] : [])], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    const r = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    r.on('error', () => undefined);
    try { await r.connect(); if ((await r.ping()) === 'PONG') return child; } catch { /* not yet */ } finally { r.disconnect(); }
    await sleep(50);
  }
  throw new Error(`redis on ${port} did not start`);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 1000) / 1000;
  return { n: s.length, p50: at(0.5), p99: at(0.99), mean: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 1000) / 1000 };
};

async function main(): Promise<void> {
  const i = process.argv.indexOf('--appends');
  const appends = i > 0 ? Number(process.argv[i + 1]) : 2000;
  const root = mkdtempSync(join(tmpdir(), 'rostrum-replica-ack-'));
  const [pPort, rPort] = [await sparePort(), await sparePort()];
  const children: ChildProcess[] = [];
  const redis = new Redis(pPort, '127.0.0.1', { lazyConnect: true });
  try {
    children.push(await startRedis(join(root, '.'), pPort));
    const replicaDir = mkdtempSync(join(root, 'replica-'));
    children.push(await startRedis(replicaDir, rPort, pPort));
    await redis.connect();
    while (!/slave0:.*state=online/.test(await redis.info('replication'))) await sleep(100);
    const logs = { none: new EventLog(redis, 'bench:ack0'), one: new EventLog(redis, 'bench:ack1', { minReplicasAck: 1, replicaAckTimeoutMs: 1000 }) };
    const times: Record<keyof typeof logs, number[]> = { none: [], one: [] };
    const heads = { none: 0, one: 0 };
    const actor = { role: 'chair' as const, participantId: 'chair' };
    for (let n = 0; n < appends; n++) {
      for (const k of ['none', 'one'] as const) {
        const started = process.hrtime.bigint();
        const r = await logs[k].append('m', 'meeting', heads[k], [{ type: 'bench.tick', payload: { n }, visibility: { scope: 'public' } }], { commandId: `c${n}`, actor, at: Date.now() });
        times[k].push(Number(process.hrtime.bigint() - started) / 1e6);
        if (r.status !== 'appended' || !r.replicated) throw new Error(`append ${k} #${n}: ${JSON.stringify(r)}`);
        heads[k]++;
      }
    }
    await logs.one.close();
    const none = stats(times.none.slice(100));
    const one = stats(times.one.slice(100));
    process.stdout.write(`${JSON.stringify({ appends, warmup: 100, minReplicasAck0: none, minReplicasAck1: one, extraMsP50: Math.round((one.p50 - none.p50) * 1000) / 1000 }, null, 2)}\n`);
  } finally {
    redis.disconnect();
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await sleep(200);
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => { process.stderr.write(`${err.stack ?? err}\n`); process.exit(1); });
