// Chair console: the floor, the list (drag or up/down to reorder, asking the reason), pending
// requests, points of order that cannot be missed, and the meeting's controls.
import { startConsole, type ConsoleContext } from '../core/app.js';
import { announce, h } from '../core/dom.js';
import { FloorPanel, TYPE_LABELS, announceClock, applyLocally, presenceLabel, speakerPanel, speakersList } from '../core/floor.js';
import type { EntryView, FloorEvent, FloorView, Snapshot } from '../core/protocol.js';
import { askReason } from './reason-dialog.js';
import { voteBoard } from '../core/votes.js';

startConsole(['chair'], (ctx) => {
  const floorEl = h('div', { id: 'floor' });
  ctx.main.replaceChildren(floorEl);
  const panel = new FloorPanel(floorEl, (v) => [
    pointOfOrderAlert(ctx, v), controls(ctx, v), voteBoard(v, voteControls(ctx, v)), speakerPanel(v), speechControls(ctx, v), pending(ctx, v),
    speakersList(v, { presence: v.presence, extras: (e, i, all) => rowControls(ctx, v, e, i, all) }), delegations(v),
  ], () => ctx.conn.serverOffset);
  return {
    snapshot: (s: Snapshot) => panel.set(s.meeting.state),
    event: (e) => {
      if (e.stream !== 'meeting') return;
      if (e.type === 'pointOfOrder.raised') {
        const p = (e as FloorEvent<'pointOfOrder.raised'>).payload;
        announce(`Point of order raised by ${p.entry.capacityLabel}.`, true);
      }
      if (e.type === 'reply.requested') announce(`Right of reply requested by ${(e as FloorEvent<'reply.requested'>).payload.entry.capacityLabel}.`);
      announceClock(e, false);
      if (applyLocally(panel.view, e)) panel.redraw(); else ctx.refreshSoon();
    },
  };
});

/** R50: the chair closes the vote; nothing of the tally shows before. */
function voteControls(ctx: ConsoleContext, v: FloorView): Array<Node | null> {
  return v.vote ? [btn('vote-close', 'Close the vote', () => ctx.cmd.send('vote.close', { voteId: v.vote!.voteId }), 'primary')] : [];
}

const btn = (id: string, label: string, onclick: () => unknown, cls = '') => h('button', { type: 'button', id, class: cls, onclick: () => void onclick() }, label);

function pointOfOrderAlert(ctx: ConsoleContext, v: FloorView): HTMLElement | null {
  const open = (v.pointsOfOrder ?? []).filter((e) => !['done', 'withdrawn', 'declined'].includes(e.status));
  document.title = `${open.length ? '⚠ Point of order — ' : ''}Chair — Rostrum`;
  if (!open.length) return null;
  return h('section', { class: 'alert poo', role: 'alert', id: 'poo-alert', 'aria-labelledby': 'poo-h' },
    h('h2', { id: 'poo-h' }, 'Point of order'),
    ...open.map((e) => h('div', { class: 'poo-entry' },
      h('p', {}, h('strong', {}, e.capacityLabel), ` — ${e.speakerName}${e.text ? `: “${e.text}”` : ''} (${e.status})`),
      e.status === 'requested' || e.status === 'waiting' ? btn(`recognise-${e.entryId}`, 'Recognise (give the floor)', () => ctx.cmd.send('chair.grant', { entryId: e.entryId }), 'primary') : null,
      rulingForm(ctx, e, interruptedSpeaker(v, e)))));
}

/** The speaker holding the floor when the point was raised: a ruling may put it out of order (R53). */
function interruptedSpeaker(v: FloorView, point: EntryView): string | null {
  const sp = v.speech?.entryId !== point.entryId ? v.speech : null;
  return v.interrupted?.entryId ?? sp?.entryId ?? null;
}

