import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { sparePort } from '@rostrum/testing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One redis-server (a data node or a Sentinel) of the test's own. */
export interface OwnNode { port: number; dir: string; args: string[]; child?: ChildProcess }

/**
 * A primary, one replica and three Sentinels of the test's own, from the redis-server binary
 * (`redis-server <conf> --sentinel`), on spare ports, data under a temp dir. Sentinels mark the
 * primary down after 1 s without an answer. Only these processes are stopped, by their pids.
 */
export class OwnSentinelGroup {
  static readonly NAME = 'rostrum-test';
  private constructor(readonly root: string, readonly data: OwnNode[], readonly sentinels: OwnNode[]) {}

  static async start(): Promise<OwnSentinelGroup> {
    const root = mkdtempSync(join(tmpdir(), 'rostrum-sentinel-'));
    const node = async (name: string): Promise<OwnNode> => {
      const dir = join(root, name);
      mkdirSync(dir);
      return { port: await sparePort(), dir, args: [] };
    };
    const [primary, replica] = [await node('primary'), await node('replica')];
    for (const n of [primary, replica]) {
      n.args = ['--port', String(n.port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--dir', n.dir,
        '--logfile', join(n.dir, 'redis.log')];
    }
    replica.args.push('--replicaof', '127.0.0.1', String(primary.port));
    const sentinels = [await node('s1'), await node('s2'), await node('s3')];
    for (const s of sentinels) {
      const conf = join(s.dir, 'sentinel.conf');
      writeFileSync(conf, [`port ${s.port}`, 'bind 127.0.0.1', `dir ${s.dir}`, `logfile ${join(s.dir, 'sentinel.log')}`,
        `sentinel monitor ${OwnSentinelGroup.NAME} 127.0.0.1 ${primary.port} 2`,
        `sentinel down-after-milliseconds ${OwnSentinelGroup.NAME} 1000`,
        `sentinel failover-timeout ${OwnSentinelGroup.NAME} 10000`,
        `sentinel parallel-syncs ${OwnSentinelGroup.NAME} 1`, ''].join('\n'));
      s.args = [conf, '--sentinel'];
    }
    const g = new OwnSentinelGroup(root, [primary, replica], sentinels);
    try {
      for (const n of [primary, replica, ...sentinels]) await g.resume(n);
      const r = new Redis(primary.port, '127.0.0.1', { retryStrategy: () => null });
      try {
        for (let i = 0; !/connected_slaves:1/.test(await r.info('replication')); i++) { if (i > 200) throw new Error('replica not attached'); await sleep(100); }
      } finally { r.disconnect(); }
      await g.waitSentinelsSee(primary.port, 2, 30_000);
    } catch (err) {
      await g.destroy();
      throw err;
    }
    return g;
  }

  /** `host:port,…` for REDIS_SENTINELS. */
  get seeds(): string { return this.sentinels.map((s) => `127.0.0.1:${s.port}`).join(','); }

  alive(n: OwnNode): boolean { return !!n.child && n.child.exitCode === null && n.child.signalCode === null; }

  /** Starts (again) one node with its arguments and data, and waits for PING. */
  async resume(n: OwnNode): Promise<void> {
    n.child = spawn('redis-server', n.args, { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      const r = new Redis(n.port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      try { await r.connect(); if ((await r.ping()) === 'PONG') return; } catch { /* not yet */ } finally { r.disconnect(); }
      if (i > 400) throw new Error(`node ${n.port} did not start`);
      await sleep(50);
    }
  }

  async kill(n: OwnNode): Promise<void> {
    const child = n.child;
    if (!child || !this.alive(n)) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(child.pid!, 'SIGKILL');
    await exited;
  }

  /** The primary's port as the majority of living Sentinels announce it. */
  async primaryPort(): Promise<number | undefined> {
    const votes = new Map<number, number>();
    for (const s of this.sentinels.filter((x) => this.alive(x))) {
      const r = new Redis(s.port, '127.0.0.1', { retryStrategy: () => null, maxRetriesPerRequest: 0 });
      try {
        const [, port] = (await r.call('SENTINEL', 'get-master-addr-by-name', OwnSentinelGroup.NAME)) as [string, string];
        votes.set(Number(port), (votes.get(Number(port)) ?? 0) + 1);
      } catch { /* skip */ } finally { r.disconnect(); }
    }
    return [...votes].find(([, n]) => n >= 2)?.[0];
  }

  /** The data node that is primary now. */
  async primary(): Promise<OwnNode> {
    const port = await this.primaryPort();
    const n = this.data.find((d) => d.port === port);
    if (!n) throw new Error('no primary agreed by the Sentinels');
    return n;
  }

  private async waitSentinelsSee(primaryPort: number, replicasAndSentinels: number, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      let ready = 0;
      for (const s of this.sentinels) {
        const r = new Redis(s.port, '127.0.0.1', { retryStrategy: () => null, maxRetriesPerRequest: 0 });
        try {
          const info = (await r.call('SENTINEL', 'master', OwnSentinelGroup.NAME)) as string[];
          const f = Object.fromEntries(Array.from({ length: info.length / 2 }, (_, i) => [info[2 * i], info[2 * i + 1]]));
          if (Number(f.port) === primaryPort && Number(f['num-slaves']) >= 1 && Number(f['num-other-sentinels']) >= replicasAndSentinels) ready++;
        } catch { /* not yet */ } finally { r.disconnect(); }
      }
      if (ready === this.sentinels.length) return;
      if (Date.now() > end) throw new Error('the Sentinels did not find each other and the replica');
      await sleep(200);
    }
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.data, ...this.sentinels].map((n) => this.kill(n)));
    rmSync(this.root, { recursive: true, force: true });
  }
}
