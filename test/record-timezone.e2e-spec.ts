import { unTime } from '@rostrum/domain';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

// The record prints clock times in the venue's time zone (meeting setup `timeZone`).
describe('record clock times in the meeting time zone', () => {
  let sys: TestSystem;
  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']); }, 90_000);
  afterAll(() => sys?.stop(), 30_000);

  it('an entry reads the New York time of a meeting held in New York', async () => {
    const { meetingId, access } = await sys.createMeeting({ ...debateSetup(), timeZone: 'America/New_York' });
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    const opened = await chair.cmd('meeting.open');
    expect(opened).toMatchObject({ ok: true });
    const entry = await chair.waitFor('record.entry', () => true, 20_000);
    chair.close();
    const at = (entry.payload as { at: number }).at;
    const newYork = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(at);
    expect((entry.payload as { text: string }).text).toContain(newYork);
    const md = await (await fetch(`${sys.url}/meetings/${meetingId}/record.md`)).text();
    expect(md).toContain(`The meeting was called to order at ${unTime(at, 'America/New_York')}`);
  });

  it('refuses a time zone that does not exist', async () => {
    await expect(sys.createMeeting({ ...debateSetup(), timeZone: 'Mars/Olympus_Mons' })).rejects.toThrow(/IANA time zone/);
  });
});
