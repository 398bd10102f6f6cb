import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { QNA_TALLIES, type QnaTalliesPayload } from '@rostrum/contracts';
import type { EventLog } from '@rostrum/messaging';
import { createLogger } from '@rostrum/platform';
import { EVENT_LOG, REDIS } from '../tokens';
import { VoteStore } from './vote.store';

/** One flush per meeting per this many ms, across all qna instances (≈3 per second). */
export const FLUSH_INTERVAL_MS = 300;

/**
 * Coalesces vote changes into `qna.tallies` broadcasts. Every instance ticks, but a per-meeting
 * lock that expires after one interval lets at most one flush per meeting per interval happen
 * cluster-wide, so a vote storm of thousands per second reaches viewers as ~3 small messages a
 * second carrying absolute counts of the questions that changed.
 */
@Injectable()
export class TallyFlusher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = createLogger('qna');
  private readonly id = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    private readonly votes: VoteStore,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return; // a slow tick is skipped, never stacked
      this.running = this.tick().catch((err: Error) => this.logger.warn({ err }, 'tally flush failed; retrying next tick'))
        .finally(() => { this.running = undefined; });
    }, FLUSH_INTERVAL_MS / 3);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async tick(): Promise<void> {
    const meetings = await this.redis.smembers(this.votes.dirtyMeetingsKey);
    for (const meetingId of meetings) await this.flush(meetingId);
  }

  private async flush(meetingId: string): Promise<void> {
    const lock = await this.redis.set(this.votes.lockKey(meetingId), this.id, 'PX', FLUSH_INTERVAL_MS, 'NX');
    if (lock !== 'OK') return; // flushed within the interval (here or elsewhere): the meeting stays marked
    await this.redis.srem(this.votes.dirtyMeetingsKey, meetingId);
    const dirtyKey = this.votes.dirtyKey(meetingId);
    const res = await this.redis.multi().smembers(dirtyKey).del(dirtyKey).exec();
    const questionIds = (res?.[0]?.[1] as string[] | undefined) ?? [];
    if (questionIds.length === 0) return;
    const tallies = await this.votes.tallies(meetingId, questionIds);
    const version = await this.redis.incr(this.votes.versionKey(meetingId));
    const payload: QnaTalliesPayload = { version, tallies };
    await this.log.publishTransient(meetingId, QNA_TALLIES, payload, { scope: 'public' });
  }
}
