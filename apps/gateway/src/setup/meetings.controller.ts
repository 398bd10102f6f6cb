import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
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
    return this.meetings.create(resolved.value);
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

  @Post(':id/viewer-token')
  @HttpCode(201)
  @ApiOperation({ summary: 'An anonymous viewer token for a public meeting (no key needed).' })
  viewerToken(@Param('id') id: string) {
    return this.meetings.viewerToken(id);
  }
}
