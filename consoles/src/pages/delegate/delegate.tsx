// Delegate console: where the delegation stands, said plainly (waiting, on deck, speaking,
// paused, interrupted, point of order pending / recognised / heard), with its own clock; the
// vote; its requests with their places; the request form whose types explain themselves.
import '../../../static/console.css';
import { useEffect, useRef } from 'preact/hooks';
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import { bootConsole } from '../../shell/console';
import { announce } from '../../shell/announce';
import type { MeetingLive } from '../../shell/meeting';
import type { Claims } from '../../shell/session';
import { Action, useAct } from '../../shell/actions';
import { useI18n } from '../../i18n/i18n-context';
import { Translator, pickLanguage, type MessageId } from '../../i18n/i18n';
import { formatCountdown, formatMeetingDateTime, secondsLeft } from '../../shell/time';
import { Clock, ListOfSpeakers, SpeakerPanel, useFloorLabels } from '../../ui/floor';
import { VoteBoard } from '../../ui/votes';
import { placeOf, standingOf, type Standing } from './standing';
import { RequestForm, useDelivered } from './request-form';
import { VoteButtons } from './vote';

function Banner({ floor, standing, meeting }: { floor: FloorSnapshot; standing: Standing; meeting: MeetingLive }) {
  const { t } = useI18n();
  const now = meeting.serverNow();
  switch (standing.kind) {
    case 'speaking': return <div class="banner floor" id="banner"><p>{t('delegate.speaking')}</p><Action id="end-speech" command="speech.end" payload={{}} label={t('delegate.end')} /></div>;
    case 'paused': return <div class="banner deck" id="banner"><p>{t('delegate.paused', { time: formatCountdown(secondsLeft(standing.clock, now)) })}</p></div>;
    case 'interrupted': return (
      <div class="banner deck" id="banner">
        <p>{t('delegate.interrupted', { time: formatCountdown(secondsLeft(standing.clock, now)) })}</p>
        <p class="banner-detail">{standing.point ? t('delegate.interruptedBy', { capacity: standing.point.capacityLabel }) : t('delegate.interruptedRuling')}</p>
      </div>
    );
    case 'called': return <div class="banner floor" id="banner"><p>{t('delegate.called')}</p><Action id="start-speech" command="speech.start" payload={{}} label={t('delegate.start')} primary /></div>;
    case 'point-called': return <div class="banner floor" id="banner"><p>{t('delegate.pointCalled')}</p><Action id="start-speech" command="speech.start" payload={{ entryId: standing.entry.entryId }} label={t('delegate.startPoint')} primary /></div>;
    case 'point-heard': return <div class="banner floor" id="banner"><p>{t('delegate.pointHeard')}</p><Clock floor={floor} clock={standing.clock} serverNow={meeting.serverNow} id="my-clock" /><p class="banner-detail">{t('delegate.pointEndsWithRuling')}</p></div>;
    case 'point-pending': return <div class="banner deck" id="banner"><p>{t('delegate.pointPending')}</p></div>;
    case 'on-deck': return <div class="banner deck" id="banner"><p>{t('delegate.onDeck')}</p></div>;
    case 'waiting': return <p class="banner waiting" id="banner">{t('delegate.waiting', { place: standing.place, count: standing.of })}</p>;
    case 'requested': return <p class="banner waiting" id="banner">{t('delegate.requested', { type: t(`type.${standing.entry.type}` as MessageId) })}</p>;
    default: return null;
  }
}

/** Says the standing once each time it changes (from the state: a snapshot is spoken too). */
function useToldStanding(standing: Standing) {
  const { t } = useI18n();
  const told = useRef<string>('none');
  useEffect(() => {
    if (standing.kind === told.current) return;
    told.current = standing.kind;
    const say: Partial<Record<Standing['kind'], MessageId>> = {
      speaking: 'delegate.speaking', called: 'delegate.called', 'on-deck': 'delegate.onDeck', 'point-called': 'delegate.pointCalled',
      'point-heard': 'delegate.pointHeard', interrupted: 'delegate.interruptedSaid', 'point-pending': 'delegate.pointPending',
    };
    const id = say[standing.kind];
    if (id) announce(t(id), true);
  }, [standing.kind]);
}

function Ruling({ floor }: { floor: FloorSnapshot }) {
  const { t } = useI18n();
  const ruled = (floor.myEntries ?? []).filter((e) => e.type === 'point-of-order' && e.ruling).at(-1);
  const appeal = floor.appeal;
  const mineRuled = ruled && (appeal?.entryId === ruled.entryId || floor.interrupted || floor.speech?.pauseReason === 'point-of-order');
  if (!mineRuled && !appeal) return null;
  return (
    <section class="card" aria-labelledby="ruling-h" id="ruling" data-focus-home tabIndex={-1}>
      <h2 id="ruling-h">{t('delegate.rulingTitle')}</h2>
      {mineRuled ? <p id="my-ruling">{t(ruled!.ruling!.decision === 'upheld' ? 'delegate.rulingUpheld' : 'delegate.rulingRejected', { text: ruled!.ruling!.text })}</p> : null}
      {appeal?.status === 'appealable' && floor.profile?.pointsOfOrder.appeal ? (
        <><p>{t('delegate.mayAppeal')}</p><Action id="appeal" command="pointOfOrder.appeal" payload={{ entryId: appeal.entryId }} label={t('delegate.appeal')} /></>
      ) : null}
      {appeal?.status === 'appealed' ? <p>{t('poo.appealed')}</p> : null}
    </section>
  );
}

