import { STATEMENT_PDF_MAX_BYTES, checkStatementUpload, matchStatements, mayReadStatement, maySubmitStatement, type StatementRecord } from './statements';
import { interventions } from './export/__fixtures__/debate.fixture';
import { withSetupDetails } from './intervention';

const st = (over: Partial<StatementRecord>): StatementRecord => ({ statementId: 's', delegationId: 'GHA', text: 'x', submittedBy: 'p', submittedAt: 1, ...over });
const pdfHead = Buffer.from('%PDF-1.7');

describe('speaker details from the setup', () => {
  it('adds gender and language (matched by delegation and name) and the category (explicit, else implied by the tier)', () => {
    const bare = interventions.slice(0, 2).map(({ gender: _g, language: _l, category: _c, ...i }) => i);
    const setup = {
      delegations: [{ id: 'GHA', name: 'Ghana', tier: 'members', groups: [] }, { id: 'SEN', name: 'Senegal', tier: 'igo-observers', groups: [], category: 'regional-economic-community' }],
      participants: [{ id: 'g', name: 'Mr. Kwame Mensah', level: 'minister' as const, role: 'delegate' as const, delegationId: 'GHA', gender: 'male', language: 'en' }],
    };
    const [gha, sen] = withSetupDetails(bare, setup);
    expect(gha).toMatchObject({ gender: 'male', language: 'en', category: 'member-state' });
    expect(sen).toMatchObject({ category: 'regional-economic-community' });
    expect(sen.gender).toBeUndefined();
    expect(withSetupDetails(bare, undefined)).toBe(bare);
  });
});

describe('e-Statements (pure rules)', () => {
  it('an upload must be a PDF by type and by its first bytes, and within the size limit; text alone is fine, nothing is not', () => {
    expect(checkStatementUpload('Our statement')).toBeUndefined();
    expect(checkStatementUpload('  ')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(checkStatementUpload('', { mimetype: 'application/pdf', size: 10, head: pdfHead })).toBeUndefined();
    expect(checkStatementUpload('', { mimetype: 'image/png', size: 10, head: pdfHead })).toMatchObject({ code: 'STATEMENT_NOT_PDF' });
    expect(checkStatementUpload('', { mimetype: 'application/pdf', size: 10, head: Buffer.from('<html>') })).toMatchObject({ code: 'STATEMENT_NOT_PDF' });
    expect(checkStatementUpload('', { mimetype: 'application/pdf', size: STATEMENT_PDF_MAX_BYTES, head: pdfHead })).toBeUndefined();
    expect(checkStatementUpload('', { mimetype: 'application/pdf', size: STATEMENT_PDF_MAX_BYTES + 1, head: pdfHead })).toMatchObject({ code: 'STATEMENT_TOO_LARGE' });
  });

  it('a statement is delivered by the intervention it was submitted for, else by the delegation\'s next one on its item', () => {
    const m = matchStatements([
      st({ statementId: 'a', entryId: 'i1' }),
      st({ statementId: 'b', delegationId: 'SEN', itemId: 'item-1' }),
      st({ statementId: 'c', delegationId: 'SEN', itemId: 'item-2' }),
      st({ statementId: 'd', entryId: 'i2' }), // submitted for Senegal's speech by Ghana: not Ghana's delivery
      st({ statementId: 'e', entryId: 'not-yet' }),
    ], interventions);
    expect([...m]).toEqual([['a', 'i1'], ['b', 'i2']]);
  });

  it('who reads before delivery: staff, interpreters and the delegation; after: everyone. Who submits: the delegation or the secretariat', () => {
    const s = st({});
    expect(['secretariat', 'chair', 'interpreter'].every((role) => mayReadStatement({ role }, s, false))).toBe(true);
    expect(mayReadStatement({ role: 'delegate', delegationId: 'GHA' }, s, false)).toBe(true);
    expect(mayReadStatement({ role: 'delegate', delegationId: 'NOR' }, s, false)).toBe(false);
    expect(mayReadStatement({ role: 'moderator' }, s, false)).toBe(false);
    expect(mayReadStatement(undefined, s, false)).toBe(false);
    expect(mayReadStatement(undefined, s, true)).toBe(true);
    expect(maySubmitStatement({ role: 'delegate', delegationId: 'GHA' }, 'GHA')).toBe(true);
    expect(maySubmitStatement({ role: 'delegate', delegationId: 'GHA' }, 'NOR')).toBe(false);
    expect(maySubmitStatement({ role: 'secretariat' }, 'NOR')).toBe(true);
    expect(maySubmitStatement({ role: 'interpreter' }, 'GHA')).toBe(false);
  });
});
