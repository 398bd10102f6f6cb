import { ClientRedis, ServerRedis } from '@nestjs/microservices';
import { redisOptions } from '../config/config';
import { reconnectDelay } from '../health/backoff';

/**
 * The NestJS Redis transport, reconnecting forever. Nest's own gives up after `retryAttempts`
 * (none by default: "no further reconnection attempts will be made"), which left the floor,
 * Q&A and recorder deaf after a 3-second Redis restart (issue 9). Here every drop is retried
 * with backoff and jitter (`reconnectDelay`) until the process closes it; ioredis resubscribes
 * the channels when it is back.
 */
export class ResilientServerRedis extends ServerRedis {
  private readonly inFlight = new Set<Promise<unknown>>();

  override createRetryStrategy(times: number): number | undefined {
    return this.isManuallyClosed ? undefined : reconnectDelay(times);
  }

  override handleMessage(channel: string, buffer: string, pub: Parameters<ServerRedis['handleMessage']>[2], pattern: string): Promise<unknown> {
    const work = super.handleMessage(channel, buffer, pub, pattern);
    this.inFlight.add(work);
    void work.catch(() => undefined).finally(() => this.inFlight.delete(work));
    return work;
  }

  /**
   * Drain (issue 9, SIGTERM): stop taking commands (unsubscribe, so another instance or the
   * restarted one gets the client's retry), let the in-flight ones finish and reply (at most
   * `drainMs`), then close the connections.
   */
  override async close(drainMs = 7000): Promise<void> {
    const sub = this.subClient as { unsubscribe?: () => Promise<unknown>; punsubscribe?: () => Promise<unknown>; status?: string } | undefined;
    if (sub?.status === 'ready') await Promise.all([sub.unsubscribe?.(), sub.punsubscribe?.()]).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => { timer = setTimeout(r, drainMs); })]);
    clearTimeout(timer);
    await new Promise((r) => setImmediate(r)); // the last replies are published on the next turn
    await super.close();
  }
}

/** The gateway's side of the transport, reconnecting forever (see ResilientServerRedis). */
export class ResilientClientRedis extends ClientRedis {
  override createRetryStrategy(times: number): number | undefined {
    return this.isManuallyClosed ? undefined : reconnectDelay(times);
  }
}

/** Transport options from a Redis URL: a request waits at most one reconnection round, not forever. */
export function transportOptions(url: string): ReturnType<typeof redisOptions> & { maxRetriesPerRequest: number } {
  return { ...redisOptions(url), maxRetriesPerRequest: 1 };
}

/** The transport pattern of a service's health ping (`<prefix>.<service>.ping`). */
export const pingPattern = (prefix: string, service: string): string => `${prefix}.${service}.ping`;
