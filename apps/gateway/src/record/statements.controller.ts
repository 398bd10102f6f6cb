import {
  ArgumentsHost, BadRequestException, Body, Catch, Controller, ExceptionFilter, ForbiddenException, Get, Headers, HttpCode, HttpException, Inject,
  NotFoundException, Param, PayloadTooLargeException, Post, Query, Res, UploadedFile, UseFilters, UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { STATEMENT_PDF_MAX_BYTES, checkStatementUpload, matchStatements, mayReadStatement, maySubmitStatement, type StatementRecord } from '@rostrum/domain';
import { PostgresStatementStore, RecordQueries, type StatementStore } from '@rostrum/persistence';
import { AccessRegistry } from '../auth/access-registry';
import { AccessTokenService } from '../auth/access-token.service';
import { DATA_SOURCE } from '../tokens';
import { assertCanRead, claimsFor, tokenOf } from './record-access';

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/);
const SubmitSchema = z.object({
  delegationId: id.optional(), itemId: id.optional(), entryId: id.optional(),
  language: z.string().trim().min(2).max(40).optional(), text: z.string().max(60_000).default(''),
}).strict();

/** Multer's file as the route sees it (memory storage). */
interface UploadedPdf { mimetype: string; size: number; buffer: Buffer; originalname: string }

/** A PDF over the limit is stopped by multer before it is read whole; say so with our code. */
@Catch(PayloadTooLargeException)
class StatementTooLargeFilter implements ExceptionFilter {
  catch(_e: HttpException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(413)
      .json({ ok: false, error: { code: 'STATEMENT_TOO_LARGE', message: `the PDF is larger than ${STATEMENT_PDF_MAX_BYTES} bytes` } });
  }
}

/**
 * e-Statements (issue 12): a delegation submits the text of its statement, optionally with a
 * PDF, before or after speaking. Before delivery only the secretariat, the chair, interpreters
 * and the delegation read it ("check against delivery"); once delivered it is public with the
 * record entry and offered to the secretariat as the draft of the intervention's summary.
 */
@ApiTags('record')
@Controller('meetings')
export class StatementsController {
  private readonly store: StatementStore;

  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource, private readonly tokens: AccessTokenService, private readonly access: AccessRegistry) {
    this.store = new PostgresStatementStore(db);
  }

  @Post(':id/statements') @HttpCode(201)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiOperation({ summary: 'Submit a statement: fields delegationId?, itemId?, entryId?, language?, text; file "pdf" (application/pdf, at most 5 MiB). A delegate for its own delegation, the secretariat for any.' })
  @UseFilters(StatementTooLargeFilter)
  @UseInterceptors(FileInterceptor('pdf', { limits: { fileSize: STATEMENT_PDF_MAX_BYTES, files: 1, fields: 10 } }))
  async submit(@Param('id') meetingId: string, @Body() body: unknown, @UploadedFile() file: UploadedPdf | undefined, @Headers('authorization') auth: string | undefined) {
    const claims = await claimsFor(this.tokens, this.access, meetingId, tokenOf(auth, undefined));
    const parsed = SubmitSchema.safeParse(body ?? {});
    if (!parsed.success) throw new BadRequestException({ code: 'VALIDATION_FAILED', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const p = parsed.data;
    const delegationId = p.delegationId ?? claims.delegationId;
    if (!delegationId) throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'delegationId: required when submitting for a delegation' });
    if (!maySubmitStatement(claims, delegationId)) {
      throw new ForbiddenException({ code: claims.role === 'delegate' ? 'NOT_YOUR_DELEGATION' : 'FORBIDDEN', message: claims.role === 'delegate' ? 'a delegation submits its own statements' : 'only delegates and the secretariat submit statements' });
    }
    const setup = await RecordQueries.setup(this.db, meetingId);
    if (!setup?.delegations.some((d) => d.id === delegationId)) throw new BadRequestException({ code: 'NO_SUCH_DELEGATION', message: `no delegation ${delegationId} in this meeting` });
    const problem = checkStatementUpload(p.text, file && { mimetype: file.mimetype, size: file.size, head: file.buffer.subarray(0, 8) });
    if (problem) throw new HttpException({ code: problem.code, message: problem.message }, problem.code === 'STATEMENT_NOT_PDF' ? 415 : problem.code === 'STATEMENT_TOO_LARGE' ? 413 : 400);
    const saved = await this.store.submit(meetingId, {
      delegationId, ...(p.itemId ? { itemId: p.itemId } : {}), ...(p.entryId ? { entryId: p.entryId } : {}), ...(p.language ? { language: p.language } : {}),
      text: p.text, ...(file ? { pdf: file.buffer } : {}), submittedBy: claims.participantId, submittedRole: claims.role,
    });
    return { ok: true, statement: saved };
  }

  @Get(':id/statements')
  @ApiOperation({ summary: 'Statements the caller may read: all to the secretariat, chair and interpreters (undelivered ones marked "check against delivery"), its own to a delegation, delivered ones to everyone.' })
  async list(@Param('id') meetingId: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined) {
    const { readable } = await this.readable(meetingId, tokenOf(auth, t));
    return { ok: true, statements: readable };
  }

  @Get(':id/statements/:statementId/pdf')
  @ApiOperation({ summary: 'The PDF of a statement, under the same reading rule.' })
  async pdf(@Param('id') meetingId: string, @Param('statementId') statementId: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    const { readable } = await this.readable(meetingId, tokenOf(auth, t));
    const s = readable.find((x) => x.statementId === statementId);
    const pdf = s?.hasPdf ? await this.store.pdf(meetingId, statementId) : undefined;
    if (!pdf) throw new NotFoundException({ code: 'STATEMENT_NOT_FOUND', message: 'no such statement, or not yet delivered' });
    res.setHeader('content-disposition', `inline; filename="statement-${statementId}.pdf"`);
    res.type('application/pdf').send(pdf);
  }

  /** The statements this reader may see, each with its delivery state and, for the secretariat, the draft summary. */
  private async readable(meetingId: string, token: string | undefined) {
    await assertCanRead(this.db, this.tokens, this.access, meetingId, token);
    const reader = token ? await claimsFor(this.tokens, this.access, meetingId, token) : undefined;
    const [statements, doc] = await Promise.all([this.store.list(meetingId), RecordQueries.document(this.db, meetingId)]);
    const entryOf = new Map((doc?.entries ?? []).filter((e) => e.current.interventionId).map((e) => [e.current.interventionId!, e.current]));
    // Published with the record entry: delivered once the intervention's entry is on the record (doc holds published versions only).
    const delivered = new Map([...matchStatements(statements, doc?.interventions ?? [])].filter(([, i]) => entryOf.has(i)));
    const readable = statements.filter((s) => mayReadStatement(reader, s, delivered.has(s.statementId))).map((s: StatementRecord) => {
      const interventionId = delivered.get(s.statementId);
      const entry = interventionId ? entryOf.get(interventionId) : undefined;
      const { pdfBytes, ...rest } = s;
      return {
        ...rest, hasPdf: pdfBytes !== undefined, ...(pdfBytes !== undefined ? { pdfBytes } : {}), delivered: interventionId !== undefined,
        ...(interventionId ? { interventionId } : {}), ...(entry ? { recordEntryId: entry.entryId } : {}),
        ...(interventionId ? {} : { notice: 'Check against delivery' }),
        // Offered to the secretariat as the draft of the intervention's summary (record.summarize keeps versions).
        ...(reader?.role === 'secretariat' && entry && !entry.summary ? { draftSummary: s.text.trim() } : {}),
      };
    });
    return { readable };
  }
}
