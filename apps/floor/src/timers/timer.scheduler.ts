import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobName, QueueName, type TimerFireJob } from '@rostrum/contracts';

/**
 * Durable timers (R34, R35, R40) as BullMQ delayed jobs: they survive a floor restart and fire
 * whether or not anyone is connected. The job id is the domain's timer key, so scheduling the
 * same timer twice is a no-op and a moved deadline gets a new key (the stale job finds nothing due).
 */
@Injectable()
export class TimerScheduler {
  constructor(@InjectQueue(QueueName.FloorTimers) private readonly queue: Queue<TimerFireJob>) {}

  /** Timer keys this process already scheduled, per meeting (saves Redis a no-op add per command). */
  private readonly scheduled = new Map<string, Set<string>>();

  async schedule(meetingId: string, timers: Array<{ key: string; dueAt: number }>): Promise<void> {
    const now = Date.now();
    const known = this.scheduled.get(meetingId);
    const fresh = timers.filter((t) => !known?.has(t.key));
    await Promise.all(fresh.map((t) =>
      this.queue.add(JobName.TimerFire, { meetingId, key: t.key, dueAt: t.dueAt }, {
        jobId: `${meetingId}:${t.key}`.replace(/:/g, '|'), // BullMQ reserves ':' in custom ids
        delay: Math.max(0, t.dueAt - now),
        attempts: 5,
        removeOnComplete: { age: 600 },
      })));
    if (timers.length === 0) this.scheduled.delete(meetingId);
    else this.scheduled.set(meetingId, new Set(timers.map((t) => t.key)));
  }
}
