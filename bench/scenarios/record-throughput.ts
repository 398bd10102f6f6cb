import { Queue, Worker } from 'bullmq';
import { COMMANDS, JobName, QueueName, type Actor } from '@rostrum/contracts';
import { decideFloor, evolveFloor, initialFloorState, type FloorState } from '@rostrum/domain';
import { CommandProcessor, EventLog, bullConnection, bullPrefix, createRedis, defaultJobOptions, type Capability } from '@rostrum/messaging';
import { type Bench, EXTRA_DELEGATES, benchSetup, log, now, sleep } from '../context';
import { round } from '../report';
import { spread } from '../stats';

/** The recorder's own concurrency (apps/recorder RecordProcessor): the baseline worker gets the same. */
const CONCURRENCY = 8;
const PRODUCERS = 20;

/** Jobs still to be done in a queue: waiting, active, delayed, prioritised or held by a pause. */
async function unfinished(queue: Queue): Promise<number> {
  const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(c).reduce((a, n) => a + n, 0);
}

/** Adds jobs with 20 producers while the queue is paused, so the work starts from a full backlog. */
async function addPaused(queue: Queue, count: number, add: (i: number) => Promise<unknown>): Promise<number> {
  await queue.pause();
  const t = now();
  let next = 0;
  await Promise.all(Array.from({ length: PRODUCERS }, async () => { while (next < count) await add(next++); }));
  return now() - t;
}

/**
 * Baseline: a bare BullMQ queue and worker (the recorder's concurrency and job options) on the
 * same Redis, in backlog mode like the recorder: `jobs` trivial jobs added while paused, then the
 * clock runs from the resume until EVERY job is done.
 */
async function rawBullmq(b: Bench, jobs: number): Promise<{ jobsPerSecond: number; ms: number }> {
  const opts = { connection: bullConnection(b.sys.redisUrl), prefix: `${b.sys.prefix}:bench-raw` };
  const queue = new Queue('bench-raw', opts);
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((r) => { finished = r; });
  const worker = new Worker('bench-raw', async (job) => job.data.i, { ...opts, concurrency: CONCURRENCY });
  worker.on('completed', () => { if (++done === jobs) finished(); });
  await worker.waitUntilReady();
  // The recorder queue's own job options (retries, and completed jobs kept for an hour, up to
  // 10,000): BullMQ's bookkeeping per job is then the same on both sides, and the ratio is the
  // cost of what the recorder does with a job. (Before, the baseline removed each job on
  // completion, a cheaper lifecycle than the recorder's queue has.)
  await addPaused(queue, jobs, (i) => queue.add('tick', { i }, defaultJobOptions));
  const started = now();
  await queue.resume();
  await all;
  const ms = now() - started;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  return { jobsPerSecond: round(jobs / (ms / 1000)), ms: round(ms) };
}

const floor: Capability<FloorState> = { stream: 'meeting', initial: initialFloorState, decide: decideFloor, evolve: evolveFloor };

type Job = { meetingId: string; fromSeq: number; toSeq: number };

/**
 * Floor commands decided and appended exactly as apps/floor does (the command processor over
 * the domain, in this process so that no transport limits the rate), for `meetings` meetings in
 * parallel: the chair opens, takes up an item, then calls delegations to speak one after another.
 * Each command's `persist.event` job (the floor's deterministic jobId) goes to `onJob`.
 */
