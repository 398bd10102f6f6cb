import Redis, { type RedisOptions } from 'ioredis';
import { reconnectDelay } from '@rostrum/platform';

/**
 * A Redis connection. Key prefixes are applied by hand in key names (not ioredis keyPrefix),
 * because BullMQ and the socket.io adapter manage their own keys and reject keyPrefix.
 * `maxRetriesPerRequest: null` is what BullMQ requires for blocking connections. Reconnects
 * forever with backoff and jitter (issue 9): a Redis restart is a pause, never the end.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, retryStrategy: reconnectDelay, ...options });
}

/** Key names under one prefix, so that tests and deployments sharing a Redis never collide. */
export class Keys {
  constructor(readonly prefix: string) {}
  /** Hash tag on the meeting id keeps a meeting's keys in one cluster slot (Lua needs that). */
  stream(meetingId: string, stream: string): string { return `${this.prefix}:m:{${meetingId}}:${stream}:log`; }
  command(meetingId: string, stream: string, commandId: string): string { return `${this.prefix}:m:{${meetingId}}:${stream}:cmd:${commandId}`; }
  meetingKey(meetingId: string, name: string): string { return `${this.prefix}:m:{${meetingId}}:${name}`; }
  /** Every appended event, for the gateways to fan out. */
  get fanout(): string { return `${this.prefix}:fanout`; }
  get activeMeetings(): string { return `${this.prefix}:meetings:active`; }
}
