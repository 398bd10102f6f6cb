// The running record: entries in the order they were published, each shown at its latest
// version (a summary or a correction replaces it on screen; R43 keeps the history server-side).
import { fmtClock, fmtTime, h } from './dom.js';
import { httpUrl } from './safe-url.js';
import type { EventEnvelope, RecordEntryView } from './protocol.js';

export class RecordStore {
  readonly entries = new Map<string, RecordEntryView>();

  reset(envelopes: Array<EventEnvelope<RecordEntryView>>): void {
    this.entries.clear();
    for (const e of envelopes) this.apply(e as unknown as EventEnvelope);
  }

  /** True when the event was a record event. */
  apply(e: EventEnvelope): boolean {
    if (e.stream !== 'record') return false;
    const v = e.payload as unknown as RecordEntryView;
    const prev = this.entries.get(v.entryId);
    if (!prev || prev.version < v.version) this.entries.set(v.entryId, v);
    return true;
  }

  list(): RecordEntryView[] { return [...this.entries.values()]; }
}

/**
 * `webcast` (from ?webcast= on the page) turns a timecode into a link to that moment of the
 * video — only when it is an http(s) URL; anything else links within the page.
 */
export function timecode(v: RecordEntryView, webcast: string | null): Node | null {
  if (v.offsetSeconds === null || v.offsetSeconds === undefined) return null;
  const label = `[${fmtClock(v.offsetSeconds)}]`;
  const video = httpUrl(webcast);
  const href = video ? `${video.split('#')[0]}#t=${Math.floor(v.offsetSeconds)}` : `#t=${Math.floor(v.offsetSeconds)}`;
  return h('a', { class: 'timecode', href, 'aria-label': `video at ${fmtClock(v.offsetSeconds)}` }, label);
}

export function recordList(store: RecordStore, extras?: (v: RecordEntryView) => Node[]): HTMLElement {
  const webcast = new URLSearchParams(location.search).get('webcast');
  const items = store.list();
  return h('section', { class: 'card record', 'aria-labelledby': 'record-h' },
    h('h2', { id: 'record-h' }, 'Running record'),
    items.length === 0 ? h('p', { class: 'muted' }, 'Nothing recorded yet.') : null,
    // role=log on a wrapper: on the <ol> itself it would hide the list semantics of the entries.
    h('div', { role: 'log', 'aria-live': 'polite', 'aria-label': 'Record entries' }, h('ol', { class: 'record-list', id: 'record' },
      ...items.map((v) => h('li', { 'data-entry': v.entryId, class: `kind-${v.kind.replace(/\./g, '-')}` },
        h('span', { class: 'muted' }, fmtTime(v.at), ' '), timecode(v, webcast), ' ',
        h('span', { class: 'text' }, v.text),
        v.summary ? h('p', { class: 'summary' }, h('strong', {}, 'Summary: '), v.summary) : null,
        v.revision ? h('p', { class: 'muted' }, `Version ${v.version}: ${v.revision.change}${v.revision.reason ? ` (${v.revision.reason})` : ''}`) : null,
        ...(extras?.(v) ?? []))))));
}
