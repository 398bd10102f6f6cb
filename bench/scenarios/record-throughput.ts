import { Queue, Worker } from 'bullmq';
import { COMMANDS, JobName, QueueName, type Actor } from '@rostrum/contracts';
import { decideFloor, evolveFloor, initialFloorState, type FloorState } from '@rostrum/domain';
import { CommandProcessor, EventLog, bullConnection, bullPrefix, createRedis, defaultJobOptions, type Capability } from '@rostrum/messaging';
import { type Bench, EXTRA_DELEGATES, benchSetup, log, now, sleep } from '../context';
import { round } from '../report';

/** The recorder's own concurrency (apps/recorder RecordProcessor): the baseline worker gets the same. */
const CONCURRENCY = 8;
const PRODUCERS = 20;

/** Baseline: a bare BullMQ queue and worker on the same Redis, trivial jobs, add + process. */
async function rawBullmq(b: Bench, jobs: number): Promise<{ jobsPerSecond: number; ms: number }> {
  const opts = { connection: bullConnection(b.sys.redisUrl), prefix: `${b.sys.prefix}:bench-raw` };
  const queue = new Queue('bench-raw', opts);
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((r) => { finished = r; });
  const worker = new Worker('bench-raw', async (job) => job.data.i, { ...opts, concurrency: CONCURRENCY });
  worker.on('completed', () => { if (++done === jobs) finished(); });
  await worker.waitUntilReady();
  const started = now();
  let next = 0;
  await Promise.all(Array.from({ length: PRODUCERS }, async () => {
    while (next < jobs) { const i = next++; await queue.add('tick', { i }, { removeOnComplete: true }); }
  }));
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

/** Waits until Postgres holds every event of the meetings (record_cursors) and then every entry is published. */
async function drained(b: Bench, eventLog: EventLog, ids: string[], started: number) {
  const heads = await Promise.all(ids.map((m) => eventLog.head(m, 'meeting')));
  const persistedAll = async () => {
    const rows = await b.sys.query<{ meeting_id: string; persisted_seq: number }>(`SELECT meeting_id, persisted_seq FROM record_cursors WHERE stream = 'meeting' AND meeting_id = ANY($1)`, [ids]);
    const by = new Map(rows.map((r) => [r.meeting_id, Number(r.persisted_seq)]));
    return ids.every((m, i) => (by.get(m) ?? 0) >= heads[i]);
  };
  while (!(await persistedAll())) { if (now() - started > 300_000) throw new Error('the recorder did not persist everything within 300 s'); await sleep(20); }
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
 * - backlog (the figure checked against the target, like the raw baseline): the events are in
 *   the log first, then their jobs are added as fast as 20 producers can and the recorder works
 *   through them; this is its sustained capacity, batching included (DESIGN.md step 5);
 * - live: jobs are added as each command appends; informative, since here the generator (one
 *   process on the same cores) sets the pace and the recorder only has to keep up.
 */
async function recorderThroughput(b: Bench, jobs: number, meetings: number) {
  const redis = createRedis(b.sys.redisUrl);
  const eventLog = new EventLog(redis, b.sys.prefix);
  const queue = new Queue(QueueName.Record, { connection: bullConnection(b.sys.redisUrl), prefix: bullPrefix(b.sys.prefix), defaultJobOptions });
  const add = (j: Job) => queue.add(JobName.PersistEvent, { meetingId: j.meetingId, stream: 'meeting', fromSeq: j.fromSeq, toSeq: j.toSeq },
    { jobId: `${j.meetingId}:meeting:${j.fromSeq}-${j.toSeq}` }).then(() => undefined);
  try {
    const liveStart = now();
    const live = await generate(b, eventLog, jobs, meetings, add);
    const liveDone = await drained(b, eventLog, live.ids, liveStart + 0);

    const pending: Job[] = [];
    const backlog = await generate(b, eventLog, jobs, meetings, async (j) => { pending.push(j); });
    const started = now();
    let next = 0;
    await Promise.all(Array.from({ length: PRODUCERS }, async () => { while (next < pending.length) await add(pending[next++]); }));
    const addedMs = now() - started;
    const done = await drained(b, eventLog, backlog.ids, started);
    return {
      live: {
        jobs: live.issued, refused: live.refused, events: liveDone.events, generatorPerSecond: round(live.issued / (live.generatedMs / 1000)),
        jobsPerSecond: round(live.issued / (liveDone.persistedMs / 1000)), drainMs: round(liveDone.persistedMs - live.generatedMs),
      },
      backlog: {
        jobs: pending.length, refused: backlog.refused, events: done.events, addedMs: round(addedMs), persistedMs: round(done.persistedMs), publishedMs: round(done.publishedMs),
        jobsPerSecond: round(pending.length / (done.persistedMs / 1000)), eventsPerSecond: round(done.events / (done.persistedMs / 1000)),
      },
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

export async function recordThroughput(b: Bench, jobs: number, meetings: number): Promise<void> {
  const raw = await rawBullmq(b, jobs);
  log(`raw BullMQ: ${jobs} jobs in ${raw.ms} ms = ${raw.jobsPerSecond} jobs/s`);
  const { live, backlog } = await recorderThroughput(b, jobs, meetings);
  log(`recorder, live: ${live.jobs} commands at ${live.generatorPerSecond}/s (generator-bound), persisted ${live.jobsPerSecond} jobs/s, ${live.drainMs} ms behind at the end`);
  log(`recorder, backlog: ${backlog.jobs} jobs (${backlog.events} events) added in ${backlog.addedMs} ms, persisted at ${backlog.persistedMs} ms, published at ${backlog.publishedMs} ms`);
  const ratio = round(backlog.jobsPerSecond / raw.jobsPerSecond, 2);
  b.results.recordThroughput = { raw, live, backlog, ratio, concurrency: CONCURRENCY };
  b.checks.push({
    scenario: 'record', metric: `sustained persistence, ${backlog.jobs} persist.event jobs`,
    measured: `${backlog.jobsPerSecond} jobs/s (${backlog.eventsPerSecond} events/s; ${round(ratio * 100, 0)}% of raw)`,
    target: `≥ 50% of raw = ${round(raw.jobsPerSecond / 2)} jobs/s`, baseline: `raw BullMQ ${raw.jobsPerSecond} jobs/s (c=${CONCURRENCY})`,
    pass: ratio >= 0.5 && backlog.refused === 0 && live.refused === 0,
    note: `live (jobs added as commands append, generator-bound at ${live.generatorPerSecond} commands/s): ${live.jobsPerSecond} jobs/s persisted, ${live.drainMs} ms behind at the end`,
  });
}
