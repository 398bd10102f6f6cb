// The point-of-order flow as the chair runs it (R17–R23, R53): raised → recognise → the raiser
// speaks with its own clock → rule, with text (and, where it applies, the speaker out of order)
// → appeal where the profile allows (put to a vote, or decided by show of hands) → resume the
// interrupted speaker. Every step is a button `can` allows, or says why not.
import { useState } from 'preact/hooks';
import type { EntryView, FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import { useI18n } from '../../i18n/i18n-context';
import { Action, useAct, useCan } from '../../shell/actions';
import type { MeetingLive } from '../../shell/meeting';
import { formatCountdown, secondsLeft } from '../../shell/time';
import { Clock, entryName } from '../../ui/floor';

/** Points of order raised and not yet ruled on, in the order raised. */
export const openPoints = (floor: FloorSnapshot): EntryView[] => (floor.pointsOfOrder ?? []).filter((e) => ['waiting', 'called', 'speaking'].includes(e.status));

/** The speech a point of order interrupted (paused, R19), whether the point is being heard or not yet. */
function interruptedSpeech(floor: FloorSnapshot) {
  if (floor.interrupted) return floor.interrupted;
  const sp = floor.speech;
  return sp && sp.speaker.type !== 'point-of-order' && sp.paused && sp.pauseReason === 'point-of-order' ? sp : null;
}

export function PointsOfOrder({ floor, meeting }: { floor: FloorSnapshot; meeting: MeetingLive }) {
  const { t } = useI18n();
  const points = openPoints(floor);
  const interrupted = interruptedSpeech(floor);
  const appeal = floor.appeal;
  if (!points.length && !interrupted && !appeal) return null;
  const who = interrupted ? entryName(floor, interrupted.entryId) ?? interrupted.delegationId : '';
  return (
    <section class={points.length ? 'alert poo' : 'card poo-after'} role={points.length ? 'alert' : undefined} id="poo-alert" aria-labelledby="poo-h" data-focus-home tabIndex={-1}>
      <h2 id="poo-h">{t('poo.title')}</h2>
      {points.map((e, i) => <Point key={e.entryId} floor={floor} meeting={meeting} point={e} first={i === 0} interruptedId={interrupted?.entryId ?? null} />)}
      {appeal ? <Appeal floor={floor} /> : null}
      {interrupted ? (
        <div class="poo-step" id="interrupted-step">
          <p>{t('poo.interruptedSpeaker', { name: who, time: formatCountdown(secondsLeft(interrupted, meeting.serverNow())) })}</p>
          {floor.interrupted ? <p class="muted">{t('poo.resumesAfter')}</p>
            : <Action id="speech-resume-interrupted" command="speech.resume" payload={{}} label={t('poo.resume', { name: who })} primary />}
        </div>
      ) : null}
    </section>
  );
}

function Point({ floor, meeting, point, first, interruptedId }: { floor: FloorSnapshot; meeting: MeetingLive; point: EntryView; first: boolean; interruptedId: string | null }) {
  const { t } = useI18n();
  const state = point.status === 'waiting' ? t('poo.stateWaiting') : point.status === 'called' ? t('poo.stateCalled') : t('poo.stateSpeaking');
  return (
    <div class="poo-entry" data-entry={point.entryId}>
      <p><strong>{point.capacityLabel}</strong> — {point.speakerName}{point.text ? `: “${point.text}”` : ''}</p>
      <p class="poo-state" id={`poo-state-${point.entryId}`}>{state}</p>
      {point.status === 'waiting' ? <Action id={`recognise-${point.entryId}`} command="chair.grant" payload={{ entryId: point.entryId }} label={t('poo.recognise')} primary /> : null}
      {point.status === 'called' ? <Action id={`poo-start-${point.entryId}`} command="speech.start" payload={{ entryId: point.entryId }} label={t('poo.startForThem')} /> : null}
      {point.status === 'speaking' && floor.speech?.entryId === point.entryId ? <Clock floor={floor} clock={floor.speech} serverNow={meeting.serverNow} id="poo-clock" small /> : null}
      {first ? <RulingForm point={point} interruptedId={interruptedId} /> : null}
    </div>
  );
}

/** R21, R23, R53: the ruling, with its text; the speaker may be ruled out of order. */
function RulingForm({ point, interruptedId }: { point: EntryView; interruptedId: string | null }) {
  const { t, error } = useI18n();
  const act = useAct();
  const check = useCan()('pointOfOrder.rule', { entryId: point.entryId });
  const [decision, setDecision] = useState<'upheld' | 'rejected'>('rejected');
  const [text, setText] = useState('');
  const [outOfOrder, setOutOfOrder] = useState(false);
  const id = `ruling-${point.entryId}`;
  return (
    <form class="ruling" aria-label={t('poo.rulingOn', { capacity: point.capacityLabel })} onSubmit={(e) => {
      e.preventDefault();
      if (!check.ok || !text.trim()) return;
      void act('pointOfOrder.rule', { entryId: point.entryId, decision, text: text.trim(), ...(outOfOrder && interruptedId && decision === 'upheld' ? { effect: { kind: 'out-of-order' as const, entryId: interruptedId } } : {}) });
    }}>
      <fieldset>
        <legend>{t('poo.ruling')}</legend>
        <label><input type="radio" name={`${id}-decision`} id={`${id}-up`} value="upheld" checked={decision === 'upheld'} onChange={() => setDecision('upheld')} /> {t('poo.upheld')}</label>
        <label><input type="radio" name={`${id}-decision`} id={`${id}-rej`} value="rejected" checked={decision === 'rejected'} onChange={() => setDecision('rejected')} /> {t('poo.rejected')}</label>
      </fieldset>
      <label for={`${id}-text`}>{t('poo.rulingText')}</label>
      <textarea id={`${id}-text`} rows={2} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
      {interruptedId && decision === 'upheld' ? (
        <p><input type="checkbox" id={`${id}-out`} checked={outOfOrder} onChange={(e) => setOutOfOrder(e.currentTarget.checked)} /> <label for={`${id}-out`}>{t('poo.outOfOrder')}</label></p>
      ) : null}
      <button type="submit" id={`${id}-submit`} class="primary" aria-disabled={check.ok ? undefined : 'true'} aria-describedby={check.ok ? undefined : `${id}-why`}>{t('poo.rule')}</button>
      {check.ok ? null : <span id={`${id}-why`} class="why" data-code={check.code}>{error(check.code)}</span>}
    </form>
  );
}

/** R22: the last ruling is open to appeal until the next business; an appeal is put to the vote or decided by show of hands. */
function Appeal({ floor }: { floor: FloorSnapshot }) {
  const { t } = useI18n();
  const a = floor.appeal!;
  if (a.status === 'appealable') return <p class="poo-step" id="appeal-state">{t('poo.appealable')}</p>;
  return (
    <div class="poo-step" id="appeal-state">
      <p>{t('poo.appealed')}</p>
      <div class="actions">
        <Action id="vote-appeal" command="vote.open" payload={{ question: { kind: 'appeal' }, recorded: true }} label={t('poo.appealVote')} primary hideWhenUnavailable={!!floor.vote} />
        <Action id="appeal-stands" command="pointOfOrder.decideAppeal" payload={{ entryId: a.entryId, overturned: false }} label={t('poo.appealStands')} />
        <Action id="appeal-overturned" command="pointOfOrder.decideAppeal" payload={{ entryId: a.entryId, overturned: true }} label={t('poo.appealOverturned')} />
      </div>
    </div>
  );
}
