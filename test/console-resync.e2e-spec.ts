import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { TestClient, debateSetup, tokenOf } from '@rostrum/testing';
import { debateSystem } from './support/debate-system';
import { waitUntil } from './support/floor';

// Review of 597c624 (consoles/src/shell/meeting.ts). The console's live meeting (useMeeting)
// runs here on the real client and system; only Preact's hooks are replaced by a one-shot stand-in
// (the hook is called once, its effect runs at once, its refs are kept to read the console's data).
const mockRefs: Array<{ current: unknown }> = [];
jest.doMock('preact/hooks', () => ({
  useState: (v: unknown) => [v, () => undefined],
  useRef: (v: unknown) => { const r = { current: v }; mockRefs.push(r); return r; },
  useMemo: (f: () => unknown) => f(),
  useEffect: (f: () => (() => void) | void) => { const off = f(); if (off) mockCleanups.push(off); },
}));
const mockCleanups: Array<() => void> = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Emit = (name: string, ...args: unknown[]) => Promise<unknown>;
/** Rewrites the replies to `meeting.snapshot` of a socket with `edit` (while it is set). */
type Edit = (reply: Record<string, any>) => Record<string, any> | Promise<Record<string, any>>;
function editSnapshots(socket: Socket): { calls: () => number; edit?: Edit } {
  const realTimeout = socket.timeout.bind(socket);
  const ctl: { calls: () => number; edit?: Edit } = { calls: () => calls };
  let calls = 0;
  (socket as unknown as { timeout: (ms: number) => { emitWithAck: Emit } }).timeout = (ms: number) => {
    const t = realTimeout(ms) as unknown as { emitWithAck: Emit };
    return {
      emitWithAck: async (name: string, ...args: unknown[]) => {
        if (name !== 'meeting.snapshot') return t.emitWithAck(name, ...args);
        calls++;
        const edit = ctl.edit; // as set when the snapshot was asked for
        const reply = await t.emitWithAck(name, ...args) as Record<string, any>;
        return edit && reply?.ok ? edit(reply) : reply;
      },
    };
  };
  return ctl;
}

