import type { InterventionRecord } from './types';

/**
 * e-Statements: the text (and optionally a PDF) a delegation submits for an intervention,
 * before or after speaking. Before delivery only the secretariat, the chair and interpreters
 * read it ("check against delivery"), and the delegation itself; after delivery it is published
 * with the record entry and offered to the secretariat as the draft of the intervention's summary.
 */
export interface StatementRecord {
  statementId: string;
  delegationId: string;
  itemId?: string;
  /** The floor entry id it was submitted for (the intervention's id once delivered). */
  entryId?: string;
  language?: string;
  text: string;
  pdfBytes?: number;
  submittedBy: string;
  submittedAt: number;
}

/** Largest PDF a delegation may attach (bytes). */
export const STATEMENT_PDF_MAX_BYTES = 5 * 1024 * 1024;
/** Longest statement text (characters). */
export const STATEMENT_TEXT_MAX = 50_000;

export type UploadProblem = { code: 'STATEMENT_NOT_PDF' | 'STATEMENT_TOO_LARGE' | 'VALIDATION_FAILED'; message: string };

/**
 * Checks an upload before anything is stored: the text, and the attachment (a PDF by declared
 * type and by its first bytes "%PDF-", at most `STATEMENT_PDF_MAX_BYTES`).
 */
export function checkStatementUpload(text: string, file?: { mimetype: string; size: number; head: Buffer }): UploadProblem | undefined {
  if (text.length > STATEMENT_TEXT_MAX) return { code: 'VALIDATION_FAILED', message: `text: at most ${STATEMENT_TEXT_MAX} characters` };
  if (!file && text.trim() === '') return { code: 'VALIDATION_FAILED', message: 'a statement needs its text, a PDF, or both' };
  if (!file) return undefined;
  if (file.mimetype !== 'application/pdf' || file.head.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return { code: 'STATEMENT_NOT_PDF', message: `the attachment must be a PDF (got ${file.mimetype.slice(0, 60)})` };
  }
  if (file.size > STATEMENT_PDF_MAX_BYTES) {
    return { code: 'STATEMENT_TOO_LARGE', message: `the PDF is ${file.size} bytes; at most ${STATEMENT_PDF_MAX_BYTES} bytes` };
  }
  return undefined;
}

/**
 * Which intervention delivered each statement: the one it was submitted for (`entryId`), else
 * the delegation's first intervention on the statement's item (any item when none is given)
 * not already matched. Returns statementId → interventionId. Pure.
 */
export function matchStatements(statements: StatementRecord[], interventions: InterventionRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const byId = new Map(interventions.map((i) => [i.interventionId, i]));
  const ordered = [...statements].sort((a, b) => a.submittedAt - b.submittedAt || a.statementId.localeCompare(b.statementId));
  for (const s of ordered) {
    const i = s.entryId ? byId.get(s.entryId) : undefined;
    if (i && i.delegationId === s.delegationId) { out.set(s.statementId, i.interventionId); taken.add(i.interventionId); }
  }
  for (const s of ordered) {
    if (out.has(s.statementId) || s.entryId) continue;
    const i = [...interventions].sort((a, b) => a.number - b.number)
      .find((x) => x.delegationId === s.delegationId && (!s.itemId || x.itemId === s.itemId) && !taken.has(x.interventionId));
    if (i) { out.set(s.statementId, i.interventionId); taken.add(i.interventionId); }
  }
  return out;
}

/** Who reads a statement: everyone once delivered; before, the staff, interpreters and the delegation itself. */
export function mayReadStatement(reader: { role: string; delegationId?: string } | undefined, s: StatementRecord, delivered: boolean): boolean {
  if (delivered) return true;
  if (!reader) return false;
  if (reader.role === 'secretariat' || reader.role === 'chair' || reader.role === 'interpreter') return true;
  return reader.role === 'delegate' && reader.delegationId === s.delegationId;
}

/** Who may submit for a delegation: its own delegates, or the secretariat on its behalf. */
export function maySubmitStatement(submitter: { role: string; delegationId?: string }, delegationId: string): boolean {
  return submitter.role === 'secretariat' || (submitter.role === 'delegate' && submitter.delegationId === delegationId);
}
