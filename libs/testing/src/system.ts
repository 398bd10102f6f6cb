import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { MeetingSetupInput } from '@rostrum/contracts';
import { migrate } from '@rostrum/persistence';

export type AppName = 'gateway' | 'floor' | 'qna' | 'recorder';
const ROOT = resolve(__dirname, '../../..');
/** Which build the tests run (several developers may build side by side). */
const DIST = process.env.ROSTRUM_DIST ?? 'dist';
const READY: Record<AppName, string> = { gateway: 'gateway ready', floor: 'floor ready', qna: 'qna ready', recorder: 'recorder ready' };

export const TEST_OPERATOR_KEY = 'test-operator-key-0123456789';
export const TEST_TOKEN_SECRET = 'test-token-secret-0123456789-0123456789';

export async function sparePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); });
  });
}

/** One started process; `url` is the gateway's, or a service's metrics and health endpoint. */
export interface RunningApp { name: AppName; process: ChildProcess; port?: number; url?: string }

/**
 * Where a test system's Postgres and Redis are (default: DATABASE_URL / REDIS_URL, then the
 * machine's). `redisEnv` replaces REDIS_URL for the apps with another topology
 * (`REDIS_CLUSTER_NODES`, or `REDIS_SENTINELS` + `REDIS_SENTINEL_NAME`): that Redis is the
 * test's own, so `stop()` leaves its keys (the test removes the whole server).
 */
export interface SystemServers {
  databaseUrl?: string; redisUrl?: string; redisEnv?: Record<string, string>;
  /** How long an app may take to say it is ready (ms, default 30 s); a test starting many processes on a loaded machine gives more. */
  readyTimeoutMs?: number;
}

/**
 * The real system for an end-to-end test: the built apps as child processes against the real
 * Postgres and Redis, isolated by their own Postgres schema and Redis prefix. It stops only the
 * processes it started (by pid) and removes only its own schema and keys.
 */
export class TestSystem {
  readonly id = `t${randomBytes(4).toString('hex')}`;
  readonly apps: RunningApp[] = [];
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly redisEnv?: Record<string, string>;
  readonly readyTimeoutMs: number;
  readonly schema = `e2e_${this.id}`;
  readonly prefix = `e2e:${this.id}`;

  constructor(servers: SystemServers = {}) {
    this.databaseUrl = servers.databaseUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rostrum';
    this.redisUrl = servers.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    this.redisEnv = servers.redisEnv;
    this.readyTimeoutMs = servers.readyTimeoutMs ?? 45_000;
  }

