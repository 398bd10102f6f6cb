import { io, type Socket } from 'socket.io-client';
import { ACCESS_ENDED_MESSAGE, COMMANDS, type Role } from '@rostrum/contracts';
import { TEST_OPERATOR_KEY, TestClient, TestSystem, debateSetup, signTestToken, tokenOf } from '@rostrum/testing';
import { PAYLOADS } from './support/payloads';
import { codeOf, heads, logAsSeenBy, sleep } from './support/floor';

type Ack = { ok: boolean; error?: { code: string } };
/** The columns of the matrix: who holds the token. */
type Column = 'chair' | 'secretariat' | 'delegate (own delegation)' | 'delegate (other delegation)' | 'moderator' | 'viewer (registered)' | 'viewer (anonymous)';
const ROLE_OF: Record<Column, Role> = {
  chair: 'chair', secretariat: 'secretariat', 'delegate (own delegation)': 'delegate', 'delegate (other delegation)': 'delegate',
  moderator: 'moderator', 'viewer (registered)': 'viewer', 'viewer (anonymous)': 'viewer',
};
/** PAYLOADS that name Ghana's things (its delegation, its entry e1): only Ghana, the chair or the secretariat may (R7, R8). */
const NAMES_GHANA = (name: string) => PAYLOADS[name]!.delegationId === 'GHA' || ((name === 'floor.amend' || name === 'floor.withdraw') && PAYLOADS[name]!.entryId === 'e1');

/** Sends and returns the ack, or the reason the server closed the socket instead. */
function send(s: Socket, name: string, commandId: string): Promise<Ack> {
  return new Promise((resolve) => {
    const ended = (why: { code: string }) => resolve({ ok: false, error: { code: why.code } });
    s.once(ACCESS_ENDED_MESSAGE, ended);
    if (!s.connected) { resolve({ ok: false, error: { code: 'CLOSED' } }); return; }
    s.timeout(10_000).emit(name, { commandId, ...PAYLOADS[name] }, (err: Error | null, ack: Ack) => {
      s.off(ACCESS_ENDED_MESSAGE, ended);
      resolve(err ? { ok: false, error: { code: 'CLOSED' } } : ack);
    });
  });
}

