import jwt from 'jsonwebtoken';
import { TEST_TOKEN_SECRET } from './system';

/**
 * An access token as the test system's gateway would sign it, with an expiry the test chooses
 * (seconds from now; negative = already expired). For expiry and renewal tests: the gateway's
 * own TOKEN_TTL_SECONDS is at least 60 s.
 */
export function signTestToken(c: { meetingId: string; participantId: string; role: string; delegationId?: string; name?: string; version?: number; anonymous?: boolean }, expiresInSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { mid: c.meetingId, role: c.role, del: c.delegationId, name: c.name, ver: c.version ?? 0, ...(c.anonymous ? { anon: true } : {}), sub: c.participantId, aud: 'rostrum', iat: now, exp: now + expiresInSeconds },
    TEST_TOKEN_SECRET, { algorithm: 'HS256' },
  );
}
