// Floor views every Preact console shares: the speaking clock (from the server's time), the
// speaker panel (speaker, clock, a point of order being heard and whom it interrupted, on deck),
// the list of speakers (compact rows, optional filter and per-row actions), labels.
import type { ComponentChildren } from 'preact';
import type { ClockView, EntryView, FloorSnapshot, PresenceView } from '@rostrum/contracts/floor/snapshot';
import { useI18n } from '../i18n/i18n-context';
import type { MessageId } from '../i18n/i18n';
import { useServerNow } from '../shell/clock';
import { formatCountdown, secondsLeft } from '../shell/time';

type Mode = 'in-room' | 'remote';

/** Labels of the floor's vocabulary in the reader's language. */
export function useFloorLabels() {
  const { t } = useI18n();
  return {
    type: (type: EntryView['type']) => t(`type.${type}` as MessageId),
    mode: (mode: Mode | undefined) => t(mode === 'remote' ? 'mode.remote' : 'mode.inRoom'),
    /** Never connected (no presence at all), connected, dropped, back. */
    presence: (p: PresenceView | undefined) => t(!p ? 'presence.never' : p.status === 'dropped' ? 'presence.dropped' : 'presence.connected'),
  };
}

/** 'ok' | 'warning' | 'expired' for the clock's colours (R34 warnings from the profile). */
export function clockState(floor: FloorSnapshot, clock: ClockView, left: number): 'ok' | 'warning' | 'expired' {
  const warnAt = Math.max(...(floor.profile?.time.warningsSeconds ?? [30]), 0);
  if (left <= 0 || clock.expiredAt) return 'expired';
  if (left <= warnAt || clock.warningsGiven.length > 0) return 'warning';
  return 'ok';
}

/** A speaking clock, drawn from the server's time every quarter second while it runs. */
export function Clock({ floor, clock, serverNow, id = 'clock', small = false }: { floor: FloorSnapshot; clock: ClockView; serverNow: () => number; id?: string; small?: boolean }) {
  const { t } = useI18n();
  const now = useServerNow(serverNow, clock.clockStoppedAt === null && !(clock.elapsedMs !== undefined));
  const left = secondsLeft(clock, now);
  const state = clockState(floor, clock, left);
  const shown = formatCountdown(left);
  const label = t(state === 'expired' ? 'clock.labelExpired' : state === 'warning' ? 'clock.labelWarning' : 'clock.label', { time: shown });
  return <p id={id} class={small ? 'clock small' : 'clock'} role="timer" aria-live="off" aria-label={label} data-state={state} data-seconds={Math.ceil(left)} dir="ltr">{shown}</p>;
}

/** The one who speaks, with its clock; a point of order heard over an interrupted speaker; who is called; on deck. */
export function SpeakerPanel({ floor, serverNow, children }: { floor: FloorSnapshot; serverNow: () => number; children?: ComponentChildren }) {
  const { t } = useI18n();
  const l = useFloorLabels();
  const sp = floor.speech;
  const item = floor.items?.find((i) => i.id === floor.currentItemId);
  const interrupted = floor.interrupted ?? (sp?.paused && sp.pauseReason === 'point-of-order' ? sp : null);
  const interruptedName = interrupted ? entryName(floor, interrupted.entryId) : null;
  return (
    <section class="card speaker" aria-labelledby="speaker-h">
      <h2 id="speaker-h">{t('floor.title')}</h2>
      <p class="item">{item ? t('floor.item', { position: item.position, title: item.title }) : t('floor.noItem')} · {t(`meeting.status.${floor.status ?? 'created'}` as MessageId)}</p>
      {sp ? (
        <div>
          <p class="speaker-name">{sp.speaker.speakerName} <span class="muted">— {sp.speaker.capacityLabel}</span></p>
          <p class="muted">{l.type(sp.speaker.type)} · {l.mode(sp.speaker.mode)}{sp.paused ? ` · ${t('floor.paused')}` : ''}</p>
          <Clock floor={floor} clock={sp} serverNow={serverNow} />
        </div>
      ) : floor.called ? (
        <p class="speaker-name">{t('floor.called', { name: floor.called.speakerName, capacity: floor.called.capacityLabel })}</p>
      ) : <p class="muted">{t('floor.nobody')}</p>}
      {floor.called && sp ? <p class="called">{t('floor.calledOver', { capacity: floor.called.capacityLabel })}</p> : null}
      {interrupted && interrupted !== sp ? (
        <p class="interrupted" id="interrupted">{t('floor.interrupted', { name: interruptedName ?? '', time: formatCountdown(secondsLeft(interrupted, serverNow())) })}</p>
      ) : null}
      {floor.onDeck ? <p class="ondeck">{t('floor.onDeck')} <strong>{floor.onDeck.speakerName}</strong> — {floor.onDeck.capacityLabel}</p> : null}
      {children}
    </section>
  );
}

