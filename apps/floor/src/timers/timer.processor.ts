import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, SYSTEM_ACTOR, type TimerFireJob } from '@rostrum/contracts';
import { FloorService } from '../commands/floor.service';

/** Fires a due timer as a system command; the decider emits whatever is due at that moment. */
@Processor(QueueName.FloorTimers, { concurrency: 16 })
export class TimerProcessor extends WorkerHost {
  constructor(private readonly floor: FloorService) { super(); }

  async process(job: Job<TimerFireJob>): Promise<string> {
    const { meetingId, key, dueAt } = job.data;
    // Jobs are scheduled TIMER_LEAD_MS early (timer.scheduler.ts): wait for the due time here, so
    // the decider fires what is due at its moment and not before (R34).
    const early = dueAt - Date.now();
    if (early > 0) await new Promise((r) => setTimeout(r, early));
    const ack = await this.floor.handle({
      meetingId, commandId: `timer:${key}`, type: 'timer.fire', payload: { key }, actor: SYSTEM_ACTOR,
    });
    if (!ack.ok && ack.error.code !== 'TIMER_STALE') throw new Error(`${ack.error.code}: ${ack.error.message}`);
    return ack.ok ? 'fired' : 'stale';
  }
}
