import type { RecordEntryView } from '@rostrum/contracts';
import { clockTime, duration } from '../format';
import type { InterventionRecord, RecordDocument, RecordEntryWithHistory } from '../types';

/**
 * The reading order shared by every export: entries in time order (ties by stream and seq),
 * with an agenda-item heading each time the item changes, as a UN summary record reads.
 */
export interface RecordSection { itemId?: string; heading?: string; entries: RecordEntryWithHistory[] }

export function compareEntries(a: RecordEntryView, b: RecordEntryView): number {
  return a.at - b.at || a.source.stream.localeCompare(b.source.stream) || a.source.seq - b.source.seq
    || a.entryId.localeCompare(b.entryId);
}

export function sections(doc: RecordDocument): RecordSection[] {
  const sorted = [...doc.entries].sort((x, y) => compareEntries(x.current, y.current));
  const out: RecordSection[] = [];
  for (const e of sorted) {
    const itemId = e.current.itemId;
    const last = out[out.length - 1];
    if (last && (itemId === undefined || itemId === last.itemId)) { last.entries.push(e); continue; }
    out.push({ itemId, heading: itemId ? itemHeading(doc, itemId) : undefined, entries: [e] });
  }
  return out;
}

export function itemHeading(doc: RecordDocument, itemId: string): string {
  const item = doc.items.find((i) => i.id === itemId);
  return item ? `Agenda item ${item.position}: ${item.title}` : `Agenda item ${itemId}`;
}

/** Corrections and summaries made after version 1, oldest first (history is shown, R43). */
export const revisions = (e: RecordEntryWithHistory): RecordEntryView[] => e.history.filter((v) => v.version > 1);

export const INTERVENTION_COLUMNS = [
  'No.', 'Item', 'Delegation', 'Speaker', 'Capacity', 'Type', 'Mode', 'Inscribed', 'Called', 'Started', 'Ended',
  'Allotted', 'Net', 'Pauses', 'Overrun', 'Warnings', 'Reply to', 'Ruling',
] as const;

/** One row of the R44 annex, every field as printed text. */
export function interventionRow(doc: RecordDocument, i: InterventionRecord): string[] {
  const tz = doc.meeting.timeZone;
  const t = (ms?: number) => (ms === undefined ? '' : clockTime(ms, tz));
  const item = doc.items.find((x) => x.id === i.itemId);
  const replyTo = i.replyToInterventionId ? doc.interventions.find((x) => x.interventionId === i.replyToInterventionId) : undefined;
  return [
    String(i.number), item ? String(item.position) : i.itemId, i.delegationName,
    [i.speakerName, i.speakerTitle].filter(Boolean).join(', '),
    i.capacity === 'group' ? `on behalf of ${i.groupName ?? i.groupId}` : 'national',
    i.type, i.mode, t(i.inscribedAt), t(i.calledAt), t(i.startedAt), t(i.endedAt),
    duration(i.allottedSeconds), duration(i.netSeconds), String(i.pauses.length),
    i.overrunSeconds > 0 ? duration(i.overrunSeconds) : '', String(i.warningsGiven),
    replyTo ? `No. ${replyTo.number}` : (i.replyToInterventionId ?? ''),
    i.ruling ? [i.ruling.decision, i.ruling.text].filter(Boolean).join(': ') : '',
  ];
}

export const headerLine = (doc: RecordDocument): string =>
  [doc.meeting.body, doc.meeting.venue, doc.meeting.date].filter(Boolean).join(' · ');
