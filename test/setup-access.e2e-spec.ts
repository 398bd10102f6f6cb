import { TEST_OPERATOR_KEY, TestClient, TestSystem, debateSetup } from '@rostrum/testing';

// Issue 11, the secretariat's side of the REST API: a list of meetings, a setup that keeps
// what the secretariat typed (time zone, body, venue, presiding officer, masthead), and
// per-participant access links the server can list again later, with expiry, re-issuable.
type Listed = { participantId: string; role: string; status: string; token?: string; issuedAt?: string; expiresAt?: string };

describe('secretariat REST: meetings list, setup kept whole, access links listed again', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const op = (path: string, init: RequestInit = {}) =>
    fetch(`${sys.url}${path}`, { ...init, headers: { 'content-type': 'application/json', 'x-operator-key': TEST_OPERATOR_KEY, ...(init.headers ?? {}) } });

  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']); }, 90_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  it('a meeting set up keeps its time zone, body, venue, masthead and presiding officer; the list shows it', async () => {
    const setup = {
      ...debateSetup('ecosoc'), id: 'ecosoc-tz', timeZone: 'America/New_York', symbol: 'E/2026/SR.12', session: '2026 session', meetingNumber: 12,
    };
    setup.participants = setup.participants!.map((p) => (p.id === 'chair' ? { ...p, name: 'Ms. Lachezara Stoeva', title: 'President of the Council', delegationId: 'GHA' } : p));
    expect((await op('/meetings', { method: 'POST', body: JSON.stringify(setup) })).status).toBe(201);
    await sys.createMeeting({ ...debateSetup('un-ga'), id: 'plain', body: undefined, venue: undefined });

    const got = await (await op('/meetings/ecosoc-tz')).json() as Record<string, unknown> & { participants: Array<Record<string, unknown>> };
    expect(got).toMatchObject({
      id: 'ecosoc-tz', timeZone: 'America/New_York', body: 'Economic and Social Council', venue: 'ECOSOC Chamber', date: '2026-11-28',
      symbol: 'E/2026/SR.12', session: '2026 session', meetingNumber: 12,
    });
    expect(got.participants.find((p) => p.role === 'chair')).toMatchObject({ name: 'Ms. Lachezara Stoeva', title: 'President of the Council', delegationId: 'GHA' });
    // Nothing about the links leaks into the setup view.
    expect(JSON.stringify(got)).not.toMatch(/access_|accessTokenId|accessVersion/);

    const list = await op('/meetings');
    expect(list.status).toBe(200);
    const { meetings } = await list.json() as { meetings: Array<Record<string, unknown>> };
    expect(meetings.map((m) => m.meetingId)).toEqual(['plain', 'ecosoc-tz']); // newest first
    expect(meetings[1]).toEqual({
      meetingId: 'ecosoc-tz', title: setup.title, body: 'Economic and Social Council', venue: 'ECOSOC Chamber', date: '2026-11-28',
      timeZone: 'America/New_York', public: true, createdAt: expect.any(String), participants: setup.participants!.length,
    });
    expect(meetings[0]).not.toHaveProperty('timeZone');
    expect((await fetch(`${sys.url}/meetings`)).status).toBe(401);
    expect((await fetch(`${sys.url}/meetings`, { headers: { 'x-operator-key': 'wrong' } })).status).toBe(401);
  });

  it('the links of a meeting are listed again later: the same working tokens with their expiry; a re-issue replaces one; a participant added later is listed', async () => {
    const before = Date.now();
    const { meetingId, access } = await sys.createMeeting(debateSetup('un-ga'));
    const issued = access as unknown as Array<{ participantId: string; token: string; expiresAt: string; issuedAt?: string }>;
    expect(issued.every((a) => a.issuedAt !== undefined && Date.parse(a.expiresAt) > Date.parse(a.issuedAt))).toBe(true);

    const listed = async () => ((await (await op(`/meetings/${meetingId}/access`)).json()) as { access: Listed[] }).access;
    const first = await listed();
    expect(first).toHaveLength(issued.length);
    for (const a of issued) {
      // The very token handed out at creation, with the same expiry: nothing new was minted.
      expect(first.find((l) => l.participantId === a.participantId)).toMatchObject({ status: 'active', token: a.token, expiresAt: a.expiresAt, issuedAt: a.issuedAt });
    }
    expect(Date.parse(first[0]!.issuedAt!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const gha = first.find((l) => l.participantId === 'gha')!;
    clients.push(await TestClient.connect(sys.url, gha.token!)); // a listed link works

    const res = await op(`/meetings/${meetingId}/participants/gha/token`, { method: 'POST' });
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as { token: string; expiresAt: string; issuedAt: string };
    const second = await listed();
    expect(second.find((l) => l.participantId === 'gha')).toMatchObject({ status: 'active', token: fresh.token, expiresAt: fresh.expiresAt, issuedAt: fresh.issuedAt });
    expect(second.find((l) => l.participantId === 'nor')!.token).toBe(first.find((l) => l.participantId === 'nor')!.token);
    await expect(TestClient.connect(sys.url, gha.token!)).rejects.toMatchObject({ data: { code: 'TOKEN_REVOKED' } });
    clients.push(await TestClient.connect(sys.url, fresh.token));

    const added = await op(`/meetings/${meetingId}/participants`, { method: 'POST', body: JSON.stringify({ id: 'ken', name: 'Ms. Wanjiru Kamau', role: 'viewer', gender: 'female', language: 'sw' }) });
    expect(added.status).toBe(201);
    // Nothing the setup accepts is dropped on the way: gender and language reach the log the record reads.
    let persisted: Array<{ payload: Record<string, unknown> }> = [];
    for (let i = 0; i < 100 && persisted.length === 0; i++) {
      persisted = await sys.query(`SELECT payload FROM record_events WHERE meeting_id = $1 AND type = 'participant.added'`, [meetingId]);
      if (persisted.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(persisted[0]?.payload).toMatchObject({ id: 'ken', gender: 'female', language: 'sw' });
    const addedToken = ((await added.json()) as { token: string }).token;
    expect((await listed()).find((l) => l.participantId === 'ken')).toMatchObject({ status: 'active', role: 'viewer', token: addedToken });

    expect((await fetch(`${sys.url}/meetings/${meetingId}/access`)).status).toBe(401);
    const missing = await op('/meetings/no-such-meeting/access');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'MEETING_NOT_FOUND' } });
  });

  it('a link whose time has passed is listed as expired (short TTL)', async () => {
    const short = await TestSystem.start(['floor', 'gateway'], { TOKEN_TTL_SECONDS: '60' });
    try {
      const res = await fetch(`${short.url}/meetings`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': TEST_OPERATOR_KEY }, body: JSON.stringify(debateSetup()),
      });
      const { meetingId } = (await res.json()) as { meetingId: string };
      // Move the stored expiry into the past, as time would: the list must say so.
      await short.query(`UPDATE participants SET access_expires_at = now() - interval '1 second', access_issued_at = now() - interval '61 seconds' WHERE meeting_id = $1 AND id = 'nor'`, [meetingId]);
      const list = ((await (await fetch(`${short.url}/meetings/${meetingId}/access`, { headers: { 'x-operator-key': TEST_OPERATOR_KEY } })).json()) as { access: Listed[] }).access;
      expect(list.find((l) => l.participantId === 'nor')).toMatchObject({ status: 'expired' });
      expect(list.find((l) => l.participantId === 'gha')).toMatchObject({ status: 'active' });
      await expect(TestClient.connect(short.url, list.find((l) => l.participantId === 'nor')!.token!)).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
    } finally { await short.stop(); }
  }, 90_000);
});
