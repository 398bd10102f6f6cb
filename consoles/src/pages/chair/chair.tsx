// Chair console: the floor pinned at the top (speaker, clock, on deck, speech controls) while
// the list scrolls; the point-of-order flow; the meeting's controls (adjourn apart, confirmed);
// requests; the list of speakers (filter, keyboard reorder); presence of every delegation.
import '../../../static/console.css';
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import type { FloorEventPayloads } from '@rostrum/contracts/floor/events';
import { bootConsole } from '../../shell/console';
import { announce } from '../../shell/announce';
import type { AnyEvent, MeetingLive } from '../../shell/meeting';
import { useAsk } from '../../shell/dialog';
import { Translator, pickLanguage } from '../../i18n/i18n';
import { SpeakerPanel } from '../../ui/floor';
import { VoteBoard } from '../../ui/votes';
import { Action } from '../../shell/actions';
import { useI18n } from '../../i18n/i18n-context';
import { PointsOfOrder, openPoints } from './points-of-order';
import { MeetingControls, SpeechControls } from './controls';
import { ChairList } from './list';
import { PendingRequests } from './requests';
import { Presence } from './presence';

/** Announcements the chair must not miss (assertive: a point of order). */
function onEvent(e: AnyEvent): void {
  const t = new Translator(pickLanguage(location.search, navigator.languages ?? []));
  if (e.type === 'pointOfOrder.raised') announce(t.t('chair.pooRaised', { capacity: (e.payload as unknown as FloorEventPayloads['pointOfOrder.raised']).entry.capacityLabel }), true);
  if (e.type === 'reply.requested') announce(t.t('chair.replyRequested', { capacity: (e.payload as unknown as FloorEventPayloads['reply.requested']).entry.capacityLabel }));
  if (e.type === 'clock.warning') announce(t.t('clock.warningSaid', { seconds: (e.payload as unknown as FloorEventPayloads['clock.warning']).secondsLeft }));
  if (e.type === 'clock.expired') announce(t.t('clock.expiredSaid'));
}

function ChairPage({ meeting }: { meeting: MeetingLive }) {
  const { t } = useI18n();
  const floor = meeting.floor as FloorSnapshot;
  const [dialog, ask] = useAsk();
  const points = openPoints(floor);
  document.title = `${points.length ? `⚠ ${t('poo.title')} — ` : ''}${t('console.chair')} — Rostrum`;
  return (
    <div class="chair">
      {dialog}
      <div class="pinned" id="pinned">
        <SpeakerPanel floor={floor} serverNow={meeting.serverNow}>
          <SpeechControls floor={floor} meeting={meeting} ask={ask} />
        </SpeakerPanel>
      </div>
      <PointsOfOrder floor={floor} meeting={meeting} />
      <VoteBoard floor={floor}>
        {floor.vote ? <Action id="vote-close" command="vote.close" payload={{ voteId: floor.vote.voteId }} label={t('vote.close')} primary /> : null}
      </VoteBoard>
      <MeetingControls floor={floor} ask={ask} />
      <PendingRequests floor={floor} ask={ask} />
      <ChairList floor={floor} ask={ask} />
      <Presence floor={floor} />
    </div>
  );
}

bootConsole({
  roles: ['chair'], name: 'console.chair',
  page: ({ meeting }) => <ChairPage meeting={meeting} />,
  options: () => ({ onEvent, refreshDelay: () => 150 }),
});
