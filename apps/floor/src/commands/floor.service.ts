import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobName, QueueName, type Ack, type CommandMessage, type PersistEventJob } from '@rostrum/contracts';
import { floorTimers, projectFloor, type FloorState } from '@rostrum/domain';
import { CommandProcessor, EventLog, type AppendedBatch } from '@rostrum/messaging';
import { metrics } from '@rostrum/platform';
import { floorCapability } from '../floor.capability';
import { TimerScheduler } from '../timers/timer.scheduler';
import { EVENT_LOG } from '../tokens';

export interface SnapshotRequest { meetingId: string; role: string; delegationId?: string; participantId?: string }

/** Runs floor commands through the decider and the event log; schedules what follows from them. */
@Injectable()
export class FloorService {
  private readonly processor: CommandProcessor<FloorState>;

  constructor(
    @Inject(EVENT_LOG) log: EventLog,
    private readonly timers: TimerScheduler,
    @InjectQueue(QueueName.Record) private readonly recordQueue: Queue<PersistEventJob>,
  ) {
    this.processor = new CommandProcessor(log, floorCapability, (batch) => this.afterAppend(batch));
  }

  async handle(message: CommandMessage): Promise<Ack> {
    const end = metrics.commandSeconds.startTimer({ owner: 'floor' });
    const ack = await this.processor.handle(message);
    end();
    metrics.commands.inc({ type: message.type, outcome: ack.ok ? 'ok' : ack.error.code });
    return ack;
  }

  async snapshot(req: SnapshotRequest): Promise<{ seq: number; state: Record<string, unknown> }> {
    const state = await this.processor.state(req.meetingId);
    const viewer = { role: req.role as never, delegationId: req.delegationId, participantId: req.participantId };
    return { seq: state.seq, state: projectFloor(state, viewer) };
  }

  /** Re-arms durable timers of a meeting (after a restart, or when a timer job fires). */
  async rearm(meetingId: string): Promise<void> {
    const state = await this.processor.state(meetingId);
    await this.timers.schedule(meetingId, floorTimers(state));
  }

  private async afterAppend({ meetingId, envelopes, state }: AppendedBatch<FloorState>): Promise<void> {
    const fromSeq = envelopes[0].seq;
    const toSeq = envelopes[envelopes.length - 1].seq;
    // Deterministic jobId: a retried append or a second floor instance never enqueues twice.
    await this.recordQueue.add(JobName.PersistEvent, { meetingId, stream: 'meeting', fromSeq, toSeq },
      { jobId: `${meetingId}:meeting:${fromSeq}-${toSeq}` });
    await this.timers.schedule(meetingId, floorTimers(state));
  }
}
