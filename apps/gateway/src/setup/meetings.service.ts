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
import { AccessTokenService, type TokenStamp } from '../auth/access-token.service';
import { EdgeLimits } from '../auth/edge-limits';
import { DATA_SOURCE, EVENT_LOG, SERVICES } from '../tokens';
import type { ServiceClient } from '../realtime/service-client';

export interface IssuedAccess {
  participantId: string; name: string; role: string; delegationId?: string; token: string; expiresAt: string;
  /** ISO 8601; absent for anonymous viewers. */
  issuedAt?: string;
}

/** A participant's access link as the secretariat lists it later (`GET /meetings/:id/access`). */
export interface ListedAccess {
  participantId: string; name: string; role: string; delegationId?: string; title?: string;
  /**
   * `active`: the link works until `expiresAt`; `expired`: past it; `replaced`: a newer link or a
   * revocation superseded it (re-issue to get a working one); `not-issued`: set up before links
   * were kept (re-issue).
   */
  status: 'active' | 'expired' | 'replaced' | 'not-issued';
  token?: string; issuedAt?: string; expiresAt?: string;
}

type Issuable = { id: string; name: string; role: string; delegationId?: string; anonymous?: boolean };
const stampColumns = (a: { stamp: TokenStamp }, version: number) => ({
  accessTokenId: a.stamp.tokenId, accessVersion: version,
  accessIssuedAt: new Date(a.stamp.issuedAtSec * 1000), accessExpiresAt: new Date(a.stamp.expiresAtSec * 1000),
});

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
    // A meeting id reused after a deletion must not revive old tokens: issue at the current versions.
    const versions = await this.access.versions(m);
    const issued = setup.participants.map((p) => this.sign(m, p, versions.get(p.id) ?? 0));
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
        await tx.insert(ParticipantEntity, setup.participants.map((p, i) => ({
          id: p.id, meetingId: m, name: p.name, title: p.title ?? null, level: p.level, role: p.role, delegationId: p.delegationId ?? null,
          ...stampColumns(issued[i]!, versions.get(p.id) ?? 0),
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
    return { meetingId: m, access: issued.map((a) => a.access) };
  }

  async addParticipant(meetingId: string, p: z.infer<typeof ParticipantSetupSchema>): Promise<IssuedAccess> {
    await this.meeting(meetingId);
    if (p.delegationId && !(await this.db.getRepository(DelegationEntity).findOneBy({ meetingId, id: p.delegationId }))) {
      throw new NotFoundException({ code: 'NO_SUCH_DELEGATION', message: `delegation ${p.delegationId} is not in meeting ${meetingId}` });
    }
    const row = { id: p.id ?? randomUUID(), meetingId, name: p.name, title: p.title ?? null, level: p.level, role: p.role, delegationId: p.delegationId ?? null };
    const version = await this.access.version(meetingId, row.id);
    const issued = this.sign(meetingId, { ...row, delegationId: row.delegationId ?? undefined }, version);
    await this.db.transaction(async (tx) => {
      await tx.insert(ParticipantEntity, { ...row, ...stampColumns(issued, version) });
      // The floor learns the participant too, so its entries carry the right speaker (R3, R44).
      const ack = await this.services.command('floor', {
        meetingId, commandId: `participant.add:${meetingId}:${row.id}`, type: 'participant.add',
        payload: {
          id: row.id, name: row.name, ...(p.title ? { title: p.title } : {}), level: row.level, role: row.role, ...(p.delegationId ? { delegationId: p.delegationId } : {}),
          ...(p.gender ? { gender: p.gender } : {}), ...(p.language ? { language: p.language } : {}),
        },
        actor: { role: 'operator', participantId: 'operator' },
      });
      if (!ack.ok) throw new ConflictException(ack.error);
    });
    return issued.access;
  }

  /**
   * A fresh token for a participant. Every earlier token of the participant stops working at
   * once, on every gateway, and its open consoles are closed with the reason.
   */
  async reissue(meetingId: string, participantId: string): Promise<IssuedAccess> {
    const p = await this.participant(meetingId, participantId);
    const version = await this.access.revoke({ meetingId, participantId, code: 'TOKEN_REVOKED', message: 'a new access link was issued for you; this one no longer works' });
    const issued = this.sign(meetingId, { ...p, delegationId: p.delegationId ?? undefined }, version);
    await this.db.getRepository(ParticipantEntity).update({ meetingId, id: participantId }, stampColumns(issued, version));
    return issued.access;
  }

  /**
   * Every participant's access link as last issued, signed again from its stored claims (the
   * same token the secretariat handed out), with its expiry and whether it still works.
   */
  async accessLinks(meetingId: string, now = Date.now()): Promise<{ meetingId: string; access: ListedAccess[] }> {
    await this.meeting(meetingId);
    const [rows, versions] = await Promise.all([
      this.db.getRepository(ParticipantEntity).find({ where: { meetingId }, order: { role: 'ASC', name: 'ASC' } }),
      this.access.versions(meetingId),
    ]);
    const access = rows.map((p): ListedAccess => {
      const who = { participantId: p.id, name: p.name, role: p.role, ...(p.delegationId ? { delegationId: p.delegationId } : {}), ...(p.title ? { title: p.title } : {}) };
      if (!p.accessTokenId || p.accessVersion === null || !p.accessIssuedAt || !p.accessExpiresAt) return { ...who, status: 'not-issued' };
      const stamp = { tokenId: p.accessTokenId, issuedAtSec: p.accessIssuedAt.getTime() / 1000, expiresAtSec: p.accessExpiresAt.getTime() / 1000 };
      const { token, expiresAt } = this.tokens.issue(this.claimsOf(meetingId, { ...p, delegationId: p.delegationId ?? undefined }, p.accessVersion), undefined, stamp);
      const status = (versions.get(p.id) ?? 0) !== p.accessVersion ? 'replaced' : p.accessExpiresAt.getTime() <= now ? 'expired' : 'active';
      return { ...who, status, token, issuedAt: p.accessIssuedAt.toISOString(), expiresAt };
    });
    return { meetingId, access };
  }

  /** Every meeting set up, newest first, with what tells them apart. */
  async list(): Promise<{ meetings: Array<{ meetingId: string; title: string; body?: string; venue?: string; date?: string; timeZone?: string; public: boolean; createdAt: string; participants: number }> }> {
    const rows: Array<{ id: string; title: string; body: string | null; venue: string | null; date: string | null; time_zone: string | null; public: boolean; created_at: Date; participants: string }> =
      await this.db.query(`SELECT m.id, m.title, m.body, m.venue, m.date, m.time_zone, m.public, m.created_at,
        (SELECT count(*) FROM participants p WHERE p.meeting_id = m.id) AS participants
        FROM meetings m ORDER BY m.created_at DESC, m.id LIMIT 500`);
    return {
      meetings: rows.map((r) => ({
        meetingId: r.id, title: r.title, ...(r.body ? { body: r.body } : {}), ...(r.venue ? { venue: r.venue } : {}), ...(r.date ? { date: r.date } : {}),
        ...(r.time_zone ? { timeZone: r.time_zone } : {}), public: r.public, createdAt: r.created_at.toISOString(), participants: Number(r.participants),
      })),
    };
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

  async get(meetingId: string) {
    const meeting = await this.meeting(meetingId);
    const [items, delegations, groups, participants] = await Promise.all([
      this.db.getRepository(AgendaItemEntity).find({ where: { meetingId }, order: { position: 'ASC' } }),
      this.db.getRepository(DelegationEntity).findBy({ meetingId }),
      this.db.getRepository(GroupEntity).findBy({ meetingId }),
      this.db.getRepository(ParticipantEntity).findBy({ meetingId }),
    ]);
    // The masthead fields the setup carries beyond the meetings table (symbol, session, number, sittings) come from `meeting.created`.
    const [created] = await this.log.since(meetingId, 'meeting', 0, 1).catch(() => []);
    const setup = created?.type === 'meeting.created' ? created.payload as unknown as ResolvedMeetingSetup : undefined;
    return {
      ...meeting,
      ...(setup?.symbol ? { symbol: setup.symbol } : {}), ...(setup?.session ? { session: setup.session } : {}),
      ...(setup?.meetingNumber ? { meetingNumber: setup.meetingNumber } : {}), ...(setup?.sittings?.length ? { sittings: setup.sittings } : {}),
      items, delegations, groups,
      participants: participants.map(({ accessTokenId: _t, accessVersion: _v, accessIssuedAt: _i, accessExpiresAt: _e, ...p }) => p),
    };
  }

  private async meeting(meetingId: string): Promise<MeetingEntity> {
    const meeting = await this.db.getRepository(MeetingEntity).findOneBy({ id: meetingId });
    if (!meeting) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `meeting ${meetingId} does not exist` });
    return meeting;
  }

  private async participant(meetingId: string, participantId: string): Promise<ParticipantEntity> {
    const p = await this.db.getRepository(ParticipantEntity).findOneBy({ meetingId, id: participantId });
    if (!p) throw new NotFoundException({ code: 'NO_SUCH_PARTICIPANT', message: `participant ${participantId} is not in meeting ${meetingId}` });
    return p;
  }

  private issue(meetingId: string, p: Issuable, version: number): IssuedAccess {
    return this.sign(meetingId, p, version).access;
  }

  private sign(meetingId: string, p: Issuable, version: number): { access: IssuedAccess; stamp: TokenStamp } {
    const { token, expiresAt, stamp } = this.tokens.issue(this.claimsOf(meetingId, p, version));
    const access = {
      participantId: p.id, name: p.name, role: p.role, delegationId: p.delegationId, token, expiresAt,
      ...(p.anonymous ? {} : { issuedAt: new Date(stamp.issuedAtSec * 1000).toISOString() }),
    };
    return { access, stamp };
  }

  private claimsOf(meetingId: string, p: Issuable, version: number) {
    return { meetingId, participantId: p.id, role: p.role as never, delegationId: p.delegationId, name: p.name, version, ...(p.anonymous ? { anonymous: true } : {}) };
  }
}
