// Delegate console: request the floor by type, see one's place and time, withdraw; told
// clearly (and through aria-live) when on deck and when given the floor.
import { startConsole, type ConsoleContext } from '../core/app.js';
import { announce, h, render } from '../core/dom.js';
import { FloorPanel, TYPE_LABELS, announceClock, applyLocally, currentList, speakerPanel, speakersList } from '../core/floor.js';
import type { CommandPayloads, EntryView, FloorEvent, FloorView, Snapshot, VoteChoice } from '../core/protocol.js';
import { CHOICE_LABELS, voteBoard } from '../core/votes.js';

startConsole(['delegate'], (ctx) => {
  const mine = ctx.claims.delegationId ?? '';
  const spoken = new Map<string, string>(); // entryId → who spoke, for a right of reply (R24)
  const floorEl = h('div', { id: 'floor' });
  const form = requestForm(ctx, spoken);
  ctx.main.replaceChildren(floorEl, form.el);
  // Told from the state, not from events: a state that arrives in a snapshot (a resync drops the
  // events it covers) must be announced too.
  let told: Standing = null;
  const tell = (v: FloorView) => {
    const now = standingOf(v, mine);
    if (now === told) return;
    told = now;
    if (now === 'floor') announce('You have the floor.', true);
    if (now === 'deck') announce('You are on deck: you speak next.', true);
  };
  const panel = new FloorPanel(floorEl, (v) => { tell(v); return [banner(v, mine), voteBoard(v, voteButtons(ctx, v)), speakerPanel(v), myEntries(ctx, v), speakersList(v, { mine })]; }, () => ctx.conn.serverOffset);

  // Earlier interventions of the meeting, once: what a right of reply can answer.
  void ctx.conn.client.fetchSince('meeting', 0, 5000, true).catch(() => ({ events: [] })).then((res) => {
    for (const e of res.events) if (e.type === 'speech.ended') remember(e as unknown as FloorEvent<'speech.ended'>);
    form.update(panel.view);
  });
  const remember = (e: FloorEvent<'speech.ended'>) => spoken.set(e.payload.intervention.entryId, `${e.payload.intervention.delegationName} (${e.payload.intervention.speakerName})`);

  return {
    snapshot: (s: Snapshot) => { panel.set(s.meeting.state); form.update(s.meeting.state); },
    event: (e) => {
      if (e.stream !== 'meeting') return;
      if (e.type === 'speech.ended') remember(e as FloorEvent<'speech.ended'>);
      announceClock(e, panel.view.speech?.delegationId === mine);
      if (e.type === 'vote.opened') announce('A vote is open: vote yes, no or abstain.', true);
      if (applyLocally(panel.view, e)) panel.redraw(); else ctx.refreshSoon();
    },
  };
});

type Standing = 'floor' | 'deck' | null;
function standingOf(v: FloorView, mine: string): Standing {
  if (v.speech?.delegationId === mine || v.called?.delegationId === mine) return 'floor';
  return v.onDeck?.delegationId === mine ? 'deck' : null;
}

function banner(v: FloorView, mine: string): HTMLElement | null {
  const s = standingOf(v, mine);
  if (s === 'floor') return h('p', { class: 'banner floor', id: 'banner' }, 'You have the floor');
  if (s === 'deck') return h('p', { class: 'banner deck', id: 'banner' }, 'You are on deck — you speak next');
  return null;
}

/** R49, R50: yes / no / abstain while the vote is open (changeable until the close); R54 after it. */
function voteButtons(ctx: ConsoleContext, v: FloorView): Array<Node | null> {
  if (v.vote) {
    const cast = (choice: VoteChoice) => void ctx.cmd.send('vote.cast', { voteId: v.vote!.voteId, choice }).then((a) => { if (a.ok) announce(`Your vote: ${CHOICE_LABELS[choice]}.`); });
    return [h('div', { class: 'vote-buttons', role: 'group', 'aria-label': 'Your vote' },
      ...(['yes', 'no', 'abstain'] as const).map((c) => h('button', { type: 'button', id: `vote-${c}`, 'aria-pressed': String(v.myVote === c), onclick: () => cast(c) }, CHOICE_LABELS[c]))),
    h('p', { class: 'muted', id: 'my-vote' }, v.myVote ? `Your vote: ${CHOICE_LABELS[v.myVote]} (you may change it until the close).` : 'You have not voted.')];
  }
  const last = v.lastVote;
  if (!last) return [];
  const say = (intended: VoteChoice) => void ctx.cmd.send('vote.explain', { voteId: last.voteId, intended }).then((a) => { if (a.ok) announce('Your statement is in the record.'); });
  return [h('div', { class: 'vote-buttons', role: 'group', 'aria-label': 'State how you intended to vote' },
    h('span', { class: 'muted' }, 'Had intended to vote: '),
    ...(['yes', 'no', 'abstain'] as const).map((c) => h('button', { type: 'button', id: `intended-${c}`, onclick: () => say(c) }, CHOICE_LABELS[c])))];
}

