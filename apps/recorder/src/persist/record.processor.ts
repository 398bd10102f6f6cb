import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, QueueName, type PersistEventJob } from '@rostrum/contracts';
import { createLogger } from '@rostrum/platform';
import { Publisher } from '../publish/publisher';
import { recorderMetrics } from '../recorder.metrics';
import { PersistService, type PersistOutcome } from './persist.service';

const log = createLogger('recorder');

/**
 * One `persist.event` job: persist, then publish what was committed. Errors are thrown, never
 * swallowed, so BullMQ retries with backoff (defaultJobOptions) and keeps the job when it fails.
 */
@Processor(QueueName.Record, { concurrency: 8 })
export class RecordProcessor extends WorkerHost {
  constructor(private readonly persistence: PersistService, private readonly publisher: Publisher) { super(); }

  async process(job: Job<PersistEventJob>): Promise<PersistOutcome> {
    if (job.name !== JobName.PersistEvent) throw new Error(`unknown job ${job.name}`);
    const { meetingId, stream, toSeq } = job.data;
    try {
      const outcome = await this.persistence.persist(meetingId, stream, toSeq);
      recorderMetrics.jobs.inc({ outcome: outcome.status });
      if (outcome.inserted > 0) this.publisher.kick(meetingId);
      return outcome;
    } catch (err) {
      recorderMetrics.jobs.inc({ outcome: 'error' });
      log.warn({ err, jobId: job.id, attempt: job.attemptsMade + 1, meetingId, stream, toSeq }, 'persist failed; will retry');
      throw err;
    }
  }
}
