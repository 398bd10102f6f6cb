// Requests awaiting the chair (rights of reply, R24): grant, or decline with an optional reason.
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import { useI18n } from '../../i18n/i18n-context';
import { Action } from '../../shell/actions';
import type { AskOptions } from '../../shell/dialog';
import { useFloorLabels } from '../../ui/floor';

type Ask = (o: AskOptions) => Promise<Record<string, string> | null>;

export function PendingRequests({ floor, ask }: { floor: FloorSnapshot; ask: Ask }) {
  const { t } = useI18n();
  const l = useFloorLabels();
  const reqs = (floor.pendingRequests ?? []).filter((e) => e.type !== 'point-of-order');
  if (!reqs.length) return null;
  return (
    <section class="card" aria-labelledby="pending-h" data-focus-home id="pending" tabIndex={-1}>
      <h2 id="pending-h">{t('chair.pending')}</h2>
      <ul class="plain">
        {reqs.map((e) => (
          <li key={e.entryId} class="entry">
            <span><strong>{e.capacityLabel}</strong> — {l.type(e.type)}, {l.mode(e.mode)}{e.replyTo ? ` · ${t('chair.inReplyTo', { name: replyTarget(floor, e.replyTo) })}` : ''}</span>
            <span class="actions">
              <Action id={`grant-${e.entryId}`} command="chair.grant" payload={{ entryId: e.entryId }} label={t('chair.grant')} ariaLabel={t('chair.grantFor', { capacity: e.capacityLabel })} primary />
              <Action id={`decline-${e.entryId}`} command="chair.decline" payload={{ entryId: e.entryId }} label={t('chair.decline')} ariaLabel={t('chair.declineFor', { capacity: e.capacityLabel })} before={async () => {
                const r = await ask({ title: t('chair.declineTitle', { capacity: e.capacityLabel }), confirm: t('chair.decline'), fields: [{ name: 'reason', label: t('chair.reasonOptional'), required: false }] });
                return r ? { entryId: e.entryId, ...(r.reason ? { reason: r.reason } : {}) } : null;
              }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function replyTarget(floor: FloorSnapshot, entryId: string): string {
  for (const l of Object.values(floor.lists ?? {})) for (const e of [...l.replies, ...l.speakers, ...l.laterReplies]) if (e.entryId === entryId) return e.capacityLabel;
  return entryId;
}