function MyRequests({ floor }: { floor: FloorSnapshot }) {
  const { t, lang } = useI18n();
  const l = useFloorLabels();
  const live = (floor.myEntries ?? []).filter((e) => ['requested', 'waiting', 'called', 'speaking'].includes(e.status));
  const state = (e: (typeof live)[number]) => {
    if (e.type === 'point-of-order') return t(e.status === 'waiting' ? 'delegate.pointStateWaiting' : e.status === 'called' ? 'delegate.pointStateCalled' : 'delegate.pointStateSpeaking');
    if (e.status === 'requested') return t('delegate.stateRequested');
    const held = floor.interrupted?.entryId === e.entryId || (floor.speech?.entryId === e.entryId && floor.speech.paused);
    if (e.status !== 'waiting') return t(e.status === 'called' ? 'delegate.stateCalled' : held ? 'delegate.statePaused' : 'delegate.stateSpeaking');
    const p = placeOf(floor, e);
    if (!p) return t('delegate.stateWaiting');
    const est = p.row as { sitting?: number | null; estimatedAt?: number | null };
    return [t('delegate.place', { place: p.place, count: p.of }), est.sitting ? t('delegate.sitting', { sitting: est.sitting }) : null,
      est.estimatedAt ? t('delegate.about', { time: formatMeetingDateTime(est.estimatedAt, floor.timeZone, lang) }) : null].filter(Boolean).join(', ');
  };
  return (
    <section class="card" aria-labelledby="mine-h" data-focus-home id="mine" tabIndex={-1}>
      <h2 id="mine-h">{t('delegate.mine')}</h2>
      {live.length === 0 ? <p class="muted">{t('delegate.notOnList')}</p> : (
        <ul class="plain">
          {live.map((e) => {
            const item = floor.items?.find((i) => i.id === e.itemId);
            return (
              <li key={e.entryId} class="entry mine">
                <span><strong>{l.type(e.type)}</strong>{item && e.itemId !== floor.currentItemId ? ` (${item.title})` : ''} — {state(e)}</span>
                {['requested', 'waiting'].includes(e.status) ? <Action id={`withdraw-${e.entryId}`} command="floor.withdraw" payload={{ entryId: e.entryId }} label={t('delegate.withdraw')} ariaLabel={t('delegate.withdrawThe', { type: l.type(e.type) })} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** R39, R41: where the delegation follows the meeting from (the chair sees it; a request may say otherwise). */
function FollowingFrom({ floor }: { floor: FloorSnapshot }) {
  const { t } = useI18n();
  const act = useAct();
  const mode = floor.myPresence?.mode ?? 'in-room';
  return (
    <p class="card following">
      <label for="my-mode">{t('delegate.followingFrom')}</label>
      <select id="my-mode" value={mode} onChange={(e) => void act('presence.update', { status: 'connected', mode: e.currentTarget.value as 'in-room' | 'remote' })}>
        <option value="in-room">{t('mode.inRoom')}</option>
        <option value="remote">{t('mode.remote')}</option>
      </select>
    </p>
  );
}

function DelegatePage({ meeting, claims }: { meeting: MeetingLive; claims: Claims }) {
  const floor = meeting.floor as FloorSnapshot;
  const mine = claims.delegationId ?? '';
  const standing = standingOf(floor, mine);
  useToldStanding(standing);
  const delivered = useDelivered(meeting);
  return (
    <div class="delegate">
      <div id="standing" data-focus-home tabIndex={-1}><Banner floor={floor} standing={standing} meeting={meeting} /></div>
      <Ruling floor={floor} />
      <VoteBoard floor={floor}><VoteButtons floor={floor} /></VoteBoard>
      <SpeakerPanel floor={floor} serverNow={meeting.serverNow} />
      <MyRequests floor={floor} />
      <FollowingFrom floor={floor} />
      <RequestForm floor={floor} mine={mine} delivered={delivered} />
      <ListOfSpeakers floor={floor} mine={mine} />
    </div>
  );
}

bootConsole({
  roles: ['delegate'], name: 'console.delegate',
  page: ({ meeting, claims }) => <DelegatePage meeting={meeting} claims={claims} />,
  options: (claims) => ({
    // Time warnings: assertive when it is one's own time (R34).
    onEvent: (e, floor) => {
      if (e.type !== 'clock.warning' && e.type !== 'clock.expired') return;
      const t = new Translator(pickLanguage(location.search, navigator.languages ?? []));
      const own = floor?.speech?.delegationId === claims.delegationId;
      if (e.type === 'clock.expired') announce(t.t(own ? 'delegate.timeUp' : 'clock.expiredSaid'), own);
      else announce(t.t(own ? 'delegate.timeWarning' : 'clock.warningSaid', { seconds: (e.payload as { secondsLeft: number }).secondsLeft }), own);
    },
    refreshDelay: () => 150,
  }),
});
