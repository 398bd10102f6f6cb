import { iso } from '../format';
import type { RecordDocument } from '../types';
import { compareEntries } from './layout';

/** The record as JSON: entries in reading order with their history, and the R44 interventions. */
export function renderJson(doc: RecordDocument): string {
  const entries = [...doc.entries].sort((a, b) => compareEntries(a.current, b.current))
    .map((e) => ({ ...e.current, atIso: iso(e.current.at), history: e.history }));
  const interventions = [...doc.interventions].sort((a, b) => a.number - b.number).map((i) => ({
    ...i, inscribedAtIso: iso(i.inscribedAt), calledAtIso: iso(i.calledAt), startedAtIso: iso(i.startedAt), endedAtIso: iso(i.endedAt),
  }));
  return `${JSON.stringify({ meeting: doc.meeting, items: doc.items, entries, interventions, ...(doc.statements?.length ? { statements: doc.statements } : {}) }, null, 2)}\n`;
}
