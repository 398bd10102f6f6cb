// The chair's controls: the speech in progress (start on the speaker's behalf, pause, resume,
// extend, end — early only after a confirmation), calling the next speaker; the meeting (open,
// suspend, resume, rise, adjourn — apart and confirmed), the agenda and the list's closing.
import { useState } from 'preact/hooks';
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import { useI18n } from '../../i18n/i18n-context';
import { Action } from '../../shell/actions';
import type { AskOptions } from '../../shell/dialog';
import type { MeetingLive } from '../../shell/meeting';
import { formatCountdown, secondsLeft } from '../../shell/time';

type Ask = (o: AskOptions) => Promise<Record<string, string> | null>;

export function SpeechControls({ floor, meeting, ask }: { floor: FloorSnapshot; meeting: MeetingLive; ask: Ask }) {
  const { t } = useI18n();
  const sp = floor.speech;
  const isPoint = sp?.speaker.type === 'point-of-order';
  return (
    <div class="actions speech-controls" data-focus-home id="speech-controls" tabIndex={-1}>
      <Action id="chair-next" command="chair.next" label={t('chair.next')} primary={!sp && !floor.called} />
      {floor.called && !isPoint && floor.called.type !== 'point-of-order' ? <Action id="speech-start" command="speech.start" payload={{}} label={t('chair.startFor', { capacity: floor.called.capacityLabel })} /> : null}
      {sp && !isPoint ? (
        <>
          {sp.paused ? <Action id="speech-resume" command="speech.resume" payload={{}} label={t('chair.resume')} /> : <Action id="speech-pause" command="speech.pause" payload={{}} label={t('chair.pause')} />}
          <Action id="speech-extend" command="chair.extend" payload={{ kind: 'time', seconds: 60 }} label={t('chair.extend')} />
          <Action id="speech-end" command="speech.end" payload={{}} label={t('chair.end')} before={async () => {
            const left = secondsLeft(sp, meeting.serverNow());
            if (left <= 0) return {};
            const ok = await ask({ title: t('chair.endEarlyTitle', { capacity: sp.speaker.capacityLabel }), body: t('chair.endEarlyBody', { time: formatCountdown(left) }), confirm: t('chair.endEarlyConfirm') });
            return ok ? {} : null;
          }} />
        </>
      ) : null}
    </div>
  );
}

export function MeetingControls({ floor, ask }: { floor: FloorSnapshot; ask: Ask }) {
  const { t } = useI18n();
  const status = floor.status;
  const items = floor.items ?? [];
  const [itemId, setItemId] = useState(() => items.find((i) => i.status !== 'concluded' && i.id !== floor.currentItemId)?.id ?? items[0]?.id ?? '');
  const list = floor.currentItemId && floor.lists ? floor.lists[floor.currentItemId] : undefined;
  return (
    <section class="card toolbar" aria-labelledby="ctl-h" data-focus-home id="controls" tabIndex={-1}>
      <h2 id="ctl-h">{t('chair.meeting', { title: floor.title ?? '' })}</h2>
      <div class="actions">
        {status === 'created' || status === 'risen' ? <Action id="meeting-open" command="meeting.open" label={t(status === 'risen' ? 'chair.openNext' : 'chair.open')} primary /> : null}
        {status === 'open' ? <Action id="meeting-suspend" command="meeting.suspend" label={t('chair.suspend')} /> : null}
        {status === 'suspended' ? <Action id="meeting-resume" command="meeting.resume" label={t('chair.resumeMeeting')} primary /> : null}
        {status === 'open' ? <Action id="meeting-rise" command="meeting.rise" label={t('chair.rise')} /> : null}
      </div>
      <div class="actions">
        <label for="item-select" class="inline">{t('chair.item')}</label>
        <select id="item-select" value={itemId} onChange={(e) => setItemId(e.currentTarget.value)}>
          {items.map((i) => <option key={i.id} value={i.id}>{t('chair.itemOption', { position: i.position, title: i.title, status: t(`item.status.${i.status}`) })}</option>)}
        </select>
        <Action id="item-takeup" command="item.takeUp" payload={{ itemId }} label={t('chair.takeUp')} />
        {floor.currentItemId ? <Action id="item-conclude" command="item.conclude" payload={{}} label={t('chair.conclude')} before={async () => (await ask({ title: t('chair.concludeTitle'), body: t('chair.concludeBody'), confirm: t('chair.conclude') })) ? {} : null} /> : null}
      </div>
      {list ? (
        <div class="actions">
          {list.status === 'open' && floor.profile?.closing.requiresAnnouncement ? <Action id="list-announce" command="list.announce" payload={{}} label={t('chair.announce')} /> : null}
          {list.status !== 'closed' ? <Action id="list-close" command="list.close" payload={{ consent: floor.profile?.closing.consent === 'chair' ? 'chair' : 'no-objection' }} label={t('chair.closeList')} /> : null}
          {list.status === 'closed' ? <Action id="list-reopen" command="list.reopen" payload={{}} label={t('chair.reopenList')} /> : null}
        </div>
      ) : null}
      {status === 'open' || status === 'suspended' ? (
        <div class="actions apart">
          <Action id="meeting-adjourn" command="meeting.adjourn" label={t('chair.adjourn')} class="danger-outline" before={async () => (await ask({
            title: t('chair.adjournTitle'), body: t('chair.adjournBody'), confirm: t('chair.adjourn'), danger: true,
          })) ? {} : null} />
        </div>
      ) : null}
    </section>
  );
}
