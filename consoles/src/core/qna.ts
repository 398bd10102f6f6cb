// The Q&A board: the snapshot, then the `qna` stream applied in order, and vote tallies
// (transient, coalesced, absolute counts with a version so an old broadcast never wins).
import { h } from './dom.js';
import type { EventEnvelope, QnaPublicQuestion, QnaQuestionView, QnaStatus, QnaTalliesPayload, QnaView } from './protocol.js';

export class QnaStore {
  readonly questions = new Map<string, QnaQuestionView>();
  highlightedId: string | null = null;
  private talliesVersion = 0;

  reset(view: QnaView | null | undefined): void {
    this.questions.clear();
    this.highlightedId = view?.highlightedId ?? null;
    for (const q of view?.questions ?? []) this.questions.set(q.questionId, q);
  }

  apply(e: EventEnvelope): boolean {
    if (e.stream !== 'qna') return false;
    const p = e.payload as Record<string, unknown> & { questionId: string };
    const q = this.questions.get(p.questionId);
    const set = (status: QnaStatus) => { if (q) q.status = status; };
    switch (e.type) {
      case 'qna.asked': case 'qna.published': {
        const incoming = p as unknown as QnaQuestionView;
        this.questions.set(p.questionId, { ...q, ...incoming, votes: q?.votes ?? 0 });
        break;
      }
      case 'qna.highlighted': {
        const prev = this.highlightedId ? this.questions.get(this.highlightedId) : undefined;
        if (prev && prev.status === 'highlighted') prev.status = 'visible';
        this.highlightedId = (p as unknown as { questionId: string | null }).questionId;
        if (this.highlightedId) this.questions.get(this.highlightedId) && (this.questions.get(this.highlightedId)!.status = 'highlighted');
        break;
      }
      case 'qna.answered': if (q) { q.status = 'answered'; q.answer = { mode: p.mode as 'live', text: p.answerText as string | undefined, answeredAt: p.answeredAt as number, votes: p.votes as number }; } break;
      case 'qna.dismissed': if (q) { q.setAsideFrom = q.status; } set('dismissed'); break;
      case 'qna.archived': if (q) { q.setAsideFrom = q.status; } set('archived'); break;
      case 'qna.restored': {
        const r = p as unknown as { status: QnaStatus; question?: QnaPublicQuestion };
        if (r.question && !q) this.questions.set(p.questionId, { votes: 0, ...r.question, status: r.status });
        else set(r.status);
        break;
      }
    }
    return true;
  }

  tallies(t: QnaTalliesPayload): void {
    if (t.version <= this.talliesVersion) return;
    this.talliesVersion = t.version;
    for (const [id, n] of Object.entries(t.tallies)) { const q = this.questions.get(id); if (q) q.votes = n; }
  }

  list(statuses: QnaStatus[]): QnaQuestionView[] {
    return [...this.questions.values()].filter((q) => statuses.includes(q.status)).sort((a, b) => b.votes - a.votes || a.askedAt - b.askedAt);
  }
}

export function questionItem(q: QnaQuestionView, ...actions: Node[]): HTMLElement {
  return h('li', { class: `question status-${q.status}`, 'data-question': q.questionId },
    h('p', { class: 'qtext' }, q.text),
    h('p', { class: 'muted' }, `${q.author}${q.asker?.name && q.anonymous ? ` (asked by ${q.asker.name})` : ''} · `,
      h('span', { class: 'votes' }, `${q.votes} vote${q.votes === 1 ? '' : 's'}`), ` · ${q.status}`),
    q.answer?.text ? h('p', { class: 'answer' }, h('strong', {}, 'Answer: '), q.answer.text) : null,
    actions.length ? h('div', { class: 'actions' }, ...actions) : null);
}
