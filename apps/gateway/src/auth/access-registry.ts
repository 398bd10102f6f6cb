import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { Keys, createRedis, type RedisClient } from '@rostrum/messaging';
import type { AppConfig } from '@rostrum/platform';
import { CONFIG, REDIS } from '../tokens';
import type { AccessClaims, AccessCode } from './access-token.service';

/** Why a participant's sockets are being closed; the console shows `message`. */
export interface AccessEnded { meetingId: string; participantId: string; code: AccessCode | 'PARTICIPANT_REMOVED'; message: string }

/**
 * Whether a signed token still grants access, shared by every gateway through Redis: each
 * participant has an access version (hash `<prefix>:m:{<meeting>}:access`, 0 when absent); a
 * token carries the version it was issued with and works only while they are equal. Reissuing
 * or removing a participant bumps the version, so every earlier token stops at once on every
 * gateway, and a message on `<prefix>:access.ended` has every gateway close the sockets within
 * moments (the per-command check covers a gateway that missed the message).
 */
@Injectable()
export class AccessRegistry implements OnModuleDestroy {
  private readonly keys: Keys;
  private readonly channel: string;
  private subscriber?: RedisClient;

  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(CONFIG) private readonly config: AppConfig) {
    this.keys = new Keys(config.redis.prefix);
    this.channel = `${config.redis.prefix}:access.ended`;
  }

  private key(meetingId: string): string { return this.keys.meetingKey(meetingId, 'access'); }

  /** The participant's current access version (0 before any reissue). */
  async version(meetingId: string, participantId: string): Promise<number> {
    return Number(await this.redis.hget(this.key(meetingId), participantId) ?? 0);
  }

  /** Every participant's access version in a meeting (absent = 0). */
  async versions(meetingId: string): Promise<Map<string, number>> {
    return new Map(Object.entries(await this.redis.hgetall(this.key(meetingId))).map(([k, v]) => [k, Number(v)]));
  }

  /**
   * Whether the registry can answer now. While Redis is away ioredis queues commands until it
   * returns, so a check would hang: callers answer `UNAVAILABLE` at once instead (issue 9).
   */
  available(): boolean { return this.redis.status === 'ready'; }

  /**
   * Checks expiry and version: called on every command, snapshot and catch-up, not only at the
   * handshake. One HGET; `null` means the token still grants access.
   */
  async check(c: AccessClaims, now = Date.now()): Promise<{ code: AccessCode; message: string } | null> {
    if (now >= c.expiresAtMs) return { code: 'TOKEN_EXPIRED', message: `the access token expired at ${new Date(c.expiresAtMs).toISOString()}` };
    if ((await this.version(c.meetingId, c.participantId)) !== c.version) {
      return { code: 'TOKEN_REVOKED', message: 'this access was withdrawn or replaced by the secretariat' };
    }
    return null;
  }

  /** Invalidates every token issued so far for the participant and tells every gateway; returns the new version. */
  async revoke(ended: AccessEnded): Promise<number> {
    const version = await this.redis.hincrby(this.key(ended.meetingId), ended.participantId, 1);
    await this.redis.publish(this.channel, JSON.stringify(ended));
    return version;
  }

  /** Calls `onEnded` for every revocation announced by any gateway (this one included). */
  async subscribe(onEnded: (e: AccessEnded) => void): Promise<void> {
    this.subscriber = createRedis(this.config.redis);
    this.subscriber.on('message', (_channel: string, raw: string) => {
      try { onEnded(JSON.parse(raw) as AccessEnded); } catch { /* a malformed message on our channel: ignore */ }
    });
    await this.subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}
