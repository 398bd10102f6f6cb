// The Q&A as a viewer (or a delegate) uses it: ask, see one's question go from "sent" to its
// fate (awaiting moderation, on the board, answered with the answer, dismissed with the
// reason), vote and take the vote back with its state visible, read the answers.
import { useEffect, useState } from 'preact/hooks';
import type { QnaQuestionView, QnaSnapshot } from '@rostrum/contracts/qna/snapshot';
import type { MessageId } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n-context';
import { useAct } from '../shell/actions';
import { announce } from '../shell/announce';
import type { MeetingLive } from '../shell/meeting';
import { formatMeetingTime } from '../shell/time';
import { fateOf, type QuestionFate } from '../models/question-fate';

type Tallies = { version: number; tallies: Record<string, number> };
const FATE_LABEL: Record<QuestionFate, MessageId> = {
  sending: 'qna.fate.sending', failed: 'qna.fate.failed', awaiting: 'qna.fate.awaiting', published: 'qna.fate.published',
  'on-screen': 'qna.fate.onScreen', answered: 'qna.fate.answered', dismissed: 'qna.fate.dismissed', archived: 'qna.fate.archived',
};

/** Votes as this participant cast them and the live counts (`qna.tallies`, versioned). */
function useVotes(meeting: MeetingLive, qna: (QnaSnapshot & { voted?: string[] }) | null) {
  const [mine, setMine] = useState<Set<string>>(new Set(qna?.voted ?? []));
  const [counts, setCounts] = useState<Tallies>({ version: -1, tallies: {} });
  useEffect(() => { setMine(new Set(qna?.voted ?? [])); }, [qna]);
  useEffect(() => meeting.client.onTransient('qna.tallies', (p) => {
    const next = p as Tallies;
    setCounts((c) => (next.version < c.version ? c : { version: next.version, tallies: { ...c.tallies, ...next.tallies } }));
  }), [meeting.client]);
  const count = (q: QnaQuestionView) => counts.tallies[q.questionId] ?? q.votes;
  return { mine, setMine, count, setCount: (id: string, n: number) => setCounts((c) => ({ ...c, tallies: { ...c.tallies, [id]: n } })) };
}

export function Questions({ meeting, timeZone }: { meeting: MeetingLive; timeZone?: string }) {
  const { t, lang } = useI18n();
  const act = useAct();
  const qna = meeting.qna as (QnaSnapshot & { voted?: string[] }) | null;
  const votes = useVotes(meeting, qna);
  const [sent, setSent] = useState<{ state: 'sending' | 'sent' | 'failed'; at: number } | null>(null);
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  if (!qna) return null;
  const mine = qna.questions.filter((q) => q.mine);
  const board = qna.questions.filter((q) => q.status === 'visible' || q.status === 'highlighted' || q.status === 'answered');
  const ask = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    setSent({ state: 'sending', at: Date.now() });
    const ack = await act('qna.ask', { text: text.trim(), anonymous });
    setSent({ state: ack.ok ? 'sent' : 'failed', at: Date.now() });
    if (ack.ok) { setText(''); announce(t('qna.sentAnnounce')); }
  };
  const toggle = async (q: QnaQuestionView) => {
    const on = !votes.mine.has(q.questionId);
    const ack = await act(on ? 'qna.vote' : 'qna.unvote', { questionId: q.questionId });
    if (!ack.ok) return;
    const r = ack as unknown as { votes?: number; voted?: boolean };
    const next = new Set(votes.mine);
    if (r.voted ?? on) next.add(q.questionId); else next.delete(q.questionId);
    votes.setMine(next);
    if (typeof r.votes === 'number') votes.setCount(q.questionId, r.votes);
    announce(t(on ? 'qna.voted' : 'qna.unvoted'));
  };
  return (
    <>
      <form class="card ask" aria-labelledby="ask-h" onSubmit={(e) => void ask(e)}>
        <h2 id="ask-h">{t('qna.askTitle')}</h2>
        <label for="ask-text">{t('qna.yourQuestion')}</label>
        <textarea id="ask-text" rows={2} maxLength={2000} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <p><input id="ask-anon" type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} /> <label for="ask-anon">{t('qna.anonymous')}</label></p>
        <button type="submit" id="ask-submit" disabled={sent?.state === 'sending'}>{t('qna.send')}</button>
        <p id="ask-status" role="status" class="ask-status">{sent ? t(sent.state === 'sending' ? 'qna.fate.sending' : sent.state === 'sent' ? 'qna.sentConfirm' : 'qna.fate.failed') : ''}</p>
      </form>
      {mine.length ? (
        <section class="card" aria-labelledby="mine-h">
          <h2 id="mine-h">{t('qna.mine')}</h2>
          <ol class="plain questions" id="my-questions">
            {mine.map((q) => {
              const f = fateOf(q);
              return (
                <li key={q.questionId} class="question" data-question={q.questionId} data-fate={f.fate}>
                  <p class="q-text">{q.text}</p>
                  <p class={`fate fate-${f.fate}`}><strong>{t(FATE_LABEL[f.fate])}</strong>{f.reason ? <> — {t('qna.reason', { reason: f.reason })}</> : null}
                    {' '}<span class="muted">{t('qna.askedAt', { time: formatMeetingTime(q.askedAt, timeZone, lang) })}</span></p>
                  {f.answer ? <Answer answer={f.answer} timeZone={timeZone} /> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      <section class="card" aria-labelledby="qna-h">
        <h2 id="qna-h">{t('qna.board')}</h2>
        {board.length === 0 ? <p class="muted">{t('qna.none')}</p> : null}
        <ol class="plain questions" id="questions">
          {board.map((q) => {
            const voted = votes.mine.has(q.questionId);
            return (
              <li key={q.questionId} data-question={q.questionId} class={q.status === "highlighted" ? "question highlighted" : "question"}>
                <p class="q-text" id={`q-text-${q.questionId}`}>{q.text}</p>
                <p class="muted">{q.author} · {formatMeetingTime(q.askedAt, timeZone, lang)}{q.status === 'highlighted' ? <> · <strong>{t('qna.onScreen')}</strong></> : null}</p>
                {q.status === 'answered' && q.answer ? <Answer answer={q.answer} timeZone={timeZone} /> : (
                  <button type="button" id={`vote-${q.questionId}`} class="vote" aria-pressed={voted ? 'true' : 'false'}
                    aria-describedby={`q-text-${q.questionId}`} onClick={() => void toggle(q)}>
                    <span aria-hidden="true">{voted ? '▲ ' : '△ '}</span>{t(voted ? 'qna.votedButton' : 'qna.voteButton')} <span class="count" id={`votes-${q.questionId}`}>{votes.count(q)}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}

function Answer({ answer, timeZone }: { answer: NonNullable<QnaQuestionView['answer']>; timeZone?: string }) {
  const { t, lang } = useI18n();
  return (
    <div class="answer">
      <p><strong>{t(answer.mode === 'written' ? 'qna.answerWritten' : 'qna.answerLive', { time: formatMeetingTime(answer.answeredAt, timeZone, lang) })}</strong></p>
      {answer.text ? <p class="answer-text">{answer.text}</p> : null}
    </div>
  );
}
