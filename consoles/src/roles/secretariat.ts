// Secretariat console: set up a meeting and hand out access links; with a secretariat token,
// write summaries and corrections into the running record and reach the exports.
import { startConsole, type ConsoleContext } from '../core/app.js';
import { $, announce, h, render } from '../core/dom.js';
import type { RecordEntryView, Snapshot } from '../core/protocol.js';
import { RecordStore, recordList } from '../core/record.js';
import { setupForm } from './setup-form.js';

setupForm($('#setup'));
if (new URLSearchParams(location.search).has('token') || sessionStorage.getItem('rostrum.token.secretariat')) {
  startConsole(['secretariat'], (ctx) => {
    const record = new RecordStore();
    const recordEl = h('div', { id: 'record-wrap' });
    ctx.main.replaceChildren(exportsCard(ctx), recordEl);
    const drafts = new Map<string, string>();
    const draw = () => render(recordEl, recordList(record, (v) => editors(ctx, v, drafts.get(v.entryId))));
    // e-Statements delivered are offered as the draft summary of their entry (issue 12).
    const loadDrafts = () => void fetch(`../meetings/${encodeURIComponent(ctx.claims.meetingId)}/statements`, { headers: { authorization: `Bearer ${ctx.token}` } })
      .then((r) => (r.ok ? r.json() : { statements: [] }))
      .then((b: { statements: Array<{ recordEntryId?: string; draftSummary?: string }> }) => {
        drafts.clear();
        for (const s of b.statements) if (s.recordEntryId && s.draftSummary) drafts.set(s.recordEntryId, s.draftSummary);
        draw();
      }).catch(() => undefined);
    return {
      snapshot: (s: Snapshot) => { record.reset(s.record.entries); draw(); loadDrafts(); },
      event: (e) => { if (record.apply(e)) { draw(); if (e.type === 'record.entry') loadDrafts(); } },
    };
  });
} else {
  $('#app').replaceChildren(h('p', { class: 'notice' }, 'Open this page with a secretariat access link to edit the record of a meeting.'));
}

function exportsCard(ctx: ConsoleContext): HTMLElement {
  const url = (f: string) => `../meetings/${encodeURIComponent(ctx.claims.meetingId)}/${f}${f.includes('?') ? '&' : '?'}token=${encodeURIComponent(ctx.token)}`;
  return h('section', { class: 'card', 'aria-labelledby': 'exp-h' }, h('h2', { id: 'exp-h' }, 'Exports'),
    h('ul', { class: 'plain cols' }, ...[['record.html', 'Summary record (HTML)'], ['record.pdf', 'PDF'], ['record.pdf?lang=fr', 'PDF (French)'], ['record.md', 'Markdown'], ['record.json', 'JSON'],
      ['speakers.pdf', 'List of speakers (PDF)'], ['speakers.csv?bom=1', 'List of speakers (CSV)'], ['press.html', 'Press summary'], ['stats.csv?bom=1', 'Speaking-time statistics (CSV)'], ['stats.json', 'Statistics (JSON)']]
      .map(([f, label]) => h('li', {}, h('a', { href: url(f!), target: '_blank', rel: 'noopener' }, label)))));
}

/** Summaries and corrections are new versions (R43); the version seen is sent to catch a concurrent edit. */
function editors(ctx: ConsoleContext, v: RecordEntryView, draft?: string): Node[] {
  const id = v.entryId.replace(/[^A-Za-z0-9_-]/g, '_');
  const summary = h('textarea', { id: `sum-${id}`, rows: 2 }, v.summary ?? draft ?? '');
  const note = !v.summary && draft ? h('p', { class: 'notice' }, 'Draft from the statement the delegation submitted: edit it, then save.') : null;
  const text = h('textarea', { id: `cor-${id}`, rows: 2 }, v.text);
  const reason = h('input', { id: `why-${id}`, type: 'text', maxlength: 500 });
  const send = (name: 'record.summarize' | 'record.correct') => (e: Event) => {
    e.preventDefault();
    const p = name === 'record.summarize'
      ? ctx.cmd.send('record.summarize', { entryId: v.entryId, summary: summary.value.trim(), expectedVersion: v.version })
      : ctx.cmd.send('record.correct', { entryId: v.entryId, text: text.value.trim(), reason: reason.value.trim(), expectedVersion: v.version });
    void p.then((a) => a.ok && announce(name === 'record.summarize' ? 'Summary saved.' : 'Correction saved.'));
  };
  return [h('details', {}, h('summary', {}, 'Summarise or correct'),
    h('form', { onsubmit: send('record.summarize') as EventListener }, h('label', { for: `sum-${id}` }, 'Summary'), note, summary, h('button', { type: 'submit', id: `sum-save-${id}` }, 'Save summary')),
    h('form', { onsubmit: send('record.correct') as EventListener }, h('label', { for: `cor-${id}` }, 'Corrected text'), text,
      h('label', { for: `why-${id}` }, 'Reason for the correction'), reason, h('button', { type: 'submit', id: `cor-save-${id}` }, 'Save correction')))];
}
