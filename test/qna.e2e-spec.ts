import type { EventEnvelope, QnaSettings } from '@rostrum/contracts';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

// Issue 5: live Q&A against the real gateway, qna service, Redis and Postgres.
const VIEWERS = 500;
const QUESTIONS = 20;

type Access = Array<{ participantId: string; token: string }>;
type Tallies = { version: number; tallies: Record<string, number> };

/** Merges every `qna.tallies` a client received, latest version wins per question. */
function talliesSeen(c: TestClient): { merged: Record<string, number>; messages: number } {
  const msgs = c.received.filter((r) => r.name === 'qna.tallies').map((r) => r.data.payload as Tallies).sort((a, b) => a.version - b.version);
  const merged: Record<string, number> = {};
  for (const m of msgs) Object.assign(merged, m.tallies);
  return { merged, messages: msgs.length };
}

async function inBatches<T, R>(items: T[], size: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...await Promise.all(items.slice(i, i + size).map((t, j) => fn(t, i + j))));
  return out;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('qna', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
  const meeting = async (qna: Partial<QnaSettings>) => sys.createMeeting({ ...debateSetup(), qna: { ...qna } as never });

  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'gateway']); }, 90_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  it(`${VIEWERS} viewers vote on ${QUESTIONS} questions: exact tallies, coalesced updates, a highlight reaches everyone`, async () => {
    const { meetingId, access } = await meeting({ moderation: 'open', rateLimit: { questions: 100, windowSeconds: 60 } });
    const moderator = await connect(tokenOf(access as Access, 'mod'));
    const asker = await connect(tokenOf(access as Access, 'gha'));
    const questionIds: string[] = [];
    for (let q = 0; q < QUESTIONS; q++) {
      const ack = await asker.cmd('qna.ask', { text: `Question ${q + 1} to the panel on partnerships?`, itemId: 'item-1' });
      expect(ack).toMatchObject({ ok: true });
      questionIds.push(`q${q + 1}`);
    }

    const tokens = await inBatches(Array.from({ length: VIEWERS }), 50, () => sys.viewerToken(meetingId));
    const viewers = await inBatches(tokens, 50, (t) => connect(t));

    // Viewer i votes 3 distinct questions; every 5th repeats a vote (a script retrying), every
    // 7th takes one back. The expected tally is the set semantics of that plan.
    const expected: Record<string, number> = Object.fromEntries(questionIds.map((id) => [id, 0]));
    const plans = viewers.map((_, i) => {
      const picks = [i % QUESTIONS, (i * 7 + 3) % QUESTIONS, (i * 13 + 11) % QUESTIONS].map((n) => questionIds[n]!);
      const mine = [...new Set(picks)];
      const cmds: Array<[string, string]> = mine.map((id) => ['qna.vote', id]);
      if (i % 5 === 0) cmds.push(['qna.vote', mine[0]!]);
      if (i % 7 === 0) cmds.push(['qna.unvote', mine[mine.length - 1]!]);
      const final = new Set(mine);
      if (i % 7 === 0) final.delete(mine[mine.length - 1]!);
      for (const id of final) expected[id]! += 1;
      return cmds;
    });
    const totalVotes = plans.reduce((n, p) => n + p.length, 0);

    const started = Date.now();
    const acks = await inBatches(viewers, 100, (v, i) => Promise.all(plans[i]!.map(([cmd, questionId]) => v.cmd(cmd, { questionId }))));
    const stormMs = Date.now() - started;
    expect(acks.flat().filter((a) => !a.ok)).toEqual([]);

    // The server's own count (SCARD) is exact…
    const snap = (await moderator.sync()) as { qna: { state: { questions: Array<{ questionId: string; votes: number }> } } };
    expect(Object.fromEntries(snap.qna.state.questions.map((q) => [q.questionId, q.votes]))).toEqual(expected);
    // …and every viewer converges on it through coalesced broadcasts.
    const expectedNonZero = Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0));
    await until(() => viewers.every((v) => Object.entries(expectedNonZero).every(([id, n]) => talliesSeen(v).merged[id] === n)), 20_000, 'tallies to settle');
    const perViewer = viewers.map((v) => talliesSeen(v).messages);
    const maxMessages = Math.max(...perViewer);
    // ≤ ~3.3 flushes a second, plus the one after the storm ends.
    expect(maxMessages).toBeLessThanOrEqual(Math.ceil((stormMs + 1000) / 300) + 2);
    expect(maxMessages * 20).toBeLessThan(totalVotes);

    const highlighted = await moderator.cmd('qna.highlight', { questionId: 'q7' });
    expect(highlighted).toMatchObject({ ok: true });
    await Promise.all(viewers.map((v) => v.waitFor('qna.highlighted', (d) => (d.payload as { questionId: string }).questionId === 'q7')));
    process.stdout.write(`qna storm: ${totalVotes} vote commands from ${VIEWERS} viewers in ${stormMs} ms; ≤ ${maxMessages} tally messages per viewer\n`);
  }, 180_000);

  it('rate limits, blocked words and over-long text give their codes and store nothing', async () => {
    const { meetingId, access } = await meeting({
      moderation: 'pre', maxLength: 40, blockedWords: ['scoundrel', 'spam*'], rateLimit: { questions: 2, windowSeconds: 60 },
    });
    const delegate = await connect(tokenOf(access as Access, 'nor'));
    const viewer = await connect(await sys.viewerToken(meetingId));
    const head = async () => (await delegate.socket.emitWithAck('events.since', { stream: 'qna', seq: 0 })).head as number;

    expect(await delegate.cmd('qna.ask', { text: 'Is the scoundrel here?' })).toMatchObject({ ok: false, error: { code: 'BLOCKED_WORDS', details: { words: ['scoundrel'] } } });
    expect(await delegate.cmd('qna.ask', { text: 'Why the spammers?' })).toMatchObject({ ok: false, error: { code: 'BLOCKED_WORDS' } });
    expect(await delegate.cmd('qna.ask', { text: 'x'.repeat(41) })).toMatchObject({ ok: false, error: { code: 'TEXT_TOO_LONG', details: { maxLength: 40 } } });
    expect(await head()).toBe(0);
    expect(await delegate.cmd('qna.ask', { text: 'First question?' })).toMatchObject({ ok: true });
    expect(await delegate.cmd('qna.ask', { text: 'Second question?' })).toMatchObject({ ok: true });
    const before = await head();
    expect(await delegate.cmd('qna.ask', { text: 'Third question?' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } } });
    expect(await head()).toBe(before);
    expect(await viewer.cmd('qna.ask', { text: 'A viewer is not limited by the delegate' })).toMatchObject({ ok: true });
    // Pending questions take no votes; a viewer cannot moderate.
    expect(await viewer.cmd('qna.vote', { questionId: 'q1' })).toMatchObject({ ok: false, error: { code: 'QUESTION_NOT_VOTABLE' } });
    expect(await viewer.cmd('qna.approve', { questionId: 'q1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, 60_000);

  it('pre-moderation: the asker sees their pending question and its fate; anonymity holds; moderation survives a reload', async () => {
    const { meetingId, access } = await meeting({ moderation: 'pre', anonymity: 'allowed' });
    const moderator = await connect(tokenOf(access as Access, 'mod'));
    const asker = await connect(await sys.viewerToken(meetingId));
    const other = await connect(await sys.viewerToken(meetingId));

    const asked = await asker.cmd('qna.ask', { text: 'What about the WPS agenda?', anonymous: true, itemId: 'item-2' });
    expect(asked).toMatchObject({ ok: true });
    const mine = await asker.waitFor('qna.asked');
    expect(mine).toMatchObject({ payload: { questionId: 'q1', status: 'pending', author: 'anonymous' } });
    const seen = await moderator.waitFor('qna.asked');
    expect(seen).toMatchObject({ payload: { anonymous: true, asker: { participantId: expect.stringMatching(/^viewer-/) } } });
    await other.waitFor('event.redacted', (d) => d.stream === 'qna' && d.seq === 1);
    expect(other.received.some((r) => r.name === 'qna.asked')).toBe(false);

    expect(await moderator.cmd('qna.approve', { questionId: 'q1' })).toMatchObject({ ok: true });
    const published = await other.waitFor('qna.published');
    expect(published).toMatchObject({ payload: { questionId: 'q1', author: 'anonymous', status: 'visible' } });
    expect(JSON.stringify(published)).not.toMatch(/viewer-/); // neither payload nor actor names the asker
    expect(JSON.stringify(mine.actor)).not.toMatch(/viewer-/);

    expect(await other.cmd('qna.vote', { questionId: 'q1' })).toMatchObject({ ok: true, votes: 1, voted: true });
    expect(await other.cmd('qna.vote', { questionId: 'q1' })).toMatchObject({ ok: true, votes: 1, voted: true }); // a repeat counts once
    expect(await moderator.cmd('qna.highlight', { questionId: 'q1' })).toMatchObject({ ok: true });

    // A moderator console reloads: its snapshot holds the moderation state and the asker.
    moderator.close();
    const reloaded = await connect(tokenOf(access as Access, 'mod'));
    const q = (reloaded.snapshot as { qna: { state: { highlightedId: string; questions: Array<Record<string, unknown>> } } }).qna.state;
    expect(q.highlightedId).toBe('q1');
    expect(q.questions[0]).toMatchObject({ questionId: 'q1', status: 'highlighted', votes: 1, anonymous: true, asker: { participantId: expect.any(String) } });

    expect(await reloaded.cmd('qna.answer', { questionId: 'q1', mode: 'written', text: 'The AU roadmap covers it.' })).toMatchObject({ ok: true });
    const answered = (await other.waitFor('qna.answered')) as unknown as EventEnvelope;
    expect(answered).toMatchObject({
      itemId: 'item-2',
      payload: { text: 'What about the WPS agenda?', author: 'anonymous', votes: 1, mode: 'written', answerText: 'The AU roadmap covers it.', itemId: 'item-2' },
    });
    // The asker's own view after a reload: their question and its fate.
    const again = await connect((asker.socket.auth as { token: string }).token);
    const view = (again.snapshot as { qna: { state: { questions: Array<Record<string, unknown>> } } }).qna.state.questions;
    expect(view).toEqual([expect.objectContaining({ questionId: 'q1', status: 'answered', mine: true })]);
  }, 60_000);
  it('moderator: a dismissal reaches the asker with its reason (live and after a reload), archive files it away; a vote can be taken back', async () => {
    const { meetingId, access } = await meeting({ moderation: 'pre', anonymity: 'allowed' });
    const moderator = await connect(tokenOf(access as Access, 'mod'));
    const asker = await connect(await sys.viewerToken(meetingId));
    const voter = await connect(await sys.viewerToken(meetingId));

    expect(await asker.cmd('qna.ask', { text: 'Will the AU lead the next mission?' })).toMatchObject({ ok: true });
    expect(await asker.cmd('qna.ask', { text: 'Is the budget for 2027 agreed?' })).toMatchObject({ ok: true });
    await moderator.waitFor('qna.asked', (d) => (d.payload as { questionId: string }).questionId === 'q2');
    expect(await moderator.cmd('qna.dismiss', { questionId: 'q1', reason: 'Outside the agenda item' })).toMatchObject({ ok: true });
    const dismissed = await asker.waitFor('qna.dismissed');
    expect(dismissed).toMatchObject({ payload: { questionId: 'q1', from: 'pending', reason: 'Outside the agenda item' } });

    expect(await moderator.cmd('qna.approve', { questionId: 'q2' })).toMatchObject({ ok: true });
    await voter.waitFor('qna.published');
    expect(await voter.cmd('qna.vote', { questionId: 'q2' })).toMatchObject({ ok: true, votes: 1, voted: true });
    const reloadedVoter = await connect((voter.socket.auth as { token: string }).token);
    expect((reloadedVoter.snapshot as { qna: { state: { voted: string[] } } }).qna.state.voted).toEqual(['q2']);
    expect(await reloadedVoter.cmd('qna.unvote', { questionId: 'q2' })).toMatchObject({ ok: true, votes: 0, voted: false });
    const afterUnvote = await connect((voter.socket.auth as { token: string }).token);
    expect((afterUnvote.snapshot as { qna: { state: { voted: string[] } } }).qna.state.voted).toEqual([]);

    expect(await moderator.cmd('qna.answer', { questionId: 'q2', mode: 'live' })).toMatchObject({ ok: true });
    expect(await moderator.cmd('qna.archive', { questionId: 'q2' })).toMatchObject({ ok: true });
    await voter.waitFor('qna.archived');

    // The asker reloads: both questions with their fate, the reason of the dismissal included.
    const again = await connect((asker.socket.auth as { token: string }).token);
    const view = (again.snapshot as { qna: { state: { questions: Array<Record<string, unknown>> } } }).qna.state.questions;
    expect(view).toEqual(expect.arrayContaining([
      expect.objectContaining({ questionId: 'q1', status: 'dismissed', mine: true, dismissedReason: 'Outside the agenda item' }),
      expect.objectContaining({ questionId: 'q2', status: 'archived', mine: true, setAsideFrom: 'answered' }),
    ]));
    // Another viewer sees neither: one was never public, the other is filed away.
    const stranger = await connect(await sys.viewerToken(meetingId));
    expect((stranger.snapshot as { qna: { state: { questions: unknown[] } } }).qna.state.questions).toEqual([]);
  }, 60_000);
});
