import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { AccessClaims } from '../auth/access-token.service';

/** A gateway holds its lease this long after its last renewal (ms). */
export const LEASE_MS = 4000;
/** How often a gateway renews its lease and looks for gateways whose lease ran out (ms). */
export const BEAT_MS = 1000;

type DroppedHandler = (claims: AccessClaims) => Promise<void>;

/**
 * Which delegates' consoles are on which gateway, in Redis, so that presence survives a gateway
 * crash (issue 9, R41). Each gateway renews a lease every BEAT_MS; a gateway that dies (SIGKILL)
 * stops renewing, and the first other gateway to notice its lease gone takes over its sockets:
 * every delegation left with no console on any gateway is reported `dropped`, within
 * LEASE_MS + BEAT_MS of the crash. A delegation is present while ANY of its delegates' consoles is
 * open anywhere (R40, R41): its set holds `<gateway>|<socket>` for each.
 *
 * Keys (all under the deployment prefix): `gateways` (set of ids), `gw:<id>:lease` (PX),
 * `gw:<id>:sockets` (hash socket id → claims JSON), `m:{<meeting>}:presence:<delegation>` (set).
 * They live in different cluster slots, so nothing here writes two of them in one MULTI.
 */
export class GatewayLeases {
  readonly id = randomUUID();
  private timer?: NodeJS.Timeout;
  private beating = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly onDropped: DroppedHandler,
    private readonly logger: Logger,
  ) {}

  private get gateways(): string { return `${this.prefix}:gateways`; }
  private lease(id: string): string { return `${this.prefix}:gw:${id}:lease`; }
  private sockets(id: string): string { return `${this.prefix}:gw:${id}:sockets`; }
  private delegation(c: AccessClaims): string { return `${this.prefix}:m:{${c.meetingId}}:presence:${c.delegationId ?? c.participantId}`; }

  async start(): Promise<void> {
    await this.renew();
    this.timer = setInterval(() => void this.beat(), BEAT_MS);
    this.timer.unref();
  }

  /** A delegate's console opened on this gateway. */
  async connected(socketId: string, claims: AccessClaims): Promise<void> {
    // Two slots on a Redis Cluster, so two commands: the gateway's hash first, so that a takeover
    // after a crash between them finds the console (and removes a presence it never got).
    await this.redis.hset(this.sockets(this.id), socketId, JSON.stringify(claims));
    await this.redis.sadd(this.delegation(claims), `${this.id}|${socketId}`);
  }

  /** A delegate's console closed on this gateway; true when it was its delegation's last one anywhere. */
  async disconnected(socketId: string, claims: AccessClaims): Promise<boolean> {
    const res = await this.redis.multi()
      .srem(this.delegation(claims), `${this.id}|${socketId}`)
      .scard(this.delegation(claims))
      .exec();
    await this.redis.hdel(this.sockets(this.id), socketId);
    return Number(res?.[1]?.[1] ?? 1) === 0;
  }

  /** Whether a delegation has a console open on any gateway. */
  async present(claims: AccessClaims): Promise<boolean> {
    return (await this.redis.scard(this.delegation(claims))) > 0;
  }

  /**
   * Leaves on purpose (SIGTERM): gives up the lease at once, so another gateway (or this one's
   * successor) takes over the consoles still registered here, as after a crash. The sockets'
   * own disconnects may report them first; a delegation is reported dropped only if it has no
   * console anywhere when that is checked, and a repeated report changes nothing.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.redis.del(this.lease(this.id)).catch(() => undefined);
  }

  private async renew(): Promise<void> {
    await this.redis.set(this.lease(this.id), String(Date.now()), 'PX', LEASE_MS);
    await this.redis.sadd(this.gateways, this.id);
  }

  private async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      await this.renew();
      for (const other of await this.redis.smembers(this.gateways)) {
        if (other === this.id || (await this.redis.exists(this.lease(other)))) continue;
        // One gateway takes over a dead one's sockets (the claim outlives any takeover).
        if ((await this.redis.set(`${this.prefix}:gw:${other}:reaped`, this.id, 'PX', 60_000, 'NX')) !== 'OK') continue;
        await this.takeOver(other);
      }
    } catch (err) {
      this.logger.warn({ err }, 'gateway lease round failed; retrying');
    } finally { this.beating = false; }
  }

  /** Removes a dead gateway's consoles and reports the delegations they leave with none (R41). */
  private async takeOver(dead: string): Promise<void> {
    const sockets = await this.redis.hgetall(this.sockets(dead));
    const lastOf = new Map<string, AccessClaims>();
    for (const [socketId, json] of Object.entries(sockets)) {
      const claims = JSON.parse(json) as AccessClaims;
      await this.redis.srem(this.delegation(claims), `${dead}|${socketId}`);
      lastOf.set(this.delegation(claims), claims);
    }
    let dropped = 0;
    for (const claims of lastOf.values()) {
      if (await this.present(claims)) continue; // reconnected elsewhere already
      await this.onDropped(claims);
      dropped++;
    }
    await this.redis.del(this.sockets(dead));
    await this.redis.srem(this.gateways, dead);
    this.logger.warn({ gateway: dead, consoles: Object.keys(sockets).length, dropped }, 'a gateway stopped renewing its lease; its delegates were marked dropped');
  }
}
