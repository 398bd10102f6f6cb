import { Inject, Injectable } from '@nestjs/common';
import type { QnaSettings, ResolvedMeetingSetup } from '@rostrum/contracts';
import type { QnaRoster } from '@rostrum/domain';
import type { EventLog } from '@rostrum/messaging';
import { EVENT_LOG } from '../tokens';

export interface QnaMeetingContext { settings: QnaSettings; roster: QnaRoster }

/**
 * A meeting's Q&A settings and agenda, read from its `meeting.created` event (seq 1 of the
 * `meeting` stream). That event never changes, so each meeting is read once per process.
 * The participant list is left out on purpose: participants added later have no event, and
 * the domain would wrongly refuse them (see QnaRoster).
 */
@Injectable()
export class MeetingSettings {
  private readonly cache = new Map<string, QnaMeetingContext>();

  constructor(@Inject(EVENT_LOG) private readonly log: EventLog) {}

  async get(meetingId: string): Promise<QnaMeetingContext | undefined> {
    const hit = this.cache.get(meetingId);
    if (hit) return hit;
    const [first] = await this.log.since(meetingId, 'meeting', 0, 1);
    if (!first || first.type !== 'meeting.created') return undefined;
    const setup = first.payload as unknown as ResolvedMeetingSetup;
    const ctx: QnaMeetingContext = { settings: setup.qna, roster: { itemIds: setup.items.map((i) => i.id) } };
    if (this.cache.size >= 10_000) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(meetingId, ctx);
    return ctx;
  }

  /** For the command processor, which asks only after the service checked the meeting exists. */
  async require(meetingId: string): Promise<QnaMeetingContext> {
    const ctx = await this.get(meetingId);
    if (!ctx) throw new Error(`meeting ${meetingId} has no meeting.created event`);
    return ctx;
  }
}
