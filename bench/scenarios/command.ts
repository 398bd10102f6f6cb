import { eachMessage } from '../load/messages';
import type { TestClient } from '@rostrum/testing';
import { type Bench, EXTRA_DELEGATES, client, log, now, sleep } from '../context';
import { dist } from '../report';
import { spread } from '../stats';

/** The floor's own command histogram (rostrum_command_seconds, owner floor): sum, count and buckets. */
async function floorHistogram(b: Bench): Promise<{ sum: number; count: number; le: Record<string, number> }> {
  const text = await (await fetch(b.floorMetrics)).text();
  const out = { sum: 0, count: 0, le: {} as Record<string, number> };
  for (const [, name, labels, value] of text.matchAll(/^rostrum_command_seconds_(bucket|sum|count)\{([^}]*)\} (\S+)/gm)) {
    if (!labels.includes('owner="floor"')) continue;
    if (name === 'bucket') out.le[/le="([^"]+)"/.exec(labels)![1]] = Number(value);
    else out[name as 'sum' | 'count'] = Number(value);
  }
  return out;
}

/**
 * A process's event-loop delay since its previous scrape (prom-client resets its histogram on
 * every scrape): p99 and max in ms. Scraped right before a scenario, then right after it, it
 * tells how long that process's loop was held up during the scenario — time every message
 * through that process waits, whatever its own work.
 */
