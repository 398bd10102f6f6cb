import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { JobName, QueueName, type TimerFireJob } from '@rostrum/contracts';
import { REDIS, type EventLog } from '@rostrum/messaging';
import { EVENT_LOG } from '../tokens';

/** BullMQ reserves ':' in custom ids. */
const jobIdOf = (meetingId: string, key: string) => `${meetingId}:${key}`.replace(/:/g, '|');

/**
 * Delayed jobs are promoted by polling and then wait for a free worker, so they reach the
 * processor some tens of ms late under load. Scheduling them this much early and letting the
 * processor wait out the rest (timer.processor.ts) keeps the event within R34's 250 ms.
 */
export const TIMER_LEAD_MS = 200;

/**
 * Durable timers (R34, R35, R40) as BullMQ delayed jobs: they survive a floor restart and fire
 * whether or not anyone is connected. The job id is the domain's timer key, so scheduling the
 * same timer twice is a no-op and a moved deadline gets a new key. Timers the state no longer
 * needs (a speech ended before its warning and expiry) are removed, so none is left pending to
 * fire for nothing (issue 9); the keys scheduled per meeting are kept in Redis, so a restarted
 * floor or another floor process removes them too.
 */
@Injectable()
export class TimerScheduler {
  constructor(
    @InjectQueue(QueueName.FloorTimers) private readonly queue: Queue<TimerFireJob>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_LOG) private readonly log: EventLog,
  ) {}

  /** Timer keys this process already scheduled, per meeting (saves Redis round trips per command). */
  private readonly scheduled = new Map<string, Set<string>>();

  async schedule(meetingId: string, timers: Array<{ key: string; dueAt: number }>): Promise<void> {
    const now = Date.now();
    const wanted = new Set(timers.map((t) => t.key));
    const known = this.scheduled.get(meetingId);
    if (known && known.size === wanted.size && [...wanted].every((k) => known.has(k))) return;
    const setKey = this.log.keys.meetingKey(meetingId, 'timers');
    const previous = new Set([...(known ?? []), ...(await this.redis.smembers(setKey))]);
    const fresh = timers.filter((t) => !known?.has(t.key));
    const stale = [...previous].filter((k) => !wanted.has(k));
    await Promise.all([
      ...fresh.map((t) => this.queue.add(JobName.TimerFire, { meetingId, key: t.key, dueAt: t.dueAt }, {
        jobId: jobIdOf(meetingId, t.key),
        delay: Math.max(0, t.dueAt - now - TIMER_LEAD_MS),
        attempts: 5,
        removeOnComplete: { age: 600 },
      })),
      // A job that is firing right now is locked and cannot be removed: it completes by itself.
      ...stale.map((k) => this.queue.remove(jobIdOf(meetingId, k)).catch(() => 0)),
    ]);
    const tx = this.redis.multi().del(setKey);
    if (wanted.size) tx.sadd(setKey, ...wanted).pexpire(setKey, 7 * 24 * 3600 * 1000);
    await tx.exec();
    if (timers.length === 0) this.scheduled.delete(meetingId);
    else this.scheduled.set(meetingId, wanted);
  }
}
