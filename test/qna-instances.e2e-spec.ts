import type { EventEnvelope } from '@rostrum/contracts';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

// The Redis transport delivers each command to every qna instance (DESIGN.md): with two running,
// each command must still apply once, tallies stay exact and broadcasts stay coalesced.
describe('qna with two instances', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };

  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'qna', 'gateway']); }, 90_000);
  afterAll(async () => { clients.forEach((c) => c.close()); await sys?.stop(); }, 30_000);

  it('applies each command once and keeps tallies exact', async () => {
    const { meetingId, access } = await sys.createMeeting({ ...debateSetup(), qna: { moderation: 'pre', rateLimit: { questions: 10, windowSeconds: 60 } } as never });
    const mod = await connect(tokenOf(access, 'mod'));
    const gha = await connect(tokenOf(access, 'gha'));
    for (let i = 1; i <= 5; i++) {
      expect(await gha.cmd('qna.ask', { text: `Question number ${i}?` })).toMatchObject({ ok: true });
      expect(await mod.cmd('qna.approve', { questionId: `q${i}` })).toMatchObject({ ok: true });
    }
    const viewers = await Promise.all(Array.from({ length: 60 }, async () => connect(await sys.viewerToken(meetingId))));
    // Each viewer votes twice for the question of its number and once for q5, then takes q5 back if even.
    await Promise.all(viewers.map(async (v, i) => {
      const q = `q${(i % 4) + 1}`;
      await Promise.all([v.cmd('qna.vote', { questionId: q }), v.cmd('qna.vote', { questionId: q }), v.cmd('qna.vote', { questionId: 'q5' })]);
      if (i % 2 === 0) await v.cmd('qna.unvote', { questionId: 'q5' });
    }));

    const since = await mod.socket.emitWithAck('events.since', { stream: 'qna', seq: 0, replay: true });
    const types = (since.events as EventEnvelope[]).map((e) => e.type);
    expect(types.filter((t) => t === 'qna.asked')).toHaveLength(5);
    expect(types.filter((t) => t === 'qna.published')).toHaveLength(5);

    const snap = (await mod.sync()) as { qna: { state: { questions: Array<{ questionId: string; votes: number }> } } };
    expect(Object.fromEntries(snap.qna.state.questions.map((q) => [q.questionId, q.votes]))).toEqual({ q1: 15, q2: 15, q3: 15, q4: 15, q5: 30 });
    await viewers[0]!.waitFor('qna.tallies', (d) => (d.payload as { tallies: Record<string, number> }).tallies.q5 === 30);
  }, 60_000);
});
