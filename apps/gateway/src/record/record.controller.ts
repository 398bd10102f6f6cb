import { BadRequestException, Body, Controller, ForbiddenException, Get, Headers, HttpCode, Inject, NotFoundException, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  RECORD_LANGUAGES, renderHtml, renderJson, renderMarkdown, renderPdf, renderPressHtml, renderPressMarkdown, renderSpeakersCsv, renderSpeakersHtml,
  renderSpeakersMarkdown, renderSpeakersPdf, renderStatsCsv, renderStatsJson, speakingStats, type RecordDocument, type RecordLanguage,
} from '@rostrum/domain';
import { RecordQueries, WebcastService } from '@rostrum/persistence';
import type { AppConfig } from '@rostrum/platform';
import { AccessRegistry } from '../auth/access-registry';
import { AccessTokenService } from '../auth/access-token.service';
import { isOperatorKey } from '../auth/operator-key.guard';
import { CONFIG, DATA_SOURCE } from '../tokens';
import { assertCanRead, claimsFor, tokenOf } from './record-access';

const WebcastSchema = z.object({ startedAt: z.iso.datetime({ offset: true }) }).strict();
type Format = 'json' | 'md' | 'html' | 'pdf' | 'csv';
const TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};
type Rendered = string | Buffer | Promise<Buffer>;
interface RenderOptions { lang: RecordLanguage; bom: boolean }
/** What each document offers, by format (the renderers are pure, in @rostrum/domain). */
const DOCUMENTS: Record<'record' | 'speakers' | 'press', Partial<Record<Format, (doc: RecordDocument, o: RenderOptions) => Rendered>>> = {
  record: {
    json: (d) => renderJson(d), md: (d, o) => renderMarkdown(d, o.lang), html: (d, o) => renderHtml(d, o.lang), pdf: (d, o) => renderPdf(d, { lang: o.lang }),
  },
  speakers: {
    md: (d, o) => renderSpeakersMarkdown(d, o.lang), html: (d, o) => renderSpeakersHtml(d, o.lang),
    csv: (d, o) => renderSpeakersCsv(d, { lang: o.lang, bom: o.bom }), pdf: (d, o) => renderSpeakersPdf(d, { lang: o.lang }),
  },
  press: { md: (d) => renderPressMarkdown(d), html: (d) => renderPressHtml(d) },
};

