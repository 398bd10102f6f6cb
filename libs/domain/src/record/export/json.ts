import type { RecordJson, RecordJsonIntervention } from '@rostrum/contracts';
import { iso } from '../format';
import type { InterventionRecord, RecordDocument } from '../types';
import { compareEntries } from './layout';

/**
 * The record as JSON (`RecordJson`, schema in docs/record.schema.json): entries in reading order
 * with their history, and the R44 interventions under the field names of `speech.ended`.
 */
export function renderJson(doc: RecordDocument): string {
  const entries = [...doc.entries].sort((a, b) => compareEntries(a.current, b.current))
    .map((e) => ({ ...e.current, atIso: iso(e.current.at), history: e.history }));
  const interventions = [...doc.interventions].sort((a, b) => a.number - b.number).map(asEvent);
  const out: RecordJson = { meeting: doc.meeting, items: doc.items, entries, interventions, ...(doc.statements?.length ? { statements: doc.statements } : {}) };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** An intervention row under the names the `speech.ended` event uses. */
function asEvent(i: InterventionRecord): RecordJsonIntervention {
  const { interventionId, replyToInterventionId, capacity, groupId, warningsGiven: _count, warnings, pauses, ...rest } = i;
  return {
    entryId: interventionId,
    ...rest,
    capacity: capacity === 'group' && groupId ? { kind: 'group', groupId } : { kind: 'national' },
    pauses: pauses.map((p) => ({ at: p.from, ...(p.to !== undefined ? { until: p.to } : {}), reason: p.reason ?? 'chair', clockRan: p.clockRan ?? false })),
    warningsGiven: warnings ?? [],
    ...(replyToInterventionId ? { replyTo: replyToInterventionId } : {}),
    inscribedAtIso: iso(i.inscribedAt), calledAtIso: iso(i.calledAt), startedAtIso: iso(i.startedAt), endedAtIso: iso(i.endedAt),
  };
}
