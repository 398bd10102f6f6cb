import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

// A client that receives a record entry and at once reads an export must find the entry there:
// the publisher marks a version published in Postgres before it appends it to the record
// stream (it used to append first, so a quick reader could miss the newest entry). The old
// window was a few ms and only a loaded machine hit it (record-timezone flaked on it); this
// guards the order on every step of a meeting rather than reproducing that race on demand.
describe('record exports read right after a live entry', () => {
  let sys: TestSystem;
  beforeAll(async () => { sys = await TestSystem.start(['floor', 'recorder', 'gateway']); }, 90_000);
  afterAll(() => sys?.stop(), 30_000);

  it('every entry a client has received is in record.json read at once', async () => {
    const { meetingId, access } = await sys.createMeeting(debateSetup());
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    const seen = new Set<string>();
    const missing: string[] = [];
    const steps = ['meeting.open', ...Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 'meeting.suspend' : 'meeting.resume'))];
    for (const step of steps) {
      expect(await chair.cmd(step)).toMatchObject({ ok: true });
      const entry = await chair.waitFor('record.entry', (e) => !seen.has((e.payload as { entryId: string }).entryId), 20_000);
      const { entryId } = entry.payload as { entryId: string };
      seen.add(entryId);
      const doc = await (await fetch(`${sys.url}/meetings/${meetingId}/record.json`)).json() as { entries: Array<{ entryId: string }> };
      if (!doc.entries.some((e) => e.entryId === entryId)) missing.push(entryId);
    }
    chair.close();
    expect(seen.size).toBe(steps.length);
    expect(missing).toEqual([]);
  });
});
