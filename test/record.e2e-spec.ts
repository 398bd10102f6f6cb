import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope, Intervention, RecordEntryView } from '@rostrum/contracts';
import { EventLog, createRedis } from '@rostrum/messaging';
import { TEST_OPERATOR_KEY, TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { normalise, playDebate, recordSettled, sleep } from './record-debate.helpers';
import { expectGolden } from './support/golden';

/** Golden files under test/__golden__, compared after normalising times (support/golden.ts: never written in CI). */
const golden = (name: string, actual: string): void => expectGolden(join(__dirname, '__golden__', name), actual);

/** The PDF's text as poppler's pdftotext reads it (poppler-utils; .ci/run installs it). */
function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rostrum-e2e-pdf-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const view = (e: EventEnvelope) => ({ seq: e.seq, type: e.type, payload: e.payload });

// Issue 4: the running record, end to end through gateway → floor → log → recorder → Postgres → record stream.
describe('the running record', () => {
  let sys: TestSystem;
  let meetingId: string;
  let access: Array<{ participantId: string; token: string }>;
  let ids: Record<string, string>;
  let steady: TestClient;
  let flaky: TestClient;

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'recorder', 'gateway']);
    ({ meetingId, access } = await sys.createMeeting(debateSetup()));
    const res = await fetch(`${sys.url}/meetings/${meetingId}/webcast`, {
      method: 'PUT', headers: { 'content-type': 'application/json', 'x-operator-key': TEST_OPERATOR_KEY },
      body: JSON.stringify({ startedAt: new Date(Date.now() - 90_000).toISOString() }),
    });
    expect(res.status).toBe(200);
    steady = await TestClient.connect(sys.url, await sys.viewerToken(meetingId));
    flaky = await TestClient.connect(sys.url, await sys.viewerToken(meetingId));
    // The second viewer drops out for 10 s in the middle of the debate, then resumes by seq.
    ids = await playDebate(sys, access, async () => {
      flaky.socket.disconnect();
      await sleep(10_000);
      flaky.socket.connect();
    });
    await recordSettled(sys, meetingId, 5);
    // Viewers follow up to a quarter second behind the officers: let the steady one catch up
    // with everything published before the tests read what it received.
    const [{ n }] = await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_entry_versions WHERE meeting_id = $1 AND record_seq IS NOT NULL`, [meetingId]);
    for (let i = 0; i < 50 && steady.seq.record < n; i++) await sleep(100);
  }, 120_000);
  afterAll(async () => { steady?.close(); flaky?.close(); await sys?.stop(); }, 30_000);

  it('R44 Postgres holds exactly one row per intervention with every field right', async () => {
    const rows = await sys.query<Record<string, any>>(`SELECT * FROM interventions WHERE meeting_id = $1 ORDER BY seq`, [meetingId]);
    expect(rows.map((r) => r.entry_id)).toEqual([ids.sen, ids.poo, ids.gha, ids.nor, ids.reply]);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    const redis = createRedis(sys.redisUrl);
    try {
      const ended = (await new EventLog(redis, sys.prefix).since(meetingId, 'meeting', 0)).filter((e) => e.type === 'speech.ended');
      expect(ended).toHaveLength(5);
      for (const e of ended) {
        const i = (e.payload as { intervention: Intervention }).intervention;
        const r = rows.find((x) => x.seq === e.seq)!;
        expect({
          entry: r.entry_id, item: r.item_id, delegation: r.delegation_id, name: r.speaker_name, title: r.speaker_title, capacity: r.capacity,
          group: r.group_id, type: r.type, mode: r.mode, inscribed: r.inscribed_at.getTime(), called: r.called_at.getTime(),
          started: r.started_at.getTime(), ended: r.ended_at.getTime(), allotted: r.allotted_seconds, net: r.net_seconds,
          pauses: r.pauses.length, overrun: r.overrun_seconds, warnings: r.warnings_given, replyTo: r.reply_to, ruling: r.ruling_decision,
        }).toEqual({
          entry: i.entryId, item: 'item-1', delegation: i.delegationId, name: i.speakerName, title: i.speakerTitle ?? null, capacity: i.capacity.kind,
          group: i.capacity.kind === 'group' ? i.capacity.groupId : null, type: i.type, mode: i.mode, inscribed: i.inscribedAt, called: i.calledAt,
          started: i.startedAt, ended: i.endedAt, allotted: i.allottedSeconds, net: Math.round(i.netSpeakingMs / 1000),
          pauses: i.pauses.length, overrun: Math.round(i.overrunMs / 1000), warnings: i.warningsGiven.length, replyTo: i.replyTo ?? null,
          ruling: i.ruling?.decision ?? null,
        });
      }
    } finally { redis.disconnect(); }
    const by = (id: string) => rows.find((r) => r.entry_id === id)!;
    expect(by(ids.sen)).toMatchObject({ capacity: 'group', group_id: 'AFG', group_name: 'African Group', allotted_seconds: 420, tier: 'members' });
    expect(by(ids.gha)).toMatchObject({ speaker_name: 'Mr. Kwame Mensah', speaker_title: 'Minister for Defence', mode: 'in-room' });
    expect(by(ids.gha).pauses).toHaveLength(1);                              // R19: paused by the point of order
    expect(by(ids.poo)).toMatchObject({ type: 'point-of-order', delegation_id: 'GBR', ruling_decision: 'rejected', ruling_text: 'The speaker is in order.' });
    expect(by(ids.nor)).toMatchObject({ mode: 'remote' });
    expect(by(ids.reply)).toMatchObject({ type: 'right-of-reply', reply_to: ids.gha, delegation_id: 'SEN' });
    const [events] = await sys.query<{ n: number; d: number }>(`SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d FROM record_events WHERE meeting_id = $1 AND stream = 'meeting'`, [meetingId]);
    expect(events.n).toBe(events.d);
  });

  it('R43 the record stream carries the formal entries, each with its video offset', async () => {
    const entries = steady.events('record').map((e) => e.payload as unknown as RecordEntryView);
    expect(entries.map((e) => e.kind)).toEqual(expect.arrayContaining([
      'meeting.opened', 'item.takenUp', 'intervention', 'pointOfOrder.ruled', 'list.announced', 'list.closed', 'reply.granted',
      'meeting.suspended', 'meeting.resumed', 'meeting.adjourned',
    ]));
    expect(entries.filter((e) => e.kind === 'intervention')).toHaveLength(5);
    const sen = entries.find((e) => e.interventionId === ids.sen)!;
    expect(sen.text).toMatch(/^Senegal \(Mr\. Cheikh Ndiaye, Permanent Representative\), on behalf of the African Group, took the floor at \d\d:\d\d:\d\d and spoke \d+ s of 7 min\.$/);
    for (const e of entries) expect(e.offsetSeconds).toBeGreaterThanOrEqual(90);
  });

  it('record.summarize and record.correct make new versions that viewers get live; history is kept', async () => {
    const sec = await TestClient.connect(sys.url, tokenOf(access, 'sec'));
    const delegate = await TestClient.connect(sys.url, tokenOf(access, 'gha'));
    try {
      const entryId = steady.events('record').map((e) => e.payload as unknown as RecordEntryView).find((e) => e.interventionId === ids.gha)!.entryId;
      expect(await delegate.cmd('record.summarize', { entryId, summary: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const s = await sec.cmd('record.summarize', { entryId, summary: 'Called for predictable funding of AU-led operations.' }, 'sum-1-ghana');
      expect(s).toMatchObject({ ok: true, entryId, version: 2 });
      expect(await sec.cmd('record.summarize', { entryId, summary: 'again' }, 'sum-1-ghana')).toEqual(s);   // same commandId: applied once
      expect(await sec.cmd('record.correct', { entryId, text: 'x', reason: 'r', expectedVersion: 1 })).toMatchObject({ ok: false, error: { code: 'RECORD_VERSION_CONFLICT' } });
      expect(await sec.cmd('record.correct', { entryId: 'meeting-99999-0', text: 'x', reason: 'r' })).toMatchObject({ ok: false, error: { code: 'RECORD_ENTRY_NOT_FOUND' } });
      const c = await sec.cmd('record.correct', { entryId, text: 'Ghana (Mr. Kwame A. Mensah, Minister for Defence) took the floor.', reason: 'Name as on the list of participants', expectedVersion: 2 });
      expect(c).toMatchObject({ ok: true, version: 3 });
      const revised = await steady.waitFor('record.revised', (e) => (e.payload as any).version === 3);
      expect(revised.payload).toMatchObject({ entryId, version: 3, summary: 'Called for predictable funding of AU-led operations.', revision: { change: 'correction', reason: 'Name as on the list of participants' } });
      const versions = await sys.query<{ version: number }>(`SELECT version FROM record_entry_versions WHERE meeting_id = $1 AND entry_id = $2 ORDER BY version`, [meetingId, entryId]);
      expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
      await flaky.waitFor('record.revised', (e) => (e.payload as any).version === 3);
    } finally { sec.close(); delegate.close(); }
  });

  it('a viewer connected throughout and one that dropped out for 10 s end with the same record, entry for entry', async () => {
    const published = await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_entry_versions WHERE meeting_id = $1`, [meetingId]);
    const settle = async (c: TestClient) => { for (let i = 0; i < 50 && c.seq.record < published[0].n; i++) await sleep(100); };
    await settle(steady);
    await settle(flaky);
    expect(steady.seq.record).toBe(published[0].n);
    expect(flaky.events('record').map(view)).toEqual(steady.events('record').map(view));
    expect(steady.events('record').map((e) => e.seq)).toEqual(Array.from({ length: published[0].n }, (_, i) => i + 1));
    expect(steady.duplicates + flaky.duplicates).toBe(0);
  });

  it('exports the summary record (Markdown, HTML, JSON, PDF), the list of speakers, the press summary, and statistics as CSV and JSON', async () => {
    const get = async (path: string) => { const r = await fetch(`${sys.url}/meetings/${meetingId}/${path}`); expect(r.status).toBe(200); return r; };
    golden('record-debate.md', normalise(await (await get('record.md')).text(), meetingId));
    golden('record-debate.html', normalise(await (await get('record.html')).text(), meetingId));
    golden('speakers-debate.md', normalise(await (await get('speakers.md')).text(), meetingId));
    golden('press-debate.md', normalise(await (await get('press.md')).text(), meetingId));
    const json = await (await get('record.json')).json();
    expect(json.interventions).toHaveLength(5);
    expect(json.entries.find((e: any) => e.interventionId === ids.gha).history).toHaveLength(3);
    const pdf = Buffer.from(await (await get('record.pdf')).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of ['Senegal', 'Norway', 'Summary record', 'The meeting was called to order at']) expect(text).toContain(s);
    expect(text).not.toMatch(/spoke \d/);
    expect(pdfText(Buffer.from(await (await get('speakers.pdf')).arrayBuffer()))).toContain('Senegal');
    expect(await (await get('record.md?lang=fr')).text()).toContain('La séance est ouverte à');
    expect((await fetch(`${sys.url}/meetings/${meetingId}/record.md?lang=xx`)).status).toBe(400);
    expect((await fetch(`${sys.url}/meetings/${meetingId}/press.pdf`)).status).toBe(404);
    const bytes = Buffer.from(await (await get('stats.csv?bom=1')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark spreadsheet programs look for
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toMatch(/^dimension,key,interventions,/);
    expect(csv).toContain('mode,remote,1,');
    const stats = await (await get('stats.json')).json();
    expect(stats.totals.interventions).toBe(5);
    expect(stats.rows.some((r: any) => r.dimension === 'item')).toBe(true);
  });
});
