import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sparePort } from '@rostrum/testing';

/** The newest Postgres installed from Debian packages (.ci/run installs whatever version Debian has). */
const BIN = (() => {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  return join(base, versions[0] ?? '15', 'bin');
})();
const ROOT = resolve(__dirname, '..');

/**
 * A Postgres server of the test's own, on a spare port, with its data under .data/ (STACK.md),
 * so a test can stop and start it without touching the machine's shared server.
 */
export class OwnPostgres {
  private constructor(readonly dir: string, readonly port: number) {}

  static async start(): Promise<OwnPostgres> {
    const dir = join(ROOT, '.data', `pg-record-${randomBytes(4).toString('hex')}`);
    mkdirSync(join(ROOT, '.data'), { recursive: true });
    const pg = new OwnPostgres(dir, await sparePort());
    if (process.getuid?.() === 0) execFileSync('install', ['-d', '-o', 'postgres', dir]); else mkdirSync(dir);
    // initdb refuses to run as root (STACK.md pitfall 8): run it as the postgres user.
    pg.run(`${BIN}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null`);
    pg.resume();
    return pg;
  }

  get url(): string { return `postgres://postgres@127.0.0.1:${this.port}/rostrum`; }

  /** Starts (again) this server only. */
  resume(): void {
    this.run(`${BIN}/pg_ctl -D ${this.dir}/data -l ${this.dir}/pg.log -o "-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dir}" -w start >/dev/null`);
  }

  /** Stops this server only (fast: open connections are cut, as in a crash of the network or host). */
  pause(): void {
    this.run(`${BIN}/pg_ctl -D ${this.dir}/data -m fast -w stop >/dev/null`);
  }

  destroy(): void {
    if (existsSync(join(this.dir, 'data', 'postmaster.pid'))) { try { this.pause(); } catch { /* already down */ } }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(cmd: string): void {
    if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'inherit' });
    else execFileSync('/bin/sh', ['-c', cmd], { stdio: 'inherit' });
  }
}
