import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppConfig } from '@rostrum/platform';
import { CONFIG, REDIS } from '../tokens';

/** A limit's answer: go on, or wait `retryAfterMs`. */
export type LimitVerdict = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Per socket, for the catch-up messages (not commands). A real reconnect needs one snapshot and
 * three `events.since` (one per stream, one more page per 1,000 missed events): measured in
 * test/security-limits.e2e-spec.ts. `events.since` costs 1 point per call plus 1 per 500 events
 * returned, so the budget stops a client replaying a long log in a loop while letting dozens of
 * real catch-ups (and the tests' `heads()` probes, 3 points each) through. See docs/security.md.
 */
export const SYNC_BUDGETS = { snapshotPer10s: 30, sincePointsPer10s: 300, sinceEventsPerPoint: 500 } as const;

/** Commands per participant (delegates and viewers), across gateways: a burst of 30 per 3 s. */
export const COMMAND_BUDGET = { points: 30, durationSeconds: 3 } as const;

async function take(limiter: RateLimiterAbstract, key: string, points = 1): Promise<LimitVerdict> {
  try {
    await limiter.consume(key, points);
    return { ok: true };
  } catch (rej) {
    if (rej instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(1, rej.msBeforeNext) };
    throw rej; // Redis failed: the caller answers UNAVAILABLE/INTERNAL rather than let it through silently
  }
}

/**
 * The edge's limits. Rates shared by every gateway live in Redis (`rate-limiter-flexible`):
 * anonymous viewer minting (per client address and overall), new connections per address, and
 * commands per participant. Sockets open at once are counted per gateway process (exact, and
 * nothing leaks when a gateway dies); with N gateways a token can hold N× SOCKETS_PER_TOKEN.
 */
@Injectable()
export class EdgeLimits {
  private readonly mintPerAddress: RateLimiterRedis;
  private readonly mintOverall: RateLimiterRedis;
  private readonly connections: RateLimiterRedis;
  private readonly commandRate: RateLimiterRedis;
  private readonly snapshots = new RateLimiterMemory({ points: SYNC_BUDGETS.snapshotPer10s, duration: 10 });
  private readonly since = new RateLimiterMemory({ points: SYNC_BUDGETS.sincePointsPer10s, duration: 10 });
  private readonly open = new Map<string, number>();

  constructor(@Inject(REDIS) redis: Redis, @Inject(CONFIG) private readonly config: AppConfig) {
    const p = `${config.redis.prefix}:limit`;
    const l = config.limits;
    this.mintPerAddress = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${p}:mint-addr`, points: l.mintPerAddressPerMinute, duration: 60 });
    this.mintOverall = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${p}:mint-all`, points: l.mintPerSecond, duration: 1 });
    this.connections = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${p}:conn-addr`, points: l.connectionsPerAddressPer10s, duration: 10 });
    this.commandRate = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${p}:cmd`, points: COMMAND_BUDGET.points, duration: COMMAND_BUDGET.durationSeconds });
  }

  /** One anonymous viewer token for `address`: counts against the address and against everyone. */
  async mint(address: string): Promise<LimitVerdict> {
    const own = await take(this.mintPerAddress, address);
    return own.ok ? take(this.mintOverall, 'all') : own;
  }

  /** A new socket connection from `address`. */
  connect(address: string): Promise<LimitVerdict> { return take(this.connections, address); }

  /** One command of a rate-limited participant (delegates and viewers). */
  command(meetingId: string, participantId: string): Promise<LimitVerdict> { return take(this.commandRate, `${meetingId}|${participantId}`); }

  /** One `meeting.snapshot` / `events.since` of a socket (before it is served). */
  sync(kind: 'snapshot' | 'since', socketId: string): Promise<LimitVerdict> {
    return take(kind === 'snapshot' ? this.snapshots : this.since, socketId);
  }

  /** What an `events.since` returned beyond its first point (1 per 500 events); never refuses what was already served. */
  async chargeEvents(socketId: string, events: number): Promise<void> {
    const extra = Math.floor(events / SYNC_BUDGETS.sinceEventsPerPoint);
    if (extra > 0) await this.since.penalty(socketId, extra);
  }

  /**
   * Counts an open socket on this gateway against its token and its address; `false` (and
   * nothing counted) when either is at its cap. Every `true` must be matched by `release`.
   */
  hold(tokenKey: string, address: string): boolean {
    const t = `t|${tokenKey}`, a = `a|${address}`;
    if ((this.open.get(t) ?? 0) >= this.config.limits.socketsPerToken || (this.open.get(a) ?? 0) >= this.config.limits.socketsPerAddress) return false;
    this.open.set(t, (this.open.get(t) ?? 0) + 1);
    this.open.set(a, (this.open.get(a) ?? 0) + 1);
    return true;
  }

  release(tokenKey: string, address: string): void {
    for (const k of [`t|${tokenKey}`, `a|${address}`]) {
      const n = (this.open.get(k) ?? 1) - 1;
      if (n <= 0) this.open.delete(k); else this.open.set(k, n);
    }
  }
}
