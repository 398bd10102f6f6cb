import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import type { Actor, Role } from '@rostrum/contracts';
import type { AppConfig } from '@rostrum/platform';
import { CONFIG } from '../tokens';

/** What an access token grants: one participant, one meeting, one role (and a delegation for delegates). */
export interface AccessClaims {
  meetingId: string;
  participantId: string;
  role: Role;
  delegationId?: string;
  name?: string;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; code: 'TOKEN_MISSING' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID'; message: string };

/** Signed (HS256), expiring access tokens. */
@Injectable()
export class AccessTokenService {
  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  issue(claims: AccessClaims, ttlSeconds = this.config.auth.tokenTtlSeconds): { token: string; expiresAt: string } {
    const token = jwt.sign(
      { mid: claims.meetingId, role: claims.role, del: claims.delegationId, name: claims.name },
      this.config.auth.tokenSecret,
      { algorithm: 'HS256', subject: claims.participantId, expiresIn: ttlSeconds, audience: 'rostrum' },
    );
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
  }

  verify(token: unknown): VerifyResult {
    if (typeof token !== 'string' || token.length === 0) return { ok: false, code: 'TOKEN_MISSING', message: 'an access token is required (handshake auth.token)' };
    try {
      const p = jwt.verify(token, this.config.auth.tokenSecret, { algorithms: ['HS256'], audience: 'rostrum' }) as jwt.JwtPayload;
      if (typeof p.sub !== 'string' || typeof p.mid !== 'string' || typeof p.role !== 'string') {
        return { ok: false, code: 'TOKEN_INVALID', message: 'the access token lacks its claims' };
      }
      return { ok: true, claims: { participantId: p.sub, meetingId: p.mid, role: p.role as Role, delegationId: p.del, name: p.name } };
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) return { ok: false, code: 'TOKEN_EXPIRED', message: `the access token expired at ${err.expiredAt.toISOString()}` };
      return { ok: false, code: 'TOKEN_INVALID', message: 'the access token is not valid for this server' };
    }
  }
}

export const actorOf = (c: AccessClaims): Actor => ({
  role: c.role, participantId: c.participantId, delegationId: c.delegationId, displayName: c.name,
});
