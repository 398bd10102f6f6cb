import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { io } from 'socket.io-client';
import { RostrumClient } from '@rostrum/client';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { delegateBot } from '../docs/examples/delegate-bot';
import { followRecord } from '../docs/examples/follow-record';
import { watch } from '../docs/examples/viewer';
import { waitUntil } from './support/floor';

// Issue 13: the walkthrough of docs/integrating.md runs against the real system. The page embeds
// the files of docs/examples verbatim (checked first), and this test runs those files.
describe('docs/integrating.md walkthrough', () => {
  let sys: TestSystem;
  let meetingId: string;
  let access: Array<{ participantId: string; token: string }>;
  const closers: Array<() => void> = [];

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']);
    ({ meetingId, access } = await sys.createMeeting(debateSetup()));
  }, 90_000);
  afterAll(async () => { for (const c of closers) c(); await sys?.stop(); }, 30_000);

  it('the page shows the example files as they are', () => {
    const md = readFileSync(join(__dirname, '../docs/integrating.md'), 'utf8');
    for (const f of ['viewer.ts', 'delegate-bot.ts', 'follow-record.ts']) {
      expect([f, md.includes(readFileSync(join(__dirname, '../docs/examples', f), 'utf8').trimEnd())]).toEqual([f, true]);
    }
  });

  it('a viewer, a delegate bot and a record follower follow a debate, through a reconnect, and a refused bot reads the code', async () => {
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    closers.push(() => chair.close());
    const seen: string[] = [];
    const viewer = await watch(sys.url, meetingId, (l) => seen.push(l));
    closers.push(() => viewer.close());
    expect(seen[0]).toMatch(/^joined at seq \d+: nobody has the floor$/);

    const entries: string[] = [];
    const record = await followRecord(sys.url, tokenOf(access, 'sec'), (text) => entries.push(text));
    closers.push(() => record.client.close());

    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    const said: string[] = [];
    const bot = await delegateBot(sys.url, tokenOf(access, 'nor'), 1200, (l) => said.push(l));
    closers.push(() => bot.close());
    expect(said[0]).toMatch(/^inscribed \(seq \d+\)$/);

    // The viewer's connection drops while the debate goes on: it catches up, nothing twice.
    viewer.socket.io.engine.close();
    expect(await chair.cmd('chair.next')).toMatchObject({ ok: true });
    await waitUntil(() => said.includes('done'), 'the bot spoke and ended', 20_000);
    expect(said).toContain('speaking for 300 s at most');
    await waitUntil(() => seen.some((l) => /^Norway spoke \d+ s$/.test(l)), 'the viewer saw the speech end', 20_000);
    expect(seen).toContain('floor given to Norway');
    expect(seen.some((l) => /^speaking: \d+ s left$/.test(l))).toBe(true);
    expect(seen).toContain('connection: live');
    await waitUntil(() => entries.some((t) => t.includes('Norway')), 'the record entry reached the follower', 20_000);
    await waitUntil(() => seen.some((l) => l.startsWith('record: ') && l.includes('Norway')), 'the record entry reached the viewer', 20_000);

    // The list closes; a second bot is refused with the code, not a message.
    expect(await chair.cmd('list.announce')).toMatchObject({ ok: true });
    expect(await chair.cmd('list.close')).toMatchObject({ ok: true });
    await waitUntil(() => seen.includes('the list of speakers is closed'), 'the viewer saw the list close');
    const late: string[] = [];
    const lateBot = await delegateBot(sys.url, tokenOf(access, 'gbr'), 1000, (l) => late.push(l));
    closers.push(() => lateBot.close());
    expect(late).toEqual(['the list is closed: no statement today']);

    // Each event once per connection, in order, and the same log for every client.
    for (const c of [viewer, record.client, bot]) expect(c.duplicates).toEqual({ meeting: 0, qna: 0, record: 0 });
    await waitUntil(() => viewer.seq.meeting === chair.seq.meeting, 'viewer at the head');
    const json = await record.exportJson();
    expect(json.interventions[0]).toMatchObject({ entryId: expect.any(String), delegationId: 'NOR', capacity: { kind: 'national' }, warningsGiven: [] });
  });

  it('an expired token is renewed through renewToken at the handshake; without the hook the client reports the code', async () => {
    const expired = jwt.sign({ mid: meetingId, role: 'viewer', exp: Math.floor(Date.now() / 1000) - 10 }, 'test-token-secret-0123456789-0123456789', { subject: 'v-old', audience: 'rostrum' });
    const refusals: string[] = [];
    const renewing = new RostrumClient({
      url: sys.url, io, token: expired,
      renewToken: async (r) => { refusals.push(r.code); return sys.viewerToken(meetingId); },
    });
    closers.push(() => renewing.close());
    const snap = await renewing.connect();
    expect(refusals).toEqual(['TOKEN_EXPIRED']);
    expect(snap?.you.role).toBe('viewer');
    expect(typeof snap?.serverTime).toBe('number');

    const stuck = new RostrumClient({ url: sys.url, io, token: expired });
    closers.push(() => stuck.close());
    await expect(stuck.connect()).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
    expect(stuck.status).toBe('refused');
  });
});
