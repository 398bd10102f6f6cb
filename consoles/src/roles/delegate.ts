// Delegate console: request the floor by type, see one's place and time, withdraw; told
// clearly (and through aria-live) when on deck and when given the floor.
import { startConsole, type ConsoleContext } from '../core/app.js';
import { announce, h, render } from '../core/dom.js';
import { FloorPanel, TYPE_LABELS, announceClock, applyLocally, currentList, speakerPanel, speakersList } from '../core/floor.js';
import type { CommandPayloads, EntryView, FloorEvent, FloorView, Snapshot } from '../core/protocol.js';

startConsole(['delegate'], (ctx) => {
  const mine = ctx.claims.delegationId ?? '';
  const spoken = new Map<string, string>(); // entryId → who spoke, for a right of reply (R24)
  const floorEl = h('div', { id: 'floor' });
  const form = requestForm(ctx, spoken);
  ctx.main.replaceChildren(floorEl, form.el);
  const panel = new FloorPanel(floorEl, (v) => [banner(v, mine), speakerPanel(v), myEntries(ctx, v), speakersList(v, { mine })], () => ctx.conn.serverOffset);

  // Earlier interventions of the meeting, once: what a right of reply can answer.
  void ctx.conn.socket.emitWithAck('events.since', { stream: 'meeting', seq: 0, limit: 5000 }).then((res: { ok: boolean; events?: FloorEvent[] }) => {
    for (const e of res.events ?? []) if (e.type === 'speech.ended') remember(e as FloorEvent<'speech.ended'>);
    form.update(panel.view);
  });
  const remember = (e: FloorEvent<'speech.ended'>) => spoken.set(e.payload.intervention.entryId, `${e.payload.intervention.delegationName} (${e.payload.intervention.speakerName})`);

  return {
    snapshot: (s: Snapshot) => { panel.set(s.meeting.state); form.update(s.meeting.state); },
    event: (e) => {
      if (e.stream !== 'meeting') return;
      const p = e.payload as { delegationId?: string; entry?: EntryView };
      if (e.type === 'speaker.onDeck' && p.delegationId === mine) announce('You are on deck: you speak next.', true);
      if (e.type === 'floor.given' && p.entry?.delegationId === mine) announce('You have the floor.', true);
      if (e.type === 'speech.ended') remember(e as FloorEvent<'speech.ended'>);
      announceClock(e, panel.view.speech?.delegationId === mine);
      if (applyLocally(panel.view, e)) panel.redraw(); else ctx.refreshSoon();
    },
  };
});

function banner(v: FloorView, mine: string): HTMLElement | null {
  if (v.speech?.delegationId === mine || v.called?.delegationId === mine) {
    return h('p', { class: 'banner floor', id: 'banner' }, 'You have the floor');
  }
  if (v.onDeck?.delegationId === mine) return h('p', { class: 'banner deck', id: 'banner' }, 'You are on deck — you speak next');
  return null;
}

function myEntries(ctx: ConsoleContext, v: FloorView): HTMLElement {
  const list = currentList(v);
  const live = (v.myEntries ?? []).filter((e) => ['requested', 'waiting', 'called', 'speaking'].includes(e.status));
  const mine = ctx.claims.delegationId;
  return h('section', { class: 'card', 'aria-labelledby': 'mine-h' },
    h('h2', { id: 'mine-h' }, 'My requests'),
    live.length === 0 ? h('p', { class: 'muted' }, 'You are not on the list.') : h('ul', { class: 'plain' }, ...live.map((e) => {
      const place = list.findIndex((x) => x.entryId === e.entryId);
      return h('li', { class: 'entry mine' },
        h('span', {}, h('strong', {}, TYPE_LABELS[e.type]), ` — ${e.status === 'requested' ? 'awaiting the chair' : e.status === 'waiting' ? `place ${place + 1} of ${list.length}` : e.status}`),
        ['requested', 'waiting'].includes(e.status)
          ? h('button', { type: 'button', id: `withdraw-${e.entryId}`, onclick: () => void ctx.cmd.send('floor.withdraw', { entryId: e.entryId }) }, 'Withdraw') : null);
    })),
    v.called?.delegationId === mine && !v.speech ? h('button', { type: 'button', id: 'start-speech', class: 'primary', onclick: () => void ctx.cmd.send('speech.start', {}) }, 'Start speaking') : null,
    v.speech?.delegationId === mine ? h('button', { type: 'button', id: 'end-speech', onclick: () => void ctx.cmd.send('speech.end', {}) }, 'End my intervention') : null);
}

/** Built once so that typing is never lost to a redraw; only its choices follow the floor. */
function requestForm(ctx: ConsoleContext, spoken: Map<string, string>): { el: HTMLElement; update(v: FloorView): void } {
  const type = h('select', { id: 'req-type', name: 'type' }, ...Object.entries(TYPE_LABELS).filter(([k]) => k !== 'procedural-motion').map(([k, l]) => h('option', { value: k }, l)));
  const mode = h('select', { id: 'req-mode', name: 'mode' }, h('option', { value: 'in-room' }, 'In the room'), h('option', { value: 'remote' }, 'Remote'));
  const capacity = h('select', { id: 'req-capacity', name: 'capacity' }, h('option', { value: '' }, 'National capacity'));
  const replyTo = h('select', { id: 'req-reply', name: 'replyTo' });
  const text = h('input', { id: 'req-text', name: 'text', type: 'text', maxlength: 1000 });
  const replyRow = h('p', { hidden: true }, h('label', { for: 'req-reply' }, 'In reply to'), replyTo);
  const textRow = h('p', { hidden: true }, h('label', { for: 'req-text' }, 'The point of order (what it is about)'), text);
  const sync = () => { replyRow.hidden = type.value !== 'right-of-reply'; textRow.hidden = type.value !== 'point-of-order'; };
  type.addEventListener('change', sync);
  const el = h('form', {
    class: 'card', 'aria-labelledby': 'req-h',
    onsubmit: ((e: Event) => {
      e.preventDefault();
      const payload: CommandPayloads['floor.request'] = { type: type.value as CommandPayloads['floor.request']['type'], mode: mode.value as 'in-room' | 'remote' };
      if (capacity.value) payload.capacity = { kind: 'group', groupId: capacity.value };
      if (type.value === 'right-of-reply') payload.replyTo = replyTo.value;
      if (type.value === 'point-of-order' && text.value.trim()) payload.text = text.value.trim();
      void ctx.cmd.send('floor.request', payload).then((ack) => { if (ack.ok) { text.value = ''; announce('Request sent.'); } });
    }) as EventListener,
  },
  h('h2', { id: 'req-h' }, 'Request the floor'),
  h('p', {}, h('label', { for: 'req-type' }, 'Type'), type),
  h('p', {}, h('label', { for: 'req-mode' }, 'Speaking from'), mode),
  h('p', {}, h('label', { for: 'req-capacity' }, 'Capacity'), capacity),
  replyRow, textRow,
  h('button', { type: 'submit', id: 'request-floor', class: 'primary' }, 'Request the floor'));
  sync();
  return {
    el,
    update(v) {
      const groups = (v.groups ?? []).filter((g) => g.coordinatorDelegationId === ctx.claims.delegationId);
      render(capacity, h('option', { value: '' }, 'National capacity'), ...groups.map((g) => h('option', { value: g.id }, `On behalf of the ${g.name}`)));
      const chosen = replyTo.value;
      render(replyTo, ...[...spoken].map(([id, who]) => h('option', { value: id, selected: id === chosen }, who)));
      if (v.myPresence?.mode && document.activeElement !== mode) mode.value = v.myPresence.mode;
    },
  };
}