function rulingForm(ctx: ConsoleContext, e: EntryView, speaker: string | null): HTMLElement {
  const id = `ruling-${e.entryId}`;
  const text = h('textarea', { id: `${id}-text`, name: 'text', rows: 2, required: true }, '');
  const outOfOrder = speaker ? h('input', { type: 'checkbox', id: `${id}-out`, name: 'outOfOrder' }) : null;
  return h('form', {
    class: 'ruling', 'aria-label': `Ruling on the point of order of ${e.capacityLabel}`,
    onsubmit: ((ev: Event) => {
      ev.preventDefault();
      const decision = (ev.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=decision]:checked')?.value as 'upheld' | 'rejected';
      const effect = outOfOrder?.checked && speaker ? { effect: { kind: 'out-of-order' as const, entryId: speaker } } : {};
      void ctx.cmd.send('pointOfOrder.rule', { entryId: e.entryId, decision, text: text.value.trim(), ...effect });
    }) as EventListener,
  },
  h('fieldset', {}, h('legend', {}, 'Ruling'),
    h('label', {}, h('input', { type: 'radio', name: 'decision', value: 'upheld', id: `${id}-up` }), ' Upheld'),
    h('label', {}, h('input', { type: 'radio', name: 'decision', value: 'rejected', checked: true, id: `${id}-rej` }), ' Rejected')),
  h('label', { for: `${id}-text` }, 'Ruling text'), text,
  outOfOrder ? h('p', {}, outOfOrder, h('label', { for: `${id}-out` }, ' The speaker is out of order (loses the floor; restored if an appeal overturns the ruling)')) : null,
  h('button', { type: 'submit', id: `${id}-submit` }, 'Rule'));
}

function controls(ctx: ConsoleContext, v: FloorView): HTMLElement {
  const item = h('select', { id: 'item-select', 'aria-label': 'Agenda item' }, ...(v.items ?? []).map((i) => h('option', { value: i.id, selected: i.id === v.currentItemId }, `${i.position}. ${i.title} (${i.status})`)));
  const list = v.currentItemId ? v.lists?.[v.currentItemId] : undefined;
  const closing = v.profile?.closing;
  return h('section', { class: 'card toolbar', 'aria-labelledby': 'ctl-h' },
    h('h2', { id: 'ctl-h' }, `Meeting: ${v.title ?? ''}`),
    h('div', { class: 'actions' },
      v.status === 'created' || v.status === 'risen' ? btn('meeting-open', v.status === 'risen' ? 'Open the next meeting' : 'Open the meeting', () => ctx.cmd.send('meeting.open', {}), 'primary') : null,
      v.status === 'open' ? btn('meeting-rise', 'The meeting rises (debate continues)', () => ctx.cmd.send('meeting.rise', {})) : null,
      v.status === 'open' && v.appeal?.status === 'appealed' && !v.vote ? btn('vote-appeal', 'Put the appeal to a recorded vote', () => ctx.cmd.send('vote.open', { question: { kind: 'appeal' }, recorded: true }), 'primary') : null,
      v.status === 'open' ? btn('meeting-suspend', 'Suspend', () => ctx.cmd.send('meeting.suspend', {})) : null,
      v.status === 'suspended' ? btn('meeting-resume', 'Resume', () => ctx.cmd.send('meeting.resume', {})) : null,
      v.status === 'open' || v.status === 'suspended' ? btn('meeting-adjourn', 'Adjourn', () => ctx.cmd.send('meeting.adjourn', {})) : null),
    h('div', { class: 'actions' }, item,
      btn('item-takeup', 'Take up item', () => ctx.cmd.send('item.takeUp', { itemId: item.value })),
      v.currentItemId ? btn('item-conclude', 'Conclude item', () => ctx.cmd.send('item.conclude', {})) : null),
    list ? h('div', { class: 'actions' },
      list.status === 'open' && closing?.requiresAnnouncement ? btn('list-announce', 'Announce the list', () => ctx.cmd.send('list.announce', {})) : null,
      list.status !== 'closed' ? btn('list-close', 'Close the list', () => ctx.cmd.send('list.close', { consent: closing?.consent ?? 'no-objection' })) : null,
      list.status === 'closed' ? btn('list-reopen', 'Reopen the list', async () => { const reason = await askReason('Why reopen the list?'); if (reason !== null) await ctx.cmd.send('list.reopen', reason ? { reason } : {}); }) : null) : null);
}

function speechControls(ctx: ConsoleContext, v: FloorView): HTMLElement {
  const sp = v.speech;
  return h('div', { class: 'actions card' },
    !sp ? btn('chair-next', 'Call the next speaker', () => ctx.cmd.send('chair.next', {}), 'primary') : null,
    v.called && !sp ? btn('speech-start', 'Start the speech', () => ctx.cmd.send('speech.start', {})) : null,
    sp && !sp.paused ? btn('speech-pause', 'Pause the clock', () => ctx.cmd.send('speech.pause', {})) : null,
    sp?.paused ? btn('speech-resume', 'Resume', () => ctx.cmd.send('speech.resume', {})) : null,
    sp ? btn('speech-extend', 'Extend by 30 s', () => ctx.cmd.send('chair.extend', { kind: 'time', seconds: 30 })) : null,
    sp ? btn('speech-end', 'End the speech', () => ctx.cmd.send('speech.end', {})) : null);
}

