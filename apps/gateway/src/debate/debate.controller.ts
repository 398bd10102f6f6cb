import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpException, Inject, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

import { renderListHtml, renderListJson, renderListPdf, type ProvisionalList } from '@rostrum/domain';
import type { EventLog } from '@rostrum/messaging';
import { AccessRegistry } from '../auth/access-registry';
import { AccessTokenService } from '../auth/access-token.service';
import { EdgeLimits } from '../auth/edge-limits';
import { CommandDispatcher } from '../realtime/command-dispatcher';
import type { ServiceClient } from '../realtime/service-client';
import { assertCanRead, claimsFor, tokenOf } from '../record/record-access';
import { DATA_SOURCE, EVENT_LOG, SERVICES } from '../tokens';

type Format = 'json' | 'html' | 'pdf';
const TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf' };
/** Refusals a client can fix by changing its request are 4xx; the rest of the catalogue is a conflict with the meeting's state. */
const STATUS = new Map([['VALIDATION_FAILED', 400], ['PAYLOAD_TOO_LARGE', 413], ['FORBIDDEN', 403], ['NOT_YOUR_DELEGATION', 403], ['RATE_LIMITED', 429], ['UNAVAILABLE', 503], ['NO_SUCH_ITEM', 404]]);

/**
 * The general debate over REST (R46, R47): inscription before any meeting runs, answered with
 * the provisional place, and the provisional list of speakers published as JSON, HTML and PDF.
 * Transport only: the floor decides (through the same dispatcher as the sockets), the domain renders.
 */
@ApiTags('general debate')
@Controller('meetings')
export class DebateController {
  private readonly dispatcher: CommandDispatcher;

  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(SERVICES) private readonly services: ServiceClient,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    private readonly tokens: AccessTokenService,
    private readonly access: AccessRegistry,
    limits: EdgeLimits,
  ) {
    // The same per-participant budget as the sockets (Redis, shared by gateways): a client
    // cannot get more inscriptions through by switching from sockets to REST.
    this.dispatcher = new CommandDispatcher(services, limits);
  }

  @Post(':id/items/:itemId/inscriptions')
  @ApiOperation({ summary: 'Inscribe on an item\'s list of speakers (R46), also before any meeting runs. Bearer token of a delegate (its own delegation) or the chair/secretariat (any, with delegationId). Body: the floor.request fields (speaker, capacity, mode, delegationId) and an optional commandId for safe retries. Answer: the provisional place, meeting and estimated time (R47).' })
  async inscribe(@Param('id') id: string, @Param('itemId') itemId: string, @Body() body: unknown, @Headers('authorization') auth: string | undefined) {
    const claims = await claimsFor(this.tokens, this.access, id, tokenOf(auth, undefined));
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const { commandId = randomUUID(), ...rest } = fields;
    const ack = await this.dispatcher.dispatch(claims, 'floor.request', { type: 'statement', ...rest, itemId, commandId });
    if (!ack.ok) throw new HttpException(ack.error, STATUS.get(ack.error.code) ?? 409);
    // The acknowledgement is the last event the command appended (R46); on the list being
    // debated there is none (the live list shows the place), so the place is read from it.
    const seq = Number(ack.seq);
    const [event] = await this.log.since(id, 'meeting', seq - 1, 1);
    const payload = event?.type === 'inscription.acknowledged' ? event.payload as Record<string, unknown>
      : await this.placeOf(id, itemId, (event?.payload as { entry?: { entryId: string } } | undefined)?.entry?.entryId);
    const estimatedAt = typeof payload.estimatedAt === 'number' ? new Date(payload.estimatedAt).toISOString() : null;
    return { ok: true, seq, commandId, ...payload, estimatedAt };
  }

  private async placeOf(meetingId: string, itemId: string, entryId: string | undefined): Promise<Record<string, unknown>> {
    const list = await this.provisional(meetingId, itemId);
    const row = list?.speakers.find((s) => s.entryId === entryId);
    return row ? { entryId: row.entryId, itemId, delegationId: row.delegationId, place: row.place, sitting: row.sitting, estimatedAt: row.estimatedAt } : { ...(entryId ? { entryId } : {}) };
  }

  private async provisional(meetingId: string, itemId: string): Promise<ProvisionalList | null> {
    const snap = await this.services.request<{ seq: number; state: { provisional?: Record<string, ProvisionalList | null> } }>('floor', 'snapshot', { meetingId, role: 'viewer' });
    return snap.state.provisional && Object.hasOwn(snap.state.provisional, itemId) ? snap.state.provisional[itemId] ?? null : null;
  }

  @Get([':id/items/:itemId/speakers', ':id/items/:itemId/speakers.:format'])
  @ApiOperation({ summary: 'The provisional list of speakers of an item (R47): JSON (default), html (UN Journal style, refreshes itself) or pdf. Public for public meetings, else a participant token.' })
  @ApiParam({ name: 'format', required: false, enum: ['json', 'html', 'pdf'] })
  async speakers(@Param('id') id: string, @Param('itemId') itemId: string, @Param('format') format: string | undefined, @Headers('authorization') auth: string | undefined, @Query('token') t: string | undefined, @Res() res: Response) {
    const f = (format ?? 'json') as Format;
    if (!Object.hasOwn(TYPES, f)) throw new NotFoundException({ code: 'UNKNOWN_FORMAT', message: 'one of json, html, pdf' });
    await assertCanRead(this.db, this.tokens, this.access, id, tokenOf(auth, t));
    const list = await this.provisional(id, itemId);
    if (!list) throw new NotFoundException({ code: 'NO_SUCH_ITEM', message: `no agenda item ${itemId}` });
    const [meeting] = await this.db.query(`SELECT title, body, time_zone FROM meetings WHERE id = $1`, [id]) as Array<{ title: string; body: string | null; time_zone: string | null }>;
    const header = { meetingId: id, title: meeting!.title, ...(meeting!.body ? { body: meeting!.body } : {}), ...(meeting!.time_zone ? { timeZone: meeting!.time_zone } : {}) };
    const out = f === 'pdf' ? await renderListPdf(header, list) : f === 'html' ? renderListHtml(header, list, { refreshSeconds: 15 }) : renderListJson(header, list);
    if (f !== 'json') res.setHeader('content-disposition', `inline; filename="speakers-${id}-${itemId}.${f}"`);
    res.setHeader('cache-control', 'no-store');
    res.type(TYPES[f]).send(out);
  }
}

