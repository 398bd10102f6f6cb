import type { EventEnvelope, ResolvedMeetingSetup } from '@rostrum/contracts';
import type { DerivationContext, InterventionRecord } from '@rostrum/domain';

/** Entry ids of interventions that the events of a batch refer to (rights of reply, rulings). */
export function referencedInterventions(events: EventEnvelope[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const p = e.payload as Record<string, any>;
    if (e.type === 'speech.ended' && p.intervention?.replyTo) ids.add(p.intervention.replyTo);
    if (e.type === 'reply.granted' && p.entry?.replyTo) ids.add(p.entry.replyTo);
    if (e.type.startsWith('pointOfOrder.') && typeof p.entryId === 'string') ids.add(p.entryId);
  }
  return [...ids];
}

/** The names an entry text needs, from the meeting's setup and the interventions at hand. */
export function derivationContext(setup: ResolvedMeetingSetup | undefined, interventions: Map<string, InterventionRecord>): DerivationContext {
  return {
    timeZone: setup?.timeZone ?? 'UTC',
    delegationName: (id) => setup?.delegations.find((d) => d.id === id)?.name,
    groupName: (id) => setup?.groups.find((g) => g.id === id)?.name,
    itemTitle: (id) => setup?.items.find((i) => i.id === id)?.title,
    intervention: (id) => (id ? interventions.get(id) : undefined),
  };
}

const QNA_STATUS: Record<string, string | undefined> = {
  'qna.answered': 'answered', 'qna.dismissed': 'dismissed', 'qna.archived': 'archived',
};

/** The final-state change a Q&A event makes to its question, if any (public fields only). */
export function questionChange(e: EventEnvelope): Parameters<typeof import('@rostrum/persistence').RecordStore.upsertQuestion>[3] | undefined {
  const p = e.payload as Record<string, any>;
  if (e.type === 'qna.asked' || e.type === 'qna.published') {
    return { questionId: p.questionId, itemId: p.itemId, text: p.text, author: p.author, authorDelegationId: p.authorDelegationId, askedAt: p.askedAt, status: p.status };
  }
  if (e.type === 'qna.highlighted') return p.questionId ? { questionId: p.questionId, status: 'highlighted' } : undefined;
  if (e.type === 'qna.restored') return { questionId: p.questionId, status: p.status };
  if (e.type === 'qna.answered') {
    return {
      questionId: p.questionId, itemId: p.itemId, text: p.text, author: p.author, authorDelegationId: p.authorDelegationId, askedAt: p.askedAt,
      status: 'answered', votes: p.votes, answerMode: p.mode, answerText: p.answerText, answeredAt: p.answeredAt, answeredBy: p.answeredBy,
    };
  }
  const status = Object.hasOwn(QNA_STATUS, e.type) ? QNA_STATUS[e.type] : undefined;
  return status && p.questionId ? { questionId: p.questionId, status } : undefined;
}