function myEntries(ctx: ConsoleContext, v: FloorView): HTMLElement {
  const list = currentList(v);
  const live = (v.myEntries ?? []).filter((e) => ['requested', 'waiting', 'called', 'speaking'].includes(e.status));
  const mine = ctx.claims.delegationId;
  return h('section', { class: 'card', 'aria-labelledby': 'mine-h' },
    h('h2', { id: 'mine-h' }, 'My requests'),
    live.length === 0 ? h('p', { class: 'muted' }, 'You are not on the list.') : h('ul', { class: 'plain' }, ...live.map((e) => {
      // R47: an inscription ahead (or on another item) shows its place on that item's list.
      const own = e.itemId === v.currentItemId ? list : (v.lists?.[e.itemId]?.speakers ?? []);
      const place = own.findIndex((x) => x.entryId === e.entryId);
      const row = own[place];
      const when = row?.estimatedAt ? `, about ${new Date(row.estimatedAt).toLocaleString()}` : '';
      const item = v.items?.find((i) => i.id === e.itemId);
      return h('li', { class: 'entry mine' },
        h('span', {}, h('strong', {}, TYPE_LABELS[e.type]), item && e.itemId !== v.currentItemId ? ` (${item.title})` : '',
          ` — ${e.status === 'requested' ? 'awaiting the chair' : e.status === 'waiting' ? `place ${place + 1} of ${own.length}${row?.sitting ? `, meeting ${row.sitting}` : ''}${when}` : e.status}`),
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
  // R46: a statement may be inscribed on any item's list, also before any meeting runs.
  const item = h('select', { id: 'req-item', name: 'itemId' }, h('option', { value: '' }, 'The item taken up'));
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
      if (item.value) payload.itemId = item.value;
      if (type.value === 'right-of-reply') payload.replyTo = replyTo.value;
      if (type.value === 'point-of-order' && text.value.trim()) payload.text = text.value.trim();
      void ctx.cmd.send('floor.request', payload).then((ack) => { if (ack.ok) { text.value = ''; announce('Request sent.'); } });
    }) as EventListener,
  },
  h('h2', { id: 'req-h' }, 'Request the floor'),
  h('p', {}, h('label', { for: 'req-type' }, 'Type'), type),
  h('p', {}, h('label', { for: 'req-mode' }, 'Speaking from'), mode),
  h('p', {}, h('label', { for: 'req-capacity' }, 'Capacity'), capacity),
  h('p', {}, h('label', { for: 'req-item' }, 'Agenda item'), item),
  replyRow, textRow,
  h('button', { type: 'submit', id: 'request-floor', class: 'primary' }, 'Request the floor'));
  sync();
  return {
    el,
    update(v) {
      const groups = (v.groups ?? []).filter((g) => g.coordinatorDelegationId === ctx.claims.delegationId);
      render(capacity, h('option', { value: '' }, 'National capacity'), ...groups.map((g) => h('option', { value: g.id }, `On behalf of the ${g.name}`)));
      const pick = item.value;
      render(item, h('option', { value: '' }, 'The item taken up'), ...(v.items ?? []).filter((i) => i.status !== 'concluded')
        .map((i) => h('option', { value: i.id, selected: i.id === pick }, `${i.position}. ${i.title}`)));
      const chosen = replyTo.value;
      render(replyTo, ...[...spoken].map(([id, who]) => h('option', { value: id, selected: id === chosen }, who)));
      if (v.myPresence?.mode && document.activeElement !== mode) mode.value = v.myPresence.mode;
    },
  };
}
