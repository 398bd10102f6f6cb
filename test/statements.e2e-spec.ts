import type { EventEnvelope } from '@rostrum/contracts';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { eventually, sleep } from './record-debate.helpers';

type Access = Array<{ participantId: string; token: string }>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

// Issue 12: e-Statements — submitted by a delegation, read ahead by interpreters and the
// secretariat ("check against delivery"), published with the record after delivery.
describe('e-Statements', () => {
  let sys: TestSystem;
  let meetingId: string;
  let access: Access;
  const url = (p: string) => `${sys.url}/meetings/${meetingId}/${p}`;
  const as = (id?: string): Record<string, string> => (id ? { authorization: `Bearer ${tokenOf(access, id)}` } : {});
  const submit = (who: string, fields: Record<string, string>, pdf?: { bytes: Buffer; type: string }) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (pdf) form.append('pdf', new Blob([new Uint8Array(pdf.bytes)], { type: pdf.type }), 'statement.pdf');
    return fetch(url('statements'), { method: 'POST', headers: as(who), body: form });
  };
  const list = async (who?: string) => (await (await fetch(url('statements'), { headers: as(who) })).json()).statements as Array<Record<string, any>>;
  const count = async () => (await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements WHERE meeting_id = $1`, [meetingId]))[0].n;

  beforeAll(async () => {
    sys = await TestSystem.start(['floor', 'recorder', 'gateway']);
    ({ meetingId, access } = await sys.createMeeting({ ...debateSetup('un-ga'), symbol: 'PK-AFRICA/2026/SR.3', session: 'Peacekeeping conference', meetingNumber: 3 }));
  }, 90_000);
  afterAll(() => sys?.stop(), 30_000);

  it('wrong type, too large, someone else\'s delegation or a viewer: a clear error and nothing stored', async () => {
    const png = await submit('gha', { text: 'Our statement' }, { bytes: Buffer.from('\x89PNG\r\n\x1a\n'), type: 'image/png' });
    expect(png.status).toBe(415);
    expect((await png.json()).error.code).toBe('STATEMENT_NOT_PDF');
    const fake = await submit('gha', { text: 'x' }, { bytes: Buffer.from('not a pdf at all'), type: 'application/pdf' });
    expect((await fake.json()).error.code).toBe('STATEMENT_NOT_PDF');
    const big = await submit('gha', { text: 'x' }, { bytes: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), type: 'application/pdf' });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('STATEMENT_TOO_LARGE');
    const other = await submit('gha', { delegationId: 'NOR', text: 'Norway says…' });
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe('NOT_YOUR_DELEGATION');
    const interp = await submit('int', { delegationId: 'GHA', text: 'x' });
    expect((await interp.json()).error.code).toBe('FORBIDDEN');
    const anon = await fetch(url('statements'), { method: 'POST', body: new FormData() });
    expect(anon.status).toBe(401);
    expect(await count()).toBe(0);
  });

  it('before delivery the secretariat and interpreters read it (check against delivery), other delegations and the public do not; after delivery everyone does, with the record entry', async () => {
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    const gha = await TestClient.connect(sys.url, tokenOf(access, 'gha'));
    const interpreter = await TestClient.connect(sys.url, tokenOf(access, 'int'));
    try {
      expect((await chair.cmd('meeting.open')).ok).toBe(true);
      expect((await chair.cmd('item.takeUp', { itemId: 'item-1' })).ok).toBe(true);
      const req = await gha.cmd('floor.request', { type: 'statement', language: 'fr' }, 'stmt-req-1');
      const entryId = ((await gha.waitFor('floor.requested', (e) => e.commandId === 'stmt-req-1')) as unknown as EventEnvelope<{ entry: { entryId: string } }>).payload.entry.entryId;
      expect(req.ok).toBe(true);
      // The interpreter sees the next speaker's language on the list of speakers before the floor is given.
      await interpreter.waitFor('floor.view', (v) => JSON.stringify(v).includes(`"entryId":"${entryId}"`) && /"language":"fr"/.test(JSON.stringify(v)));
      expect((await interpreter.cmd('chair.next')).ok).toBe(false);
      const res = await submit('gha', { entryId, language: 'fr', text: 'Le Ghana appelle à un financement prévisible des opérations de paix.' }, { bytes: PDF, type: 'application/pdf' });
      expect(res.status).toBe(201);
      const id = (await res.json()).statement.statementId as string;

      for (const reader of ['sec', 'int', 'chair', 'gha']) {
        expect((await list(reader)).find((s) => s.statementId === id)).toMatchObject({ delivered: false, notice: 'Check against delivery', hasPdf: true, language: 'fr' });
      }
      for (const reader of ['nor', undefined]) expect((await list(reader)).some((s) => s.statementId === id)).toBe(false);
      expect((await fetch(url(`statements/${id}/pdf`))).status).toBe(404);
      const early = await fetch(url(`statements/${id}/pdf`), { headers: as('int') });
      expect(Buffer.from(await early.arrayBuffer()).equals(PDF)).toBe(true);

      expect((await chair.cmd('chair.next')).ok).toBe(true);
      expect((await chair.cmd('speech.start')).ok).toBe(true);
      await sleep(500);
      expect((await chair.cmd('speech.end')).ok).toBe(true);
      const published = await eventually(async () => (await list()).find((s) => s.statementId === id && s.delivered), 30_000, 'the statement published after delivery');
      expect(published).toMatchObject({ interventionId: entryId, recordEntryId: expect.any(String) });
      expect(published.notice).toBeUndefined();
      expect((await fetch(url(`statements/${id}/pdf`))).status).toBe(200);
      // Offered to the secretariat as the draft summary of that intervention; nobody else gets the draft.
      expect((await list('sec')).find((s) => s.statementId === id)).toMatchObject({ draftSummary: 'Le Ghana appelle à un financement prévisible des opérations de paix.' });
      expect((await list('gha')).find((s) => s.statementId === id)!.draftSummary).toBeUndefined();
      // Language of delivery reaches the record.
      const record = await (await fetch(url('record.json'))).json();
      expect(record.interventions.find((i: { entryId: string }) => i.entryId === entryId)).toMatchObject({ language: 'fr' });   // record.json names follow speech.ended's
      // The masthead fields of the setup reach the summary record.
      const md = await (await fetch(url('record.md'))).text();
      for (const s of ['PK-AFRICA/2026/SR.3', 'Peacekeeping conference', '# Summary record of the 3rd meeting']) expect(md).toContain(s);
      expect(record.statements).toEqual([expect.objectContaining({ statementId: id, interventionId: entryId, hasPdf: true, language: 'fr' })]);
    } finally {
      chair.close();
      gha.close();
      interpreter.close();
    }
  });
});
