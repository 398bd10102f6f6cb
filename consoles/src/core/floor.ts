// The floor as every console draws it: the current speaker with a live countdown, the list of
// speakers, the on-deck speaker. The server orders the list (rules profile), so events that
// change it ask for a fresh snapshot; clock and presence events are applied here directly.
import { announce, fmtClock, h, render } from './dom.js';
import type { ClockView, EntryView, EventEnvelope, FloorEvent, FloorView, FloorViewPayload, Presence, Mode } from './protocol.js';

/** The six official languages by code; another language shows the name it was given. */
const LANGUAGE_NAMES = new Map([['ar', 'Arabic'], ['zh', 'Chinese'], ['en', 'English'], ['fr', 'French'], ['ru', 'Russian'], ['es', 'Spanish']]);
const languageName = (code: string) => LANGUAGE_NAMES.get(code) ?? code;

const LOCAL = new Set(['clock.warning', 'clock.expired', 'clock.extended', 'presence.updated']);

export const TYPE_LABELS = {
  statement: 'Statement', 'point-of-order': 'Point of order', 'right-of-reply': 'Right of reply',
  question: 'Question', 'procedural-motion': 'Procedural motion',
} satisfies Record<EntryView['type'], string>;

export const modeLabel = (m: Mode | undefined): string => (m === 'remote' ? 'Remote' : 'In room');

/** Applies what it can; returns false when the view must be refreshed from the server. */
export function applyLocally(view: FloorView, e: EventEnvelope): boolean {
  if (!LOCAL.has(e.type)) return false;
  const sp = view.speech;
  switch (e.type) {
    case 'clock.warning': { const p = (e as FloorEvent<'clock.warning'>).payload; if (sp?.entryId === p.entryId) sp.warningsGiven = [...sp.warningsGiven, p.secondsLeft]; break; }
    case 'clock.expired': { const p = (e as FloorEvent<'clock.expired'>).payload; if (sp?.entryId === p.entryId) sp.expiredAt = p.at; break; }
    case 'clock.extended': { const p = (e as FloorEvent<'clock.extended'>).payload; if (sp?.entryId === p.entryId) { sp.allottedSeconds = p.allottedSeconds; sp.expiredAt = null; } break; }
    case 'presence.updated': {
      const p = (e as FloorEvent<'presence.updated'>).payload;
      const prev = view.presence?.[p.delegationId];
      const next: Presence = { status: p.status, mode: p.mode ?? prev?.mode, at: e.at };
      if (view.presence) view.presence[p.delegationId] = next;
      break;
    }
  }
  return true;
}

/** Seconds left on the speaking clock (negative once over time). */
export function secondsLeft(c: ClockView, serverOffset: number): number {
  const now = c.clockStoppedAt ?? Date.now() + serverOffset;
  const elapsed = c.elapsedMs ?? now - c.startedAt - c.pausedMs;
  return c.allottedSeconds - elapsed / 1000;
}

export function clockState(view: FloorView, left: number): 'ok' | 'warning' | 'expired' {
  const warnAt = Math.max(...(view.profile?.time.warningsSeconds ?? [30]), 0);
  if (left <= 0 || view.speech?.expiredAt) return 'expired';
  if (left <= warnAt || (view.speech?.warningsGiven.length ?? 0) > 0) return 'warning';
  return 'ok';
}

/** The speaker panel; the clock element is redrawn by `tickClock` every quarter second. */
export function speakerPanel(view: FloorView): HTMLElement {
  const sp = view.speech;
  const called = view.called;
  const item = view.items?.find((i) => i.id === view.currentItemId);
  return h('section', { class: 'card speaker', 'aria-labelledby': 'speaker-h' },
    h('h2', { id: 'speaker-h' }, 'On the floor'),
    h('p', { class: 'item' }, item ? `Agenda item ${item.position}: ${item.title}` : 'No agenda item taken up', ' · ', `Meeting ${view.status ?? '—'}`),
    sp ? h('div', {},
      h('p', { class: 'speaker-name' }, sp.speaker.speakerName, h('span', { class: 'muted' }, ` — ${sp.speaker.capacityLabel}`)),
      h('p', { class: 'muted' }, `${TYPE_LABELS[sp.speaker.type]} · ${modeLabel(sp.speaker.mode)}${sp.paused ? ' · paused' : ''}`),
      h('p', { id: 'clock', class: 'clock', role: 'timer', 'aria-live': 'off', 'aria-label': 'Time left' }, '–:––'))
      : called ? h('p', { class: 'speaker-name' }, `Called: ${called.speakerName}`, h('span', { class: 'muted' }, ` — ${called.capacityLabel} (not yet speaking)`))
        : h('p', { class: 'muted' }, 'Nobody has the floor.'),
    view.onDeck ? h('p', { class: 'ondeck' }, 'On deck: ', h('strong', {}, view.onDeck.speakerName), ` — ${view.onDeck.capacityLabel}`,
      view.onDeck.language ? ` · in ${languageName(view.onDeck.language)}` : '') : null);
}

