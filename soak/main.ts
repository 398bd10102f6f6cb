import { randomUUID } from 'node:crypto';
import type { Ack } from '@rostrum/contracts';
import { EventLog, createRedis } from '@rostrum/messaging';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

/**
 * `npm run soak [-- --scale 0.1] [--speedup 60]`: a 3-hour meeting played at 60× (3 real minutes):
 * 300 interventions, 1,000 questions, 20,000 votes and 2,000 viewers joining and leaving, all
 * multiplied by --scale. Prints each app's heap and RSS every simulated 10 minutes; at the end
 * checks that everything was persisted exactly once and that heaps are flat after warm-up.
 * Not part of CI (issue 9).
 */
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SCALE = arg('scale', 1);
const SPEEDUP = arg('speedup', 60);
const SIM_MS = 3 * 3600_000;
const REAL_MS = SIM_MS / SPEEDUP;
const N = { interventions: Math.round(300 * SCALE), questions: Math.round(1000 * SCALE), votes: Math.round(20_000 * SCALE), viewers: Math.round(2000 * SCALE) };
/** Heap after warm-up (the first simulated half hour) may grow at most this much by the end. */
const HEAP_GROWTH_LIMIT_MB = 30;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => process.stdout.write(`[soak] ${m}\n`);
const mb = (b: number) => Math.round(b / 1048576);

async function send(c: TestClient, name: string, payload: Record<string, unknown>): Promise<Ack & Record<string, unknown>> {
  const commandId = randomUUID();
  for (let i = 0; ; i++) {
    let ack: Ack & Record<string, unknown>;
    try { ack = await c.cmd(name, payload, commandId); } catch { ack = { ok: false, error: { code: 'UNAVAILABLE', message: 'no ack' } } as never; }
    if (ack.ok || !['UNAVAILABLE', 'RATE_LIMITED', 'CONFLICT'].includes(ack.error.code) || i > 50) return ack;
    await sleep(200);
  }
}

async function memory(sys: TestSystem): Promise<Record<string, { heap: number; rss: number }>> {
  const out: Record<string, { heap: number; rss: number }> = {};
  for (const app of sys.apps) {
    try {
      const text = await (await fetch(`${app.url}/metrics`)).text();
      const num = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? NaN);
      out[app.name] = { heap: num('nodejs_heap_size_used_bytes'), rss: num('process_resident_memory_bytes') };
    } catch { /* a moment away: skipped this round */ }
  }
  return out;
}

