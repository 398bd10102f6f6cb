import { readFileSync } from 'node:fs';
import { type Bench, sleep } from '../context';
import { percentile, round } from '../report';

export interface MemorySample { heapUsedMb: number; rssMb: number }

/** The gateway's V8 heap (its Prometheus `nodejs_heap_size_used_bytes`) and its RSS (/proc). */
async function sample(b: Bench): Promise<MemorySample> {
  const gw = b.sys.gateways()[0];
  const text = await (await fetch(`${gw.url}/metrics`)).text();
  const heap = Number(/^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)/m.exec(text)?.[1] ?? NaN);
  let rss = NaN;
  try { rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${gw.process.pid}/status`, 'utf8'))?.[1]) * 1024; } catch { /* not Linux */ }
  return { heapUsedMb: heap / 2 ** 20, rssMb: rss / 2 ** 20 };
}

/**
 * Median of several samples a little apart: without a forced GC the heap saw-tooths, and the
 * median of 7 samples over ~3.5 s is steadier than any one of them.
 */
export async function settledMemory(b: Bench, samples = 7): Promise<MemorySample> {
  const got: MemorySample[] = [];
  for (let i = 0; i < samples; i++) { got.push(await sample(b)); await sleep(500); }
  return { heapUsedMb: round(percentile(got.map((s) => s.heapUsedMb), 50)), rssMb: round(percentile(got.map((s) => s.rssMb), 50)) };
}

export function memoryChecks(b: Bench, viewers: number, before: MemorySample, after: MemorySample): void {
  const perK = (d: number) => round((d / viewers) * 1000, 2);
  const heapPerK = perK(after.heapUsedMb - before.heapUsedMb);
  const rssPerK = perK(after.rssMb - before.rssMb);
  b.results.memory = { viewers, before, after, heapMbPer1000: heapPerK, rssMbPer1000: rssPerK };
  b.checks.push({
    scenario: 'memory', metric: `gateway heap growth, ${viewers} idle viewers`, measured: `${heapPerK} MB / 1,000 viewers`,
    target: '≤ 30 MB / 1,000', baseline: `heap ${before.heapUsedMb} → ${after.heapUsedMb} MB; RSS ${before.rssMb} → ${after.rssMb} MB (${rssPerK} MB / 1,000)`,
    pass: heapPerK <= 30,
  });
}
