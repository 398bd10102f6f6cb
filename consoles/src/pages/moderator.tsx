// Moderator console: the moderation queue (approve, dismiss with a reason), the board
// (highlight on the big screen, answer live or in writing, dismiss, archive), what was set
// aside (restore), and a preview of the big screen as the room sees it.
import '../../static/console.css';
import './views.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QnaQuestionView } from '@rostrum/contracts/qna/snapshot';
import { bootConsole } from '../shell/console';
import { useI18n } from '../i18n/i18n-context';
import { useAct } from '../shell/actions';
import { announce } from '../shell/announce';
import type { MeetingLive } from '../shell/meeting';
import { formatMeetingTime } from '../shell/time';
import { RoomDisplay } from '../ui/room-display';

type Open = { questionId: string; kind: 'answer' | 'dismiss' } | null;

function Moderator({ meeting }: { meeting: MeetingLive }) {
  const { t } = useI18n();
  const qna = meeting.qna;
  const [open, setOpen] = useState<Open>(null);
  if (!qna) return <p class="muted">{t('moderator.noQna')}</p>;
  const by = (...statuses: string[]) => qna.questions.filter((q) => statuses.includes(q.status));
  const props = { open, setOpen, timeZone: meeting.floor?.timeZone };
  return (
    <div class="moderator">
      <section class="card" aria-labelledby="queue-h">
        <h2 id="queue-h">{t('moderator.queue')} <span class="badge">{by('pending').length}</span></h2>
        <QuestionList id="queue" questions={by('pending')} empty={t('moderator.queueEmpty')} {...props} />
      </section>
      <section class="card" aria-labelledby="board-h">
        <h2 id="board-h">{t('moderator.board')}</h2>
        <QuestionList id="board" questions={by('highlighted', 'visible')} empty={t('qna.none')} {...props} />
      </section>
      <section class="card" aria-labelledby="answered-h">
        <h2 id="answered-h">{t('moderator.answered')}</h2>
        <QuestionList id="answered" questions={by('answered')} empty={t('moderator.noneAnswered')} {...props} />
      </section>
      <section class="card" aria-labelledby="aside-h">
        <h2 id="aside-h">{t('moderator.setAside')}</h2>
        <QuestionList id="aside" questions={by('dismissed', 'archived')} empty={t('moderator.noneAside')} {...props} />
      </section>
      <section class="card" aria-labelledby="preview-h">
        <h2 id="preview-h">{t('moderator.preview')}</h2>
        <div class="preview-frame">{meeting.floor ? <RoomDisplay floor={meeting.floor} qna={qna} serverNow={meeting.serverNow} preview /> : null}</div>
      </section>
    </div>
  );
}

function QuestionList({ id, questions, empty, open, setOpen, timeZone }: { id: string; questions: QnaQuestionView[]; empty: string; open: Open; setOpen: (o: Open) => void; timeZone?: string }) {
  const { t, lang } = useI18n();
  if (questions.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ol class="plain questions" id={id}>
      {questions.map((q) => (
        <li key={q.questionId} data-question={q.questionId} class={q.status === "highlighted" ? "question highlighted" : "question"}>
          <p class="q-text">{q.text}</p>
          <p class="muted">
            {q.author}{q.anonymous && q.asker?.name ? ` (${q.asker.name})` : ''} · {formatMeetingTime(q.askedAt, timeZone, lang)} · {t('moderator.votes', { count: q.votes })}
            {q.status === 'highlighted' ? <> · <strong>{t('qna.onScreen')}</strong></> : null}
            {q.dismissedReason ? <> · {t('qna.reason', { reason: q.dismissedReason })}</> : null}
          </p>
          {q.answer ? <p class="answer-text">{q.answer.text ?? t('qna.answerLive', { time: formatMeetingTime(q.answer.answeredAt, timeZone, lang) })}</p> : null}
          <Actions q={q} open={open} setOpen={setOpen} />
        </li>
      ))}
    </ol>
  );
}

