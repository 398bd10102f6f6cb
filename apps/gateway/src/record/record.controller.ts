import { BadRequestException, Body, Controller, ForbiddenException, Get, Headers, HttpCode, Inject, NotFoundException, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { renderHtml, renderJson, renderMarkdown, renderPdf, renderStatsCsv, renderStatsJson, speakingStats } from '@rostrum/domain';
import { RecordQueries, WebcastService } from '@rostrum/persistence';
import type { AppConfig } from '@rostrum/platform';
import { AccessTokenService } from '../auth/access-token.service';
import { isOperatorKey } from '../auth/operator-key.guard';
import { CONFIG, DATA_SOURCE } from '../tokens';
import { assertCanRead, claimsFor, tokenOf } from './record-access';

const WebcastSchema = z.object({ startedAt: z.iso.datetime({ offset: true }) }).strict();
type Format = 'json' | 'md' | 'html' | 'pdf';
const TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf',
};

/**
 * The record and its exports, speaking-time statistics, and the webcast start (video timecode).
 * Transport only: loading is in @rostrum/persistence, rendering in @rostrum/domain (pure).
 */
@ApiTags('record')
@Controller('meetings')
export class RecordController {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly tokens: AccessTokenService,
  ) {}

  @Get([':id/record', ':id/record.:format'])
  @ApiOperation({ summary: 'The running record: JSON (default; entries with their versions, R44 interventions), md, html (printable summary record) or pdf.' })
  @ApiParam({ name: 'format', required: false, enum: ['json', 'md', 'html', 'pdf'] })
  record(@Param('id') id: string, @Param('format') format: string | undefined, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.sendRecord(id, parseFormat(format ?? 'json', ['json', 'md', 'html', 'pdf'] as const), tokenOf(auth, t), res);
  }

  @Get([':id/stats', ':id/stats.:format'])
  @ApiOperation({ summary: 'Speaking-time statistics by delegation, group, tier, mode and type, with overruns: JSON (default) or csv.' })
  @ApiParam({ name: 'format', required: false, enum: ['json', 'csv'] })
  stats(@Param('id') id: string, @Param('format') format: string | undefined, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.sendStats(id, parseFormat(format ?? 'json', ['json', 'csv'] as const), tokenOf(auth, t), res);
  }

  /** Video timecode: when the webcast started. Operator key, or a chair/secretariat token of the meeting. */
  @Put(':id/webcast') @HttpCode(200) @ApiOperation({ summary: 'Record when the webcast started; record entries then carry their offset.' })
  async webcast(@Param('id') id: string, @Body() body: unknown, @Headers('x-operator-key') key: string | undefined, @Headers('authorization') auth: string | undefined) {
    if (!isOperatorKey(key, this.config.auth.operatorKey)) {
      const claims = claimsFor(this.tokens, id, tokenOf(auth, undefined));
      if (claims.role !== 'chair' && claims.role !== 'secretariat') throw new ForbiddenException({ code: 'FORBIDDEN', message: 'only the chair or the secretariat' });
    }
    const parsed = WebcastSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'startedAt: an ISO date-time with offset is required' });
    const ok = await new WebcastService(this.db).setStartedAt(id, new Date(parsed.data.startedAt));
    if (!ok) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `no meeting ${id}` });
    return { ok: true, meetingId: id, startedAt: new Date(parsed.data.startedAt).toISOString() };
  }

  private async sendRecord(id: string, format: Format, token: string | undefined, res: Response): Promise<void> {
    await assertCanRead(this.db, this.tokens, id, token);
    const doc = await RecordQueries.document(this.db, id);
    if (!doc) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `no meeting ${id}` });
    const body = format === 'pdf' ? await renderPdf(doc) : format === 'md' ? renderMarkdown(doc) : format === 'html' ? renderHtml(doc) : renderJson(doc);
    if (format !== 'json') res.setHeader('content-disposition', `inline; filename="record-${id}.${format}"`);
    res.type(TYPES[format]).send(body);
  }

  private async sendStats(id: string, format: 'json' | 'csv', token: string | undefined, res: Response): Promise<void> {
    await assertCanRead(this.db, this.tokens, id, token);
    const stats = speakingStats(id, await RecordQueries.interventions(this.db, id));
    if (format === 'csv') {
      res.setHeader('content-disposition', `attachment; filename="stats-${id}.csv"`);
      res.type('text/csv; charset=utf-8').send(renderStatsCsv(stats));
    } else res.type(TYPES.json).send(renderStatsJson(stats));
  }
}

function parseFormat<F extends string>(given: string, formats: readonly F[]): F {
  if ((formats as readonly string[]).includes(given)) return given as F;
  throw new NotFoundException({ code: 'UNKNOWN_FORMAT', message: `no such format "${given.slice(0, 20)}"; one of ${formats.join(', ')}` });
}
