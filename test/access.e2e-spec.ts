import Redis from 'ioredis';
import { io } from 'socket.io-client';
import { ACCESS_ENDED_MESSAGE } from '@rostrum/contracts';
import { TEST_OPERATOR_KEY, TestClient, TestSystem, debateSetup, signTestToken, tokenOf } from '@rostrum/testing';
import { codeOf, sleep, waitUntil } from './support/floor';

// Issue 10: access that can be taken back. Two gateways: a revocation made through one closes
// sockets on the other, and the per-command check covers any that are still open.
describe('access: revocation, removal, expiry on every command, renewal', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const connect = async (token: string, url = sys.url) => { const c = await TestClient.connect(url, token); clients.push(c); return c; };
  const ended = (c: TestClient) => c.waitFor(ACCESS_ENDED_MESSAGE, () => true, 2_000);
  const op = (path: string, method: string) => fetch(`${sys.url}${path}`, { method, headers: { 'x-operator-key': TEST_OPERATOR_KEY } });

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']);
    await sys.startApp('gateway');
  }, 90_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  async function openMeeting() {
    const { meetingId, access } = await sys.createMeeting(debateSetup('un-ga'));
    const chair = await connect(tokenOf(access, 'chair'));
    expect((await chair.cmd('meeting.open')).ok).toBe(true);
    expect((await chair.cmd('item.takeUp', { itemId: 'item-1' })).ok).toBe(true);
    return { meetingId, access, chair };
  }

  it('reissuing a token stops every earlier one at once, on every gateway; its sockets are closed with the reason', async () => {
    const { meetingId, access } = await openMeeting();
    const [gw1, gw2] = sys.gateways();
    const old = tokenOf(access, 'gha');
    const a = await connect(old, gw1!.url);
    const b = await connect(old, gw2!.url);
    expect((await a.cmd('floor.request', { type: 'statement' })).ok).toBe(true);
    const res = await op(`/meetings/${meetingId}/participants/gha/token`, 'POST');
    expect(res.status).toBe(201);
    const fresh = ((await res.json()) as { token: string }).token;
    // Both consoles are told why and closed, whichever gateway they are on (within 2 s).
    const [whyA, whyB] = await Promise.all([ended(a), ended(b)]);
    expect(whyA).toMatchObject({ code: 'TOKEN_REVOKED' });
    expect(whyB).toMatchObject({ code: 'TOKEN_REVOKED' });
    await waitUntil(() => !a.socket.connected && !b.socket.connected, 'both sockets closed', 2_000);
    // The old token no longer gets in, the new one does and may act.
    await expect(TestClient.connect(gw2!.url!, old)).rejects.toMatchObject({ data: { code: 'TOKEN_REVOKED' } });
    const c = await connect(fresh, gw2!.url);
    expect(codeOf(await c.cmd('floor.withdraw', { entryId: 'e1' }))).toBeUndefined();
  });

  it('the access version is checked in Redis on every command: a bump nobody announced still refuses the next command', async () => {
    const { meetingId, access } = await openMeeting();
    const nor = await connect(tokenOf(access, 'nor'));
    expect((await nor.cmd('floor.request', { type: 'statement', mode: 'remote' })).ok).toBe(true);
    // As if the gateway missed the announcement: bump the version in Redis only.
    const redis = new Redis(sys.redisUrl);
    try { await redis.hincrby(`${sys.prefix}:m:{${meetingId}}:access`, 'nor', 1); } finally { redis.disconnect(); }
    const ack = await nor.cmd('floor.withdraw', { entryId: 'e1' });
    expect(codeOf(ack)).toBe('TOKEN_REVOKED');
    expect(await ended(nor)).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  it('the access refusal wins over every other answer (the checks run side by side): a malformed command and a valid one from a withdrawn token both get TOKEN_REVOKED and change nothing', async () => {
    const { meetingId, access, chair } = await openMeeting();
    const token = tokenOf(access, 'nor');
    const malformed = await connect(token);
    const valid = await connect(token);
    const requested = await valid.cmd('floor.request', { type: 'statement', mode: 'remote' });
    expect(requested.ok).toBe(true);
    await waitUntil(() => valid.events().some((e) => e.type === 'floor.requested'), 'Norway inscribed');
    const entryId = (valid.events().find((e) => e.type === 'floor.requested')!.payload as { entry: { entryId: string } }).entry.entryId;
    const redis = new Redis(sys.redisUrl);
    try { await redis.hincrby(`${sys.prefix}:m:{${meetingId}}:access`, 'nor', 1); } finally { redis.disconnect(); }
    // Not a known type (VALIDATION_FAILED on its own), and a withdrawal the rules would accept.
    const [bad, good] = await Promise.all([
      malformed.cmd('floor.request', { type: 'no-such-type' }),
      valid.cmd('floor.withdraw', { entryId }),
    ]);
    expect(codeOf(bad)).toBe('TOKEN_REVOKED');
    expect(codeOf(good)).toBe('TOKEN_REVOKED');
    // Nothing was applied: the chair's next snapshot still has Norway waiting.
    const snap = await chair.sync();
    expect(JSON.stringify(snap)).toContain(`"entryId":"${entryId}"`);
    expect(chair.events().some((e) => e.type === 'floor.withdrawn')).toBe(false);
  });

  it('DELETE /meetings/:id/participants/:participantId removes a participant: tokens stop, consoles close, no new token can be issued', async () => {
    const { meetingId, access, chair } = await openMeeting();
    const egy = await connect(tokenOf(access, 'egy'));
    await waitUntil(() => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === 'EGY'), 'Egypt present');
    const del = await op(`/meetings/${meetingId}/participants/egy`, 'DELETE');
    expect(del.status).toBe(200);
    expect(await ended(egy)).toMatchObject({ code: 'PARTICIPANT_REMOVED' });
    await expect(TestClient.connect(sys.url, tokenOf(access, 'egy'))).rejects.toMatchObject({ data: { code: 'TOKEN_REVOKED' } });
    expect((await op(`/meetings/${meetingId}/participants/egy/token`, 'POST')).status).toBe(404);
    expect((await op(`/meetings/${meetingId}/participants/egy`, 'DELETE')).status).toBe(404);
    expect((await op(`/meetings/${meetingId}/participants/nobody`, 'DELETE')).status).toBe(404);
    // The delegation's presence drops when its last console goes (R41).
    await waitUntil(() => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === 'EGY' && e.payload.status === 'dropped'), 'Egypt dropped');
  });

  it('expiry is enforced on every command, not only at connection: a floor.request after expiry is refused and the socket closed', async () => {
    const { meetingId } = await openMeeting();
    const short = signTestToken({ meetingId, participantId: 'gbr', role: 'delegate', delegationId: 'GBR', name: 'Mr. James Hale' }, 3);
    const raw = io(sys.url, { auth: { token: short }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((r) => raw.once('connect', () => r()));
    const why = new Promise((r) => raw.once(ACCESS_ENDED_MESSAGE, r));
    expect((await raw.emitWithAck('floor.request', { commandId: 'before-expiry', type: 'statement' })).ok).toBe(true);
    await sleep(3_200);
    const after = await raw.timeout(5_000).emitWithAck('floor.withdraw', { commandId: 'after-expiry-1', entryId: 'e1' }).catch(() => ({ ok: false, error: { code: 'DISCONNECTED' } }));
    expect(['TOKEN_EXPIRED', 'DISCONNECTED']).toContain(codeOf(after));
    expect(await why).toMatchObject({ code: 'TOKEN_EXPIRED' });
    raw.close();
    // A token that expired is refused at the door too.
    await expect(TestClient.connect(sys.url, short)).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
  });

  it('auth.renew: a console renews before expiry and keeps acting past the first token\'s expiry, with the same identity', async () => {
    const { meetingId, access } = await openMeeting();
    const short = signTestToken({ meetingId, participantId: 'sen', role: 'delegate', delegationId: 'SEN', name: 'Mr. Cheikh Ndiaye' }, 4);
    const c = await connect(short);
    const renewed = await c.socket.emitWithAck('auth.renew', {}) as { ok: boolean; token: string; expiresAt: string };
    expect(renewed).toMatchObject({ ok: true });
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.now() + 60_000);
    await sleep(4_500);
    const ack = await c.cmd('floor.request', { type: 'statement' });
    expect(ack.ok).toBe(true);
    expect(c.socket.connected).toBe(true);
    // The renewed token is the same participant; reissuing revokes it like any other.
    const again = await connect(renewed.token);
    expect(again.socket.connected).toBe(true);
    await op(`/meetings/${meetingId}/participants/sen/token`, 'POST');
    await ended(again);
    expect(tokenOf(access, 'sen')).not.toBe(renewed.token);
  });

  it('REST routes that take a token refuse a revoked one too (webcast start by the secretariat)', async () => {
    const { meetingId, access } = await openMeeting();
    const put = (token: string) => fetch(`${sys.url}/meetings/${meetingId}/webcast`, {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ startedAt: new Date().toISOString() }),
    });
    const old = tokenOf(access, 'sec');
    expect((await put(old)).status).toBe(200);
    const res = await op(`/meetings/${meetingId}/participants/sec/token`, 'POST');
    const fresh = ((await res.json()) as { token: string }).token;
    const refused = await put(old);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TOKEN_REVOKED');
    expect((await put(fresh)).status).toBe(200);
  });
});
