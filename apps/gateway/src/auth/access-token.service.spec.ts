import jwt from 'jsonwebtoken';
import type { AppConfig } from '@rostrum/platform';
import { AccessTokenService } from './access-token.service';

const SECRET = 'unit-token-secret-0123456789-0123456789';
const service = (secret = SECRET) => new AccessTokenService({ auth: { tokenSecret: secret, tokenTtlSeconds: 600, operatorKey: 'k'.repeat(16) } } as AppConfig);
const claims = { meetingId: 'm1', participantId: 'gha-1', role: 'delegate' as const, delegationId: 'GHA', name: 'Ghana' };

// The secret is held as a KeyObject (issue 14: jsonwebtoken tried a string secret as a PEM key on
// every sign and verify). Tokens must stay exactly what they were: HS256 over the same bytes.
describe('AccessTokenService', () => {
  it('verifies what it issues, with the claims it was given', () => {
    const s = service();
    const v = s.verify(s.issue(claims).token);
    expect(v).toMatchObject({ ok: true, claims: { ...claims, version: 0 } });
  });

  it('accepts a token signed with the secret as a string (as before, and as other tools sign)', () => {
    const token = jwt.sign({ mid: 'm1', role: 'viewer', ver: 2 }, SECRET, { algorithm: 'HS256', subject: 'v-1', audience: 'rostrum', expiresIn: 60 });
    expect(service().verify(token)).toMatchObject({ ok: true, claims: { participantId: 'v-1', role: 'viewer', version: 2 } });
  });

  it('issues tokens that a verifier holding the string secret accepts', () => {
    const p = jwt.verify(service().issue(claims).token, SECRET, { algorithms: ['HS256'], audience: 'rostrum' }) as jwt.JwtPayload;
    expect(p).toMatchObject({ sub: 'gha-1', mid: 'm1', role: 'delegate', del: 'GHA' });
  });

  it('refuses a token of another secret, an expired one, and none', () => {
    const other = service('another-secret-0123456789-0123456789-xx').issue(claims).token;
    expect(service().verify(other)).toMatchObject({ ok: false, code: 'TOKEN_INVALID' });
    const expired = jwt.sign({ mid: 'm1', role: 'viewer', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, { algorithm: 'HS256', subject: 'v-1', audience: 'rostrum' });
    expect(service().verify(expired)).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' });
    expect(service().verify(expired, { allowExpired: true })).toMatchObject({ ok: true });
    expect(service().verify(undefined)).toMatchObject({ ok: false, code: 'TOKEN_MISSING' });
  });
});
