import { io, type Socket } from 'socket.io-client';
import { TestClient, TestSystem, debateSetup, tokenOf, type RunningApp } from '@rostrum/testing';
import { sleep, waitUntil } from './support/floor';

type Seqd = { stream: string; seq: number; type: string };

/** A raw socket that notes every `events` batch (its seqs and the server's send time) and every floor view (its own message or in a batch). */
class Listener {
  readonly socket: Socket;
  readonly batches: Array<{ seqs: number[]; serverTime: number; view?: number }> = [];
  readonly views: Array<{ seq: number; serverTime: number }> = [];
  /** Floor views that came inside an `events` message (BatchMeta.floorView), not as their own. */
  folded = 0;

  constructor(url: string, token: string) {
    this.socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
    this.socket.on('events', (batch: Seqd[], meta: { serverTime: number; floorView?: { seq: number } }) => {
      const seqs = batch.filter((e) => e.stream === 'meeting').map((e) => e.seq);
      if (seqs.length) this.batches.push({ seqs, serverTime: meta.serverTime, ...(meta.floorView ? { view: meta.floorView.seq } : {}) });
      if (meta.floorView) {
        this.views.push({ seq: meta.floorView.seq, serverTime: meta.serverTime });
        this.folded++;
      }
    });
    this.socket.on('floor.view', (m: { payload: { seq: number }; serverTime: number }) => this.views.push({ seq: m.payload.seq, serverTime: m.serverTime }));
  }

  seqs(): number[] { return this.batches.flatMap((b) => b.seqs); }
  has(seq: number): boolean { return this.batches.some((b) => b.seqs.includes(seq)); }
  /** When the batch carrying `seq` was sent (server clock, ms since epoch). */
  sentAt(seq: number): number { return this.batches.find((b) => b.seqs.includes(seq))!.serverTime; }
}

