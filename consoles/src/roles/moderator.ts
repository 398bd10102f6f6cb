// Moderator console: the Q&A queue (pending first) with approve, highlight, answer, dismiss
// and restore. The qna stream is applied in order; tallies arrive coalesced.
import { startConsole, type ConsoleContext } from '../core/app.js';
import { announce, h, render } from '../core/dom.js';
import type { QnaQuestionView, QnaStatus, QnaTalliesPayload, Snapshot } from '../core/protocol.js';
import { QnaStore, questionItem } from '../core/qna.js';

const SECTIONS: Array<[string, QnaStatus[]]> = [
  ['Waiting for approval', ['pending']], ['On the board', ['highlighted', 'visible']], ['Answered', ['answered']], ['Set aside', ['dismissed', 'archived']],
];

startConsole(['moderator', 'chair', 'secretariat'], (ctx) => {
  const qna = new QnaStore();
  const draw = () => render(ctx.main, ...SECTIONS.map(([title, statuses], i) => h('section', { class: 'card', 'aria-labelledby': `qs-${i}` },
    h('h2', { id: `qs-${i}` }, `${title} (${qna.list(statuses).length})`),
    h('ol', { class: 'plain questions' }, ...qna.list(statuses).map((q) => questionItem(q, ...actions(ctx, q)))))));
  return {
    snapshot: (s: Snapshot) => { qna.reset(s.qna?.state); draw(); },
    event: (e) => {
      if (e.type === 'qna.asked') announce('New question waiting for approval.');
      if (qna.apply(e)) draw();
    },
    transient: (name, data) => { if (name === 'qna.tallies') { qna.tallies(data as QnaTalliesPayload); draw(); } },
  };
});

function actions(ctx: ConsoleContext, q: QnaQuestionView): Node[] {
  const b = (verb: string, label: string, run: () => unknown, cls = '') =>
    h('button', { type: 'button', id: `${verb}-${q.questionId}`, class: cls, 'aria-label': `${label}: ${q.text.slice(0, 60)}`, onclick: () => void run() }, label);
  const id = { questionId: q.questionId };
  switch (q.status) {
    case 'pending': return [b('approve', 'Approve', () => ctx.cmd.send('qna.approve', id), 'primary'), b('dismiss', 'Dismiss', () => ctx.cmd.send('qna.dismiss', id))];
    case 'visible': return [b('highlight', 'Highlight', () => ctx.cmd.send('qna.highlight', id), 'primary'), b('answer', 'Answered live', () => ctx.cmd.send('qna.answer', { questionId: q.questionId, mode: 'live' })), b('dismiss', 'Dismiss', () => ctx.cmd.send('qna.dismiss', id))];
    case 'highlighted': return [b('unhighlight', 'Clear highlight', () => ctx.cmd.send('qna.highlight', { questionId: null })), b('answer', 'Answered live', () => ctx.cmd.send('qna.answer', { questionId: q.questionId, mode: 'live' }), 'primary'), b('dismiss', 'Dismiss', () => ctx.cmd.send('qna.dismiss', id))];
    case 'dismissed': case 'archived': return [b('restore', 'Restore', () => ctx.cmd.send('qna.restore', id))];
    default: return [];
  }
}
