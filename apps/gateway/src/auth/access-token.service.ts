import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
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
  /** Anonymous viewer of a public meeting (no participant record). */
  anonymous?: boolean;
  /** Access version of the participant when issued: a reissue or removal bumps it (AccessRegistry). */
  version: number;
  /** Token id (jti), for the logs. */
  tokenId: string;
  /** When the token stops working, ms since the epoch: checked on every command, not only at connection. */
  expiresAtMs: number;
}

/** What makes a token reproducible: its id and times (seconds since the epoch). */
export interface TokenStamp { tokenId: string; issuedAtSec: number; expiresAtSec: number }

export type AccessCode = 'TOKEN_MISSING' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'TOKEN_REVOKED';
export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; code: AccessCode; message: string };
export type IssueInput = Omit<AccessClaims, 'tokenId' | 'expiresAtMs' | 'version'> & { version?: number };

/** Signed (HS256), expiring access tokens. Whether a valid signature still grants access is AccessRegistry's call. */
@Injectable()
export class AccessTokenService {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries it as a PEM
   * key (createPublicKey / createPrivateKey, which throw) on every sign and verify — 5% of the
   * gateway's CPU in the bench's profile (docs/benchmarks.md). Same bytes, same tokens.
   */
  private readonly key: KeyObject;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.auth.tokenSecret, 'utf8'));
  }

  /**
   * Signs a token for `ttlSeconds` (default TOKEN_TTL_SECONDS). `expiresAt` is ISO 8601. Given
   * the `stamp` of an earlier issue (same claims), it signs the very same token again (HS256 is
   * deterministic): that is how the secretariat lists a meeting's links later without the
   * server storing any token.
   */
  issue(claims: IssueInput, ttlSeconds = this.config.auth.tokenTtlSeconds, stamp?: TokenStamp): { token: string; expiresAt: string; stamp: TokenStamp } {
    const issuedAtSec = Math.floor(Date.now() / 1000);
    const s = stamp ?? { tokenId: randomUUID(), issuedAtSec, expiresAtSec: issuedAtSec + ttlSeconds };
    const token = jwt.sign(
      { mid: claims.meetingId, role: claims.role, del: claims.delegationId, name: claims.name, ver: claims.version ?? 0, ...(claims.anonymous ? { anon: true } : {}), iat: s.issuedAtSec, exp: s.expiresAtSec },
      this.key,
      { algorithm: 'HS256', subject: claims.participantId, audience: 'rostrum', jwtid: s.tokenId },
    );
    return { token, expiresAt: new Date(s.expiresAtSec * 1000).toISOString(), stamp: s };
  }

  /**
   * Checks signature, audience and expiry. `allowExpired` is only for renewing an anonymous
   * viewer's identity (the browser keeps it; the identity is not a privilege).
   */
  verify(token: unknown, opts: { allowExpired?: boolean } = {}): VerifyResult {
    if (typeof token !== 'string' || token.length === 0) return { ok: false, code: 'TOKEN_MISSING', message: 'an access token is required (handshake auth.token)' };
    if (token.length > 4096) return { ok: false, code: 'TOKEN_INVALID', message: 'the access token is not valid for this server' };
    try {
      const p = jwt.verify(token, this.key, { algorithms: ['HS256'], audience: 'rostrum', ignoreExpiration: !!opts.allowExpired }) as jwt.JwtPayload;
      if (typeof p.sub !== 'string' || typeof p.mid !== 'string' || typeof p.role !== 'string' || typeof p.exp !== 'number') {
        return { ok: false, code: 'TOKEN_INVALID', message: 'the access token lacks its claims' };
      }
      return {
        ok: true,
        claims: {
          participantId: p.sub, meetingId: p.mid, role: p.role as Role, delegationId: p.del, name: p.name, ...(p.anon === true ? { anonymous: true } : {}),
          version: typeof p.ver === 'number' ? p.ver : 0, tokenId: typeof p.jti === 'string' ? p.jti : '', expiresAtMs: p.exp * 1000,
        },
      };
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) return { ok: false, code: 'TOKEN_EXPIRED', message: `the access token expired at ${err.expiredAt.toISOString()}` };
      return { ok: false, code: 'TOKEN_INVALID', message: 'the access token is not valid for this server' };
    }
  }
}

/** The actor a command is attributed to (R43). */
export const actorOf = (c: AccessClaims): Actor => ({
  role: c.role, participantId: c.participantId, delegationId: c.delegationId, displayName: c.name,
});
