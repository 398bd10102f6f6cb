import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MeetingSetupSchema, ParticipantSetupSchema } from '@rostrum/contracts';
import { resolveProfile } from '@rostrum/domain';
import { OperatorKeyGuard } from '../auth/operator-key.guard';
import { resolveSetup } from './meeting-setup';
import { MeetingsService } from './meetings.service';

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success) {
    throw new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      details: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return r.data;
}

const ViewerTokenSchema = z.object({ token: z.string().max(4096).optional() }).strict();

const schemaOf = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

@ApiTags('setup')
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @UseGuards(OperatorKeyGuard)
  @ApiHeader({ name: 'x-operator-key', required: true })
  @ApiOperation({ summary: 'Create a meeting with its agenda, delegations, groups and participants; returns an access token per participant.' })
  @ApiBody({ schema: schemaOf(MeetingSetupSchema) })
  async create(@Body() body: unknown) {
    const setup = parse(MeetingSetupSchema, body);
    const profile = resolveProfile(setup.profile);
    if (!profile.ok) throw new BadRequestException(profile.error);
    const resolved = resolveSetup(setup, profile.profile as unknown as { tiers: string[] });
    if (!resolved.ok) {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: resolved.problems.map((p) => `${p.path}: ${p.message}`).join('; '), details: resolved.problems });
    }
    return this.meetings.create(resolved.value, setup.viewers);
  }

  @Get()
  @UseGuards(OperatorKeyGuard)
  @ApiHeader({ name: 'x-operator-key', required: true })
  @ApiOperation({ summary: 'The meetings set up, newest first.' })
  list() {
    return this.meetings.list();
  }

  @Get(':id/access')
  @UseGuards(OperatorKeyGuard)
  @ApiHeader({ name: 'x-operator-key', required: true })
  @ApiOperation({ summary: 'Each participant\'s access link as last issued, with its expiry and status.' })
  accessLinks(@Param('id') id: string) {
    return this.meetings.accessLinks(id);
  }

  @Get(':id')
  @UseGuards(OperatorKeyGuard)
  @ApiHeader({ name: 'x-operator-key', required: true })
  @ApiOperation({ summary: 'The setup of a meeting.' })
  get(@Param('id') id: string) {
    return this.meetings.get(id);
  }

  @Post(':id/participants')
  @UseGuards(OperatorKeyGuard)
  @ApiHeader({ name: 'x-operator-key', required: true })
  @ApiOperation({ summary: 'Add a participant to a meeting and issue its access token.' })
  @ApiBody({ schema: schemaOf(ParticipantSetupSchema) })
  addParticipant(@Param('id') id: string, @Body() body: unknown) {
    return this.meetings.addParticipant(id, parse(ParticipantSetupSchema, body));
  }

  @Post(':id/participants/:participantId/token')
  @UseGuards(OperatorKeyGuard)
  @ApiHeader({ name: 'x-operator-key', required: true })
  @ApiOperation({ summary: 'Issue a fresh access token for a participant.' })
  reissue(@Param('id') id: string, @Param('participantId') participantId: string) {
    return this.meetings.reissue(id, participantId);
  }

  @Delete(':id/participants/:participantId')
  @UseGuards(OperatorKeyGuard)
  @ApiHeader({ name: 'x-operator-key', required: true })
  @ApiOperation({ summary: 'Remove a participant: every token it holds stops at once, on every gateway, and its consoles are closed with the reason.' })
  removeParticipant(@Param('id') id: string, @Param('participantId') participantId: string) {
    return this.meetings.removeParticipant(id, participantId);
  }

  @Post(':id/viewer-token')
  @HttpCode(201)
  @ApiOperation({ summary: 'An anonymous viewer token for a public meeting (no key needed). Send `{ token }` with the browser\'s earlier viewer token to keep the same identity; new identities are rate-limited per address (429, Retry-After).' })
  @ApiBody({ required: false, schema: schemaOf(ViewerTokenSchema) })
  viewerToken(@Param('id') id: string, @Body() body: unknown, @Req() req: Request) {
    const { token } = parse(ViewerTokenSchema, body ?? {});
    return this.meetings.viewerToken(id, req.ip ?? req.socket.remoteAddress ?? 'unknown', token);
  }
}
