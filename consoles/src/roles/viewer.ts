// Viewer console (phones first): the floor and its clock, the list, the running record live,
// and the Q&A (ask and vote when the meeting allows it).
import { startConsole, type ConsoleContext } from '../core/app.js';
import { announce, h, render } from '../core/dom.js';
import { FloorPanel, announceClock, applyLocally, speakerPanel, speakersList } from '../core/floor.js';
import type { FloorViewPayload, QnaTalliesPayload, Snapshot } from '../core/protocol.js';
import { QnaStore, questionItem } from '../core/qna.js';
import { RecordStore, recordList } from '../core/record.js';

// Thousands of viewers: they follow the floor from the server's `floor.view` broadcast; a
// re-snapshot (spread over a second and a half) is only the fallback when none arrives.
// Interpreters (read-only) follow the same page: the list shows each speaker's language of delivery.
startConsole(['viewer', 'delegate', 'interpreter'], (ctx) => {
  const floorEl = h('div', { id: 'floor' });
  const qnaEl = h('div', { id: 'qna' });
  const recordEl = h('div', { id: 'record-wrap' });
  ctx.main.replaceChildren(floorEl, askForm(ctx), qnaEl, recordEl);
  const panel = new FloorPanel(floorEl, (v) => [speakerPanel(v), speakersList(v)], () => ctx.conn.serverOffset);
  const record = new RecordStore();
  const qna = new QnaStore();
  const drawRecord = () => render(recordEl, recordList(record));
  const drawQna = () => render(qnaEl, h('section', { class: 'card', 'aria-labelledby': 'qna-h' },
    h('h2', { id: 'qna-h' }, 'Questions'),
    h('ol', { class: 'plain questions', id: 'questions' }, ...qna.list(['highlighted', 'visible', 'answered']).map((q) =>
      questionItem(q, q.status === 'answered' ? h('span', {}) : h('button', {
        type: 'button', id: `vote-${q.questionId}`, 'aria-label': `Vote: ${q.text.slice(0, 80)}`,
        onclick: () => void ctx.cmd.send('qna.vote', { questionId: q.questionId }).then((a) => a.ok && announce('Vote counted.')),
      }, h('span', { 'aria-hidden': 'true' }, '▲ '), 'Vote'))))));
  let waitingFor = 0;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const settle = (seq: number) => { if (seq >= waitingFor && fallback) { clearTimeout(fallback); fallback = null; } };
  return {
    snapshot: (s: Snapshot) => { settle(s.meeting.seq); panel.set(s.meeting.state); record.reset(s.record.entries); qna.reset(s.qna?.state); drawRecord(); drawQna(); },
    event: (e) => {
      if (record.apply(e)) return drawRecord();
      if (qna.apply(e)) return drawQna();
      announceClock(e, false);
      if (applyLocally(panel.view, e)) return panel.redraw();
      waitingFor = Math.max(waitingFor, e.seq);
      fallback ??= setTimeout(() => { fallback = null; ctx.refreshSoon(); }, 3000);
    },
    transient: (name, data) => {
      if (name === 'floor.view') { const p = data as FloorViewPayload; if (panel.merge(p)) settle(p.seq); }
      if (name === 'qna.tallies') { qna.tallies(data as QnaTalliesPayload); drawQna(); }
    },
  };
}, () => 300 + Math.random() * 1200);

function askForm(ctx: ConsoleContext): HTMLElement {
  const text = h('textarea', { id: 'ask-text', name: 'text', rows: 2, maxlength: 2000, required: true });
  const anon = h('input', { id: 'ask-anon', name: 'anonymous', type: 'checkbox' });
  return h('form', {
    class: 'card', 'aria-labelledby': 'ask-h',
    onsubmit: ((e: Event) => {
      e.preventDefault();
      void ctx.cmd.send('qna.ask', { text: text.value.trim(), anonymous: anon.checked }).then((a) => { if (a.ok) { text.value = ''; announce('Question sent; it appears once approved.'); } });
    }) as EventListener,
  },
  h('h2', { id: 'ask-h' }, 'Ask the panel'),
  h('label', { for: 'ask-text' }, 'Your question'), text,
  h('p', {}, anon, h('label', { for: 'ask-anon' }, ' Ask anonymously')),
  h('button', { type: 'submit', id: 'ask-submit' }, 'Send question'));
}
