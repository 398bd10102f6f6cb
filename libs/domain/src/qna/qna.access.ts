import type { CommandError, Role } from '@rostrum/contracts';
import { QNA_MODERATOR_ROLES, QNA_PARTICIPANT_ROLES, fail } from '@rostrum/contracts';
import type { QnaContext, QnaState } from './qna.state';

type Refusal = { ok: false; error: CommandError };

export const isModerator = (role: string): boolean => (QNA_MODERATOR_ROLES as readonly string[]).includes(role);
const isParticipant = (role: string): boolean => (QNA_PARTICIPANT_ROLES as readonly string[]).includes(role);

/**
 * Who may send a command, checked again here although the gateway checks it first: the domain
 * must stay right whatever transport calls it. Named roles (everyone but viewers, who are
 * often anonymous) must be on this meeting's roster with that role, so a moderator of another
 * meeting cannot act here even with a forged routing.
 */
export function authorize(state: QnaState, type: string, ctx: QnaContext): { ok: true } | Refusal {
  const { actor } = ctx;
  if (ctx.actorMeetingId !== undefined && ctx.actorMeetingId !== state.meetingId) {
    return fail('FORBIDDEN', 'This access token was issued for another meeting.');
  }
  const participantCommand = type === 'qna.ask' || type === 'qna.vote' || type === 'qna.unvote';
  const allowed = participantCommand ? isParticipant(actor.role) : isModerator(actor.role);
  if (!allowed) {
    return fail('FORBIDDEN', participantCommand
      ? `A ${actor.role} cannot ${type.slice(4)} in the Q&A; only viewers and delegates do.`
      : `Only a moderator, the chair or the secretariat may ${type.slice(4)} questions.`);
  }
  if (ctx.roster?.participants && actor.role !== 'viewer') {
    const member = ctx.roster.participants.find((p) => p.id === actor.participantId);
    if (!member || member.role !== (actor.role as Role)) {
      return fail('NOT_A_MEMBER', `${actor.participantId} is not a ${actor.role} of this meeting.`);
    }
  }
  return { ok: true };
}