async function main(): Promise<void> {
  log(`${N.interventions} interventions, ${N.questions} questions, ${N.votes} votes, ${N.viewers} viewers over ${SIM_MS / 3600_000} simulated hours at ${SPEEDUP}× (${Math.round(REAL_MS / 1000)} s)`);
  const sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway'], { LOG_LEVEL: 'info' });
  const open: TestClient[] = [];
  try {
    const setup = { ...debateSetup(), qna: { moderation: 'open', rateLimit: { questions: 100, windowSeconds: 60 } } as never };
    const { meetingId, access } = await sys.createMeeting(setup);
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    const delegates = await Promise.all(['gha', 'nor', 'sen', 'egy', 'gbr', 'au'].map((d) => TestClient.connect(sys.url, tokenOf(access, d))));
    open.push(chair, ...delegates);
    await send(chair, 'meeting.open', {});
    await send(chair, 'item.takeUp', { itemId: 'item-1' });

    const started = Date.now();
    const simAt = () => (Date.now() - started) * SPEEDUP;
    const dueAt = (i: number, n: number) => started + ((i + 0.5) * REAL_MS) / n;
    let speeches = 0;
    const asked: string[] = [];
    const votes = new Map<string, Set<string>>(); // questionId → viewers who voted (the exact tally)
    let votesCast = 0;
    const failures: string[] = [];

    const interventions = (async () => {
      for (let i = 0; i < N.interventions; i++) {
        await sleep(Math.max(0, dueAt(i, N.interventions) - Date.now()));
        const d = delegates[i % delegates.length]!;
        const steps: Array<[TestClient, string, Record<string, unknown>]> = [[d, 'floor.request', { type: 'statement' }], [chair, 'chair.next', {}], [chair, 'speech.start', {}], [chair, 'speech.end', {}]];
        let ok = true;
        for (const [c, name, p] of steps) { const a = await send(c, name, p); if (!a.ok) { ok = false; failures.push(`${name}: ${a.error.code}`); break; } }
        if (ok) speeches++;
      }
    })();
    const questions = (async () => {
      for (let i = 0; i < N.questions; i++) {
        await sleep(Math.max(0, dueAt(i, N.questions) - Date.now()));
        const a = await send(delegates[i % delegates.length]!, 'qna.ask', { text: `Question ${i + 1} to the panel?`, itemId: 'item-1' });
        if (a.ok) { asked.push(`q${asked.length + 1}`); votes.set(`q${asked.length}`, new Set()); } else failures.push(`qna.ask: ${a.error.code}`);
      }
    })();
    // Viewers arrive evenly, stay a while (a tenth of the meeting), vote their share, and leave.
    const votesPerViewer = Math.max(1, Math.round(N.votes / Math.max(1, N.viewers)));
    const stay = REAL_MS / 10;
    const viewers = (async () => {
      const running: Promise<void>[] = [];
      for (let i = 0; i < N.viewers; i++) {
        await sleep(Math.max(0, started + (i * (REAL_MS - stay)) / N.viewers - Date.now()));
        running.push((async () => {
          let v: TestClient;
          try { v = await TestClient.connect(sys.url, await sys.viewerToken(meetingId)); } catch (err) {
            failures.push(`viewer join: ${(err as Error).message}`);
            return;
          }
          const id = randomUUID();
          try {
            for (let k = 0; k < votesPerViewer && votesCast < N.votes; k++) {
              await sleep(stay / votesPerViewer);
              const candidates = asked.filter((q) => !votes.get(q)!.has(id));
              if (!candidates.length) continue;
              const q = candidates[Math.floor(Math.random() * candidates.length)]!;
              votesCast++;
              const a = await send(v, 'qna.vote', { questionId: q });
              if (a.ok) votes.get(q)!.add(id); else failures.push(`qna.vote: ${a.error.code}`);
            }
          } finally { v.close(); }
        })());
      }
      await Promise.all(running);
    })();

    const samples: Array<{ simMin: number; mem: Record<string, { heap: number; rss: number }> }> = [];
    const sampling = (async () => {
      for (let m = 0; m <= 180; m += 10) {
        await sleep(Math.max(0, started + (m * 60_000) / SPEEDUP - Date.now()));
        const mem = await memory(sys);
        samples.push({ simMin: m, mem });
        log(`t+${String(m).padStart(3)} min  ${Object.entries(mem).map(([a, x]) => `${a} heap ${mb(x.heap)} MB rss ${mb(x.rss)} MB`).join(' | ')}  (speeches ${speeches}, questions ${asked.length}, votes ${votesCast})`);
      }
    })();
    await Promise.all([interventions, questions, viewers, sampling]);
    log(`played in ${Math.round((Date.now() - started) / 1000)} s (simulated ${Math.round(simAt() / 60_000)} min)`);

    // Exactly once: Postgres holds each event, intervention and question once; tallies are exact.
    const redis = createRedis(sys.redisUrl);
    const elog = new EventLog(redis, sys.prefix);
    const heads = { meeting: await elog.head(meetingId, 'meeting'), qna: await elog.head(meetingId, 'qna') };
    redis.disconnect();
    let db: Record<string, number> = {};
    const end = Date.now() + 60_000;
    do {
      [db] = await sys.query<Record<string, number>>(`SELECT
        (SELECT count(*)::int FROM record_events WHERE meeting_id = $1 AND stream = 'meeting') AS meeting_rows,
        (SELECT count(DISTINCT seq)::int FROM record_events WHERE meeting_id = $1 AND stream = 'meeting') AS meeting_seqs,
        (SELECT count(*)::int FROM record_events WHERE meeting_id = $1 AND stream = 'qna') AS qna_rows,
        (SELECT count(*)::int FROM interventions WHERE meeting_id = $1) AS interventions,
        (SELECT count(DISTINCT entry_id)::int FROM interventions WHERE meeting_id = $1) AS distinct_interventions,
        (SELECT count(*)::int FROM questions WHERE meeting_id = $1) AS questions`, [meetingId]);
      if (db.meeting_rows === heads.meeting && db.qna_rows === heads.qna && db.interventions === speeches && db.questions === asked.length) break;
      await sleep(500);
    } while (Date.now() < end);
    const moderator = await TestClient.connect(sys.url, tokenOf(access, 'mod'));
    open.push(moderator);
    const qs = (moderator.snapshot as { qna: { state: { questions: Array<{ questionId: string; votes: number }> } } }).qna.state.questions;
    const wrongTallies = qs.filter((q) => q.votes !== (votes.get(q.questionId)?.size ?? 0)).length;

    const warm = samples.find((s) => s.simMin === 30)?.mem ?? {};
    const last = samples[samples.length - 1]!.mem;
    const growth = Object.fromEntries(Object.keys(last).map((a) => [a, mb((last[a]?.heap ?? 0) - (warm[a]?.heap ?? 0))]));
    const checks = [
      [`every meeting event persisted once (${db.meeting_rows} rows, ${db.meeting_seqs} seqs, log ${heads.meeting})`, db.meeting_rows === heads.meeting && db.meeting_seqs === heads.meeting],
      [`every Q&A event persisted (${db.qna_rows} rows, log ${heads.qna})`, db.qna_rows === heads.qna],
      [`every intervention once (${db.interventions} rows, ${db.distinct_interventions} distinct, ${speeches} spoken)`, db.interventions === speeches && db.distinct_interventions === speeches],
      [`every question once (${db.questions} rows, ${asked.length} asked)`, db.questions === asked.length],
      [`tallies exact (${qs.length - wrongTallies} of ${qs.length})`, wrongTallies === 0],
      [`no command failed (${failures.length}${failures.length ? `: ${[...new Set(failures)].join(', ')}` : ''})`, failures.length === 0],
      [`heap flat after warm-up (growth t+30 → t+180 min: ${Object.entries(growth).map(([a, g]) => `${a} ${g} MB`).join(', ')}; limit ${HEAP_GROWTH_LIMIT_MB} MB)`, Object.values(growth).every((g) => g <= HEAP_GROWTH_LIMIT_MB)],
    ] as const;
    for (const [what, ok] of checks) log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
    process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    for (const c of open) c.close();
    await sys.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
