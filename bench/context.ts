import { performance } from 'node:perf_hooks';
import type { MeetingSetupInput } from '@rostrum/contracts';
import { TestClient, type TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import type { ViewerPool } from './load/viewer-pool';
import type { Check } from './report';

export const SCENARIOS = ['fanout', 'memory', 'command', 'qna', 'record'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/**
 * `viewers`: the size of a single-size run (fan-out, memory; command/qna/record with at most
 * 2,000); `sizes`: several sizes for the per-size table (fan-out, join rate, memory), the full
 * run's default; `gatewayWorkers`: the gateway processes compared with one (GATEWAY_WORKERS;
 * 0 = none); `scaleOut`: the 2-gateway, 2-floor, 2-recorder run; `workers`: load processes;
 * `cpuProf`: CPU profiles of the gateway and the floor.
 */
export interface Options {
  viewers: number; sizes: number[]; only: Set<Scenario>; quick: boolean; workers: number; commandRate: number;
  gatewayWorkers: number; scaleOut: boolean;
  /** The gateway and floor write CPU profiles to artifacts/profiles (`--cpu-prof`). */
  cpuProf: boolean;
}

export type Access = Array<{ participantId: string; token: string }>;

/** What every scenario shares: the running system, the load generator, one meeting and its staff. */
export interface Bench {
  sys: TestSystem;
  pool: ViewerPool;
  opts: Options;
  meetingId: string;
  access: Access;
  chair: TestClient;
  checks: Check[];
  results: Record<string, unknown>;
  /** The floor service's Prometheus endpoint. */
  floorMetrics: string;
}

export const now = (): number => performance.timeOrigin + performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const log = (msg: string): void => { process.stdout.write(`[bench] ${msg}\n`); };

/** Extra member delegations so that 50 commands/s stay under the per-participant rate limit. */
export const EXTRA_DELEGATES = Array.from({ length: 20 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);

/** The seed conference plus twenty member delegations, open Q&A without a tight ask limit. */
export function benchSetup(): MeetingSetupInput {
  const base = debateSetup();
  return {
    ...base,
    qna: { moderation: 'open', rateLimit: { questions: 100, windowSeconds: 60 } } as never,
    delegations: [...(base.delegations ?? []), ...EXTRA_DELEGATES.map((d) => ({ id: d.toUpperCase(), name: `Member State ${d.slice(1)}`, tier: 'members' as const }))],
    participants: [...(base.participants ?? []), ...EXTRA_DELEGATES.map((d) => ({ id: d, name: `Delegate ${d.slice(1)}`, role: 'delegate' as const, delegationId: d.toUpperCase() }))],
  };
}

export async function inBatches<T, R>(items: T[], size: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...await Promise.all(items.slice(i, i + size).map((t, j) => fn(t, i + j))));
  return out;
}

export async function viewerTokens(b: Pick<Bench, 'sys' | 'meetingId'>, n: number): Promise<string[]> {
  return inBatches(Array.from({ length: n }), 50, () => b.sys.viewerToken(b.meetingId));
}

export function client(b: Bench, participantId: string): Promise<TestClient> {
  return TestClient.connect(b.sys.url, tokenOf(b.access, participantId));
}

/** Sends a command and fails loudly when it is refused (scripted set-up steps). */
export async function ok(c: TestClient, name: string, payload: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const ack = await c.cmd(name, payload);
  if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack)}`);
  return ack;
}