async function generate(b: Bench, eventLog: EventLog, jobs: number, meetings: number, onJob: (j: Job) => Promise<void>) {
  const processor = new CommandProcessor(eventLog, floor, async ({ meetingId, envelopes }) => {
    await onJob({ meetingId, fromSeq: envelopes[0].seq, toSeq: envelopes[envelopes.length - 1].seq });
  });
  const ids: string[] = [];
  for (let m = 0; m < meetings; m++) ids.push((await b.sys.createMeeting(benchSetup())).meetingId);
  const chair: Actor = { role: 'chair', participantId: 'chair', displayName: 'H.E. Ms. Chair' };
  const delegate = (d: string): Actor => ({ role: 'delegate', participantId: d, delegationId: d.toUpperCase() });
  let issued = 0;
  let refused = 0;
  const run = async (meetingId: string, type: string, payload: Record<string, unknown>, actor: Actor) => {
    issued++;
    const ack = await processor.handle({ meetingId, commandId: `bench-rec-${issued}-${Date.now()}`, type, payload: COMMANDS[type].schema.parse(payload), actor });
    if (!ack.ok) { refused++; if (refused < 5) log(`record generator: ${type} refused: ${JSON.stringify(ack)}`); }
  };
  const perMeeting = Math.ceil(jobs / meetings);
  const started = now();
  await Promise.all(ids.map(async (meetingId) => {
    await run(meetingId, 'meeting.open', {}, chair);
    await run(meetingId, 'item.takeUp', { itemId: 'item-1' }, chair);
    for (let k = 2, n = 0; k < perMeeting; n++, k += 4) {
      await run(meetingId, 'floor.request', { type: 'statement' }, delegate(EXTRA_DELEGATES[n % EXTRA_DELEGATES.length]));
      await run(meetingId, 'chair.next', {}, chair);
      await run(meetingId, 'speech.start', {}, chair);
      await run(meetingId, 'speech.end', {}, chair);
    }
  }));
  return { ids, issued, refused, generatedMs: now() - started };
}

/**
 * Waits until the recorder has finished EVERY job (none waiting, active or delayed) and Postgres
 * holds every event of the meetings (record_cursors); then until every entry is published.
 */