  static async start(apps: AppName[] = ['floor', 'qna', 'recorder', 'gateway'], env: Record<string, string> = {}, servers: SystemServers = {}): Promise<TestSystem> {
    const sys = new TestSystem(servers);
    await sys.ensureDatabase();
    await migrate({ url: sys.databaseUrl, schema: sys.schema });
    try {
      for (const app of apps) await sys.startApp(app, env);
    } catch (err) {
      await sys.stop().catch(() => undefined); // the apps already started would keep jest alive forever
      throw err;
    }
    return sys;
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.databaseUrl, DATABASE_SCHEMA: this.schema, ...(this.redisEnv ?? { REDIS_URL: this.redisUrl }), REDIS_PREFIX: this.prefix,
      TOKEN_SECRET: TEST_TOKEN_SECRET, OPERATOR_KEY: TEST_OPERATOR_KEY, LOG_LEVEL: 'info', NODE_ENV: 'test',
      SWEEP_INTERVAL_MS: '1000',
      // One gateway process unless a test asks for workers (its pid is the gateway's, /proc and signals work on it).
      GATEWAY_WORKERS: '1',
      // Every test client comes from 127.0.0.1: per-address limits would be one shared budget.
      // The tests of those limits set their own (test/security-limits.e2e-spec.ts).
      VIEWER_MINT_PER_ADDRESS_PER_MINUTE: '1000000', VIEWER_MINT_PER_SECOND: '1000000', SOCKETS_PER_ADDRESS: '1000000', CONNECTIONS_PER_ADDRESS_PER_10S: '1000000',
      ...extra,
    };
  }

  /** Starts one more process of an app (several gateways or floors may run at once). */
  /** `opts.nodeArgs`: extra node flags for this process (e.g. the bench's `--cpu-prof`). */
  async startApp(name: AppName, extraEnv: Record<string, string> = {}, opts: { nodeArgs?: string[] } = {}): Promise<RunningApp> {
    // Services serve /metrics and /health on a port of their own (the gateway on its HTTP port).
    // A given GATEWAY_PORT / METRICS_PORT is kept (a restarted gateway comes back where its clients reconnect).
    const given = name === 'gateway' ? extraEnv.GATEWAY_PORT : extraEnv.METRICS_PORT;
    const port = given ? Number(given) : await sparePort();
    const env = { ...process.env, ...this.env(extraEnv), ...(name === 'gateway' ? { GATEWAY_PORT: String(port) } : { METRICS_PORT: String(port) }) };
    const logDir = join(ROOT, 'artifacts', 'logs');
    mkdirSync(logDir, { recursive: true });
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--enable-source-maps', join(ROOT, DIST, `apps/${name}/src/main.js`)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(logDir, `${this.id}-${name}-${child.pid}.log`));
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    const app: RunningApp = { name, process: child, port, url: `http://127.0.0.1:${port}` };
    // A gateway of several workers starts each of them (a Nest app apiece) before it is ready.
    // 45 s a process: on a shared 2-core machine (load 20) a gateway took 24 s to its first log line.
    const readyMs = this.readyTimeoutMs * Math.max(1, Math.min(4, Number((env as Record<string, string | undefined>).GATEWAY_WORKERS) || 1));
    await new Promise<void>((res, rej) => {
      let out = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL'); // never tracked in this.apps: stop() could not end it
        rej(new Error(`${name} did not become ready in ${readyMs / 1000} s:\n${out.slice(-2000)}`));
      }, readyMs);
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes(READY[name])) { clearTimeout(timer); child.stdout!.off('data', onData); res(); }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
      child.once('exit', (code) => { clearTimeout(timer); rej(new Error(`${name} exited with ${code} before it was ready:\n${out.slice(-2000)}`)); });
    });
    this.apps.push(app);
    return app;
  }

  gateways(): RunningApp[] { return this.apps.filter((a) => a.name === 'gateway' && a.process.exitCode === null && a.process.signalCode === null); }
  get url(): string { return this.gateways()[0].url!; }

  /** Stops one of this system's processes: SIGTERM (graceful) or SIGKILL (crash). */
  async stopApp(app: RunningApp, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<number | null> {
    if (app.process.exitCode !== null || app.process.signalCode !== null) return app.process.exitCode;
    const exited = new Promise<number | null>((r) => app.process.once('exit', (code) => r(code)));
    process.kill(app.process.pid!, signal);
    const code = await exited;
    this.apps.splice(this.apps.indexOf(app), 1);
    return code;
  }

  async createMeeting(setup: MeetingSetupInput): Promise<{ meetingId: string; access: Array<{ participantId: string; name: string; role: string; delegationId?: string; token: string }> }> {
    const res = await fetch(`${this.url}/meetings`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': TEST_OPERATOR_KEY }, body: JSON.stringify(setup),
    });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`create meeting failed: ${res.status} ${JSON.stringify(body)}`);
    return body;
  }

  async viewerToken(meetingId: string): Promise<string> {
    const res = await fetch(`${this.url}/meetings/${meetingId}/viewer-token`, { method: 'POST' });
    return ((await res.json()) as { token: string }).token;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.databaseUrl, options: `-c search_path=${this.schema}` });
    await c.connect();
    try { return (await c.query(sql, params)).rows as T[]; } finally { await c.end(); }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps].map((a) => this.stopApp(a, 'SIGTERM')));
    await this.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`).catch(() => undefined);
    if (this.redisEnv) return;
    const redis = new Redis(this.redisUrl);
    try {
      // Keys under the prefix, and the hash-tagged ones that start with it (fan-out shards, queues).
      for (const match of [`${this.prefix}*`, `{${this.prefix}*`]) {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
          cursor = next;
          if (keys.length) await redis.unlink(...keys);
        } while (cursor !== '0');
      }
    } finally { redis.disconnect(); }
  }

  private async ensureDatabase(): Promise<void> {
    const url = new URL(this.databaseUrl);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const c = new Client({ connectionString: url.toString() });
    await c.connect();
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await c.query(`CREATE DATABASE "${name}"`).catch((e: { code?: string }) => { if (e.code !== '42P04') throw e; });
    } finally { await c.end(); }
  }
}
