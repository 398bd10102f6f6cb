// The list of speakers as the chair works it, usable at 193 delegations: compact rows, a filter,
// and one row at a time in the tab order (↑/↓ go through the rows; Alt+↑/Alt+↓ move the entry;
// "Move…" puts it at any place). Each move asks the reason the profile requires (R15).
import { useState } from 'preact/hooks';
import type { EntryView, FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import { useI18n } from '../../i18n/i18n-context';
import { Action, Why, useAct } from '../../shell/actions';
import { announce } from '../../shell/announce';
import type { AskOptions } from '../../shell/dialog';
import { ListOfSpeakers } from '../../ui/floor';

type Ask = (o: AskOptions) => Promise<Record<string, string> | null>;

export function ChairList({ floor, ask }: { floor: FloorSnapshot; ask: Ask }) {
  const { t } = useI18n();
  const act = useAct();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const band = (floor.currentItemId && floor.lists ? floor.lists[floor.currentItemId]?.speakers : undefined) ?? [];
  const needsReason = floor.profile?.reorderNeedsReason ?? true;

  const move = async (e: EntryView, toIndex: number, askPlace = false) => {
    const fields = [
      ...(askPlace ? [{ name: 'place', label: t('list.placeLabel', { count: band.length }), required: true, type: 'number' as const, min: 1, max: band.length, value: String(band.findIndex((x) => x.entryId === e.entryId) + 1) }] : []),
      ...(needsReason ? [{ name: 'reason', label: t('list.reason'), required: true }] : []),
    ];
    let reason = '';
    if (fields.length) {
      const r = await ask({ title: askPlace ? t('list.moveTitle', { capacity: e.capacityLabel }) : t('list.moveToTitle', { capacity: e.capacityLabel, place: toIndex + 1 }), confirm: t('list.move'), fields });
      if (!r) return;
      if (askPlace) toIndex = Math.max(0, Math.min(band.length - 1, Number(r.place) - 1));
      reason = r.reason ?? '';
    }
    const ack = await act('chair.reorder', { entryId: e.entryId, toIndex, ...(reason ? { reason } : {}) });
    if (ack.ok) announce(t('list.moved', { capacity: e.capacityLabel, place: toIndex + 1 }));
  };

  const rowKeys = (ev: KeyboardEvent, e: EntryView, all: EntryView[]) => {
    const i = all.findIndex((x) => x.entryId === e.entryId);
    const target = ev.target as HTMLElement;
    const kind = target.id.split('-')[0];
    const go = (j: number) => {
      const next = all[Math.max(0, Math.min(all.length - 1, j))];
      if (!next) return;
      ev.preventDefault();
      setActive(next.entryId);
      setTimeout(() => (document.getElementById(`${kind}-${next.entryId}`) ?? document.querySelector<HTMLElement>(`#speakers li[data-entry="${next.entryId}"] button`))?.focus(), 0);
    };
    const b = band.findIndex((x) => x.entryId === e.entryId);
    if (ev.altKey && ev.key === 'ArrowUp' && b > 0) { ev.preventDefault(); void move(e, b - 1); return; }
    if (ev.altKey && ev.key === 'ArrowDown' && b >= 0 && b < band.length - 1) { ev.preventDefault(); void move(e, b + 1); return; }
    if (ev.altKey) return;
    if (ev.key === 'ArrowDown') go(i + 1);
    if (ev.key === 'ArrowUp') go(i - 1);
    if (ev.key === 'Home') go(0);
    if (ev.key === 'End') go(all.length - 1);
  };

  return (
    <div data-focus-home id="list-home" tabIndex={-1}>
      <ListOfSpeakers floor={floor} filter={filter} presence={floor.presence}
        heading={(
          <>
            <div class="filters">
              <label for="list-filter" class="inline">{t('list.filter')}</label>
              <input id="list-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} aria-describedby="list-keys" />
            </div>
            <p id="list-keys" class="hint">{t('list.keys')}</p>
            <Why id="give-why" command="chair.next" />
          </>
        )}
        actions={(e, _i, all) => {
          const b = band.findIndex((x) => x.entryId === e.entryId);
          const current = active && all.some((x) => x.entryId === active) ? active : all[0]?.entryId;
          const tab = e.entryId === current ? 0 : -1;
          return (
            <span class="actions" onKeyDown={(ev) => rowKeys(ev, e, all)} onFocusIn={() => setActive(e.entryId)}>
              {e.status === 'waiting' ? <Action id={`give-${e.entryId}`} command="chair.grant" payload={{ entryId: e.entryId }} label={t('list.give')} ariaLabel={t('list.giveTo', { capacity: e.capacityLabel })} whyId="give-why" tabIndex={tab} /> : null}
              {b > 0 ? <button type="button" id={`up-${e.entryId}`} tabIndex={tab} aria-label={t('list.up', { capacity: e.capacityLabel })} aria-keyshortcuts="Alt+ArrowUp" onClick={() => void move(e, b - 1)}>↑</button> : null}
              {b >= 0 && b < band.length - 1 ? <button type="button" id={`down-${e.entryId}`} tabIndex={tab} aria-label={t('list.down', { capacity: e.capacityLabel })} aria-keyshortcuts="Alt+ArrowDown" onClick={() => void move(e, b + 1)}>↓</button> : null}
              {b >= 0 && band.length > 1 ? <button type="button" id={`move-${e.entryId}`} tabIndex={tab} aria-label={t('list.moveTo', { capacity: e.capacityLabel })} onClick={() => void move(e, b, true)}>{t('list.moveShort')}</button> : null}
            </span>
          );
        }} />
    </div>
  );
}
