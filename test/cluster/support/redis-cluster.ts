import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { sparePort } from '@rostrum/testing';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One redis-server of a test cluster. */
export interface ClusterNode { port: number; dir: string; child?: ChildProcess }

/** A line of CLUSTER NODES. */
export interface NodeInfo { id: string; port: number; role: 'master' | 'slave'; failed: boolean; primaryId?: string; slots: string[] }

/**
 * A Redis Cluster of the test's own, from the redis-server binary: `primaries` primaries and as
 * many replicas (`redis-cli --cluster create … --cluster-replicas 1`), on spare ports, append-only,
 * data under a temp dir. `--cluster-node-timeout` is short (1 s) so a replica takes over within
 * a few seconds of its primary's death. Only these processes are ever stopped, by their pids.
 */
export class OwnRedisCluster {
  private constructor(readonly root: string, readonly nodes: ClusterNode[]) {}

  static async start(primaries = 3): Promise<OwnRedisCluster> {
    const root = mkdtempSync(join(tmpdir(), 'rostrum-cluster-'));
    const nodes: ClusterNode[] = [];
    for (let i = 0; i < primaries * 2; i++) {
      const dir = join(root, `node-${i}`);
      mkdirSync(dir);
      nodes.push({ port: await sparePort(), dir });
    }
    const c = new OwnRedisCluster(root, nodes);
    try {
      await Promise.all(nodes.map((n) => c.resume(n)));
      await run('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '1', '--cluster-yes'], { timeout: 60_000 });
      await c.waitHealthy(60_000);
    } catch (err) {
      await c.destroy();
      throw err;
    }
    return c;
  }

  /** `host:port,…` for REDIS_CLUSTER_NODES. */
  get seeds(): string { return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(','); }

  /** Starts (again) one node on its port and data (nodes.conf keeps its identity), and waits for PING. */
  async resume(node: ClusterNode): Promise<void> {
    node.child = spawn('redis-server', ['--port', String(node.port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
      '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '1000', '--appendonly', 'yes', '--appendfsync', 'everysec',
      '--save', '', '--dir', node.dir, '--logfile', join(node.dir, 'redis.log')], { stdio: 'ignore' });
    const end = Date.now() + 20_000;
    for (;;) {
      const r = new Redis(node.port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      try { await r.connect(); if ((await r.ping()) === 'PONG') return; } catch { /* not yet */ } finally { r.disconnect(); }
      if (Date.now() > end) throw new Error(`cluster node ${node.port} did not start`);
      await sleep(50);
    }
  }

  /** Kills one node with SIGKILL (a crash), by its pid. */
  async kill(node: ClusterNode): Promise<void> {
    const child = node.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(child.pid!, 'SIGKILL');
    await exited;
  }

  alive(n: ClusterNode): boolean { return !!n.child && n.child.exitCode === null && n.child.signalCode === null; }

  /** CLUSTER NODES as one living node sees it. */
  async topology(): Promise<NodeInfo[]> {
    for (const n of this.nodes) {
      if (!this.alive(n)) continue;
      const r = new Redis(n.port, '127.0.0.1', { retryStrategy: () => null, maxRetriesPerRequest: 0 });
      try {
        const text = (await r.call('CLUSTER', 'NODES')) as string;
        return text.trim().split('\n').map((line) => {
          const [id, addr, flags, primary, , , , , ...slots] = line.split(' ');
          return {
            id: id!, port: Number(/:(\d+)@/.exec(addr!)![1]), role: flags!.includes('master') ? 'master' : 'slave',
            failed: /fail/.test(flags!), primaryId: primary === '-' ? undefined : primary, slots,
          } as NodeInfo;
        });
      } catch { /* try the next node */ } finally { r.disconnect(); }
    }
    throw new Error('no cluster node answers');
  }

  /** The node serving a key's slot as primary now. */
  async primaryOf(key: string): Promise<ClusterNode> {
    const r = new Redis(this.nodes.find((n) => this.alive(n))!.port, '127.0.0.1', { retryStrategy: () => null });
    const slot = Number(await r.call('CLUSTER', 'KEYSLOT', key).finally(() => r.disconnect()));
    const owner = (await this.topology()).find((n) => n.role === 'master' && !n.failed && n.slots.some((range) => {
      const [a, b] = range.split('-').map(Number);
      return slot >= a! && slot <= (b ?? a!);
    }));
    if (!owner) throw new Error(`no primary serves slot ${slot}`);
    return this.nodes.find((n) => n.port === owner.port)!;
  }

  /** Until every node answers `cluster_state:ok` and every primary has a replica. */
  async waitHealthy(timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all(this.nodes.map(async (n) => {
        const r = new Redis(n.port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
        try { await r.connect(); return /cluster_state:ok/.test((await r.call('CLUSTER', 'INFO')) as string); } catch { return false; } finally { r.disconnect(); }
      }));
      if (states.every(Boolean)) {
        const t = await this.topology().catch(() => []);
        const primaries = t.filter((n) => n.role === 'master' && !n.failed);
        if (primaries.length * 2 === this.nodes.length && primaries.every((p) => t.some((n) => n.primaryId === p.id && !n.failed))) return;
      }
      if (Date.now() > end) throw new Error('the test cluster did not become healthy');
      await sleep(200);
    }
  }

  /** Stops every node (SIGKILL, by pid) and removes the data. */
  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((n) => this.kill(n)));
    rmSync(this.root, { recursive: true, force: true });
  }
}
