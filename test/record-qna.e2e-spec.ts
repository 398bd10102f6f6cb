import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { eventually } from './record-debate.helpers';

// The record keeps the Q&A: answered questions become entries; every question's final state is stored.
describe('record: Q&A', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']); }, 90_000);
  afterAll(async () => { for (const c of clients) c.close(); await sys?.stop(); }, 30_000);

  it('an answered question is in the running record and in questions; a dismissed one keeps its state', async () => {
    const { meetingId, access } = await sys.createMeeting(debateSetup());
    const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
    const viewer = await connect(await sys.viewerToken(meetingId));
    const mod = await connect(tokenOf(access, 'mod'));
    const ask = async (text: string, commandId: string) => {
      expect(await viewer.cmd('qna.ask', { text, anonymous: true }, commandId)).toMatchObject({ ok: true });
      return ((await mod.waitFor('qna.asked', (e) => e.commandId === commandId)).payload as { questionId: string }).questionId;
    };
    const q1 = await ask('How will the AU and the UN share the funding of peace operations?', 'ask-q1-0001');
    const q2 = await ask('Off-topic question about something else entirely', 'ask-q2-0002');
    expect(await mod.cmd('qna.approve', { questionId: q1 })).toMatchObject({ ok: true });
    expect(await mod.cmd('qna.answer', { questionId: q1, mode: 'written', text: 'Through assessed contributions, case by case.' })).toMatchObject({ ok: true });
    expect(await mod.cmd('qna.dismiss', { questionId: q2, reason: 'off topic' })).toMatchObject({ ok: true });

    const entry = await viewer.waitFor('record.entry', (e) => (e.payload as { kind: string }).kind === 'question.answered');
    expect((entry.payload as { text: string }).text)
      .toMatch(/^A question from an anonymous participant \(“How will the AU and the UN share the funding of peace operations\?”\) was answered in writing by .* at \d\d:\d\d:\d\d: Through assessed contributions, case by case\.$/);
    const rows = await eventually(async () => {
      const r = await sys.query<{ question_id: string; status: string; author: string; answer_text: string | null }>(
        `SELECT question_id, status, author, answer_text FROM questions WHERE meeting_id = $1 ORDER BY asked_at`, [meetingId]);
      return r.length === 2 && r.every((q) => q.status !== 'pending') ? r : undefined;
    }, 20_000, 'questions persisted');
    expect(rows).toEqual([
      { question_id: q1, status: 'answered', author: 'anonymous', answer_text: 'Through assessed contributions, case by case.' },
      { question_id: q2, status: 'dismissed', author: 'anonymous', answer_text: null },
    ]);
  }, 60_000);
});
