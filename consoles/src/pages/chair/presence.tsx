// Every delegation's connection, told apart: never connected, connected, dropped (R40, R41);
// in the room or remote (the mode it last declared; each request carries its own, in the list).
import { useState } from 'preact/hooks';
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import { useI18n } from '../../i18n/i18n-context';
import { useFloorLabels } from '../../ui/floor';

export function Presence({ floor }: { floor: FloorSnapshot }) {
  const { t } = useI18n();
  const l = useFloorLabels();
  const [filter, setFilter] = useState('');
  const [onlyAbsent, setOnlyAbsent] = useState(false);
  const presence = floor.presence ?? {};
  const of = (id: string) => (Object.hasOwn(presence, id) ? presence[id] : undefined);
  const all = floor.delegations ?? [];
  const counts = { connected: 0, dropped: 0, never: 0 };
  for (const d of all) { const p = of(d.id); counts[!p ? 'never' : p.status === 'dropped' ? 'dropped' : 'connected']++; }
  const needle = filter.trim().toLowerCase();
  const rows = all.filter((d) => (!needle || d.name.toLowerCase().includes(needle)) && (!onlyAbsent || of(d.id)?.status !== 'connected' && of(d.id)?.status !== 'back'));
  return (
    <section class="card presence" aria-labelledby="dels-h" data-focus-home id="presence" tabIndex={-1}>
      <h2 id="dels-h">{t('presence.title')}</h2>
      <p id="presence-counts">{t('presence.counts', counts)}</p>
      <div class="filters">
        <label for="presence-filter" class="inline">{t('presence.filter')}</label>
        <input id="presence-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        <label class="inline"><input type="checkbox" id="presence-absent" checked={onlyAbsent} onChange={(e) => setOnlyAbsent(e.currentTarget.checked)} /> {t('presence.onlyAbsent')}</label>
      </div>
      <div class="scroll-box" tabIndex={0} role="region" aria-labelledby="dels-h">
      <table class="compact">
        <thead><tr><th scope="col">{t('presence.delegation')}</th><th scope="col">{t('presence.connection')}</th><th scope="col">{t('presence.where')}</th></tr></thead>
        <tbody>
          {rows.map((d) => {
            const p = of(d.id);
            return (
              <tr key={d.id} data-delegation={d.id} data-presence={!p ? 'never' : p.status}>
                <th scope="row">{d.name}</th>
                <td>{l.presence(p)}</td>
                <td>{p ? l.mode(p.mode) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </section>
  );
}
