import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sparePort } from '@rostrum/testing';

/** The Debian package's binary (`.ci/run` installs `haproxy` when it is missing). */
export const HAPROXY_BIN = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

/** One backend server as HAProxy's stats report it (`/stats;csv`, one row per server). */
export interface ServerStat {
  /** `UP`, `DOWN`, `MAINT`, or a transition such as `UP 1/2`. */
  status: string;
  /** Sessions open now (a websocket is one long session). */
  scur: number;
  /** Last health check: `L7OK` (the readiness route answered 2xx), `L4CON` (refused), `L7STS` (bad status)… */
  checkStatus: string;
  /** HTTP status of the last health check (`/health/ready`), when it got one. */
  checkCode: string;
}

/** The gateways behind the balancer: a name (also its stickiness cookie value) and a port on 127.0.0.1. */
export interface Upstream { name: string; port: number }

/**
 * The HAProxy configuration the load-balancer test runs; the production one is
 * `deploy/haproxy/haproxy.cfg` (same rules, servers found by DNS).
 *
 * - `gateways` (frontend `lb`): least connections (as deployed: long sessions), active health checks `GET /health/ready` every
 *   500 ms (2 failures → out, 2 passes → back), a stickiness cookie `rostrum_gw` inserted for
 *   long-polling clients (browsers start on polling and upgrade), `option redispatch` so a
 *   client whose gateway died is sent to another; `option forwardfor` appends the client's
 *   address to X-Forwarded-For (the gateways trust it with TRUST_PROXY). Websocket tunnels get
 *   `timeout tunnel 1h`.
 * - `unsticky` (frontend `plain`): the same servers, round robin per request, without the
 *   cookie: the control showing why long-polling needs it.
 * - stats as CSV on `statsPort`.
 */
export function haproxyConfig(ports: { lb: number; plain: number; stats: number }, upstreams: Upstream[]): string {
  const servers = (cookie: boolean) => upstreams.map((u) => `  server ${u.name} 127.0.0.1:${u.port} check${cookie ? ` cookie ${u.name}` : ''}`).join('\n');
  return `global
  maxconn 4000

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  timeout http-request 10s
  # /health/ready pings Redis and every service afresh: on a loaded machine that can take a while.
  timeout check 3s
  retries 3
  option redispatch
  option forwardfor

frontend lb
  bind 127.0.0.1:${ports.lb}
  default_backend gateways

frontend plain
  bind 127.0.0.1:${ports.plain}
  default_backend unsticky

frontend stats
  bind 127.0.0.1:${ports.stats}
  stats enable
  stats uri /stats
  stats refresh 1s

backend gateways
  balance leastconn
  option httpchk GET /health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  cookie rostrum_gw insert indirect nocache httponly
${servers(true)}

backend unsticky
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
${servers(false)}
`;
}

/**
 * A HAProxy of the test's own: config in a temp dir, spare ports on 127.0.0.1, run in the
 * foreground (`-db`) as a child process and stopped by its pid only.
 */
export class OwnHaproxy {
  private constructor(private readonly child: ChildProcess, private readonly dir: string, readonly ports: { lb: number; plain: number; stats: number }, readonly config: string) {}

  static async start(upstreams: Upstream[]): Promise<OwnHaproxy> {
    if (!existsSync(HAPROXY_BIN)) throw new Error(`the load-balancer test needs HAProxy at ${HAPROXY_BIN}: sudo apt-get install -y haproxy (.ci/run installs it)`);
    const ports = { lb: await sparePort(), plain: await sparePort(), stats: await sparePort() };
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-haproxy-'));
    const config = haproxyConfig(ports, upstreams);
    const file = join(dir, 'haproxy.cfg');
    writeFileSync(file, config);
    const check = spawnSync(HAPROXY_BIN, ['-c', '-f', file], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`haproxy -c refused the config:\n${check.stdout}${check.stderr}`);
    let out = '';
    const child = spawn(HAPROXY_BIN, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    const lb = new OwnHaproxy(child, dir, ports, config);
    const end = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${out}`);
      if (await lb.stats().then(() => true, () => false)) return lb;
      if (Date.now() > end) { await lb.stop(); throw new Error(`haproxy did not answer on ${ports.stats}:\n${out}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The balanced, cookie-sticky entry point. */
  get url(): string { return `http://127.0.0.1:${this.ports.lb}`; }
  /** The same servers without stickiness (a control). */
  get plainUrl(): string { return `http://127.0.0.1:${this.ports.plain}`; }

  /** Each server of the `gateways` backend, by name. */
  async stats(backend = 'gateways'): Promise<Record<string, ServerStat>> {
    const res = await fetch(`http://127.0.0.1:${this.ports.stats}/stats;csv`);
    if (res.status !== 200) throw new Error(`stats answered ${res.status}`);
    const [head, ...rows] = (await res.text()).trim().split('\n');
    const cols = head.replace(/^# /, '').split(',');
    const at = (row: string[], name: string) => row[cols.indexOf(name)] ?? '';
    const out: Record<string, ServerStat> = {};
    for (const line of rows) {
      const row = line.split(',');
      if (at(row, 'pxname') !== backend || ['FRONTEND', 'BACKEND'].includes(at(row, 'svname'))) continue;
      // "* L7OK": a check is running now (its code reads 0 until it ends); the last result is what matters.
      out[at(row, 'svname')] = { status: at(row, 'status'), scur: Number(at(row, 'scur')), checkStatus: at(row, 'check_status').replace(/^\* /, ''), checkCode: at(row, 'check_code') };
    }
    return out;
  }

  /** Waits until `test` holds for the backend's servers (polls the stats every 100 ms). */
  async waitFor(test: (s: Record<string, ServerStat>) => boolean, what: string, timeoutMs = 20_000): Promise<Record<string, ServerStat>> {
    const end = Date.now() + timeoutMs;
    let last: Record<string, ServerStat> = {};
    for (;;) {
      last = await this.stats();
      if (test(last)) return last;
      if (Date.now() > end) throw new Error(`haproxy: timed out waiting for ${what}; servers: ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      process.kill(child.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
