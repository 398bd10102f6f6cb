import { createServer, type Server } from 'node:http';
import { TestClient, TestSystem, debateSetup, sparePort, tokenOf, type RunningApp } from '@rostrum/testing';
import { OwnHaproxy, type ServerStat } from './support/haproxy';

const VIEWERS = 16;
const MINTS_PER_ADDRESS = 3;

async function until(test: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The seq an accepted command's events reached (fails the test on a refusal). */
function seqOf(ack: { ok: boolean; seq?: unknown }): number {
  expect(ack).toMatchObject({ ok: true });
  return ack.seq as number;
}

/** Gapless and without a repeat: each applied seq is the one before plus one. */
function gapsIn(c: TestClient): number[] {
  const seqs = c.streams.meeting.map((e) => e.seq);
  return seqs.filter((s, i) => i > 0 && s !== seqs[i - 1] + 1);
}

// Issue 15 item 4: Rostrum behind a real load balancer (HAProxy, chosen over nginx OSS for its
// active health checks on /health/ready). Websocket clients need no stickiness (one long TCP
// connection, balanced once); long-polling clients — the consoles in a browser start on
// polling and upgrade — are kept on one gateway by a cookie the balancer inserts.
describe('behind HAProxy: two gateways, health-checked on /health/ready', () => {
  let sys: TestSystem;
  let lb: OwnHaproxy;
  let gw1: RunningApp;
  let gw2: RunningApp;
  let notReady: Server;
  let meetingId: string;
  let access: Array<{ participantId: string; token: string }>;
  const clients: TestClient[] = [];
  const viaLb = async (token: string, socket?: Parameters<typeof TestClient.connect>[2]) => { const c = await TestClient.connect(lb.url, token, socket); clients.push(c); return c; };
  let nextAddress = 1;
  /** A viewer token minted through the balancer by a client at `address` (a fresh one by default). */
  const mint = async (address = `198.51.100.${nextAddress++}`) => {
    const res = await fetch(`${lb.url}/meetings/${meetingId}/viewer-token`, { method: 'POST', headers: { 'x-forwarded-for': address } });
    return { status: res.status, token: ((await res.json()) as { token?: string }).token! };
  };
  const viewerToken = async () => { const r = await mint(); expect(r.status).toBe(201); return r.token; };
  const bothUp = (s: Record<string, ServerStat>) => ['gw1', 'gw2'].every((n) => s[n]?.status === 'UP' && s[n]?.checkStatus === 'L7OK');

  beforeAll(async () => {
    // The gateways trust the balancer (on loopback here) to name each client's address; a small
    // per-address mint budget shows each client counted on its own.
    const env = { TRUST_PROXY: 'loopback', VIEWER_MINT_PER_ADDRESS_PER_MINUTE: String(MINTS_PER_ADDRESS) };
    sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway'], env);
    gw1 = sys.gateways()[0];
    gw2 = await sys.startApp('gateway', env);
    // A third server that is live but not ready, answering as a gateway that lost Redis does
    // (/health/live 200, /health/ready 503; a third real gateway does not start within
    // TestSystem's 30 s on this loaded machine). A TCP or /health/live check would send clients to it.
    notReady = createServer((req, res) => {
      if (req.url === '/health/live') { res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'); return; }
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"status":"error","error":{"redis":{"status":"down"}}}');
    });
    const gw3Port = await sparePort();
    await new Promise<void>((r) => notReady.listen(gw3Port, '127.0.0.1', r));
    lb = await OwnHaproxy.start([{ name: 'gw1', port: gw1.port! }, { name: 'gw2', port: gw2.port! }, { name: 'gw3', port: gw3Port }]);
    await lb.waitFor((s) => bothUp(s) && s.gw3?.status === 'DOWN', 'gw1 and gw2 ready, gw3 not');
    ({ meetingId, access } = await sys.createMeeting(debateSetup()));
  }, 120_000);
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await lb?.stop();
    await new Promise((r) => (notReady ? notReady.close(r) : r(undefined)));
    await sys?.stop();
  }, 60_000);

  it('checks each gateway on GET /health/ready: a live server that is not ready gets no client; websocket clients spread over the ready ones without stickiness', async () => {
    expect(lb.config).toContain('option httpchk GET /health/ready');
    // Between checks: a running check shows no code yet, so read the stats when the ready ones have an answer.
    const stats = await lb.waitFor((x) => ['gw1', 'gw2'].every((n) => x[n].checkCode === '200'), 'a finished check on gw1 and gw2');
    expect(stats.gw1).toMatchObject({ status: 'UP', checkStatus: 'L7OK' });
    expect(stats.gw2).toMatchObject({ status: 'UP', checkStatus: 'L7OK' });
    // gw3 is out by its readiness (503), though it is live: a check on /health/live or TCP would keep it UP.
    expect(stats.gw3).toMatchObject({ status: 'DOWN', checkStatus: 'L7STS' });

    const before = await lb.stats();
    // Tokens first (minting goes through the balancer too), then the tunnels.
    const tokens = [];
    for (let i = 0; i < 6; i++) tokens.push(await viewerToken());
    const viewers = [];
    for (const t of tokens) viewers.push(await viaLb(t));
    // The websocket upgrade went through the balancer: the engine runs on a websocket.
    expect(viewers.map((v) => v.socket.io.engine.transport.name)).toEqual(viewers.map(() => 'websocket'));
    // Balanced per connection (no cookie sent): each gateway holds some of the new tunnels.
    const after = await lb.waitFor((s) => s.gw1.scur + s.gw2.scur >= before.gw1.scur + before.gw2.scur + 6, 'the 6 tunnels counted');
    expect(after.gw1.scur - before.gw1.scur).toBeGreaterThan(0);
    expect(after.gw2.scur - before.gw2.scur).toBeGreaterThan(0);
    expect(after.gw3.scur).toBe(0);
    expect(viewers.every((v) => v.snapshot !== undefined)).toBe(true);
  });

  it('counts each client behind the balancer at its own address (TRUST_PROXY), not all at the balancer\'s', async () => {
    // Seen by the gateways: peer = HAProxy (trusted), X-Forwarded-For = "<client's header>, <client's peer address>".
    for (let i = 0; i < MINTS_PER_ADDRESS; i++) expect((await mint('203.0.113.7')).status).toBe(201);
    const refused = await mint('203.0.113.7');
    expect(refused.status).toBe(429);
    expect((await mint('203.0.113.8')).status).toBe(201);
  });

  it('keeps a long-polling client on one gateway with the balancer\'s cookie; without it polling fails', async () => {
    const chair = await viaLb(tokenOf(access, 'chair'));
    const poller = await viaLb(await viewerToken(), { transports: ['polling'], withCredentials: true });
    expect(poller.socket.io.engine.transport.name).toBe('polling');
    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    const seq = seqOf(await chair.cmd('item.takeUp', { itemId: 'item-1' }));
    await poller.waitFor('item.takenUp');
    await until(() => poller.seq.meeting >= seq, 'the poller at the head');
    expect(gapsIn(poller)).toEqual([]);
    expect(poller.duplicates).toBe(0);

    // The control: the same servers balanced per request. The handshake lands on one gateway,
    // the next request on the other, which does not know the session.
    const stray = new TestClient(lb.plainUrl, await viewerToken(), { autoConnect: false, socket: { transports: ['polling'], reconnection: false } });
    const refused = new Promise<Error>((res) => stray.socket.once('connect_error', res));
    const closed = new Promise<string>((res) => stray.socket.once('disconnect', res));
    void stray.client.connect().catch(() => undefined);
    const outcome = await Promise.race([refused.then((e) => `connect_error: ${e.message}`), closed.then((r) => `disconnect: ${r}`)]);
    stray.close();
    process.stdout.write(`[lb] polling without stickiness: ${outcome}\n`);
    expect(outcome).toMatch(/connect_error|disconnect: transport/);
  });

  it('one gateway killed: its clients reconnect through the balancer and resume with no gap and no duplicate', async () => {
    const chair = await TestClient.connect(gw2.url!, tokenOf(access, 'chair')); // the survivor's own port: the chair keeps going
    clients.push(chair);
    const delegates = await Promise.all(['gha', 'nor', 'sen', 'egy'].map((d) => viaLb(tokenOf(access, d))));
    const tokens = [];
    for (let i = 0; i < VIEWERS; i++) tokens.push(await viewerToken());
    const viewers: TestClient[] = [];
    for (const t of tokens) viewers.push(await viaLb(t));
    const poller = await viaLb(await viewerToken(), { transports: ['polling'], withCredentials: true });
    const moving = [...delegates, ...viewers, poller];
    const dropped = new Set<TestClient>();
    for (const c of moving) c.socket.on('disconnect', () => dropped.add(c));

    for (const d of delegates) expect(await d.cmd('floor.request', { type: 'statement' })).toMatchObject({ ok: true });
    const onGw1 = (await lb.stats()).gw1.scur;
    expect(onGw1).toBeGreaterThan(0);

    await sys.stopApp(gw1, 'SIGKILL'); // our own child, by pid
    // Events while its clients are away: they must get them on the other gateway.
    expect(await chair.cmd('list.announce')).toMatchObject({ ok: true });
    expect(await chair.cmd('chair.next')).toMatchObject({ ok: true });
    await lb.waitFor((s) => s.gw1.status.startsWith('DOWN') && s.gw2.status === 'UP', 'gw1 out of the balancer by its health check');
    await until(() => moving.every((c) => c.socket.connected), 'every client connected again', 30_000);
    const head = seqOf(await chair.cmd('list.close', { consent: 'no-objection' }));

    await until(() => moving.every((c) => c.seq.meeting === head), 'every client at the head', 30_000);
    expect(dropped.size).toBeGreaterThan(0);                 // some clients did move…
    expect(dropped.size).toBeLessThan(moving.length);         // …and only those of the dead gateway
    for (const c of moving) {
      expect({ gaps: gapsIn(c), duplicates: c.duplicates }).toEqual({ gaps: [], duplicates: 0 });
      expect(c.streams.meeting.map((e) => e.type)).toEqual(expect.arrayContaining(['list.announced', 'list.closed']));
    }
    process.stdout.write(`[lb] ${dropped.size} of ${moving.length} clients moved off the killed gateway (gw1 held ${onGw1} sessions); 0 gaps, 0 duplicates\n`);
  }, 120_000);
});
