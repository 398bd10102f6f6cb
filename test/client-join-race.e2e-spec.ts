import type { Socket } from 'socket.io-client';
import { TestClient, tokenOf } from '@rostrum/testing';
import { debateSystem } from './support/debate-system';
import { waitUntil } from './support/floor';

// Review of 597c624 (client resync): `resync()` decides whether it is joining (and so whether it
// resets the stream tracker) BEFORE awaiting the snapshot, and the retry guard only looks at
// `synced` after its own 2 s sleep. Two joining resyncs can be in flight at once (a failed first
// snapshot whose retry overlaps the resync of a reconnect); the one answered last resets the
// tracker again, to a snapshot older than what on() listeners already received.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Emit = (name: string, ...args: unknown[]) => Promise<unknown>;
/** Intercepts `meeting.snapshot` requests of a client: `hook(k, real)` answers the k-th one. */
function interceptSnapshots(socket: Socket, hook: (k: number, real: () => Promise<unknown>) => Promise<unknown>): () => number {
  const realTimeout = socket.timeout.bind(socket);
  let calls = 0;
  (socket as unknown as { timeout: (ms: number) => { emitWithAck: Emit } }).timeout = (ms: number) => {
    const t = realTimeout(ms) as unknown as { emitWithAck: Emit };
    return {
      emitWithAck: (name: string, ...args: unknown[]) => {
        if (name !== 'meeting.snapshot') return t.emitWithAck(name, ...args);
        const k = ++calls;
        return hook(k, () => t.emitWithAck(name, ...args));
      },
    };
  };
  return () => calls;
}

describe('@rostrum/client: two joining snapshots in flight at once', () => {
  const d = debateSystem();

  it('a late joining snapshot does not move the streams back: later events still reach on() (no stall, no duplicate)', async () => {
    const { sys, access, closers } = d;
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    closers.push(() => chair.close());
    const viewer = new TestClient(sys.url, tokenOf(access, 'sec'), { autoConnect: false });
    closers.push(() => viewer.close());
    const c = viewer.client;

    // 1st snapshot: refused (e.g. UNAVAILABLE while the floor is restarting) -> retried after 2 s.
    // 2nd (the reconnect's): the server answers it, but late (its Q&A part waits up to 1.5 s).
    let releaseLate!: () => void;
    const late = new Promise<void>((r) => { releaseLate = r; });
    const calls = interceptSnapshots(c.socket, async (k, real) => {
      if (k === 1) return { ok: false, error: { code: 'UNAVAILABLE', message: 'floor did not answer' } };
      const reply = await real();
      if (k === 2) await late;
      return reply;
    });
    const first = c.connect();
    await waitUntil(() => calls() === 1, 'the first snapshot asked');
    // The connection drops and comes back while the first attempt waits for its retry.
    c.socket.disconnect();
    c.socket.connect();
    await waitUntil(() => calls() === 2, "the reconnect's snapshot asked");
    // The retry (2 s) is answered at once: the client joins.
    await first;
    expect(calls()).toBe(3);

    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    await waitUntil(() => viewer.seq.meeting === chair.seq.meeting, 'the viewer has the events', 10_000);

    // Now the reconnect's snapshot (taken before those events) comes in.
    releaseLate();
    await sleep(200);

    expect(await chair.cmd('floor.request', { type: 'statement', delegationId: 'NOR' })).toMatchObject({ ok: true });
    expect(await chair.cmd('floor.request', { type: 'statement', delegationId: 'GHA' })).toMatchObject({ ok: true });
    let reached = true;
    await waitUntil(() => viewer.seq.meeting === chair.seq.meeting, 'the viewer reached the head', 10_000).catch(() => { reached = false; });
    const seqs = viewer.streams.meeting.map((e) => e.seq);
    expect({ reached, viewerSeq: viewer.seq.meeting, head: chair.seq.meeting }).toEqual({ reached: true, viewerSeq: chair.seq.meeting, head: chair.seq.meeting });
    expect(new Set(seqs).size).toBe(seqs.length); // each event once to on()
  }, 90_000);

  it('a joining snapshot that times out after another one joined leaves the status live', async () => {
    const { sys, access, closers } = d;
    const viewer = new TestClient(sys.url, tokenOf(access, 'sec'), { autoConnect: false });
    closers.push(() => viewer.close());
    const c = viewer.client;
    // 1st snapshot: sent on a connection that dies; its answer never comes (the ack times out).
    let failFirst!: () => void;
    const lost = new Promise<void>((r) => { failFirst = r; });
    const calls = interceptSnapshots(c.socket, async (k, real) => {
      if (k === 1) { await lost; throw new Error('operation has timed out'); }
      return real();
    });
    const first = c.connect();
    await waitUntil(() => calls() === 1, 'the first snapshot asked');
    c.socket.disconnect();
    c.socket.connect();
    await first; // the reconnect's snapshot joined
    await waitUntil(() => c.status === 'live', 'live after the join', 10_000);
    failFirst(); // the first request's ack times out now
    await sleep(3000);
    expect(c.socket.connected).toBe(true);
    expect(c.status).toBe('live');
  }, 60_000);
});
