import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { EventLog } from '@rostrum/messaging';
import { EVENT_LOG, REDIS } from '../tokens';

export interface VoteResult { votes: number; changed: boolean }

/**
 * Votes as one Redis set of participant ids per question: SADD/SREM are atomic and
 * idempotent, so a participant counts once however often a script repeats itself, and SCARD
 * is exact under any load. A change marks the question dirty for the coalescing flusher.
 */
@Injectable()
export class VoteStore {
  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(EVENT_LOG) private readonly log: EventLog) {}

  votesKey(meetingId: string, questionId: string): string { return this.log.keys.meetingKey(meetingId, `qna:votes:${questionId}`); }
  dirtyKey(meetingId: string): string { return this.log.keys.meetingKey(meetingId, 'qna:dirty'); }
  versionKey(meetingId: string): string { return this.log.keys.meetingKey(meetingId, 'qna:tallies:version'); }
  lockKey(meetingId: string): string { return this.log.keys.meetingKey(meetingId, 'qna:flush-lock'); }
  /** Not under a meeting hash tag: one set across meetings, touched with single-key commands only. */
  get dirtyMeetingsKey(): string { return `${this.log.keys.prefix}:qna:dirty-meetings`; }

  async vote(meetingId: string, questionId: string, participantId: string, on: boolean): Promise<VoteResult> {
    const key = this.votesKey(meetingId, questionId);
    const res = await this.redis.multi()
      [on ? 'sadd' : 'srem'](key, participantId)
      .scard(key)
      .exec();
    const changed = Number(res?.[0]?.[1] ?? 0) === 1;
    const votes = Number(res?.[1]?.[1] ?? 0);
    if (changed) {
      // Question first, meeting second: the flusher unmarks the meeting before it takes the
      // questions, so a vote racing a flush is either taken or leaves the meeting marked.
      await this.redis.sadd(this.dirtyKey(meetingId), questionId);
      await this.redis.sadd(this.dirtyMeetingsKey, meetingId);
    }
    return { votes, changed };
  }

  async tallies(meetingId: string, questionIds: readonly string[]): Promise<Record<string, number>> {
    if (questionIds.length === 0) return {};
    const p = this.redis.pipeline();
    for (const id of questionIds) p.scard(this.votesKey(meetingId, id));
    const res = (await p.exec()) ?? [];
    return Object.fromEntries(questionIds.map((id, i) => [id, Number(res[i]?.[1] ?? 0)]));
  }

  /** Which of `questionIds` this participant has voted for (so a reloaded console shows its votes). */
  async votedBy(meetingId: string, participantId: string, questionIds: readonly string[]): Promise<string[]> {
    if (questionIds.length === 0) return [];
    const p = this.redis.pipeline();
    for (const id of questionIds) p.sismember(this.votesKey(meetingId, id), participantId);
    const res = (await p.exec()) ?? [];
    return questionIds.filter((_, i) => Number(res[i]?.[1]) === 1);
  }
}
