import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_OPERATOR_KEY, TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

// Issue 6: the consoles in a real browser (Debian's Chromium) against the real system.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildConsoles } = require('../consoles/build.js') as { buildConsoles: (dist: string) => string };

const ROOT = resolve(__dirname, '..');
const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('consoles in a browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  let meetingId: string;
  let access: Array<{ participantId: string; token: string }>;
  let chair: Page, delegate: Page, viewer: Page;
  const clients: TestClient[] = [];
  const url = (role: string, token: string) => `${sys.url}/console/${role}?token=${encodeURIComponent(token)}`;
  const open = async (role: string, token: string, width = 1100) => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage(); // axe needs a context of its own
    page.on('pageerror', (err) => { throw err; });
    await page.goto(url(role, token));
    await page.locator('#link-status[data-state="live"]').waitFor({ timeout: 15_000 });
    return page;
  };
  const client = async (id: string) => { const c = await TestClient.connect(sys.url, tokenOf(access, id)); clients.push(c); return c; };

  beforeAll(async () => {
    buildConsoles(join(ROOT, process.env.ROSTRUM_DIST ?? 'dist'));
    mkdirSync(SHOTS, { recursive: true });
    [sys, browser] = await Promise.all([TestSystem.start(), chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })]);
    ({ meetingId, access } = await sys.createMeeting(debateSetup('un-ga')));
    const c = await client('chair');
    expect(await c.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await c.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    [chair, delegate, viewer] = await Promise.all([
      open('chair', tokenOf(access, 'chair')), open('delegate', tokenOf(access, 'gha')), open('viewer', await sys.viewerToken(meetingId), 390),
    ]);
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await browser?.close();
    await sys?.stop();
  }, 60_000);

  it('a delegate requests the floor, the chair grants it, the delegate is told it has the floor, the viewer sees the record', async () => {
    // Everything the assertive live region says, recorded as it happens (a later announcement
    // may replace it before anyone polls the text).
    await delegate.evaluate(() => {
      const region = document.getElementById('announce-assertive')!;
      const spoken: string[] = ((window as unknown as { spoken: string[] }).spoken = []);
      new MutationObserver(() => { if (region.textContent) spoken.push(region.textContent); }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await delegate.click('#req-type-statement');
    await delegate.click('#request-floor');
    const row = chair.locator('#speakers li', { hasText: 'Ghana' });
    await row.waitFor();
    await row.getByRole('button', { name: /Give the floor to Ghana/ }).click();
    await delegate.locator('#banner', { hasText: 'You have the floor' }).waitFor();
    // Screen readers are told too (the live region is refilled a moment after the banner).
    await delegate.waitForFunction(() => (window as unknown as { spoken: string[] }).spoken.some((t) => /you have the floor/i.test(t)));

    await delegate.click('#start-speech');
    await chair.locator('#clock').waitFor();
    await viewer.locator('#clock').waitFor();
    await chair.click('#speech-end');
    await chair.click('#ask[open] #ask-confirm');                 // ending a speech early is confirmed
    // The intervention reaches the viewer's running record once the recorder committed it.
    await viewer.locator('#record li', { hasText: 'Ghana' }).first().waitFor({ timeout: 20_000 });
  }, 90_000);

  it('a point of order raises an alert on the chair console that cannot be missed', async () => {
    const gbr = await client('gbr');
    const nor = await client('nor');
    expect(await nor.cmd('floor.request', { type: 'statement', mode: 'remote' })).toMatchObject({ ok: true });
    await chair.click('#chair-next');
    await chair.click('#speech-start');
    expect(await gbr.cmd('floor.request', { type: 'point-of-order', text: 'The speaker strays from the item' })).toMatchObject({ ok: true });
    const alert = chair.locator('#poo-alert');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain('United Kingdom');
    expect(await chair.title()).toMatch(/Point of order/);
    await chair.screenshot({ path: join(SHOTS, 'chair-point-of-order.png'), fullPage: true });
  }, 60_000);

  it('every console passes an axe scan with no serious or critical violation; screenshots', async () => {
    const asker = await TestClient.connect(sys.url, await sys.viewerToken(meetingId));
    clients.push(asker);
    expect(await asker.cmd('qna.ask', { text: 'How will the AU and the UN share the cost of partnership missions?' })).toMatchObject({ ok: true });
    const pages: Array<[string, Page]> = [
      ['chair', chair], ['delegate', delegate], ['viewer', viewer],
      ['moderator', await open('moderator', tokenOf(access, 'mod'))],
      ['secretariat', await open('secretariat', tokenOf(access, 'sec'))],
    ];
    await pages[3]![1].locator('.question').first().waitFor();
    const problems: string[] = [];
    for (const [role, page] of pages) {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        problems.push(`${role}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
      await page.screenshot({ path: join(SHOTS, `${role}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
  }, 180_000);                                                     // five axe scans: slow on a loaded 2-core machine

  it('the viewer uses ?webcast= only when it is http(s): a javascript: URL never becomes a link target', async () => {
    const put = await fetch(`${sys.url}/meetings/${meetingId}/webcast`, {
      method: 'PUT', headers: { 'content-type': 'application/json', 'x-operator-key': TEST_OPERATOR_KEY }, body: JSON.stringify({ startedAt: new Date(Date.now() - 60_000).toISOString() }),
    });
    expect(put.status).toBe(200);
    const c = clients[0]!;
    expect(await c.cmd('chair.callToOrder', { text: 'The meeting will come to order.' })).toMatchObject({ ok: true });
    const viewerToken = await sys.viewerToken(meetingId);
    const hrefs: Record<string, string[]> = {};
    for (const webcast of ['javascript:alert(document.domain)', 'https://webtv.example.org/live']) {
      const page = await (await browser.newContext()).newPage();
      page.on('pageerror', (err) => { throw err; });
      await page.goto(`${url('viewer', viewerToken)}&webcast=${encodeURIComponent(webcast)}`);
      await page.locator('a.timecode').first().waitFor({ timeout: 20_000 });
      hrefs[webcast] = await page.locator('a.timecode').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
      await page.context().close();
    }
    expect(hrefs['javascript:alert(document.domain)']!.every((h) => h.startsWith('#t='))).toBe(true);
    expect(hrefs['https://webtv.example.org/live']!.every((h) => h.startsWith('https://webtv.example.org/live#t='))).toBe(true);
  }, 60_000);

  it('an anonymous viewer keeps one identity per browser: a second tab reuses it', async () => {
    const context = await browser.newContext();
    const subs: string[] = [];
    for (let tab = 0; tab < 2; tab++) {
      const page = await context.newPage();
      page.on('pageerror', (err) => { throw err; });
      await page.goto(`${sys.url}/console/viewer?meeting=${meetingId}`);
      await page.locator('#link-status[data-state="live"]').waitFor({ timeout: 15_000 });
      const token = new URL(page.url()).searchParams.get('token')!;
      subs.push(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub);
    }
    await context.close();
    expect(subs[0]).toMatch(/^viewer-/);
    expect(subs[1]).toBe(subs[0]);
  }, 60_000);

  it('a console whose access is withdrawn shows why and stops reconnecting', async () => {
    const page = await open('delegate', tokenOf(access, 'nor'));
    const res = await fetch(`${sys.url}/meetings/${meetingId}/participants/nor/token`, { method: 'POST', headers: { 'x-operator-key': TEST_OPERATOR_KEY } });
    expect(res.status).toBe(201);
    await page.locator('#link-status[data-state="refused"]', { hasText: 'TOKEN_REVOKED' }).waitFor({ timeout: 5_000 });
    await page.context().close();
  }, 30_000);
});