describe('consoles: the live meeting across snapshots taken while live', () => {
  const d = debateSystem();
  beforeAll(() => {
    (globalThis as Record<string, unknown>).io = io;
    (globalThis as Record<string, unknown>).location = { origin: d.sys.url };
    d.closers.unshift(() => { for (const c of mockCleanups) c(); });
  });

  const open = (id: string, token = tokenOf(d.access, id), followFloorView = false) => {
    const { useMeeting } = require('../consoles/src/shell/meeting') as typeof import('../consoles/src/shell/meeting');
    mockRefs.length = 0;
    const live = useMeeting(token, { refreshDelay: () => 150, followFloorView });
    const data = mockRefs[1]!.current as { floor: { seq: number } | null; qna: unknown; record: Map<string, { entryId: string }> };
    return { live, data };
  };

  it('the record view keeps an entry that arrived live before a snapshot whose record was read just before it', async () => {
    const { sys, access, closers } = d;
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    closers.push(() => chair.close());
    const { live, data } = open('sec');
    await waitUntil(() => data.floor !== null, 'the console has its first snapshot');
    const snaps = editSnapshots(live.client.socket);

    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    expect(await chair.cmd('floor.request', { type: 'statement', delegationId: 'NOR' })).toMatchObject({ ok: true });
    expect(await chair.cmd('chair.next')).toMatchObject({ ok: true });
    expect(await chair.cmd('speech.start')).toMatchObject({ ok: true });
    await waitUntil(() => live.client.seq.meeting === chair.seq.meeting && chair.seq.record > 0 && live.client.seq.record === chair.seq.record, 'the console caught up', 20_000);
    await sleep(500); // the refreshes the events asked for are done
    const before = chair.seq.record;

    // Norway's speech ends. The console asks for a snapshot (speech.ended is not applied locally);
    // the server reads the record for it a moment before Norway's entry is appended, and the
    // entry, sent live, reaches the console before the snapshot's reply (which waits for the
    // floor and the Q&A parts). Simulated: the reply's record leaves out the entries after `before`.
    snaps.edit = async (reply) => {
      await waitUntil(() => live.client.seq.record > before, "Norway's entry delivered live", 20_000);
      return { ...reply, record: { seq: before, entries: reply.record.entries.filter((e: { seq: number }) => e.seq <= before) } };
    };
    const asked = snaps.calls();
    expect(await chair.cmd('speech.end')).toMatchObject({ ok: true });
    await waitUntil(() => chair.seq.record > before && live.client.seq.record === chair.seq.record, "Norway's entry published and delivered to the console", 20_000);
    await waitUntil(() => snaps.calls() > asked, 'the console asked for a snapshot', 5_000);
    snaps.edit = undefined;
    await sleep(2000); // nothing else happens in the meeting

    const published = chair.events('record').map((e) => (e.payload as { entryId: string }).entryId);
    const missing = published.filter((id) => !data.record.has(id));
    expect({ missing, refreshes: snaps.calls() - asked }).toEqual({ missing: [], refreshes: expect.any(Number) });
  }, 90_000);

  it('while the Q&A part of the snapshot is missing (Q&A service not answering), the console does not ask again and again', async () => {
    const { sys, access, closers } = d;
    const nor = await TestClient.connect(sys.url, tokenOf(access, 'nor'));
    closers.push(() => nor.close());
    const { live, data } = open('sec');
    await waitUntil(() => data.floor !== null, 'the console has its first snapshot');
    expect(await nor.cmd('qna.ask', { text: 'Who finances the mission?' })).toMatchObject({ ok: true });
    await waitUntil(() => live.client.seq.qna > 0, 'the console saw a Q&A event', 10_000);
    await sleep(1000);

    const snaps = editSnapshots(live.client.socket);
    snaps.edit = (reply) => ({ ...reply, qna: null }); // what the gateway answers when Q&A does not answer in 1.5 s
    void live.client.resync(); // one refresh (as any floor event not applied locally asks for)
    await sleep(3000);
    const asked = snaps.calls();
    snaps.edit = undefined;
    // One snapshot was asked for; the console then kept asking for as long as Q&A was missing.
    expect(asked).toBeLessThanOrEqual(3);
  }, 60_000);

  it('a viewer (followFloorView) keeps a floor.view newer than the snapshot that comes in after it', async () => {
    const { sys, access, closers } = d;
    const own = await sys.createMeeting(debateSetup());
    const chair = await TestClient.connect(sys.url, tokenOf(own.access, 'chair'));
    closers.push(() => chair.close());
    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    const { live, data } = open('viewer', await sys.viewerToken(own.meetingId), true);
    await waitUntil(() => data.floor !== null, 'the viewer has its first snapshot');
    expect(await chair.cmd('floor.request', { type: 'statement', delegationId: 'GHA' })).toMatchObject({ ok: true });
    await waitUntil(() => data.floor!.seq === chair.seq.meeting, 'the viewer follows the floor', 10_000);

    // The viewer refreshes (as it does after a Q&A event); the floor part is read, then the chair
    // gives Ghana the floor, whose floor.view reaches the viewer before the snapshot's reply.
    const snaps = editSnapshots(live.client.socket);
    let taken = 0;
    snaps.edit = async (reply) => {
      taken = reply.meeting.seq;
      await waitUntil(() => data.floor!.seq > taken, 'a newer floor.view applied', 10_000);
      return reply;
    };
    void live.client.resync();
    await waitUntil(() => taken > 0, 'the snapshot taken', 10_000);
    expect(await chair.cmd('chair.next')).toMatchObject({ ok: true });
    await sleep(2000); // Ghana speaks on; nothing else changes on the floor
    expect({ viewerFloorSeq: data.floor!.seq, snapshotSeq: taken }).toEqual({ viewerFloorSeq: chair.seq.meeting, snapshotSeq: taken });
  }, 60_000);
});
