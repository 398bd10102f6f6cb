import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { FLOOR_VIEW, JobName, QueueName, type Ack, type CommandMessage, type FloorSnapshot, type FloorViewPayload, type PersistEventJob } from '@rostrum/contracts';
import { floorTimers, projectFloor, type FloorState } from '@rostrum/domain';
import { CommandProcessor, Coalescer, EventLog, type AppendedBatch } from '@rostrum/messaging';
import { createLogger, metrics } from '@rostrum/platform';
import { floorCapability } from '../floor.capability';
import { TimerScheduler } from '../timers/timer.scheduler';
import { EVENT_LOG } from '../tokens';

const log = createLogger('floor');

/** At most 5 floor.view broadcasts a second per meeting, whatever the command rate. */
const VIEW_INTERVAL_MS = 200;

export interface SnapshotRequest { meetingId: string; role: string; delegationId?: string; participantId?: string }

/** Runs floor commands through the decider and the event log; schedules what follows from them. */
@Injectable()
export class FloorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly processor: CommandProcessor<FloorState>;
  /** The public view goes out at most every VIEW_INTERVAL_MS per meeting (latest state wins). */
  private readonly views: Coalescer<FloorState>;

  constructor(
    @Inject(EVENT_LOG) private readonly log: EventLog,
    private readonly timers: TimerScheduler,
    @InjectQueue(QueueName.Record) private readonly recordQueue: Queue<PersistEventJob>,
  ) {
    // The view of a change goes in the same fan-out copy as its events when its rate allows one
    // now (a gateway then sends both in one message); otherwise the coalescer's trailing send.
    this.processor = new CommandProcessor(log, floorCapability, (batch) => this.afterAppend(batch), undefined, undefined,
      (meetingId, state) => (this.views.takeNow(meetingId, state) ? [{ type: FLOOR_VIEW, payload: publicView(state), visibility: { scope: 'public' } }] : []));
    this.views = new Coalescer<FloorState>(VIEW_INTERVAL_MS, (meetingId, state) =>
      this.log.publishTransient(meetingId, FLOOR_VIEW, publicView(state), { scope: 'public' }));
  }

  async handle(message: CommandMessage): Promise<Ack> {
    const end = metrics.commandSeconds.startTimer({ owner: 'floor' });
    const ack = await this.processor.handle(message);
    end();
    metrics.commands.inc({ type: message.type, outcome: ack.ok ? 'ok' : ack.error.code });
    return ack;
  }

  async snapshot(req: SnapshotRequest): Promise<{ seq: number; state: FloorSnapshot }> {
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
    // Not awaited: the events are already durable in the log, and the recorder's sweeper
    // enqueues whatever this misses; the command's ack does not wait for the queue.
    // Deterministic jobId: a retried append or a second floor instance never enqueues twice.
    this.recordQueue.add(JobName.PersistEvent, { meetingId, stream: 'meeting', fromSeq, toSeq }, { jobId: `${meetingId}:meeting:${fromSeq}-${toSeq}` })
      .catch((err: Error) => log.warn({ err, meetingId, fromSeq, toSeq }, 'record job not enqueued; the sweeper will'));
    // Awaited: a speech's warning and expiry are armed before its start is acknowledged (R34).
    // The command is applied whatever happens here, so a failure must not turn into a refusal:
    // log it and keep re-arming in the background until it holds.
    await this.timers.schedule(meetingId, floorTimers(state)).catch((err: Error) => {
      log.error({ err, meetingId }, 'timers not armed; retrying');
      this.retryRearm(meetingId);
    });
  }

  private retryRearm(meetingId: string, attempt = 1): void {
    setTimeout(() => {
      this.rearm(meetingId).catch((err: Error) => {
        log.error({ err, meetingId, attempt }, 'timers still not armed');
        if (attempt < 30) this.retryRearm(meetingId, attempt + 1);
      });
    }, Math.min(5000, 250 * 2 ** attempt)).unref();
  }

  /**
   * A floor that died between an append and scheduling its timers would leave a speech without
   * its warning and expiry: on start, re-arm the timers of every meeting still active (job ids
   * make this a no-op for timers already scheduled).
   */
  onApplicationShutdown(): Promise<void> {
    return this.views.flushAll();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const meetingId of await this.log.activeMeetings()) await this.rearm(meetingId);
  }
}

/** The changing part of what viewers see, broadcast after each change (see FLOOR_VIEW). */
function publicView(state: FloorState): FloorViewPayload {
  const v = projectFloor(state, { role: 'viewer' }) as FloorViewPayload['view'];
  return {
    seq: state.seq,
    view: {
      status: v.status, currentItemId: v.currentItemId, items: v.items, lists: v.lists, pointsOfOrder: v.pointsOfOrder,
      called: v.called, onDeck: v.onDeck, speech: v.speech, interrupted: v.interrupted, appeal: v.appeal,
      // R45, R50–R52: the room display's vote board. Totals only: a recorded vote's roll call
      // (up to 193 names) would ride every broadcast to every viewer; it comes with the snapshot.
      sitting: v.sitting, vote: v.vote, lastVote: v.lastVote ? { ...v.lastVote, ballots: undefined } : null,
    },
  };
}