/** The capacity label of an entry anywhere in the snapshot (for the interrupted speaker). */
export function entryName(floor: FloorSnapshot, entryId: string): string | null {
  if (floor.speech?.speaker.entryId === entryId) return floor.speech.speaker.capacityLabel;
  for (const l of Object.values(floor.lists ?? {})) for (const e of [...l.replies, ...l.motionSpeakers, ...l.speakers, ...l.laterReplies]) if (e.entryId === entryId) return e.capacityLabel;
  const d = floor.delegations?.find((x) => x.id === floor.interrupted?.delegationId || x.id === floor.speech?.delegationId);
  return d?.name ?? null;
}

/** The list of the item taken up, in the order it will be heard (replies and motion speakers first, R16). */
export function currentList(floor: FloorSnapshot): EntryView[] {
  const l = floor.currentItemId && floor.lists && Object.hasOwn(floor.lists, floor.currentItemId) ? floor.lists[floor.currentItemId] : undefined;
  return l ? [...l.replies, ...l.motionSpeakers, ...l.speakers] : [];
}

export interface ListProps {
  floor: FloorSnapshot;
  /** The delegation whose rows are marked as one's own. */
  mine?: string;
  /** Only rows whose delegation, capacity or speaker contains this (case-insensitive). */
  filter?: string;
  /** Per-row controls (chair). */
  actions?: (e: EntryView, index: number, all: EntryView[]) => ComponentChildren;
  /** Connection state beside each row (chair). */
  presence?: Record<string, PresenceView>;
  heading?: ComponentChildren;
}

/** The list of speakers of the item taken up: compact rows, numbered as they will be heard. */
export function ListOfSpeakers({ floor, mine, filter, actions, presence, heading }: ListProps) {
  const { t } = useI18n();
  const l = useFloorLabels();
  const list = currentList(floor);
  const status = floor.currentItemId ? floor.lists?.[floor.currentItemId]?.status : undefined;
  const needle = filter?.trim().toLowerCase() ?? '';
  const rows = list.map((e, i) => [e, i] as const).filter(([e]) => !needle || `${e.capacityLabel} ${e.speakerName} ${e.delegationName}`.toLowerCase().includes(needle));
  return (
    <section class="card list" aria-labelledby="list-h">
      <h2 id="list-h">{t('list.title')} {status ? <span class={`badge list-${status}`}>{t(`list.status.${status}` as MessageId)}</span> : null} <span class="muted count">{t('list.count', { count: list.length })}</span></h2>
      {heading}
      {list.length === 0 ? <p class="muted">{t('list.empty')}</p>
        : rows.length === 0 ? <p class="muted">{t('list.noMatch')}</p>
          : (
            <ol class="speakers compact" id="speakers">
              {rows.map(([e, i]) => (
                <li key={e.entryId} value={i + 1} class={`entry${mine && e.delegationId === mine ? ' mine' : ''}`} data-entry={e.entryId}>
                  <span class="who"><strong>{e.capacityLabel}</strong> — {e.speakerName}</span>
                  <span class="tags">{l.type(e.type)} · {l.mode(e.mode)}{presence ? ` · ${l.presence(Object.hasOwn(presence, e.delegationId) ? presence[e.delegationId] : undefined)}` : ''}</span>
                  {actions?.(e, i, list)}
                </li>
              ))}
            </ol>
          )}
    </section>
  );
}
