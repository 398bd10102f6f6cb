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
  override createRetryStrategy(times: number): number | undefined {
    return this.isManuallyClosed ? undefined : reconnectDelay(times);
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