function parseLang(given: string | undefined): RecordLanguage {
  if (given === undefined) return 'en';
  if ((RECORD_LANGUAGES as readonly string[]).includes(given)) return given as RecordLanguage;
  throw new BadRequestException({ code: 'VALIDATION_FAILED', message: `lang: one of ${RECORD_LANGUAGES.join(', ')}` });
}

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
    private readonly access: AccessRegistry,
  ) {}

  @Get([':id/record', ':id/record.:format'])
  @ApiOperation({ summary: 'The summary record in UN form: JSON (default; entries with their versions, R44 interventions), md, html or pdf. ?lang=fr for the French phrases.' })
  @ApiParam({ name: 'format', required: false, enum: ['json', 'md', 'html', 'pdf'] })
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'fr'] })
  record(@Param('id') id: string, @Param('format') format: string | undefined, @Query() q: Record<string, string | undefined>, @Headers('authorization') auth: string | undefined, @Res() res: Response) {
    return this.send('record', id, format ?? 'json', q, tokenOf(auth, q.token), res);
  }

  @Get(':id/speakers.:format')
  @ApiOperation({ summary: 'The list of speakers with speaking times: md, html, csv (?bom=1 for spreadsheet programs) or pdf.' })
  @ApiParam({ name: 'format', enum: ['md', 'html', 'csv', 'pdf'] })
  speakers(@Param('id') id: string, @Param('format') format: string, @Query() q: Record<string, string | undefined>, @Headers('authorization') auth: string | undefined, @Res() res: Response) {
    return this.send('speakers', id, format, q, tokenOf(auth, q.token), res);
  }

  @Get(':id/press.:format')
  @ApiOperation({ summary: 'A press summary in the style of Meetings Coverage (English): md or html.' })
  @ApiParam({ name: 'format', enum: ['md', 'html'] })
  press(@Param('id') id: string, @Param('format') format: string, @Query() q: Record<string, string | undefined>, @Headers('authorization') auth: string | undefined, @Res() res: Response) {
    return this.send('press', id, format, q, tokenOf(auth, q.token), res);
  }

  @Get([':id/stats', ':id/stats.:format'])
  @ApiOperation({ summary: 'Speaking-time statistics by delegation, group, tier, agenda item, mode, type, gender and language, with the share of women and overruns: JSON (default) or csv (?bom=1 adds a byte-order mark).' })
  @ApiParam({ name: 'format', required: false, enum: ['json', 'csv'] })
  stats(@Param('id') id: string, @Param('format') format: string | undefined, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Query('bom') bom: string | undefined, @Res() res: Response) {
    return this.sendStats(id, parseFormat(format ?? 'json', ['json', 'csv'] as const), tokenOf(auth, t), bom === '1' || bom === 'true', res);
  }

  /** Video timecode: when the webcast started. Operator key, or a chair/secretariat token of the meeting. */
  @Put(':id/webcast') @HttpCode(200) @ApiOperation({ summary: 'Record when the webcast started; record entries then carry their offset.' })
  async webcast(@Param('id') id: string, @Body() body: unknown, @Headers('x-operator-key') key: string | undefined, @Headers('authorization') auth: string | undefined) {
    if (!isOperatorKey(key, this.config.auth.operatorKey)) {
      const claims = await claimsFor(this.tokens, this.access, id, tokenOf(auth, undefined));
      if (claims.role !== 'chair' && claims.role !== 'secretariat') throw new ForbiddenException({ code: 'FORBIDDEN', message: 'only the chair or the secretariat' });
    }
    const parsed = WebcastSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'startedAt: an ISO date-time with offset is required' });
    const ok = await new WebcastService(this.db).setStartedAt(id, new Date(parsed.data.startedAt));
    if (!ok) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `no meeting ${id}` });
    return { ok: true, meetingId: id, startedAt: new Date(parsed.data.startedAt).toISOString() };
  }

  private async send(kind: keyof typeof DOCUMENTS, id: string, given: string, q: Record<string, string | undefined>, token: string | undefined, res: Response): Promise<void> {
    const renderers = DOCUMENTS[kind];
    const format = parseFormat(given, Object.keys(renderers) as Format[]);
    const options = { lang: parseLang(q.lang), bom: q.bom === '1' || q.bom === 'true' };
    await assertCanRead(this.db, this.tokens, this.access, id, token);
    const doc = await RecordQueries.document(this.db, id);
    if (!doc) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `no meeting ${id}` });
    const body = await renderers[format]!(doc, options);
    if (format !== 'json') res.setHeader('content-disposition', `${format === 'csv' ? 'attachment' : 'inline'}; filename="${kind}-${id}.${format}"`);
    res.type(TYPES[format]).send(body);
  }

  private async sendStats(id: string, format: 'json' | 'csv', token: string | undefined, bom: boolean, res: Response): Promise<void> {
    await assertCanRead(this.db, this.tokens, this.access, id, token);
    const doc = await RecordQueries.document(this.db, id);
    if (!doc) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `no meeting ${id}` });
    const stats = speakingStats(id, doc.interventions, doc.items);
    if (format === 'csv') {
      res.setHeader('content-disposition', `attachment; filename="stats-${id}.csv"`);
      res.type(TYPES.csv).send(renderStatsCsv(stats, { bom }));
    } else res.type(TYPES.json).send(renderStatsJson(stats));
  }
}

function parseFormat<F extends string>(given: string, formats: readonly F[]): F {
  if ((formats as readonly string[]).includes(given)) return given as F;
  throw new NotFoundException({ code: 'UNKNOWN_FORMAT', message: `no such format "${given.slice(0, 20)}"; one of ${formats.join(', ')}` });
}
