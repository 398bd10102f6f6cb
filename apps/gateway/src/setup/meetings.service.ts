import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ParticipantSetupSchema, ResolvedMeetingSetup } from '@rostrum/contracts';
import type { EventLog } from '@rostrum/messaging';
import {
  AgendaItemEntity, DelegationEntity, GroupEntity, MeetingEntity, ParticipantEntity, isDatabaseUnavailable,
} from '@rostrum/persistence';
import type { z } from 'zod';
import { AccessTokenService } from '../auth/access-token.service';
import { DATA_SOURCE, EVENT_LOG, SERVICES } from '../tokens';
import type { ServiceClient } from '../realtime/service-client';

export interface IssuedAccess {
  participantId: string; name: string; role: string; delegationId?: string; token: string; expiresAt: string;
}

/** Meeting setup: Postgres rows (system of record) plus the `meeting.created` event that starts the log. */
@Injectable()
export class MeetingsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(SERVICES) private readonly services: ServiceClient,
    private readonly tokens: AccessTokenService,
    @Inject(EVENT_LOG) private readonly log: EventLog,
  ) {}

  async create(setup: ResolvedMeetingSetup): Promise<{ meetingId: string; access: IssuedAccess[] }> {
    const m = setup.meetingId;
    await this.db.transaction(async (tx) => {
      if (await tx.findOneBy(MeetingEntity, { id: m })) throw new ConflictException({ code: 'MEETING_EXISTS', message: `meeting ${m} already exists` });
      await tx.insert(MeetingEntity, {
        id: m, title: setup.title, body: setup.body ?? null, venue: setup.venue ?? null, date: setup.date ?? null, timeZone: setup.timeZone ?? null,
        public: setup.public, profile: setup.profile as never, qnaSettings: setup.qna as unknown as Record<string, unknown> as never, webcastStartedAt: null,
      });
      if (setup.items.length) await tx.insert(AgendaItemEntity, setup.items.map((i) => ({ meetingId: m, ...i })));
      if (setup.groups.length) await tx.insert(GroupEntity, setup.groups.map((g) => ({ meetingId: m, id: g.id, name: g.name, coordinatorDelegationId: g.coordinatorDelegationId ?? null })));
      if (setup.delegations.length) await tx.insert(DelegationEntity, setup.delegations.map((d) => ({ meetingId: m, ...d })));
      if (setup.participants.length) {
        await tx.insert(ParticipantEntity, setup.participants.map((p) => ({
          id: p.id, meetingId: m, name: p.name, title: p.title ?? null, level: p.level, role: p.role, delegationId: p.delegationId ?? null,
        })));
      }
      // Inside the transaction: if the log refuses, nothing is stored. If the commit fails after
      // the append, a retry with the same meeting id replays the same commandId, applied once.
      const ack = await this.services.command('floor', {
        meetingId: m, commandId: `meeting.create:${m}`, type: 'meeting.create', payload: setup,
        actor: { role: 'operator', participantId: 'operator' },
      });
      if (!ack.ok) throw new ConflictException(ack.error);
    });
    return { meetingId: m, access: setup.participants.map((p) => this.issue(m, p)) };
  }

  async addParticipant(meetingId: string, p: z.infer<typeof ParticipantSetupSchema>): Promise<IssuedAccess> {
    const meeting = await this.db.getRepository(MeetingEntity).findOneBy({ id: meetingId });
    if (!meeting) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `meeting ${meetingId} does not exist` });
    if (p.delegationId && !(await this.db.getRepository(DelegationEntity).findOneBy({ meetingId, id: p.delegationId }))) {
      throw new NotFoundException({ code: 'NO_SUCH_DELEGATION', message: `delegation ${p.delegationId} is not in meeting ${meetingId}` });
    }
    const row = { id: p.id ?? randomUUID(), meetingId, name: p.name, title: p.title ?? null, level: p.level, role: p.role, delegationId: p.delegationId ?? null };
    await this.db.transaction(async (tx) => {
      await tx.insert(ParticipantEntity, row);
      // The floor learns the participant too, so its entries carry the right speaker (R3, R44).
      const ack = await this.services.command('floor', {
        meetingId, commandId: `participant.add:${meetingId}:${row.id}`, type: 'participant.add',
        payload: { id: row.id, name: row.name, ...(p.title ? { title: p.title } : {}), level: row.level, role: row.role, ...(p.delegationId ? { delegationId: p.delegationId } : {}) },
        actor: { role: 'operator', participantId: 'operator' },
      });
      if (!ack.ok) throw new ConflictException(ack.error);
    });
    return this.issue(meetingId, { ...row, delegationId: row.delegationId ?? undefined });
  }

  async reissue(meetingId: string, participantId: string): Promise<IssuedAccess> {
    const p = await this.db.getRepository(ParticipantEntity).findOneBy({ meetingId, id: participantId });
    if (!p) throw new NotFoundException({ code: 'NO_SUCH_PARTICIPANT', message: `participant ${participantId} is not in meeting ${meetingId}` });
    return this.issue(meetingId, { ...p, delegationId: p.delegationId ?? undefined });
  }

  /** Anonymous viewers of public meetings: each token is its own identity (one vote each). */
  async viewerToken(meetingId: string): Promise<IssuedAccess> {
    const meeting = await this.db.getRepository(MeetingEntity).findOneBy({ id: meetingId }).catch(async (err: unknown) => {
      if (!isDatabaseUnavailable(err)) throw err;
      return this.meetingFromLog(meetingId, err);
    });
    if (!meeting) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `meeting ${meetingId} does not exist` });
    if (!meeting.public) throw new NotFoundException({ code: 'MEETING_NOT_PUBLIC', message: `meeting ${meetingId} is not public` });
    return this.issue(meetingId, { id: `viewer-${randomUUID()}`, name: 'Anonymous viewer', role: 'viewer' });
  }

  /**
   * Without Postgres a public meeting still takes viewers (issue 9): whether it exists and is
   * public is in its `meeting.created` event, the first of its log in Redis.
   */
  private async meetingFromLog(meetingId: string, dbError: unknown): Promise<{ public: boolean } | null> {
    const [first] = await this.log.since(meetingId, 'meeting', 0, 1).catch(() => { throw dbError; });
    if (!first) return null;
    if (first.type !== 'meeting.created') throw dbError;
    return { public: (first.payload as unknown as ResolvedMeetingSetup).public === true };
  }

  async get(meetingId: string): Promise<MeetingEntity & { items: AgendaItemEntity[]; delegations: DelegationEntity[]; groups: GroupEntity[]; participants: ParticipantEntity[] }> {
    const meeting = await this.db.getRepository(MeetingEntity).findOneBy({ id: meetingId });
    if (!meeting) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `meeting ${meetingId} does not exist` });
    const [items, delegations, groups, participants] = await Promise.all([
      this.db.getRepository(AgendaItemEntity).find({ where: { meetingId }, order: { position: 'ASC' } }),
      this.db.getRepository(DelegationEntity).findBy({ meetingId }),
      this.db.getRepository(GroupEntity).findBy({ meetingId }),
      this.db.getRepository(ParticipantEntity).findBy({ meetingId }),
    ]);
    return { ...meeting, items, delegations, groups, participants };
  }

  private issue(meetingId: string, p: { id: string; name: string; role: string; delegationId?: string }): IssuedAccess {
    const { token, expiresAt } = this.tokens.issue({ meetingId, participantId: p.id, role: p.role as never, delegationId: p.delegationId, name: p.name });
    return { participantId: p.id, name: p.name, role: p.role, delegationId: p.delegationId, token, expiresAt };
  }
}

