import { TestClient, tokenOf } from '@rostrum/testing';
import { debateSystem } from './support/debate-system';
import { waitUntil } from './support/floor';

// CI failure of 2026-11-30: the delegate console's right-of-reply picker never saw a
// `speech.ended` that arrived while the console was refreshing its snapshot. The client took
// each snapshot as a fresh start, so every event it reflected was dropped before any listener
// saw it. The whole kind: any `client.on(...)` listener, on any stream, across any number of
// snapshots taken while the connection is live.
describe('@rostrum/client: a snapshot taken while live loses no event for the listeners', () => {
  const d = debateSystem();

  it('every meeting, Q&A and record event reaches on() once, in seq order, while snapshots are taken again and again', async () => {
    const { sys, access, closers } = d;
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    const nor = await TestClient.connect(sys.url, tokenOf(access, 'nor'));
    const viewer = await TestClient.connect(sys.url, tokenOf(access, 'sec'));
    closers.push(() => chair.close(), () => nor.close(), () => viewer.close());
    const from = { ...viewer.seq };
    const snapshots: number[] = [];
    viewer.client.onSnapshot((s) => snapshots.push(s.meeting.seq));

    // Keep refreshing the snapshot, as the consoles do after an event they cannot apply.
    let refreshing = true;
    const refresher = (async () => { while (refreshing) await viewer.sync(); })();

    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    for (const d of ['NOR', 'GHA', 'SEN', 'EGY']) {
      expect(await chair.cmd('floor.request', { type: 'statement', delegationId: d })).toMatchObject({ ok: true });
    }
    for (let i = 0; i < 2; i++) {
      expect(await chair.cmd('chair.next')).toMatchObject({ ok: true });
      expect(await chair.cmd('speech.start')).toMatchObject({ ok: true });
      expect(await chair.cmd('speech.end')).toMatchObject({ ok: true });
    }
    expect(await nor.cmd('qna.ask', { text: 'How will the partnership be financed?' })).toMatchObject({ ok: true });
    await waitUntil(() => chair.seq.record > from.record, 'a record entry was published', 20_000);
    refreshing = false;
    await refresher;

    // Precondition: snapshots were taken while the events flowed, not only before or after.
    expect(snapshots.length).toBeGreaterThan(3);
    await waitUntil(() => viewer.seq.meeting === chair.seq.meeting && viewer.seq.qna === chair.seq.qna && viewer.seq.record === chair.seq.record, 'the viewer reached the heads', 20_000);
    for (const s of ['meeting', 'qna', 'record'] as const) {
      const seqs = viewer.streams[s].map((e) => e.seq);
      const want = Array.from({ length: chair.seq[s] - from[s] }, (_, i) => from[s] + 1 + i);
      expect([s, seqs]).toEqual([s, want]);
    }
    expect(viewer.streams.meeting.filter((e) => e.type === 'speech.ended')).toHaveLength(2);
    expect(viewer.duplicates).toBe(0);
  }, 90_000);
});
