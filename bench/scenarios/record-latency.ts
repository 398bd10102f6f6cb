import { eachMessage } from '../load/messages';
import { type Bench, EXTRA_DELEGATES, client, log, ok, sleep } from '../context';
import { dist } from '../report';

/**
 * Interventions end one after another; every viewer must see the `record.entry` of each
 * (published only after Postgres committed it). Latency = a viewer's receive time − the
 * `at` of the `speech.ended` event, i.e. from the intervention ending to the entry on screen.
 */
export async function recordLatency(b: Bench, viewers: number, interventions: number): Promise<void> {
  const endedAt = new Map<string, number>();
  const onChair = (name: string, data: { at?: number; payload?: { intervention?: { entryId: string } } }) => {
    if (name === 'speech.ended' && data.payload?.intervention) endedAt.set(data.payload.intervention.entryId, data.at!);
  };
  const onChairBatch = (name: string, data: unknown) => eachMessage(name, data, (n, d) => onChair(n, d as never));
  b.chair.socket.onAny(onChairBatch);
  await b.pool.track(['record.entry'], { 'record.entry': 'payload.interventionId' });
  const speakers = EXTRA_DELEGATES.slice(0, Math.min(interventions, EXTRA_DELEGATES.length));
  try {
    for (let i = 0; i < interventions; i++) {
      const d = await client(b, speakers[i % speakers.length]);
      try {
        await ok(d, 'floor.request', { type: 'statement' });
        await ok(b.chair, 'chair.next');
        await ok(b.chair, 'speech.start');
        await sleep(300);
        await ok(b.chair, 'speech.end');
      } finally { d.close(); }
      await sleep(200);
    }
    await b.pool.waitCount(['record.entry'], interventions * viewers, 20_000);
  } finally { b.chair.socket.offAny(onChairBatch); }

  const hits = (await b.pool.keyedHits()).filter(([, key]) => endedAt.has(key));
  const latencies = hits.map(([, key, t]) => t - endedAt.get(key)!);
  const expected = interventions * viewers;
  const d = dist(latencies);
  b.results.recordLatency = { viewers, interventions, received: hits.length, expected, latency: d };
  log(`record latency: ${hits.length}/${expected} intervention entries received`);
  b.checks.push({
    scenario: 'record', metric: `intervention ended → entry on ${viewers} viewers`, measured: `p50 ${d.p50} / p99 ${d.p99} ms${hits.length < expected ? ` (${expected - hits.length} missing)` : ''}`,
    target: 'p99 ≤ 300 ms (DESIGN.md)', baseline: `${interventions} interventions`, pass: d.p99 <= 300 && hits.length === expected,
  });
}