function Actions({ q, open, setOpen }: { q: QnaQuestionView; open: Open; setOpen: (o: Open) => void }) {
  const { t } = useI18n();
  const act = useAct();
  const id = q.questionId;
  const run = (name: Parameters<typeof act>[0], payload: Record<string, unknown>, said: Parameters<typeof t>[0]) => async () => {
    const ack = await act(name, payload as never);
    if (ack.ok) { announce(t(said)); setOpen(null); }
  };
  const btn = (key: string, label: Parameters<typeof t>[0], onClick: () => void, primary = false) =>
    <button type="button" id={`${key}-${id}`} class={primary ? 'primary' : undefined} onClick={onClick} aria-label={`${t(label)}: ${q.text.slice(0, 60)}`}>{t(label)}</button>;
  const s = q.status;
  return (
    <div class="row-actions">
      {s === 'pending' ? btn('approve', 'moderator.approve', () => void run('qna.approve', { questionId: id }, 'moderator.approved')(), true) : null}
      {s === 'visible' ? btn('highlight', 'moderator.highlight', () => void run('qna.highlight', { questionId: id }, 'moderator.highlighted')()) : null}
      {s === 'highlighted' ? btn('unhighlight', 'moderator.unhighlight', () => void run('qna.highlight', { questionId: null }, 'moderator.unhighlighted')()) : null}
      {s === 'pending' || s === 'visible' || s === 'highlighted' ? <>
        {btn('answer-live', 'moderator.answerLive', () => void run('qna.answer', { questionId: id, mode: 'live' }, 'moderator.answered')())}
        {btn('answer', 'moderator.answerWritten', () => setOpen({ questionId: id, kind: 'answer' }))}
        {btn('dismiss', 'moderator.dismiss', () => setOpen({ questionId: id, kind: 'dismiss' }))}
      </> : null}
      {s === 'visible' || s === 'highlighted' || s === 'answered' || s === 'dismissed' ? btn('archive', 'moderator.archive', () => void run('qna.archive', { questionId: id }, 'moderator.archived')()) : null}
      {s === 'dismissed' || s === 'archived' ? btn('restore', 'moderator.restore', () => void run('qna.restore', { questionId: id }, 'moderator.restored')()) : null}
      {open?.questionId === id ? <TextForm q={q} kind={open.kind} onCancel={() => setOpen(null)}
        onSend={(text) => open.kind === 'answer'
          ? run('qna.answer', { questionId: id, mode: 'written', text }, 'moderator.answered')()
          : run('qna.dismiss', { questionId: id, ...(text ? { reason: text } : {}) }, 'moderator.dismissed')()} /> : null}
    </div>
  );
}

/** The written answer, or the reason for a dismissal (optional; the asker reads it). */
function TextForm({ q, kind, onSend, onCancel }: { q: QnaQuestionView; kind: 'answer' | 'dismiss'; onSend: (text: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => { field.current?.focus(); }, []);
  const fid = `${kind}-text-${q.questionId}`;
  return (
    <form class="inline-form" onSubmit={(e) => { e.preventDefault(); void onSend(text.trim()); }}>
      <label for={fid}>{t(kind === 'answer' ? 'moderator.answerText' : 'moderator.reason')}</label>
      <textarea id={fid} rows={kind === 'answer' ? 3 : 1} maxLength={kind === 'answer' ? 5000 : 200} required={kind === 'answer'} ref={field}
        value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby={`${fid}-hint`} />
      <span id={`${fid}-hint`} class="hint">{t(kind === 'answer' ? 'moderator.answerHint' : 'moderator.reasonHint')}</span>
      <button type="submit" id={`${kind}-send-${q.questionId}`} class="primary">{t(kind === 'answer' ? 'moderator.sendAnswer' : 'moderator.sendDismiss')}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
    </form>
  );
}

bootConsole({ roles: ['moderator', 'chair', 'secretariat'], name: 'console.moderator', page: ({ meeting }) => <Moderator meeting={meeting} /> });
