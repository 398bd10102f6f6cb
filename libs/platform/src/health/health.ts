import { Gauge } from 'prom-client';
import { registry } from '../metrics/metrics';

/** One dependency's state as `/health/ready` reports it (times in ms since the epoch). */
export interface DependencyState {
  status: 'up' | 'down';
  /** When its last successful round trip ended; null if it never had one. */
  lastOkAt: number | null;
  /** Duration of the last successful round trip, ms. */
  roundTripMs: number | null;
  /** Why the last check failed (absent when up). */
  error?: string;
}

export interface ReadinessReport { ready: boolean; checkedAt: number; dependencies: Record<string, DependencyState> }

type Check = () => Promise<unknown>;

const up = new Gauge({
  name: 'rostrum_connection_up', help: 'Whether a connection (Redis, Postgres, transport, a service) answered its last check (1) or not (0)',
  labelNames: ['connection'] as const, registers: [registry],
});
const roundTrip = new Gauge({
  name: 'rostrum_connection_round_trip_seconds', help: 'Round-trip time of the last successful check of a connection',
  labelNames: ['connection'] as const, registers: [registry],
});

/**
 * What a process depends on (its Redis, Postgres, the message transport, the services it calls)
 * and whether each answered its last check. Checks run every second in the background (so the
 * gauges and fast `UNAVAILABLE` answers follow reality) and afresh for each `/health/ready`.
 * A process is ready only when every dependency answers: a command it could not serve makes
 * it not ready (issue 9).
 */
export class HealthRegistry {
  private readonly checks = new Map<string, { check: Check; state: DependencyState; failures: number }>();
  private timer?: NodeJS.Timeout;

  /** Adds (or replaces) a dependency check; it must reject (or time out) when the dependency is away. */
  register(name: string, check: Check): void {
    this.checks.set(name, { check, state: { status: 'up', lastOkAt: null, roundTripMs: null }, failures: 0 });
  }

  unregister(name: string): void { this.checks.delete(name); }

  /** Runs every check once (each bounded by `timeoutMs`) and returns the report. */
  async probe(timeoutMs = 1500): Promise<ReadinessReport> {
    await Promise.all([...this.checks.entries()].map(async ([name, c]) => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([c.check(), new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs); })]);
        const now = Date.now();
        c.state = { status: 'up', lastOkAt: now, roundTripMs: now - started };
        c.failures = 0;
        up.set({ connection: name }, 1);
        roundTrip.set({ connection: name }, (now - started) / 1000);
      } catch (err) {
        c.failures++;
        c.state = { status: 'down', lastOkAt: c.state.lastOkAt, roundTripMs: c.state.roundTripMs, error: (err as Error).message ?? String(err) };
        up.set({ connection: name }, 0);
      } finally { clearTimeout(timer); }
    }));
    return this.report();
  }

  /** The last known state, without checking again. */
  report(): ReadinessReport {
    const dependencies: Record<string, DependencyState> = {};
    for (const [name, c] of this.checks) dependencies[name] = c.state;
    return { ready: Object.values(dependencies).every((d) => d.status === 'up'), checkedAt: Date.now(), dependencies };
  }

  /** False when the dependency failed its last `failures` checks in a row (unknown names count as up). */
  isDown(name: string, failures = 1): boolean {
    const c = this.checks.get(name);
    return !!c && c.failures >= failures;
  }

  /** Records a successful round trip seen elsewhere (e.g. a command's reply), so a recovery shows at once. */
  markUp(name: string, roundTripMs: number): void {
    const c = this.checks.get(name);
    if (!c) return;
    c.state = { status: 'up', lastOkAt: Date.now(), roundTripMs };
    c.failures = 0;
    up.set({ connection: name }, 1);
  }

  /** Checks in the background every `intervalMs` (unref'd: never keeps a process alive). */
  start(intervalMs = 1000): void {
    if (this.timer) return;
    let running = false;
    this.timer = setInterval(() => {
      if (running) return;
      running = true;
      void this.probe().finally(() => { running = false; });
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void { if (this.timer) clearInterval(this.timer); this.timer = undefined; }
}

/** The process's dependencies (one per process, like the metrics registry). */
export const health = new HealthRegistry();