// Issue 10 (DESIGN guarantee): every command × every role, generated from the contracts
// (COMMANDS[name].roles), plus the tokens that must do nothing at all: another meeting's,
// an expired one, a revoked one.
describe('role matrix: every command × every role, generated from the contracts', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const sockets: Socket[] = [];
  const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
  const rawSocket = async (token: string) => {
    const s = io(sys.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    await new Promise<void>((res, rej) => { s.once('connect', () => res()); s.once('connect_error', rej); });
    return s;
  };

  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway'], { SOCKETS_PER_TOKEN: '200' }); }, 60_000);
  afterAll(async () => { for (const c of clients) c.close(); for (const s of sockets) s.close(); await sys?.stop(); }, 30_000);

  it('each role: FORBIDDEN exactly where the contract says, a delegate cannot act for another delegation, and nothing a refusal touches moves', async () => {
    const setup = debateSetup('un-ga');
    setup.participants = [...setup.participants!, { id: 'press', name: 'Press officer', role: 'viewer' }];
    const { meetingId, access } = await sys.createMeeting(setup);
    const by: Record<Column, TestClient> = {
      chair: await connect(tokenOf(access, 'chair')), secretariat: await connect(tokenOf(access, 'sec')),
      'delegate (own delegation)': await connect(tokenOf(access, 'gha')), 'delegate (other delegation)': await connect(tokenOf(access, 'nor')),
      moderator: await connect(tokenOf(access, 'mod')), 'viewer (registered)': await connect(tokenOf(access, 'press')),
      'viewer (anonymous)': await connect(await sys.viewerToken(meetingId)),
    };
    const chair = by.chair;
    expect((await chair.cmd('meeting.open')).ok).toBe(true);
    expect((await chair.cmd('item.takeUp', { itemId: 'item-1' })).ok).toBe(true);
    expect(await by['delegate (own delegation)'].cmd('floor.request', { type: 'statement' })).toMatchObject({ ok: true });
    expect((await by['viewer (anonymous)'].cmd('qna.ask', { text: 'Will the record of this meeting be public?' })).ok).toBe(true);
    await sleep(500);
    const before = await heads(chair);

    const wrong: string[] = [];
    const refusedIds: string[] = [];
    let cells = 0;
    for (const [name, spec] of Object.entries(COMMANDS)) {
      for (const [column, client] of Object.entries(by) as Array<[Column, TestClient]>) {
        const allowed = spec.roles.includes(ROLE_OF[column]);
        const expected = !allowed ? 'FORBIDDEN' : column === 'delegate (other delegation)' && NAMES_GHANA(name) ? 'NOT_YOUR_DELEGATION' : null;
        if (!expected) continue;
        cells++;
        const commandId = `matrix-${name}-${column.replace(/\W+/g, '-')}`;
        refusedIds.push(commandId);
        const code = codeOf(await client.cmd(name, PAYLOADS[name]!, commandId));
        if (code !== expected) wrong.push(`${column} ${name}: expected ${expected}, got ${code ?? 'accepted'}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBeGreaterThan(Object.keys(COMMANDS).length * 2);
    expect(await heads(chair)).toEqual(before);
    for (const stream of ['meeting', 'qna', 'record'] as const) {
      expect((await logAsSeenBy(chair, stream)).map((e) => e.commandId).filter((id) => refusedIds.includes(id))).toEqual([]);
    }
  }, 120_000);

  it('a token of another meeting, an expired token and a revoked token change nothing in this meeting, whatever the command', async () => {
    const a = await sys.createMeeting(debateSetup('un-ga'));
    const b = await sys.createMeeting(debateSetup('un-ga'));
    const chair = await connect(tokenOf(a.access, 'chair'));
    expect((await chair.cmd('meeting.open')).ok).toBe(true);
    expect((await chair.cmd('item.takeUp', { itemId: 'item-1' })).ok).toBe(true);
    await sleep(300);
    const before = await heads(chair);
    const names = Object.keys(COMMANDS);

    // Expired: one socket per command, opened with a chair token that expires in 3 s.
    const expiring = signTestToken({ meetingId: a.meetingId, participantId: 'chair', role: 'chair', name: 'H.E. Ms. Chair' }, 3);
    const expired = await Promise.all(names.map(() => rawSocket(expiring)));
    // Revoked: one socket per command on the secretariat's token, then the token is reissued.
    const revoked = await Promise.all(names.map(() => rawSocket(tokenOf(a.access, 'sec'))));
    // Another meeting: meeting B's chair, everything it may do.
    const other = await connect(tokenOf(b.access, 'chair'));

    const res = await fetch(`${sys.url}/meetings/${a.meetingId}/participants/sec/token`, { method: 'POST', headers: { 'x-operator-key': TEST_OPERATOR_KEY } });
    expect(res.status).toBe(201);
    await sleep(3_200);
    const wrong: string[] = [];
    for (const [i, name] of names.entries()) {
      const e = await send(expired[i]!, name, `expired-${name}`);
      if (!['TOKEN_EXPIRED', 'CLOSED'].includes(codeOf(e as never) ?? 'accepted')) wrong.push(`expired ${name}: ${JSON.stringify(e)}`);
      const r = await send(revoked[i]!, name, `revoked-${name}`);
      if (!['TOKEN_REVOKED', 'CLOSED'].includes(codeOf(r as never) ?? 'accepted')) wrong.push(`revoked ${name}: ${JSON.stringify(r)}`);
      await other.cmd(name, PAYLOADS[name]!, `other-meeting-${name}`); // applies to meeting B, if anywhere
    }
    expect(wrong).toEqual([]);
    expect(await heads(chair)).toEqual(before);
    for (const stream of ['meeting', 'qna', 'record'] as const) {
      expect((await logAsSeenBy(chair, stream)).map((e) => e.commandId).filter((id) => /^(expired|revoked|other-meeting)-/.test(id))).toEqual([]);
    }
  }, 120_000);
});