function pending(ctx: ConsoleContext, v: FloorView): HTMLElement | null {
  const reqs = (v.pendingRequests ?? []).filter((e) => e.type !== 'point-of-order');
  if (!reqs.length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'pending-h' },
    h('h2', { id: 'pending-h' }, 'Pending floor requests'),
    h('ul', { class: 'plain' }, ...reqs.map((e) => h('li', { class: 'entry' },
      h('span', {}, h('strong', {}, e.capacityLabel), ` — ${TYPE_LABELS[e.type]}, ${presenceLabel(v.presence?.[e.delegationId], e.mode)}`),
      h('span', { class: 'actions' },
        btn(`grant-${e.entryId}`, 'Grant', () => ctx.cmd.send('chair.grant', { entryId: e.entryId }), 'primary'),
        btn(`decline-${e.entryId}`, 'Decline', async () => { const reason = await askReason(`Decline the request of ${e.capacityLabel}?`); if (reason !== null) await ctx.cmd.send('chair.decline', reason ? { entryId: e.entryId, reason } : { entryId: e.entryId }); }))))));
}

/** Up/down buttons (keyboard) and drag-and-drop both end in chair.reorder, with a reason (R15). */
function rowControls(ctx: ConsoleContext, v: FloorView, e: EntryView, _i: number, _all: EntryView[]): Node[] {
  const band = (v.currentItemId ? v.lists?.[v.currentItemId]?.speakers : undefined) ?? [];
  const idx = band.findIndex((x) => x.entryId === e.entryId);
  const move = (to: number) => reorder(ctx, v, e, to);
  if (idx >= 0) enableDrag(e.entryId, idx, move);
  return [h('span', { class: 'actions' },
    idx > 0 ? h('button', { type: 'button', id: `up-${e.entryId}`, 'aria-label': `Move ${e.capacityLabel} up`, onclick: () => void move(idx - 1) }, '↑') : null,
    idx >= 0 && idx < band.length - 1 ? h('button', { type: 'button', id: `down-${e.entryId}`, 'aria-label': `Move ${e.capacityLabel} down`, onclick: () => void move(idx + 1) }, '↓') : null,
    e.status === 'waiting' ? h('button', { type: 'button', id: `give-${e.entryId}`, 'aria-label': `Give the floor to ${e.capacityLabel}`, onclick: () => void ctx.cmd.send('chair.grant', { entryId: e.entryId }) }, 'Give the floor') : null)];
}

async function reorder(ctx: ConsoleContext, v: FloorView, e: EntryView, toIndex: number): Promise<void> {
  const reason = await askReason(`Move ${e.capacityLabel} to place ${toIndex + 1}: reason`, v.profile?.reorderNeedsReason ?? true);
  if (reason === null) return;
  const ack = await ctx.cmd.send('chair.reorder', reason ? { entryId: e.entryId, toIndex, reason } : { entryId: e.entryId, toIndex });
  if (ack.ok) announce(`${e.capacityLabel} moved to place ${toIndex + 1}.`);
}

/** How to move each entry of the list as drawn last; a drop on a row moves the dragged entry there. */
const movers = new Map<string, (to: number) => Promise<void>>();

/** Rows are redrawn on every change, so drag handlers are attached once the row exists. */
function enableDrag(entryId: string, index: number, move: (to: number) => Promise<void>): void {
  movers.set(entryId, move);
  queueMicrotask(() => {
    const li = document.querySelector<HTMLElement>(`#speakers li[data-entry="${entryId}"]`);
    if (!li) return;
    li.draggable = true;
    li.addEventListener('dragstart', (ev) => { ev.dataTransfer?.setData('text/plain', entryId); li.classList.add('dragging'); });
    li.addEventListener('dragend', () => li.classList.remove('dragging'));
    li.addEventListener('dragover', (ev) => ev.preventDefault());
    li.addEventListener('drop', (ev) => {
      ev.preventDefault();
      const from = ev.dataTransfer?.getData('text/plain');
      if (from && from !== entryId) void movers.get(from)?.(index);
    });
  });
}

function delegations(v: FloorView): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': 'dels-h' },
    h('h2', { id: 'dels-h' }, 'Delegations: room and connection'),
    h('ul', { class: 'plain cols' }, ...(v.delegations ?? []).map((d) => h('li', {}, h('strong', {}, d.name), ` — ${presenceLabel(v.presence?.[d.id], undefined)}`))));
}