// Issue 14: followers (delegates, moderators, viewers) no longer wait for a fixed 250 ms round;
// a change goes out at once while the meeting's fan-out budget allows, and only a storm beyond
// it is coalesced (every event kept, in order; of the floor views only the newest).
describe('fan-out budget: changes at once, storms coalesced without loss', () => {
  let sys: TestSystem;
  let roomy: RunningApp;   // default budget
  let tight: RunningApp;   // 2 writes/s, burst 1: any two changes within 500 ms are a storm
  let meetingId: string;
  let access: Array<{ participantId: string; token: string }>;
  let chair: TestClient;
  const closers: Array<() => void> = [];

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'gateway']);
    roomy = sys.gateways()[0]!;
    tight = await sys.startApp('gateway', { FANOUT_WRITES_PER_SECOND: '2', FANOUT_BURST_WRITES: '1' });
    ({ meetingId, access } = await sys.createMeeting(debateSetup()));
    chair = await TestClient.connect(roomy.url!, tokenOf(access, 'chair'));
    closers.push(() => chair.close());
    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
  }, 120_000);
  afterAll(async () => { for (const c of closers) c(); await sys?.stop(); }, 30_000);

  const listen = async (url: string, token: string) => {
    const l = new Listener(url, token);
    closers.push(() => l.socket.disconnect());
    await waitUntil(() => l.socket.connected, 'listener connected');
    return l;
  };

  it('a change that follows another at once reaches a viewer in the same round as the secretariat (no 250 ms wait)', async () => {
    const viewer = await listen(roomy.url!, await sys.viewerToken(meetingId));
    const delegate = await listen(roomy.url!, tokenOf(access, 'gha'));
    const officer = await listen(roomy.url!, tokenOf(access, 'sec'));
    const seqs: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ack = await chair.cmd('chair.callToOrder', { text: `Order (${i})` });
      expect(ack).toMatchObject({ ok: true });
      const seq = ack.seq as number;
      seqs.push(seq);
      // The next change follows as soon as this one reached the viewer: well within 250 ms.
      await waitUntil(() => viewer.has(seq) && delegate.has(seq) && officer.has(seq), `seq ${seq} delivered`);
    }
    for (const seq of seqs) {
      // The officers' round and the followers' flush of the same seq are one synchronous step now
      // (a few ms apart at most; the margin is for a loaded machine descheduling the gateway);
      // a held follower round showed here as a gap of up to 250 ms.
      expect(viewer.sentAt(seq) - officer.sentAt(seq)).toBeLessThanOrEqual(100);
      expect(delegate.sentAt(seq) - officer.sentAt(seq)).toBeLessThanOrEqual(100);
    }
    // One batch per change: nothing was held back to be coalesced.
    expect(viewer.batches.filter((b) => b.seqs.some((s) => seqs.includes(s))).map((b) => b.seqs)).toEqual(seqs.map((s) => [s]));
    // A change after a quiet moment (the view's rate, one per 200 ms, allows one at once: the burst's
    // trailing view went out up to 200 ms after it): the floor publishes its view with its events,
    // and the followers get both in one message, one write instead of two.
    await sleep(500);
    const ack = await chair.cmd('chair.callToOrder', { text: 'Order, after a pause' });
    expect(ack).toMatchObject({ ok: true });
    const seq = ack.seq as number;
    await waitUntil(() => viewer.has(seq) && delegate.has(seq), `seq ${seq} delivered`);
    for (const l of [viewer, delegate]) expect(l.batches.find((b) => b.seqs.includes(seq))).toMatchObject({ seqs: [seq], view: seq });
  });

  it('a storm beyond the budget is coalesced into paced batches: every event once, in order, and the newest floor view', async () => {
    const viewer = await listen(tight.url!, await sys.viewerToken(meetingId));
    const officer = await listen(tight.url!, tokenOf(access, 'sec'));
    const first = chair.seq.meeting + 1;
    let head = 0;
    // 30 changes over about 2.4 s: a flush costs one write per socket (the view rides in the
    // batch), half a second of this budget, so the storm spans several flushes.
    for (let i = 0; i < 30; i++) {
      const ack = await chair.cmd('chair.callToOrder', { text: `Storm (${i})` });
      expect(ack).toMatchObject({ ok: true });
      head = ack.seq as number;
      await sleep(80);
    }
    await waitUntil(() => viewer.has(head) && officer.has(head), 'the storm delivered', 30_000);
    // The newest floor view reaches the viewer too (the floor sends a trailing one after a burst).
    await waitUntil(() => officer.views.length > 0 && viewer.views.length > 0 && viewer.views.at(-1)!.seq === officer.views.at(-1)!.seq, 'newest floor view', 15_000);

    const got = viewer.seqs().filter((s) => s >= first && s <= head);
    expect(got).toEqual(Array.from({ length: head - first + 1 }, (_, i) => first + i)); // each once, in order, none missing
    const stormBatches = viewer.batches.filter((b) => b.seqs.some((s) => s >= first && s <= head));
    expect(stormBatches.length).toBeLessThan(head - first + 1);          // coalesced
    expect(officer.batches.filter((b) => b.seqs.some((s) => s >= first)).length).toBeGreaterThan(stormBatches.length); // officers are not paced
    // Paced by the budget: at least one token (500 ms at 2 writes/s) between two flushes to followers. One
    // flush may send several batches (a floor view keeps its place between events), all at once.
    // A batch is stamped when it is emitted, which may be a little after its flush took the token
    // (485 ms was seen at load 25), so the bound is 400 ms; unpaced, flushes were ms apart.
    const flushes = stormBatches.map((b) => b.serverTime).filter((t, i, all) => i === 0 || t - all[i - 1]! > 50);
    expect(flushes.length).toBeGreaterThan(1);
    for (let i = 1; i < flushes.length; i++) expect(flushes[i]! - flushes[i - 1]!).toBeGreaterThanOrEqual(400);
    // Views: latest wins — never an older one after a newer one, and no more than the officers got.
    const viewSeqs = viewer.views.map((v) => v.seq);
    expect(viewSeqs).toEqual([...viewSeqs].sort((a, b) => a - b));
    expect(viewer.views.length).toBeLessThanOrEqual(officer.views.length);
    // A coalesced flush carries the newest view in its batch's message, not as a second write.
    expect(viewer.folded).toBeGreaterThan(0);
    expect(officer.folded).toBe(0);                       // officers get each view as it comes
  });
});