async function drained(b: Bench, eventLog: EventLog, queue: Queue, ids: string[], started: number) {
  const heads = await Promise.all(ids.map((m) => eventLog.head(m, 'meeting')));
  const persistedAll = async () => {
    const rows = await b.sys.query<{ meeting_id: string; persisted_seq: number }>(`SELECT meeting_id, persisted_seq FROM record_cursors WHERE stream = 'meeting' AND meeting_id = ANY($1)`, [ids]);
    const by = new Map(rows.map((r) => [r.meeting_id, Number(r.persisted_seq)]));
    return ids.every((m, i) => (by.get(m) ?? 0) >= heads[i]);
  };
  while ((await unfinished(queue)) > 0 || !(await persistedAll())) {
    if (now() - started > 300_000) throw new Error('the recorder did not finish its jobs within 300 s');
    await sleep(20);
  }
  const persistedMs = now() - started;
  for (;;) {
    const [r] = await b.sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_entry_versions WHERE meeting_id = ANY($1) AND record_seq IS NULL`, [ids]);
    if (r.n === 0 || now() - started > 300_000) break;
    await sleep(20);
  }
  return { events: heads.reduce((a, h) => a + h, 0), persistedMs, publishedMs: now() - started };
}

/**
 * Two ways of loading the recorder:
 * - backlog (the figure checked against the target, in the same mode as the raw baseline): the
 *   events are in the log, their jobs are added while the queue is paused, and the clock runs
 *   from the resume until every job is finished (not only until the cursors reach the heads:
 *   the first job of a meeting persists up to 1,000 events and the later ones find nothing to
 *   do, and they must still be done);
 * - live: jobs are added as each command appends; informative, since here the generator (one
 *   process on the same cores) sets the pace and the recorder only has to keep up.
 */
async function recorderThroughput(b: Bench, jobs: number, meetings: number, live: boolean) {
  const redis = createRedis(b.sys.redisUrl);
  const eventLog = new EventLog(redis, b.sys.prefix);
  const queue = new Queue(QueueName.Record, { connection: bullConnection(b.sys.redisUrl), prefix: bullPrefix(b.sys.prefix, QueueName.Record), defaultJobOptions });
  const add = (j: Job) => queue.add(JobName.PersistEvent, { meetingId: j.meetingId, stream: 'meeting', fromSeq: j.fromSeq, toSeq: j.toSeq },
    { jobId: `${j.meetingId}:meeting:${j.fromSeq}-${j.toSeq}` }).then(() => undefined);
  try {
    if (live) {
      const liveStart = now();
      const gen = await generate(b, eventLog, jobs, meetings, add);
      const done = await drained(b, eventLog, queue, gen.ids, liveStart);
      return {
        jobs: gen.issued, refused: gen.refused, events: done.events, generatorPerSecond: round(gen.issued / (gen.generatedMs / 1000)),
        jobsPerSecond: round(gen.issued / (done.persistedMs / 1000)), drainMs: round(done.persistedMs - gen.generatedMs),
      };
    }
    const pending: Job[] = [];
    const gen = await generate(b, eventLog, jobs, meetings, async (j) => { pending.push(j); });
    const addedMs = await addPaused(queue, pending.length, (i) => add(pending[i]!));
    const started = now();
    await queue.resume();
    const done = await drained(b, eventLog, queue, gen.ids, started);
    return {
      jobs: pending.length, refused: gen.refused, events: done.events, addedMs: round(addedMs), persistedMs: round(done.persistedMs), publishedMs: round(done.publishedMs),
      jobsPerSecond: round(pending.length / (done.persistedMs / 1000)), eventsPerSecond: round(done.events / (done.persistedMs / 1000)),
      generatorPerSecond: round(gen.issued / (gen.generatedMs / 1000)), drainMs: 0,
    };
  } finally {
    await queue.resume().catch(() => undefined);
    await queue.close();
    redis.disconnect();
  }
}

/**
 * Three repetitions (or `repetitions`), alternating which runs first, of the raw baseline and the
 * recorder in backlog mode, each finishing every job; then one live run for information.
 */
export async function recordThroughput(b: Bench, jobs: number, meetings: number, repetitions = 3): Promise<void> {
  const raws: number[] = [];
  const recs: Array<Awaited<ReturnType<typeof recorderThroughput>>> = [];
  for (let rep = 0; rep < repetitions; rep++) {
    const rawFirst = rep % 2 === 0;
    const runRaw = async () => { const r = await rawBullmq(b, jobs); raws.push(r.jobsPerSecond); log(`raw BullMQ #${rep + 1}: ${jobs} jobs in ${r.ms} ms = ${r.jobsPerSecond} jobs/s`); };
    const runRec = async () => {
      const r = await recorderThroughput(b, jobs, meetings, false);
      recs.push(r);
      log(`recorder backlog #${rep + 1}: ${r.jobs} jobs (${r.events} events) added in ${r.addedMs} ms, all done at ${r.persistedMs} ms = ${r.jobsPerSecond} jobs/s, published at ${r.publishedMs} ms`);
    };
    if (rawFirst) { await runRaw(); await runRec(); } else { await runRec(); await runRaw(); }
  }
  const live = await recorderThroughput(b, jobs, meetings, true);
  log(`recorder, live: ${live.jobs} commands at ${live.generatorPerSecond}/s (generator-bound), every job done: ${live.jobsPerSecond} jobs/s, ${live.drainMs} ms behind at the end`);
  const raw = spread(raws, 0);
  const rec = spread(recs.map((r) => r.jobsPerSecond), 0);
  const events = spread(recs.map((r) => r.eventsPerSecond ?? 0), 0);
  const ratio = spread(recs.map((r, i) => r.jobsPerSecond / raws[i]!), 2);
  const refused = recs.reduce((n, r) => n + r.refused, 0) + live.refused;
  b.results.recordThroughput = { raw, recorder: rec, events, ratio, repetitions: recs, live, concurrency: CONCURRENCY };
  b.checks.push({
    scenario: 'record', metric: `sustained persistence, ${recs[0]?.jobs} persist.event jobs, backlog, every job done`,
    measured: `${rec.text} jobs/s (${events.median} events/s; ratio to raw ${ratio.text})`,
    target: `≥ 80% of raw (median ratio ≥ 0.8, DESIGN.md)`, baseline: `raw BullMQ ${raw.text} jobs/s (c=${CONCURRENCY}, backlog)`,
    pass: ratio.median >= 0.8 && refused === 0,
    note: `live (jobs added as commands append, generator-bound at ${live.generatorPerSecond} commands/s): ${live.jobsPerSecond} jobs/s with every job done, ${live.drainMs} ms behind at the end`,
  });
}
