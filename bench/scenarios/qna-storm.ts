import { type Bench, client, log, ok, sleep } from '../context';
import { dist } from '../report';

const QUESTIONS = 20;

type VoteResult = { ok: number; failed: number; codes: Record<string, number>; ackMs: number[] };
type TallyView = { viewers: number; exact: number; maxPerSecond: number; messages: number[] };

/**
 * Every connected viewer votes once, at a random moment within `windowMs`, for question
 * (index mod 20). The tally must be exact in the server's snapshot and in what every viewer
 * merged from the coalesced `qna.tallies` broadcasts, which must come ≤ 5 a second.
 */
export async function voteStorm(b: Bench, viewers: number, windowMs: number): Promise<void> {
  const asker = await client(b, 'gha');
  const moderator = await client(b, 'mod');
  try {
    for (let q = 0; q < QUESTIONS; q++) await ok(asker, 'qna.ask', { text: `Bench question ${q + 1} on partnerships for peace operations?`, itemId: 'item-1' });
    const snapQuestions = async () => ((await moderator.sync()) as { qna: { state: { questions: Array<{ questionId: string; votes: number }> } } }).qna.state.questions;
    const questionIds = (await snapQuestions()).map((q) => q.questionId).slice(-QUESTIONS);
    const baseline = Object.fromEntries((await snapQuestions()).map((q) => [q.questionId, q.votes]));
    await b.pool.track(['qna.tallies']);

    const startAt = Date.now() + 500;
    const results = await b.pool.all<VoteResult>('vote', { questionIds, startAt, windowMs });
    const stormMs = Date.now() - startAt;
    const okVotes = results.reduce((n, r) => n + r.ok, 0);
    const codes: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(r.codes)) codes[k] = (codes[k] ?? 0) + v;

    // Each viewer index i voted for questionIds[i % 20]; only acknowledged votes count.
    const expected: Record<string, number> = {};
    const byQuestion = await b.pool.all<Record<string, number>>('votedFor');
    for (const m of byQuestion) for (const [q, n] of Object.entries(m)) expected[q] = (expected[q] ?? 0) + n;
    for (const q of questionIds) expected[q] = (expected[q] ?? 0) + (baseline[q] ?? 0);

    let serverExact = false;
    let views: TallyView[] = [];
    for (let i = 0; i < 50; i++) {
      const server = Object.fromEntries((await snapQuestions()).map((q) => [q.questionId, q.votes]));
      serverExact = questionIds.every((q) => server[q] === expected[q]);
      views = await b.pool.all<TallyView>('tallies', { expected: Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)) });
      if (serverExact && views.every((v) => v.exact === v.viewers)) break;
      await sleep(200);
    }
    const converged = views.reduce((n, v) => n + v.exact, 0);
    const maxPerSecond = Math.max(...views.map((v) => v.maxPerSecond));
    const messages = views.flatMap((v) => v.messages);
    const ack = dist(results.flatMap((r) => r.ackMs));
    b.results.qna = { viewers, windowMs, stormMs, votesOk: okVotes, refusals: codes, serverExact, viewersConverged: converged, maxTalliesPerSecond: maxPerSecond, talliesPerViewer: dist(messages), voteAck: ack };
    log(`qna: ${okVotes}/${viewers} votes acknowledged in ${stormMs} ms, refusals ${JSON.stringify(codes)}; ${converged}/${viewers} viewers hold the exact tally`);
    b.checks.push({
      scenario: 'qna', metric: `${viewers} votes within ${windowMs / 1000} s: tally`, measured: `${okVotes}/${viewers} acked; server ${serverExact ? 'exact' : 'WRONG'}; ${converged}/${viewers} viewers exact`,
      target: 'all votes, tally exact', baseline: `vote ack p50 ${ack.p50} / p99 ${ack.p99} ms`,
      pass: okVotes === viewers && serverExact && converged === viewers,
    });
    b.checks.push({
      scenario: 'qna', metric: 'qna.tallies per viewer per second', measured: `max ${maxPerSecond} in any 1 s (${dist(messages).p50} messages per viewer over ${Math.round(stormMs / 100) / 10} s)`,
      target: '≤ 5 / s', baseline: `${okVotes} votes → ${dist(messages).max} broadcasts`, pass: maxPerSecond <= 5,
    });
  } finally { asker.close(); moderator.close(); }
}
