import { createHash, randomUUID } from 'node:crypto';
import type { StatementRecord } from '@rostrum/domain';
import type { DataSource } from 'typeorm';

/** A statement to store: its fields and the PDF bytes, already checked (`checkStatementUpload`). */
export type NewStatement = Omit<StatementRecord, 'statementId' | 'submittedAt' | 'pdfBytes'> & { pdf?: Buffer; submittedRole: string };

/**
 * Where e-Statements live. Postgres today (`PostgresStatementStore`); an object store (S3 and
 * the like) could implement the same interface and keep only the metadata in Postgres.
 */
export interface StatementStore {
  /** Stores one statement atomically and returns it with its id. */
  submit(meetingId: string, s: NewStatement): Promise<StatementRecord>;
  /** Every statement of a meeting, oldest first, without the PDF bytes. */
  list(meetingId: string): Promise<StatementRecord[]>;
  /** The PDF of a statement, if it has one. */
  pdf(meetingId: string, statementId: string): Promise<Buffer | undefined>;
}

const toRecord = (r: Record<string, any>): StatementRecord => ({
  statementId: r.statement_id, delegationId: r.delegation_id, ...(r.item_id ? { itemId: r.item_id } : {}),
  ...(r.entry_id ? { entryId: r.entry_id } : {}), ...(r.language ? { language: r.language } : {}), text: r.text,
  ...(r.pdf_bytes !== null ? { pdfBytes: r.pdf_bytes } : {}), submittedBy: r.submitted_by, submittedAt: r.submitted_at.getTime(),
});

/** Statements in the `statements` table (migration 1764712000000); the PDF is a bytea column. */
export class PostgresStatementStore implements StatementStore {
  constructor(private readonly db: DataSource) {}

  async submit(meetingId: string, s: NewStatement): Promise<StatementRecord> {
    const id = randomUUID();
    const rows = await this.db.query(`INSERT INTO statements (meeting_id, statement_id, delegation_id, item_id, entry_id, language, text,
      pdf, pdf_bytes, pdf_sha256, submitted_by, submitted_role) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING *`, [
      meetingId, id, s.delegationId, s.itemId ?? null, s.entryId ?? null, s.language ?? null, s.text,
      s.pdf ?? null, s.pdf ? s.pdf.length : null, s.pdf ? createHash('sha256').update(s.pdf).digest('hex') : null, s.submittedBy, s.submittedRole,
    ]);
    return toRecord(rows[0]);
  }

  async list(meetingId: string): Promise<StatementRecord[]> {
    const rows = await this.db.query(`SELECT meeting_id, statement_id, delegation_id, item_id, entry_id, language, text, pdf_bytes,
      submitted_by, submitted_at FROM statements WHERE meeting_id = $1 ORDER BY submitted_at, statement_id`, [meetingId]);
    return rows.map(toRecord);
  }

  async pdf(meetingId: string, statementId: string): Promise<Buffer | undefined> {
    const rows: Array<{ pdf: Buffer | null }> = await this.db.query(`SELECT pdf FROM statements WHERE meeting_id = $1 AND statement_id = $2`, [meetingId, statementId]);
    return rows[0]?.pdf ?? undefined;
  }
}
