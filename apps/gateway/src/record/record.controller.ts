import { BadRequestException, Body, Controller, ForbiddenException, Get, Headers, HttpCode, Inject, NotFoundException, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { renderHtml, renderJson, renderMarkdown, renderPdf, renderStatsCsv, renderStatsJson, speakingStats } from '@rostrum/domain';
import { RecordQueries, WebcastService } from '@rostrum/persistence';
import type { AppConfig } from '@rostrum/platform';
import { AccessTokenService } from '../auth/access-token.service';
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

  @Get(':id/record') @ApiOperation({ summary: 'The running record as JSON (entries with their versions, R44 interventions).' })
  json(@Param('id') id: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.record(id, 'json', tokenOf(auth, t), res);
  }

  @Get(':id/record.json') @ApiOperation({ summary: 'The running record as JSON.' })
  json2(@Param('id') id: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.record(id, 'json', tokenOf(auth, t), res);
  }

  @Get(':id/record.md') @ApiOperation({ summary: 'The summary record as Markdown.' })
  md(@Param('id') id: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.record(id, 'md', tokenOf(auth, t), res);
  }

  @Get(':id/record.html') @ApiOperation({ summary: 'The printable summary record (HTML).' })
  html(@Param('id') id: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.record(id, 'html', tokenOf(auth, t), res);
  }

  @Get(':id/record.pdf') @ApiOperation({ summary: 'The summary record as PDF.' })
  pdf(@Param('id') id: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.record(id, 'pdf', tokenOf(auth, t), res);
  }

  @Get(':id/stats') @ApiOperation({ summary: 'Speaking-time statistics (JSON): by delegation, group, tier, mode, type; overruns.' })
  stats(@Param('id') id: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.statistics(id, 'json', tokenOf(auth, t), res);
  }

  @Get(':id/stats.json') @ApiOperation({ summary: 'Speaking-time statistics as JSON.' })
  statsJson(@Param('id') id: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.statistics(id, 'json', tokenOf(auth, t), res);
  }

  @Get(':id/stats.csv') @ApiOperation({ summary: 'Speaking-time statistics as CSV.' })
  statsCsv(@Param('id') id: string, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    return this.statistics(id, 'csv', tokenOf(auth, t), res);
  }

  /** Video timecode: when the webcast started. Operator key, or a chair/secretariat token of the meeting. */
  @Put(':id/webcast') @HttpCode(200) @ApiOperation({ summary: 'Record when the webcast started; record entries then carry their offset.' })
  async webcast(@Param('id') id: string, @Body() body: unknown, @Headers('x-operator-key') key: string | undefined, @Headers('authorization') auth: string | undefined) {
    if (key !== this.config.auth.operatorKey) {
      const claims = claimsFor(this.tokens, id, tokenOf(auth, undefined));
      if (claims.role !== 'chair' && claims.role !== 'secretariat') throw new ForbiddenException({ code: 'FORBIDDEN', message: 'only the chair or the secretariat' });
    }
    const parsed = WebcastSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'startedAt: an ISO date-time with offset is required' });
    const ok = await new WebcastService(this.db).setStartedAt(id, new Date(parsed.data.startedAt));
    if (!ok) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `no meeting ${id}` });
    return { ok: true, meetingId: id, startedAt: new Date(parsed.data.startedAt).toISOString() };
  }

  private async record(id: string, format: Format, token: string | undefined, res: Response): Promise<void> {
    await assertCanRead(this.db, this.tokens, id, token);
    const doc = await RecordQueries.document(this.db, id);
    if (!doc) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `no meeting ${id}` });
    const body = format === 'pdf' ? await renderPdf(doc) : format === 'md' ? renderMarkdown(doc) : format === 'html' ? renderHtml(doc) : renderJson(doc);
    if (format !== 'json') res.setHeader('content-disposition', `inline; filename="record-${id}.${format}"`);
    res.type(TYPES[format]).send(body);
  }

  private async statistics(id: string, format: 'json' | 'csv', token: string | undefined, res: Response): Promise<void> {
    await assertCanRead(this.db, this.tokens, id, token);
    const stats = speakingStats(id, await RecordQueries.interventions(this.db, id));
    if (format === 'csv') {
      res.setHeader('content-disposition', `attachment; filename="stats-${id}.csv"`);
      res.type('text/csv; charset=utf-8').send(renderStatsCsv(stats));
    } else res.type(TYPES.json).send(renderStatsJson(stats));
  }
}
