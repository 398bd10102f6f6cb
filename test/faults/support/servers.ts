import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { sparePort } from '@rostrum/testing';
import { OwnPostgres } from '../../record-pg.helpers';

export { OwnPostgres };
const ROOT = resolve(__dirname, '../../..');

/**
 * A redis-server of the test's own (append-only, as in production), on a spare port, with its
 * data under .data/. It is stopped with SHUTDOWN (what an operator's restart does) and started
 * again on the same port and data; only this process is ever stopped, by its own pid.
 */
export class OwnRedis {
  private child?: ChildProcess;
  private constructor(readonly dir: string, readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const dir = join(ROOT, '.data', `redis-fault-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    const r = new OwnRedis(dir, await sparePort());
    await r.resume();
    return r;
  }

  get url(): string { return `redis://127.0.0.1:${this.port}`; }
  get pid(): number | undefined { return this.child?.pid; }

  /** Starts (again) this server only, and waits until it answers PING (its AOF loaded). */
  async resume(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'everysec',
      '--dir', this.dir, '--save', '', '--logfile', join(this.dir, 'redis.log')], { stdio: 'ignore' });
    const end = Date.now() + 20_000;
    for (;;) {
      const c = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      try { await c.connect(); if ((await c.ping()) === 'PONG') return; } catch { /* not yet */ } finally { c.disconnect(); }
      if (Date.now() > end) throw new Error(`own redis on ${this.port} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SHUTDOWN (fsyncs the AOF, like a clean restart), then waits for this process to exit. */
  async shutdown(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const c = new Redis(this.url, { retryStrategy: () => null, maxRetriesPerRequest: 0 });
    await c.call('SHUTDOWN').catch(() => undefined); // the connection closes as it answers
    c.disconnect();
    await exited;
  }

  async destroy(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      process.kill(child.pid!, 'SIGKILL');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
