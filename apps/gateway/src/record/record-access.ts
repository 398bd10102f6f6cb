import { ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AccessRegistry } from '../auth/access-registry';
import type { AccessClaims, AccessTokenService } from '../auth/access-token.service';

/** The token of a REST request: `Authorization: Bearer …` or `?token=` (links from the consoles). */
export function tokenOf(authorization: string | undefined, query: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return m?.[1] ?? query;
}

/**
 * Who may read a meeting's record: anyone when the meeting is public, otherwise a participant
 * of that meeting (any role). Unknown meetings are 404 either way.
 */
export async function assertCanRead(db: DataSource, tokens: AccessTokenService, access: AccessRegistry, meetingId: string, token: string | undefined): Promise<void> {
  const [meeting] = await db.query(`SELECT public FROM meetings WHERE id = $1`, [meetingId]);
  if (!meeting) throw new NotFoundException({ code: 'MEETING_NOT_FOUND', message: `no meeting ${meetingId}` });
  if (meeting.public) return;
  await claimsFor(tokens, access, meetingId, token);
}

/**
 * Valid, current claims for this meeting — signature, expiry and the access version in Redis
 * (a reissued or removed participant's old token is refused here too) — or 401/403 with a code
 * the client can act on.
 */
export async function claimsFor(tokens: AccessTokenService, access: AccessRegistry, meetingId: string, token: string | undefined): Promise<AccessClaims> {
  const v = tokens.verify(token);
  if (!v.ok) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: v.message });
  if (v.claims.meetingId !== meetingId) throw new ForbiddenException({ code: 'NOT_A_MEMBER', message: 'the token is for another meeting' });
  const refused = await access.check(v.claims);
  if (refused) throw new UnauthorizedException(refused);
  return v.claims;
}
