import { ConflictException, ForbiddenException, HttpException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ParticipantSetupSchema, ResolvedMeetingSetup } from '@rostrum/contracts';
import type { EventLog } from '@rostrum/messaging';
import {
  AgendaItemEntity, DelegationEntity, GroupEntity, MeetingEntity, ParticipantEntity, isDatabaseUnavailable,
} from '@rostrum/persistence';
import type { z } from 'zod';
import { AccessRegistry } from '../auth/access-registry';
import { AccessTokenService } from '../auth/access-token.service';
import { EdgeLimits } from '../auth/edge-limits';
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
    private readonly access: AccessRegistry,
    private readonly limits: EdgeLimits,
  ) {}

  async create(setup: ResolvedMeetingSetup, viewers: 'anyone' | 'verified' = 'anyone'): Promise<{ meetingId: string; access: IssuedAccess[] }> {
    const m = setup.meetingId;
    await this.db.transaction(async (tx) => {
      if (await tx.findOneBy(MeetingEntity, { id: m })) throw new ConflictException({ code: 'MEETING_EXISTS', message: `meeting ${m} already exists` });
      await tx.insert(MeetingEntity, {
        id: m, title: setup.title, body: setup.body ?? null, venue: setup.venue ?? null, date: setup.date ?? null, timeZone: setup.timeZone ?? null,
        public: setup.public, viewers, profile: setup.profile as never, qnaSettings: setup.qna as unknown as Record<string, unknown> as never, webcastStartedAt: null,
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
    // A meeting id reused after a deletion must not revive old tokens: issue at the current versions.
    const versions = await this.access.versions(m);
    const access = setup.participants.map((p) => this.issue(m, p, versions.get(p.id) ?? 0));
    return { meetingId: m, access };
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
    return this.issue(meetingId, { ...row, delegationId: row.delegationId ?? undefined }, await this.access.version(meetingId, row.id));
  }

  /**
   * A fresh token for a participant. Every earlier token of the participant stops working at
   * once, on every gateway, and its open consoles are closed with the reason.
   */
  async reissue(meetingId: string, participantId: string): Promise<IssuedAccess> {
    const p = await this.participant(meetingId, participantId);
    const version = await this.access.revoke({ meetingId, participantId, code: 'TOKEN_REVOKED', message: 'a new access link was issued for you; this one no longer works' });
    return this.issue(meetingId, { ...p, delegationId: p.delegationId ?? undefined }, version);
  }

  /**
   * Removes a participant: the row goes (so no new token can be issued), every token stops at
   * once and its consoles are closed. Entries and interventions already in the log stay (R43).
   */
  async removeParticipant(meetingId: string, participantId: string): Promise<{ ok: true; meetingId: string; participantId: string }> {
    await this.participant(meetingId, participantId);
    await this.access.revoke({ meetingId, participantId, code: 'PARTICIPANT_REMOVED', message: 'the secretariat removed your access to this meeting' });
    await this.db.getRepository(ParticipantEntity).delete({ meetingId, id: participantId });
    return { ok: true, meetingId, participantId };
  }

  /**
   * An anonymous viewer of a public meeting. The identity belongs to the browser: a console that
   * presents its earlier viewer token (even expired) gets a fresh token for the same identity,
   * so another tab or tomorrow's visit is still one person, one vote. New identities are
   * rate-limited per client address and overall (429 with Retry-After), and refused when the
   * meeting admits verified viewers only.
   */
  async viewerToken(meetingId: string, address: string, previous?: string): Promise<IssuedAccess> {
    const meeting = await this.db.getRepository(MeetingEntity).findOneBy({ id: meetingId }).catch(async (err: unknown) => {
      if (!isDatabaseUnavailable(err)) throw err;
      return this.meetingFromLog(meetingId, err);
    });
    if (!meeting) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `meeting ${meetingId} does not exist` });
    if (!meeting.public) throw new NotFoundException({ code: 'MEETING_NOT_PUBLIC', message: `meeting ${meetingId} is not public` });
    if (meeting.viewers === 'verified') throw new ForbiddenException({ code: 'VERIFIED_VIEWERS_ONLY', message: 'this meeting admits verified viewers only: use the access link the secretariat sent you' });
    const prior = previous ? this.tokens.verify(previous, { allowExpired: true }) : null;
    if (prior?.ok && prior.claims.anonymous && prior.claims.meetingId === meetingId && prior.claims.role === 'viewer') {
      const version = await this.access.version(meetingId, prior.claims.participantId);
      if (version === prior.claims.version) return this.issue(meetingId, { id: prior.claims.participantId, name: 'Anonymous viewer', role: 'viewer', anonymous: true }, version);
    }
    const verdict = await this.limits.mint(address);
    if (!verdict.ok) {
      throw new HttpException({ code: 'RATE_LIMITED', message: 'too many new viewer identities; try again later', retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000) }, HttpStatus.TOO_MANY_REQUESTS);
    }
    return this.issue(meetingId, { id: `viewer-${randomUUID()}`, name: 'Anonymous viewer', role: 'viewer', anonymous: true }, 0);
  }

  /**
   * Without Postgres a public meeting still takes viewers (issue 9): whether it exists and is
   * public is in its `meeting.created` event, the first of its log in Redis.
   */
  private async meetingFromLog(meetingId: string, dbError: unknown): Promise<{ public: boolean; viewers: 'anyone' | 'verified' } | null> {
    const [first] = await this.log.since(meetingId, 'meeting', 0, 1).catch(() => { throw dbError; });
    if (!first) return null;
    if (first.type !== 'meeting.created') throw dbError;
    const setup = first.payload as unknown as ResolvedMeetingSetup;
    return { public: setup.public === true, viewers: setup.viewers === 'verified' ? 'verified' : 'anyone' };
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

  private async participant(meetingId: string, participantId: string): Promise<ParticipantEntity> {
    const p = await this.db.getRepository(ParticipantEntity).findOneBy({ meetingId, id: participantId });
    if (!p) throw new NotFoundException({ code: 'NO_SUCH_PARTICIPANT', message: `participant ${participantId} is not in meeting ${meetingId}` });
    return p;
  }

  private issue(meetingId: string, p: { id: string; name: string; role: string; delegationId?: string; anonymous?: boolean }, version: number): IssuedAccess {
    const { token, expiresAt } = this.tokens.issue({
      meetingId, participantId: p.id, role: p.role as never, delegationId: p.delegationId, name: p.name, version, ...(p.anonymous ? { anonymous: true } : {}),
    });
    return { participantId: p.id, name: p.name, role: p.role, delegationId: p.delegationId, token, expiresAt };
  }
}