async function loopDelay(url: string): Promise<{ p99: number; max: number } | undefined> {
  const text = await (await fetch(url)).text().catch(() => '');
  const read = (name: string) => Number(new RegExp(`^nodejs_eventloop_lag_${name}_seconds(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1]);
  const p99 = read('p99'), max = read('max');
  return Number.isFinite(p99) && Number.isFinite(max) ? { p99: Math.round(p99 * 10000) / 10, max: Math.round(max * 10000) / 10 } : undefined;
}

type Slot = { c: TestClient; busy: boolean; entryId?: string };

/**
 * Delegates request the floor and withdraw, open loop at `rate` commands/s spread over twenty
 * delegations (each stays under the gateway's per-participant limit of 10/s). Latency is from
 * the delegate's emit to the chair console receiving the event that command produced.
 * Open loop means every scheduled command is sent at its time: when the scheduled delegate is
 * still waiting for its previous answer (the system is slow), another idle delegate sends it;
 * when none is idle, the scheduled one sends it anyway (a request it may be refused for). No
 * command is ever skipped, and each counts: in the acks always, in the chair latency when it
 * produced an event.
 */
export async function commandLatency(b: Bench, viewers: number, rate: number, seconds: number): Promise<void> {
  const slots: Slot[] = await Promise.all(EXTRA_DELEGATES.map(async (id) => ({ c: await client(b, id), busy: false })));
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  /** Chair latency by the third of the run its command was scheduled in: the spread over three repetitions. */
  const thirds: number[][] = [[], [], []];
  const thirdOf = new Map<string, number>();
  const ackMs: number[] = [];
  const refusals: Record<string, number> = {};
  let overlapped = 0;
  const onChair = (_name: string, data: { commandId?: string }) => {
    const t0 = data && typeof data.commandId === 'string' ? sent.get(data.commandId) : undefined;
    if (t0 !== undefined) { latencies.push(now() - t0); thirds[thirdOf.get(data.commandId!)!]!.push(now() - t0); sent.delete(data.commandId!); }
  };
  const onChairBatch = (name: string, data: unknown) => eachMessage(name, data, (n, d) => onChair(n, d as never));
  b.chair.socket.onAny(onChairBatch);

  const issue = async (s: Slot, i: number) => {
    s.busy = true;
    const withdraw = s.entryId !== undefined;
    const commandId = `bench-cmd-${i}-${Date.now()}`;
    const payload = withdraw ? { commandId, entryId: s.entryId } : { commandId, type: 'statement' };
    const t0 = now();
    sent.set(commandId, t0);
    thirdOf.set(commandId, Math.min(2, Math.floor((i * 3) / total)));
    try {
      const ack = await s.c.socket.timeout(15_000).emitWithAck(withdraw ? 'floor.withdraw' : 'floor.request', payload) as { ok: boolean; error?: { code: string } };
      ackMs.push(now() - t0);
      if (!ack.ok) { sent.delete(commandId); refusals[ack.error!.code] = (refusals[ack.error!.code] ?? 0) + 1; if (withdraw) s.entryId = undefined; return; }
      if (withdraw) { s.entryId = undefined; return; }
      const ev = await s.c.waitFor('floor.requested', (d) => d.commandId === commandId, 15_000) as { payload: { entry: { entryId: string } } };
      s.entryId = ev.payload.entry.entryId;
    } catch (err) {
      sent.delete(commandId);
      refusals[(err as Error).message.slice(0, 60)] = (refusals[(err as Error).message.slice(0, 60)] ?? 0) + 1;
    } finally { s.busy = false; }
  };

  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const floorBefore = await floorHistogram(b).catch(() => undefined);
  const gatewayMetrics = `${b.sys.url}/metrics`;
  await Promise.all([loopDelay(gatewayMetrics), loopDelay(b.floorMetrics)]).catch(() => undefined); // resets both histograms
  const started = now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + i * interval - now();
    if (wait > 0) await sleep(wait);
    const scheduled = slots[i % slots.length];
    const s = scheduled.busy ? (slots.find((x) => !x.busy) ?? scheduled) : scheduled;
    if (s.busy) overlapped++;                 // sent anyway: the system is behind, which is what we measure
    inFlight.push(issue(s, i));
  }
  await Promise.all(inFlight);
  const elapsed = (now() - started) / 1000;
  await sleep(500);
  b.chair.socket.offAny(onChairBatch);
  const [gatewayLoop, floorLoop] = await Promise.all([loopDelay(gatewayMetrics).catch(() => undefined), loopDelay(b.floorMetrics).catch(() => undefined)]);
  const floorAfter = await floorHistogram(b).catch(() => undefined);
  let floor: { commands: number; meanMs: number; within25ms: number } | undefined;
  if (floorBefore && floorAfter && floorAfter.count > floorBefore.count) {
    const n = floorAfter.count - floorBefore.count;
    floor = { commands: n, meanMs: Math.round(((floorAfter.sum - floorBefore.sum) / n) * 10000) / 10, within25ms: Math.round(((floorAfter.le['0.025'] - floorBefore.le['0.025']) / n) * 1000) / 10 };
  }
  // Leave the list empty for the scenarios that follow.
  for (const s of slots) if (s.entryId) await s.c.cmd('floor.withdraw', { entryId: s.entryId });
  for (const s of slots) s.c.close();

  const d = dist(latencies);
  const p99s = spread(thirds.map((t) => dist(t).p99));
  const achieved = Math.round((latencies.length / elapsed) * 10) / 10;
  const lost = sent.size;
  const sentRate = Math.round((total / elapsed) * 10) / 10;
  b.results.command = { viewers, targetRate: rate, seconds, sent: total, sentRate, overlapped, refusals, achievedRate: achieved, lost, chairUpdate: d, p99PerThird: p99s, ack: dist(ackMs), floor, eventLoopDelay: { gateway: gatewayLoop, floor: floorLoop } };
  log(`command: ${total} sent at ${sentRate}/s (none skipped; ${overlapped} while their delegate still waited for an answer), refusals ${JSON.stringify(refusals)}, no chair update for ${lost}`);
  b.checks.push({
    scenario: 'command', metric: `request → chair console, ${rate}/s, ${viewers} viewers`, measured: `p50 ${d.p50} / p99 ${d.p99} ms (p99 per third of the run ${p99s.text}; ${total} sent at ${sentRate}/s, ${achieved}/s reached the chair)`,
    target: 'p99 ≤ 25 ms', baseline: `ack p50 ${dist(ackMs).p50} / p99 ${dist(ackMs).p99} ms`,
    note: [
      floor ? `floor service itself (its histogram, lane wait included): mean ${floor.meanMs} ms, ${floor.within25ms}% within 25 ms, over ${floor.commands} commands` : '',
      gatewayLoop ? `event-loop delay during the run: gateway p99 ${gatewayLoop.p99} / max ${gatewayLoop.max} ms` : '',
      floorLoop ? `floor p99 ${floorLoop.p99} / max ${floorLoop.max} ms` : '',
    ].filter(Boolean).join('; ') || undefined,
    pass: d.p99 <= 25 && lost === 0 && achieved >= rate * 0.9,
  });
}
