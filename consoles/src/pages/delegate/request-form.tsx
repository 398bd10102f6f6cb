// Asking for the floor: each kind of request says what it is for; a right of reply offers only
// interventions other delegations delivered on the item (R24) and says why when there is none;
// the form keeps what was typed across every redraw.
import { useEffect, useState } from 'preact/hooks';
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import type { Intervention } from '@rostrum/contracts/floor/events';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageId } from '../../i18n/i18n';
import { useAct } from '../../shell/actions';
import { announce } from '../../shell/announce';
import type { MeetingLive } from '../../shell/meeting';
import { formatMeetingTime } from '../../shell/time';

type Delivered = Pick<Intervention, 'entryId' | 'itemId' | 'delegationId' | 'capacityLabel' | 'speakerName' | 'type' | 'endedAt'>;
type RequestType = 'statement' | 'point-of-order' | 'right-of-reply' | 'question';
const TYPES: RequestType[] = ['statement', 'point-of-order', 'right-of-reply', 'question'];

/** Interventions delivered in the meeting (R44 `speech.ended`): the history once, then live. */
export function useDelivered(meeting: MeetingLive): Delivered[] {
  const [list, setList] = useState<Delivered[]>([]);
  useEffect(() => {
    const seen = new Map<string, Delivered>();
    const add = (iv: Intervention) => { seen.set(iv.entryId, iv); setList([...seen.values()]); };
    const off = meeting.client.on('speech.ended', (e) => add(e.payload.intervention));
    void meeting.client.fetchSince('meeting', 0, 5000, true).then((res) => {
      for (const e of res.events) if (e.type === 'speech.ended') add((e.payload as { intervention: Intervention }).intervention);
    }).catch(() => undefined);
    return off;
  }, [meeting.client]);
  return list;
}

export function RequestForm({ floor, mine, delivered }: { floor: FloorSnapshot; mine: string; delivered: Delivered[] }) {
  const { t, lang } = useI18n();
  const act = useAct();
  const [type, setType] = useState<RequestType>('statement');
  const [mode, setMode] = useState<'in-room' | 'remote'>(floor.myPresence?.mode ?? 'in-room');
  const [capacity, setCapacity] = useState('');
  const [itemId, setItemId] = useState('');
  const [replyTo, setReplyTo] = useState('');
  const [text, setText] = useState('');
  const profile = floor.profile;
  const enabled = (k: RequestType) => k === 'point-of-order' ? profile?.pointsOfOrder.enabled !== false : k === 'right-of-reply' ? profile?.rightOfReply.enabled !== false : true;
  const groups = (floor.groups ?? []).filter((g) => g.coordinatorDelegationId === mine);
  const target = itemId || floor.currentItemId || '';
  const replies = delivered.filter((d) => d.itemId === target && d.delegationId !== mine);
  const nobodyToAnswer = type === 'right-of-reply' && replies.length === 0;
  const chosenReply = replies.some((r) => r.entryId === replyTo) ? replyTo : replies[0]?.entryId ?? '';
  const items = (floor.items ?? []).filter((i) => i.status !== 'concluded');
  const submitLabel: MessageId = type === 'point-of-order' ? 'request.submitPoint' : type === 'right-of-reply' ? 'request.submitReply' : 'request.submit';
  return (
    <form class="card request" aria-labelledby="req-h" data-focus-home id="request" tabIndex={-1} onSubmit={(e) => {
      e.preventDefault();
      if (nobodyToAnswer) return;
      const payload = {
        type, mode,
        ...(capacity ? { capacity: { kind: 'group' as const, groupId: capacity } } : {}),
        ...(itemId ? { itemId } : {}),
        ...(type === 'right-of-reply' ? { replyTo: chosenReply } : {}),
        ...(type === 'point-of-order' && text.trim() ? { text: text.trim() } : {}),
      };
      void act('floor.request', payload).then((ack) => { if (ack.ok) { setText(''); announce(t(type === 'point-of-order' ? 'request.sentPoint' : 'request.sent')); } });
    }}>
      <h2 id="req-h">{t('request.title')}</h2>
      <fieldset class="types">
        <legend>{t('request.what')}</legend>
        {TYPES.filter(enabled).map((k) => (
          <p key={k} class="type-choice">
            <input type="radio" name="type" id={`req-type-${k}`} value={k} checked={type === k} onChange={() => setType(k)} aria-describedby={`req-type-${k}-help`} />
            <label for={`req-type-${k}`}>{t(`type.${k}` as MessageId)}</label>
            <span class="hint" id={`req-type-${k}-help`}>{t(`request.help.${k}` as MessageId)}</span>
          </p>
        ))}
      </fieldset>
      <p><label for="req-item">{t('request.item')}</label>
        <select id="req-item" name="itemId" value={itemId} onChange={(e) => setItemId(e.currentTarget.value)}>
          <option value="">{t('request.currentItem')}</option>
          {items.map((i) => <option key={i.id} value={i.id}>{i.position}. {i.title}</option>)}
        </select></p>
      {type === 'right-of-reply' ? (
        nobodyToAnswer ? <p class="why" id="req-reply-why">{t('request.nothingToAnswer')}</p> : (
          <p><label for="req-reply">{t('request.replyTo')}</label>
            <select id="req-reply" name="replyTo" value={chosenReply} onChange={(e) => setReplyTo(e.currentTarget.value)}>
              {replies.map((r) => <option key={r.entryId} value={r.entryId}>{t('request.replyOption', { capacity: r.capacityLabel, speaker: r.speakerName, time: formatMeetingTime(r.endedAt, floor.timeZone, lang) })}</option>)}
            </select></p>
        )
      ) : null}
      {type === 'point-of-order' ? (
        <p><label for="req-text">{t('request.pointText')}</label>
          <input id="req-text" name="text" type="text" maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} /></p>
      ) : null}
      <p><label for="req-mode">{t('request.mode')}</label>
        <select id="req-mode" name="mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as 'in-room' | 'remote')}>
          <option value="in-room">{t('mode.inRoom')}</option>
          <option value="remote">{t('mode.remote')}</option>
        </select></p>
      {groups.length ? (
        <p><label for="req-capacity">{t('request.capacity')}</label>
          <select id="req-capacity" name="capacity" value={capacity} onChange={(e) => setCapacity(e.currentTarget.value)}>
            <option value="">{t('request.national')}</option>
            {groups.map((g) => <option key={g.id} value={g.id}>{t('request.onBehalf', { group: g.name })}</option>)}
          </select></p>
      ) : null}
      <button type="submit" id="request-floor" class="primary" aria-disabled={nobodyToAnswer ? 'true' : undefined} aria-describedby={nobodyToAnswer ? 'req-reply-why' : undefined}>{t(submitLabel)}</button>
    </form>
  );
}
