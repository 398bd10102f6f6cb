import type { Actor } from '@rostrum/contracts';
import { decideQna, evolveQna, initialQnaState, type QnaState } from '@rostrum/domain';
import type { Capability } from '@rostrum/messaging';
import type { MeetingSettings, QnaMeetingContext } from './meetings/meeting-settings';

/**
 * The Q&A domain as the command processor runs it.
 *
 * Anonymity: the processor stamps every appended envelope with the message's actor, and
 * gateways deliver envelopes whole. For an anonymous question the service therefore sends a
 * masked actor ("anonymous") and keeps the real one in `realActors`, keyed by the payload
 * object the processor hands to `decide` unchanged. The domain decides with the real asker
 * (rate limit, routing of private events); the stream and the record never name them.
 */
export function qnaCapability(meetings: MeetingSettings, realActors: WeakMap<object, Actor>): Capability<QnaState, QnaMeetingContext> {
  return {
    stream: 'qna',
    initial: initialQnaState,
    decide: (state, command, ctx) =>
      decideQna(state, command, { ...ctx, actor: realActors.get(command.payload as object) ?? ctx.actor }),
    evolve: evolveQna,
    context: (meetingId) => meetings.require(meetingId),
  };
}

/** What an anonymous asker's events show as actor. */
export const maskActor = (actor: Actor): Actor => ({ role: actor.role, participantId: 'anonymous', displayName: 'anonymous' });
