import { firstValueFrom, timeout, type Subscription } from 'rxjs';
import { fail, servicePatterns, type Ack, type CommandMessage, type CommandOwner } from '@rostrum/contracts';
import { ResilientClientRedis, health, pingPattern, transportOptions, type AppConfig } from '@rostrum/platform';

const OWNERS: CommandOwner[] = ['floor', 'qna', 'recorder'];
/** A service is taken for gone after this many failed pings in a row (one per second). */
const FAILED_PINGS = 2;

/**
 * The gateway's side of the microservice transport: sends a command to the service that owns it
 * and waits (bounded) for its ack. The transport reconnects forever (ResilientClientRedis).
 * While the transport is down, or the owner has not answered its last pings, a command is
 * answered `UNAVAILABLE` at once rather than after the timeout (issue 9); a timeout answers
 * UNAVAILABLE too. Either way the client may retry with the same commandId, applied at most once.
 * Each service is a health dependency of the gateway: a ping round trip through the transport.
 */
export class ServiceClient {
  private readonly proxy: ResilientClientRedis;
  private transportUp = true;
  private readonly statusSub: Subscription;

  constructor(private readonly config: AppConfig) {
    this.proxy = new ResilientClientRedis(transportOptions(config.redis));
    this.statusSub = this.proxy.status.subscribe((s) => { this.transportUp = s === 'connected'; });
    health.register('transport', async () => {
      await this.proxy.connect();
      const [pub, sub] = this.proxy.unwrap<[import('ioredis').default, import('ioredis').default]>();
      if (sub.status !== 'ready') throw new Error(`subscriber ${sub.status}`);
      await pub.ping();
    });
    for (const owner of OWNERS) health.register(owner, () => this.request(owner, 'ping', {}, 1500));
  }

  async command(owner: CommandOwner, message: CommandMessage): Promise<Ack> {
    const away = this.unavailable(owner);
    if (away) return fail('UNAVAILABLE', `${away}; retry with the same commandId`);
    const started = Date.now();
    return this.request<Ack>(owner, 'command', message).then((ack) => { health.markUp(owner, Date.now() - started); return ack; }, (err: Error) =>
      fail('UNAVAILABLE', `the ${owner} service did not answer (${err.name === 'TimeoutError' ? 'timeout' : err.message}); retry with the same commandId`));
  }

  /** Why a command for `owner` cannot be served right now, or undefined when it may be. */
  unavailable(owner: CommandOwner): string | undefined {
    if (!this.transportUp || health.isDown('transport', FAILED_PINGS)) return 'the message transport (Redis) is unreachable';
    if (health.isDown(owner, FAILED_PINGS)) return `the ${owner} service is not answering`;
    return undefined;
  }

  request<T>(owner: CommandOwner, kind: 'command' | 'snapshot' | 'ping', data: unknown, timeoutMs = this.config.commandTimeoutMs): Promise<T> {
    const pattern = kind === 'ping' ? pingPattern(this.config.redis.prefix, owner) : servicePatterns(this.config.redis.prefix, owner)[kind];
    return firstValueFrom(this.proxy.send<T>(pattern, data).pipe(timeout(timeoutMs)));
  }

  async close(): Promise<void> {
    this.statusSub.unsubscribe();
    for (const owner of [...OWNERS, 'transport']) health.unregister(owner);
    await this.proxy.close();
  }
}