export function tickClock(view: FloorView, serverOffset: number): void {
  const el = document.getElementById('clock');
  if (!el || !view.speech) return;
  const left = secondsLeft(view.speech, serverOffset);
  const state = clockState(view, left);
  el.textContent = fmtClock(Math.ceil(left));
  el.dataset.state = state;
  el.setAttribute('aria-label', `Time left ${fmtClock(Math.ceil(left))}${state === 'expired' ? ', time is up' : state === 'warning' ? ', warning' : ''}`);
}

export function presenceLabel(p: Presence | undefined, mode: Mode | undefined): string {
  const conn = !p ? '' : p.status === 'dropped' ? 'disconnected' : 'connected';
  return [modeLabel(p?.mode ?? mode), conn].filter(Boolean).join(', ');
}

export interface ListOptions { extras?: (e: EntryView, index: number, all: EntryView[]) => Array<Node | string>; mine?: string; presence?: Record<string, Presence> }

/** The list of the current item: replies and motion speakers first when their time has come (R16). */
export function currentList(view: FloorView): EntryView[] {
  const l = view.currentItemId ? view.lists?.[view.currentItemId] : undefined;
  return l ? [...l.replies, ...l.motionSpeakers, ...l.speakers] : [];
}

export function speakersList(view: FloorView, opts: ListOptions = {}): HTMLElement {
  const list = currentList(view);
  const status = view.currentItemId ? view.lists?.[view.currentItemId]?.status : undefined;
  return h('section', { class: 'card', 'aria-labelledby': 'list-h' },
    h('h2', { id: 'list-h' }, 'List of speakers ', status ? h('span', { class: `badge list-${status}` }, status === 'closed' ? 'closed' : status === 'announced' ? 'announced' : 'open') : null),
    list.length === 0 ? h('p', { class: 'muted' }, 'The list is empty.') : h('ol', { class: 'speakers', id: 'speakers' },
      ...list.map((e, i) => h('li', { class: `entry${opts.mine && e.delegationId === opts.mine ? ' mine' : ''}`, 'data-entry': e.entryId },
        h('span', { class: 'who' }, h('strong', {}, e.capacityLabel), ` — ${e.speakerName}`),
        h('span', { class: 'tags' }, TYPE_LABELS[e.type], ' · ', opts.presence ? presenceLabel(opts.presence[e.delegationId], e.mode) : modeLabel(e.mode),
          // Language of delivery: what interpreters need to know ahead (issue 12).
          e.language ? h('span', { class: 'lang', lang: 'en' }, ` · in ${languageName(e.language)}`) : null),
        ...(opts.extras?.(e, i, list) ?? [])))));
}

/** A small floor console: keeps the view, redraws, runs the clock. */
export class FloorPanel {
  view: FloorView = { meetingId: '', seq: 0, created: false };
  constructor(private readonly el: HTMLElement, private readonly draw: (v: FloorView) => Array<Node | null>, private readonly offset: () => number) {
    setInterval(() => tickClock(this.view, this.offset()), 250);
  }
  set(view: FloorView): void { this.view = view; this.redraw(); }
  /**
   * Applies the server's broadcast public view (`floor.view`) when it is not older than what is
   * shown; returns whether it was applied.
   */
  merge(p: FloorViewPayload): boolean {
    if (p.seq < this.view.seq) return false;
    this.view = { ...this.view, ...(p.view as Partial<FloorView>), seq: p.seq };
    this.redraw();
    return true;
  }
  redraw(): void { render(this.el, ...this.draw(this.view)); tickClock(this.view, this.offset()); }
}

/** Spoken announcements every floor console makes from the same events. */
export function announceClock(e: EventEnvelope, mine: boolean): void {
  if (e.type === 'clock.warning') announce(`${mine ? 'Your time' : 'Time'}: ${(e as FloorEvent<'clock.warning'>).payload.secondsLeft} seconds left`, mine);
  if (e.type === 'clock.expired') announce(mine ? 'Your time is up' : 'The speaking time is up', mine);
}
