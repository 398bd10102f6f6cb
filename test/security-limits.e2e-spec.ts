import { io } from 'socket.io-client';
import { TEST_OPERATOR_KEY, TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { codeOf, waitUntil } from './support/floor';

type Issued = { participantId: string; token: string };
const subOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;

// Issue 10: one person, one vote; limits shared through Redis; origins; security headers.
describe('one person, one vote: minting limits, a browser identity, socket caps, verified viewers, origins, headers', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
  const mint = (meetingId: string, body: Record<string, unknown> = {}) =>
    fetch(`${sys.url}/meetings/${meetingId}/viewer-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway'], {
      VIEWER_MINT_PER_ADDRESS_PER_MINUTE: '5', SOCKETS_PER_TOKEN: '3', ALLOWED_ORIGINS: 'https://rostrum.example.org',
    });
  }, 60_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  it('anonymous viewer minting is rate-limited per client address (429 with Retry-After); the browser keeps one identity, so a second tab cannot vote twice', async () => {
    const { meetingId, access } = await sys.createMeeting({ ...debateSetup('un-ga'), qna: { moderation: 'open' } });
    const minted: string[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 8 && !refused; i++) {
      const res = await mint(meetingId);
      if (res.status === 201) minted.push(((await res.json()) as Issued).token); else refused = res;
    }
    expect(minted).toHaveLength(5);
    expect(refused!.status).toBe(429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused!.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');

    // The browser presents its identity: the same participant, and no new identity is counted.
    const renewed = await mint(meetingId, { token: minted[0] });
    expect(renewed.status).toBe(201);
    const tab2 = ((await renewed.json()) as Issued).token;
    expect(subOf(tab2)).toBe(subOf(minted[0]!));

    const chair = await connect(tokenOf(access, 'chair'));
    expect((await chair.cmd('meeting.open')).ok).toBe(true);
    const asker = await connect(minted[1]!);
    const asked = await asker.cmd('qna.ask', { text: 'Will the record be translated into every official language?' });
    expect(asked.ok).toBe(true);
    await waitUntil(() => asker.seq.qna >= (asked.seq as number), 'question visible');
    const questionId = asker.events('qna').find((e) => e.type === 'qna.asked' || e.type === 'qna.published')!.payload.questionId as string;
    const [tabA, tabB] = [await connect(minted[0]!), await connect(tab2)];
    expect(await tabA.cmd('qna.vote', { questionId })).toMatchObject({ ok: true, votes: 1 });
    expect(await tabB.cmd('qna.vote', { questionId })).toMatchObject({ ok: true, votes: 1 });
  });

  it('sockets per token are capped (TOO_MANY_CONNECTIONS at the handshake); closing one makes room', async () => {
    const { access } = await sys.createMeeting(debateSetup('un-ga'));
    const token = tokenOf(access, 'gha');
    const open = [await connect(token), await connect(token), await connect(token)];
    await expect(TestClient.connect(sys.url, token)).rejects.toMatchObject({ data: { code: 'TOO_MANY_CONNECTIONS' } });
    open[0]!.close();
    await waitUntil(() => !open[0]!.socket.connected, 'closed');
    await new Promise((r) => setTimeout(r, 200));
    expect((await connect(token)).socket.connected).toBe(true);
  });

  it('Q&A limits are keyed by the participant: a reissued token does not reset them', async () => {
    const { meetingId, access } = await sys.createMeeting({ ...debateSetup('un-ga'), qna: { rateLimit: { questions: 2, windowSeconds: 600 } } });
    const chair = await connect(tokenOf(access, 'chair'));
    expect((await chair.cmd('meeting.open')).ok).toBe(true);
    const gha = await connect(tokenOf(access, 'gha'));
    for (const text of ['First question on financing?', 'Second question on mandates?']) expect((await gha.cmd('qna.ask', { text })).ok).toBe(true);
    expect(codeOf(await gha.cmd('qna.ask', { text: 'Third question, too soon?' }))).toBe('RATE_LIMITED');
    const res = await fetch(`${sys.url}/meetings/${meetingId}/participants/gha/token`, { method: 'POST', headers: { 'x-operator-key': TEST_OPERATOR_KEY } });
    const again = await connect(((await res.json()) as Issued).token);
    expect(codeOf(await again.cmd('qna.ask', { text: 'Third question, with a new token?' }))).toBe('RATE_LIMITED');
  });

  it('a meeting for verified viewers only mints no anonymous identity; a viewer the secretariat registered gets in', async () => {
    const { meetingId } = await sys.createMeeting({ ...debateSetup('un-ga'), viewers: 'verified' });
    const res = await mint(meetingId);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VERIFIED_VIEWERS_ONLY');
    const added = await fetch(`${sys.url}/meetings/${meetingId}/participants`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': TEST_OPERATOR_KEY }, body: JSON.stringify({ name: 'Press officer', role: 'viewer' }),
    });
    expect(added.status).toBe(201);
    const viewer = await connect(((await added.json()) as Issued).token);
    expect(viewer.snapshot).toMatchObject({ ok: true });
  });

  it('ALLOWED_ORIGINS: a page from another origin can neither open a socket nor read the REST API; the listed origin can', async () => {
    const { access } = await sys.createMeeting(debateSetup('un-ga'));
    const attempt = (origin: string) => new Promise<string>((resolve) => {
      const s = io(sys.url, { auth: { token: tokenOf(access, 'chair') }, transports: ['websocket'], reconnection: false, extraHeaders: { origin } });
      s.once('connect', () => { s.close(); resolve('connected'); });
      s.once('connect_error', () => { s.close(); resolve('refused'); });
    });
    expect(await attempt('https://evil.example')).toBe('refused');
    expect(await attempt('https://rostrum.example.org')).toBe('connected');
    const cors = async (origin: string) => (await fetch(`${sys.url}/health`, { headers: { origin } })).headers.get('access-control-allow-origin');
    expect(await cors('https://evil.example')).toBeNull();
    expect(await cors('https://rostrum.example.org')).toBe('https://rostrum.example.org');
  });

  it('consoles and HTML exports carry security headers: a CSP without inline script, nosniff, a referrer policy', async () => {
    const { meetingId } = await sys.createMeeting(debateSetup('un-ga'));
    for (const path of ['/console/viewer', `/meetings/${meetingId}/record.html`, '/docs']) {
      const res = await fetch(`${sys.url}${path}`, { redirect: 'manual' });
      const csp = res.headers.get('content-security-policy') ?? '';
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect({ path, script }).toEqual({ path, script: "'self'" });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('meeting.snapshot and events.since have per-socket budgets: a real catch-up fits easily, a replay loop is stopped', async () => {
    const { access } = await sys.createMeeting(debateSetup('un-ga'));
    const chair = await connect(tokenOf(access, 'chair'));
    expect((await chair.cmd('meeting.open')).ok).toBe(true);
    const viewer = await connect(tokenOf(access, 'gbr'));
    // Measure one real catch-up: the viewer misses 40 events while offline, then resumes.
    viewer.socket.io.opts.reconnection = false;
    viewer.socket.disconnect();
    for (let i = 0; i < 20; i++) expect((await chair.cmd(i % 2 ? 'meeting.resume' : 'meeting.suspend')).ok).toBe(true);
    let sinceCalls = 0;
    const emit = viewer.socket.emit.bind(viewer.socket);
    viewer.socket.emit = ((name: string, ...rest: unknown[]) => { if (name === 'events.since') sinceCalls++; return emit(name, ...rest); }) as typeof viewer.socket.emit;
    viewer.socket.connect();
    await viewer.connected();
    await waitUntil(() => viewer.seq.meeting === chair.seq.meeting, 'caught up');
    await waitUntil(() => sinceCalls >= 3, 'every stream asked');     // meeting, then qna, then record
    await new Promise((r) => setTimeout(r, 500));                       // and nothing more follows
    expect(sinceCalls).toBeGreaterThanOrEqual(3);         // one per stream
    expect(sinceCalls).toBeLessThanOrEqual(6);            // (+ a re-run if a gap raced it)
    // A client asking in a loop is refused once its budget is spent; the socket stays usable.
    const codes = new Set<string>();
    for (let i = 0; i < 400 && !codes.has('RATE_LIMITED'); i++) {
      const r = await viewer.socket.emitWithAck('events.since', { stream: 'meeting', seq: 0 }) as { ok: boolean; error?: { code: string } };
      if (!r.ok) codes.add(r.error!.code);
    }
    expect([...codes]).toEqual(['RATE_LIMITED']);
    let snaps = 0;
    for (; snaps < 100; snaps++) if (!((await viewer.socket.emitWithAck('meeting.snapshot', {})) as { ok: boolean }).ok) break;
    expect(snaps).toBe(30);
  });

  it('new connections per client address are limited across gateways (Redis): a gateway refuses RATE_LIMITED once the shared count passes its limit', async () => {
    const { access } = await sys.createMeeting(debateSetup('un-ga'));
    const tight = await sys.startApp('gateway', { ...sys.env({ VIEWER_MINT_PER_ADDRESS_PER_MINUTE: '5', SOCKETS_PER_TOKEN: '3' }), CONNECTIONS_PER_ADDRESS_PER_10S: '4' });
    try {
      const outcomes: string[] = [];
      for (const id of ['chair', 'sec', 'mod', 'gha', 'nor', 'sen', 'egy']) {
        outcomes.push(await TestClient.connect(tight.url!, tokenOf(access, id)).then((c) => { clients.push(c); return 'connected'; }, (err: { data?: { code?: string } }) => err.data?.code ?? 'error'));
      }
      // The count is shared: connections made through the other gateway in the last 10 s count too.
      expect(outcomes.filter((o) => o === 'connected').length).toBeLessThanOrEqual(4);
      expect(outcomes).toContain('RATE_LIMITED');
      expect(outcomes.filter((o) => o !== 'connected' && o !== 'RATE_LIMITED')).toEqual([]);
    } finally { await sys.stopApp(tight); }
  });
});
