import type { RecordEntryView } from '@rostrum/contracts';

/**
 * The reading order shared by every export: entries in time order (ties by stream, seq and
 * entry id), as a UN summary record reads.
 */
export function compareEntries(a: RecordEntryView, b: RecordEntryView): number {
  return a.at - b.at || a.source.stream.localeCompare(b.source.stream) || a.source.seq - b.source.seq
    || a.entryId.localeCompare(b.entryId);
}
