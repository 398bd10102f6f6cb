// The record editor (/console/record?token=<secretariat link>), on its own page: summaries and
// corrections of the running record (new versions, R43), e-Statements offered as draft
// summaries, and the exports. It holds a secretariat participant's token, never the operator key.
import '../../static/console.css';
import './views.css';
import { useEffect, useState } from 'preact/hooks';
import type { RecordEntryView } from '@rostrum/contracts/record/events';
import { bootConsole } from '../shell/console';
import { useI18n } from '../i18n/i18n-context';
import { useAct } from '../shell/actions';
import { announce } from '../shell/announce';
import type { MeetingLive } from '../shell/meeting';
import type { Claims } from '../shell/session';
import { formatMeetingTime } from '../shell/time';
import type { MessageId } from '../i18n/i18n';

const EXPORTS: Array<[string, MessageId]> = [
  ['record.html', 'editor.exportHtml'], ['record.pdf', 'editor.exportPdf'], ['record.pdf?lang=fr', 'editor.exportPdfFr'], ['record.md', 'editor.exportMd'],
  ['record.json', 'editor.exportJson'], ['speakers.pdf', 'editor.exportSpeakersPdf'], ['speakers.csv?bom=1', 'editor.exportSpeakersCsv'],
  ['press.html', 'editor.exportPress'], ['stats.csv?bom=1', 'editor.exportStatsCsv'], ['stats.json', 'editor.exportStatsJson'],
];

function RecordEditor({ meeting, claims }: { meeting: MeetingLive; claims: Claims }) {
  const { t, lang } = useI18n();
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const token = (meeting.client.socket.auth as { token?: string }).token ?? '';
  const base = `../meetings/${encodeURIComponent(claims.meetingId)}`;
  const count = meeting.record.length;
  // e-Statements delivered are offered as the draft summary of their entry (issue 12).
  useEffect(() => {
    void fetch(`${base}/statements`, { headers: { authorization: `Bearer ${token}` } }).then((r) => (r.ok ? r.json() : { statements: [] }))
      .then((b: { statements: Array<{ recordEntryId?: string; draftSummary?: string }> }) => {
        setDrafts(new Map(b.statements.filter((s) => s.recordEntryId && s.draftSummary).map((s) => [s.recordEntryId!, s.draftSummary!])));
      }).catch(() => undefined);
  }, [count]);
  const url = (f: string) => `${base}/${f}${f.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  return (
    <>
      <section class="card" aria-labelledby="exp-h">
        <h2 id="exp-h">{t('editor.exports')}</h2>
        <ul class="plain cols">{EXPORTS.map(([f, label]) => <li key={f}><a href={url(f)} target="_blank" rel="noopener">{t(label)}</a></li>)}</ul>
      </section>
      <section class="card record" aria-labelledby="record-h">
        <h2 id="record-h">{t('feed.title')}</h2>
        {count === 0 ? <p class="muted">{t('feed.empty')}</p> : null}
        <ol class="record-list" id="record">
          {meeting.record.map((v) => (
            <li key={v.entryId} data-entry={v.entryId}>
              <time class="at">{formatMeetingTime(v.at, meeting.floor?.timeZone, lang)}</time> <span class="text">{v.text}</span>
              {v.summary ? <p class="summary"><strong>{t('feed.summary')}</strong> {v.summary}</p> : null}
              {v.revision ? <p class="muted">{t('feed.version', { version: v.version })}</p> : null}
              <Editors v={v} draft={drafts.get(v.entryId)} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** Summaries and corrections are new versions (R43); the version seen is sent to catch a concurrent edit. */
function Editors({ v, draft }: { v: RecordEntryView; draft?: string }) {
  const { t } = useI18n();
  const act = useAct();
  const id = v.entryId.replace(/[^A-Za-z0-9_-]/g, '_');
  const [summary, setSummary] = useState(v.summary ?? draft ?? '');
  const [text, setText] = useState(v.text);
  const [reason, setReason] = useState('');
  const save = (kind: 'summary' | 'correction') => async (e: Event) => {
    e.preventDefault();
    const ack = kind === 'summary'
      ? await act('record.summarize', { entryId: v.entryId, summary: summary.trim(), expectedVersion: v.version })
      : await act('record.correct', { entryId: v.entryId, text: text.trim(), reason: reason.trim(), expectedVersion: v.version });
    if (ack.ok) announce(t(kind === 'summary' ? 'editor.summarySaved' : 'editor.correctionSaved'));
  };
  return (
    <details>
      <summary>{t('editor.edit')}</summary>
      <form onSubmit={(e) => void save('summary')(e)}>
        <label for={`sum-${id}`}>{t('feed.summary')}</label>
        {!v.summary && draft ? <p class="notice">{t('editor.draftNote')}</p> : null}
        <textarea id={`sum-${id}`} rows={2} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
        <button type="submit" id={`sum-save-${id}`}>{t('editor.saveSummary')}</button>
      </form>
      <form onSubmit={(e) => void save('correction')(e)}>
        <label for={`cor-${id}`}>{t('editor.correctedText')}</label>
        <textarea id={`cor-${id}`} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <label for={`why-${id}`}>{t('editor.reason')}</label>
        <input id={`why-${id}`} type="text" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <button type="submit" id={`cor-save-${id}`}>{t('editor.saveCorrection')}</button>
      </form>
    </details>
  );
}

bootConsole({ roles: ['secretariat'], name: 'console.record', page: ({ meeting, claims }) => <RecordEditor meeting={meeting} claims={claims} /> });
