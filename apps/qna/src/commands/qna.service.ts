import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobName, QueueName, fail, type Ack, type Actor, type CommandMessage, type PersistEventJob, type Role } from '@rostrum/contracts';
import { decideQna, projectQna, type QnaSnapshot, type QnaState } from '@rostrum/domain';
import { CommandProcessor, EventLog, type AppendedBatch } from '@rostrum/messaging';
import { metrics } from '@rostrum/platform';
import { MeetingSettings } from '../meetings/meeting-settings';
import { maskActor, qnaCapability } from '../qna.capability';
import { EVENT_LOG } from '../tokens';
import { VoteStore } from '../votes/vote.store';

export interface SnapshotRequest { meetingId: string; role: string; delegationId?: string; participantId?: string }

/**
 * Runs Q&A commands. Question lifecycle commands go through the command processor into the
 * `qna` stream; votes are checked by the same decider and then applied to Redis sets.
 */
@Injectable()
export class QnaService {
  private readonly processor: CommandProcessor<QnaState, Awaited<ReturnType<MeetingSettings['require']>>>;
  private readonly realActors = new WeakMap<object, Actor>();

  constructor(
    @Inject(EVENT_LOG) log: EventLog,
    private readonly meetings: MeetingSettings,
    private readonly votes: VoteStore,
    @InjectQueue(QueueName.Record) private readonly recordQueue: Queue<PersistEventJob>,
  ) {
    this.processor = new CommandProcessor(log, qnaCapability(meetings, this.realActors), (batch) => this.afterAppend(batch));
  }

  async handle(message: CommandMessage): Promise<Ack> {
    const end = metrics.commandSeconds.startTimer({ owner: 'qna' });
    const ack = await this.route(message);
    end();
    metrics.commands.inc({ type: message.type, outcome: ack.ok ? 'ok' : ack.error.code });
    return ack;
  }

  async snapshot(req: SnapshotRequest): Promise<{ seq: number; state: QnaSnapshot & { voted: string[] } }> {
    const state = await this.processor.state(req.meetingId);
    const tallies = await this.votes.tallies(req.meetingId, state.order);
    const viewer = { role: req.role as Role, participantId: req.participantId ?? '' };
    const view = projectQna(state, viewer, tallies);
    const voted = req.participantId ? await this.votes.votedBy(req.meetingId, req.participantId, view.questions.map((q) => q.questionId)) : [];
    return { seq: state.seq, state: { ...view, voted } };
  }

  private async route(message: CommandMessage): Promise<Ack> {
    if (!(await this.meetings.get(message.meetingId))) return fail('MEETING_NOT_FOUND', `meeting ${message.meetingId} does not exist`);
    switch (message.type) {
      case 'qna.vote':
      case 'qna.unvote':
        return this.vote(message);
      case 'qna.answer':
        return this.processor.handle(await this.withVotesAtAnswer(message));
      case 'qna.ask':
        return this.processor.handle(this.masked(message));
      default:
        return this.processor.handle(message);
    }
  }

  private async vote(message: CommandMessage): Promise<Ack> {
    const { meetingId, actor } = message;
    const ctx = (await this.meetings.get(meetingId))!;
    const state = await this.processor.state(meetingId);
    const decision = decideQna(state, { type: message.type, payload: message.payload }, { now: Date.now(), actor, ...ctx });
    if (!decision.ok) return decision;
    const questionId = (message.payload as { questionId: string }).questionId;
    // Repeating a vote (or a retried commandId) changes nothing: the set already holds the voter.
    // The ack says no more than what stays true when the transport delivers the command to two
    // instances (either reply may win): the count and whether this participant's vote stands.
    const on = message.type === 'qna.vote';
    const { votes } = await this.votes.vote(meetingId, questionId, actor.participantId, on);
    return { ok: true, questionId, votes, voted: on };
  }

  /** The record keeps the votes a question had when it was answered; only the server may say so. */
  private async withVotesAtAnswer(message: CommandMessage): Promise<CommandMessage> {
    const questionId = (message.payload as { questionId: string }).questionId;
    const { [questionId]: votes = 0 } = await this.votes.tallies(message.meetingId, [questionId]);
    return { ...message, payload: { ...(message.payload as object), votes } };
  }

  /** Anonymous questions are appended under a masked actor (see qnaCapability). */
  private masked(message: CommandMessage): CommandMessage {
    if ((message.payload as { anonymous?: boolean }).anonymous !== true) return message;
    const payload = { ...(message.payload as object) };
    this.realActors.set(payload, message.actor);
    return { ...message, payload, actor: maskActor(message.actor) };
  }

  private async afterAppend({ meetingId, envelopes }: AppendedBatch<QnaState>): Promise<void> {
    const fromSeq = envelopes[0]!.seq;
    const toSeq = envelopes[envelopes.length - 1]!.seq;
    // Deterministic jobId: a retried append or a second qna instance never enqueues twice.
    // BullMQ refuses ':' in custom ids, hence '|'.
    await this.recordQueue.add(JobName.PersistEvent, { meetingId, stream: 'qna', fromSeq, toSeq },
      { jobId: `${meetingId}|qna|${fromSeq}-${toSeq}` });
  }
}
