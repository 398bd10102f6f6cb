import { TEST_OPERATOR_KEY, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

// Who may read a record: anyone for a public meeting; a participant of the meeting otherwise.
describe('record REST access', () => {
  let sys: TestSystem;
  let priv: { meetingId: string; access: Array<{ participantId: string; token: string }> };
  let pub: { meetingId: string; access: Array<{ participantId: string; token: string }> };

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'gateway']);
    priv = await sys.createMeeting({ ...debateSetup(), public: false });
    pub = await sys.createMeeting(debateSetup());
  }, 90_000);
  afterAll(() => sys?.stop(), 30_000);

  const get = (meetingId: string, path: string, token?: string) =>
    fetch(`${sys.url}/meetings/${meetingId}/${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('a public meeting record is open to anyone, in every format', async () => {
    for (const [path, type] of [['record', /json/], ['record.json', /json/], ['record.md', /markdown/], ['record.html', /html/], ['record.pdf', /pdf/], ['stats', /json/], ['stats.json', /json/], ['stats.csv', /csv/], ['speakers.md', /markdown/], ['speakers.html', /html/], ['speakers.csv', /csv/], ['speakers.pdf', /pdf/], ['press.md', /markdown/], ['press.html', /html/]] as const) {
      const res = await get(pub.meetingId, path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get('content-type')).toMatch(type);
    }
    const unknown = await get(pub.meetingId, 'record.docx');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FORMAT' } });
  });

  it('a private meeting record needs a participant token of that meeting', async () => {
    expect((await get(priv.meetingId, 'record.html')).status).toBe(401);
    expect((await get(priv.meetingId, 'record.html', tokenOf(pub.access, 'gha'))).status).toBe(403);
    const ok = await get(priv.meetingId, 'record.html', tokenOf(priv.access, 'gha'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${sys.url}/meetings/${priv.meetingId}/stats.json?token=${tokenOf(priv.access, 'chair')}`)).status).toBe(200);
    expect((await get('no-such-meeting', 'record.json')).status).toBe(404);
  });

  it('REST refusals carry the catalogue codes: MEETING_NOT_FOUND, NOT_FOUND, BAD_REQUEST, UNAUTHENTICATED', async () => {
    const missing = await get('no-such-meeting', 'record.json');
    expect([missing.status, await missing.json()]).toEqual([404, { ok: false, error: expect.objectContaining({ code: 'MEETING_NOT_FOUND' }) }]);
    const noFile = await fetch(`${sys.url}/console/js/no-such-module.js`);
    expect([noFile.status, await noFile.json()]).toEqual([404, { ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) }]);
    const headers = { 'content-type': 'application/json', 'x-operator-key': TEST_OPERATOR_KEY };
    const garbled = await fetch(`${sys.url}/meetings`, { method: 'POST', headers, body: '{"title": "unfinished' });
    expect([garbled.status, await garbled.json()]).toEqual([400, { ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST' }) }]);
    const noKey = await fetch(`${sys.url}/meetings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([noKey.status, await noKey.json()]).toEqual([401, { ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }]);
    const codeOf = async (res: Response) => ((await res.json()) as { error?: { code?: string } }).error?.code;
    expect(await codeOf(await fetch(`${sys.url}/meetings/${priv.meetingId}/viewer-token`, { method: 'POST' }))).toBe('MEETING_NOT_PUBLIC');
    expect(await codeOf(await fetch(`${sys.url}/meetings`, { method: 'POST', headers, body: JSON.stringify({ ...debateSetup(), id: pub.meetingId }) }))).toBe('MEETING_EXISTS');
    expect(await codeOf(await fetch(`${sys.url}/meetings/${pub.meetingId}/participants/nobody/token`, { method: 'POST', headers }))).toBe('NO_SUCH_PARTICIPANT');
    expect(await codeOf(await get(pub.meetingId, 'statements/no-such-statement/pdf', tokenOf(pub.access, 'sec')))).toBe('STATEMENT_NOT_FOUND');
  });

  it('only the operator, the chair or the secretariat set the webcast start, with a valid date', async () => {
    const put = (body: unknown, headers: Record<string, string>) => fetch(`${sys.url}/meetings/${pub.meetingId}/webcast`, {
      method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
    });
    const at = new Date().toISOString();
    expect((await put({ startedAt: at }, { authorization: `Bearer ${tokenOf(pub.access, 'gha')}` })).status).toBe(403);
    expect((await put({ startedAt: 'yesterday' }, { 'x-operator-key': TEST_OPERATOR_KEY })).status).toBe(400);
    expect((await put({ startedAt: at }, { authorization: `Bearer ${tokenOf(pub.access, 'sec')}` })).status).toBe(200);
    const [row] = await sys.query<{ webcast_started_at: Date }>(`SELECT webcast_started_at FROM meetings WHERE id = $1`, [pub.meetingId]);
    expect(row.webcast_started_at.toISOString()).toBe(at);
  });
});
