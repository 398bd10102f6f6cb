import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { TEST_OPERATOR_KEY, TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { focusSettlesOn } from './support/browser';

// Issue 11 in a real browser (Debian's Chromium) against the real system: the viewer on a phone
// (390×844), the moderator, the secretariat, the record editor and the room display — each
// role's main flow by keyboard only and by mouse, axe left to right and in Arabic (right to left).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildConsoles } = require('../consoles/build.js') as { buildConsoles: (dist: string) => string };

const ROOT = resolve(__dirname, '..');
const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const TZ = 'America/New_York';
/** The meeting's clock time of `iso`, 24-hour — computed here, not by the console. */
const nyTime = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

type Access = Array<{ participantId: string; token: string }>;

describe('consoles: viewer on a phone, moderator, secretariat, room display', () => {
  let sys: TestSystem;
  let browser: Browser;
  let meetingId: string;
  let access: Access;
  const clients: TestClient[] = [];
  const pages: Page[] = [];

  const client = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
  const open = async (path: string, ctx: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }, live = true) => {
    const page = await (await browser.newContext(ctx)).newPage();
    pages.push(page);
    page.on('pageerror', (err) => { throw err; });
    await page.goto(`${sys.url}/console/${path}`);
    if (live) await page.locator('#link-status[data-state="live"]').waitFor({ timeout: 20_000 });
    return page;
  };
  /** Keyboard only: Tab (or Shift+Tab) until the element with `id` has focus, then it is the user's. */
  const tabTo = async (page: Page, id: string, max = 80) => {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((x) => document.activeElement?.id === x, id)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`#${id} not reached with ${max} Tab presses`);
  };
  const axe = async (page: Page, label: string) => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  };
  /** A speech by Ghana from request to end: its record entry follows once the recorder committed it. */
  const speech = async (chair: TestClient, delegate: TestClient, opts: Record<string, unknown> = {}) => {
    expect(await delegate.cmd('floor.request', { type: 'statement', ...opts })).toMatchObject({ ok: true });
    expect(await chair.cmd('chair.next')).toMatchObject({ ok: true });
    expect(await delegate.cmd('speech.start')).toMatchObject({ ok: true });
    expect(await chair.cmd('speech.end')).toMatchObject({ ok: true });
  };

  beforeAll(async () => {
    buildConsoles(join(ROOT, process.env.ROSTRUM_DIST ?? 'dist'));
    mkdirSync(SHOTS, { recursive: true });
    [sys, browser] = await Promise.all([TestSystem.start(), chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })]);
    ({ meetingId, access } = await sys.createMeeting({ ...debateSetup('un-ga'), timeZone: TZ, qna: { moderation: 'pre', anonymity: 'allowed' } as never }) as { meetingId: string; access: Access });
    const chair = await client(tokenOf(access, 'chair'));
    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
  }, 180_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await browser?.close();
    await sys?.stop();
  }, 60_000);

  it('viewer on a phone (390×844): the clock stays pinned, the record follows unless scrolled back, times are the meeting\'s, 24-hour', async () => {
    // A device in Tokyo with a 12-hour US locale: the meeting is in New York.
    const viewer = await open(`viewer?meeting=${meetingId}`, { ...PHONE, locale: 'en-US', timezoneId: 'Asia/Tokyo' });
    const [chair, gha] = [clients[0]!, await client(tokenOf(access, 'gha'))];
    for (let i = 0; i < 3; i++) await speech(chair, gha);
    await viewer.locator('#record li', { hasText: 'Ghana' }).nth(2).waitFor({ timeout: 30_000 });

    // Every time in the record is New York time, HH:mm, whatever the phone's zone and locale.
    const times = await viewer.locator('#record time.at').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('datetime')]));
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (const [shown, iso] of times) expect(shown).toBe(nyTime(iso!));
    expect(times.every(([shown]) => /^\d{2}:\d{2}$/.test(shown!))).toBe(true);

    // A speech in progress: the clock stays on screen at the bottom of a long page.
    expect(await gha.cmd('floor.request', { type: 'statement' })).toMatchObject({ ok: true });
    expect(await chair.cmd('chair.next')).toMatchObject({ ok: true });
    expect(await gha.cmd('speech.start')).toMatchObject({ ok: true });
    await viewer.locator('#clock').waitFor();
    await viewer.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const box = await viewer.locator('#clock').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    expect(await viewer.evaluate(() => window.scrollY)).toBeGreaterThan(0); // the page did scroll: the clock is pinned, not at the top by chance
    expect(await chair.cmd('speech.end')).toMatchObject({ ok: true });

    // At the end of the record: a new entry is scrolled into view.
    const count = await viewer.locator('#record li').count();
    await viewer.locator('#record li').nth(count).waitFor({ timeout: 30_000 });
    await viewer.waitForFunction(() => {
      const items = document.querySelectorAll('#record li');
      const r = items[items.length - 1]!.getBoundingClientRect();
      return r.bottom <= window.innerHeight + 1 && r.top >= 0;
    }, undefined, { timeout: 5_000 });

    // Scrolled back to read: the page stays put and offers the new entries instead.
    // Scroll to the top and wait for the page's own scroll event, so the console has seen it.
    await viewer.evaluate(() => new Promise((done) => { window.addEventListener('scroll', () => done(null), { once: true }); window.scrollTo(0, 0); }));
    await speech(chair, gha);
    const newer = viewer.locator('#record-newer');
    await newer.waitFor({ timeout: 30_000 });
    expect(await newer.textContent()).toMatch(/\d+ new entr/);
    expect(await viewer.evaluate(() => window.scrollY)).toBe(0);
    await newer.click();
    await viewer.waitForFunction(() => window.scrollY > 0);
    await viewer.screenshot({ path: join(SHOTS, 'viewer-phone.png') });
  }, 150_000);

  it('viewer: a question shows "sent, awaiting moderation", then its fate; vote and unvote; answers shown (keyboard and mouse)', async () => {
    const viewer = await open(`viewer?meeting=${meetingId}`, PHONE);
    const mod = await client(tokenOf(access, 'mod'));
    // Keyboard only: reach the question box, type, send with Enter on the button.
    await tabTo(viewer, 'ask-text');
    await viewer.keyboard.type('Will the AU lead the next mission?');
    await tabTo(viewer, 'ask-submit');
    await viewer.keyboard.press('Enter');
    await viewer.locator('#ask-status', { hasText: 'awaiting moderation' }).waitFor({ timeout: 15_000 });
    const first = viewer.locator('#my-questions li').first();
    await first.locator('.fate', { hasText: 'Sent, awaiting moderation' }).waitFor({ timeout: 15_000 });
    const q1 = (await first.getAttribute('data-question'))!;
    expect(await mod.cmd('qna.dismiss', { questionId: q1, reason: 'Outside the agenda item' })).toMatchObject({ ok: true });
    await viewer.locator(`#my-questions li[data-question="${q1}"][data-fate="dismissed"]`, { hasText: 'Outside the agenda item' }).waitFor({ timeout: 15_000 });

    // By mouse: a second question, approved, then answered in writing.
    await viewer.fill('#ask-text', 'Is the 2027 budget agreed?');
    await viewer.click('#ask-submit');
    const mine2 = viewer.locator('#my-questions li', { hasText: '2027 budget' });
    await mine2.waitFor({ timeout: 15_000 });
    const q2 = (await mine2.getAttribute('data-question'))!;
    expect(await mod.cmd('qna.approve', { questionId: q2 })).toMatchObject({ ok: true });
    await viewer.locator(`#my-questions li[data-question="${q2}"][data-fate="published"]`).waitFor({ timeout: 15_000 });

    // Vote and unvote on another viewer's question, with the state visible (aria-pressed, count).
    const other = await client(await sys.viewerToken(meetingId));
    const asked = await other.cmd('qna.ask', { text: 'How are costs shared?' }) as { ok: boolean; seq?: number };
    expect(asked.ok).toBe(true);
    const qo = `q${Number(q2.slice(1)) + 1}`;
    expect(await mod.cmd('qna.approve', { questionId: qo })).toMatchObject({ ok: true });
    const vote = viewer.locator(`#vote-${qo}`);
    await vote.waitFor({ timeout: 15_000 });
    expect(await vote.getAttribute('aria-pressed')).toBe('false');
    await vote.click();
    await viewer.locator(`#vote-${qo}[aria-pressed="true"]`).waitFor();
    expect(await viewer.locator(`#votes-${qo}`).textContent()).toBe('1');
    await tabTo(viewer, `vote-${qo}`);
    await viewer.keyboard.press('Enter');                                                   // unvote by keyboard
    await viewer.locator(`#vote-${qo}[aria-pressed="false"]`).waitFor();
    expect(await viewer.locator(`#votes-${qo}`).textContent()).toBe('0');

    expect(await mod.cmd('qna.answer', { questionId: q2, mode: 'written', text: 'Yes: the Fifth Committee agreed it in December.' })).toMatchObject({ ok: true });
    await viewer.locator(`#my-questions li[data-question="${q2}"][data-fate="answered"]`, { hasText: 'Fifth Committee' }).waitFor({ timeout: 15_000 });
    await viewer.locator(`#questions li[data-question="${q2}"] .answer-text`, { hasText: 'Fifth Committee' }).waitFor();
    await viewer.screenshot({ path: join(SHOTS, 'viewer-phone-questions.png'), fullPage: true });
  }, 120_000);

  it('moderator: approve by keyboard, highlight with a preview of the big screen, written answer, dismiss with a reason, archive by mouse', async () => {
    const moderator = await open(`moderator?token=${encodeURIComponent(tokenOf(access, 'mod'))}`);
    const asker = await client(await sys.viewerToken(meetingId));
    expect(await asker.cmd('qna.ask', { text: 'What of the women, peace and security agenda?' })).toMatchObject({ ok: true });
    expect(await asker.cmd('qna.ask', { text: 'Buy cheap watches' })).toMatchObject({ ok: true });
    const row = moderator.locator('#queue li', { hasText: 'women, peace' });
    await row.waitFor({ timeout: 15_000 });
    const id = (await row.getAttribute('data-question'))!;
    const spam = (await moderator.locator('#queue li', { hasText: 'cheap watches' }).getAttribute('data-question'))!;

    await tabTo(moderator, `approve-${id}`);
    await moderator.keyboard.press('Enter');
    await moderator.locator(`#board li[data-question="${id}"]`).waitFor({ timeout: 15_000 });
    await tabTo(moderator, `highlight-${id}`);
    await moderator.keyboard.press('Enter');
    await moderator.locator('#preview-d-question', { hasText: 'women, peace' }).waitFor({ timeout: 15_000 });

    await moderator.click(`#dismiss-${spam}`);
    await moderator.fill(`#dismiss-text-${spam}`, 'Advertising');
    await moderator.click(`#dismiss-send-${spam}`);
    await moderator.locator(`#aside li[data-question="${spam}"]`, { hasText: 'Advertising' }).waitFor({ timeout: 15_000 });

    await moderator.click(`#answer-${id}`);
    expect(await focusSettlesOn(moderator, `answer-text-${id}`)).toBe(`answer-text-${id}`); // focus goes to the answer box
    await moderator.keyboard.type('UN Women and the AU co-lead it.');
    await moderator.click(`#answer-send-${id}`);
    await moderator.locator(`#answered li[data-question="${id}"]`, { hasText: 'co-lead' }).waitFor({ timeout: 15_000 });
    await moderator.click(`#archive-${id}`);
    await moderator.locator(`#aside li[data-question="${id}"]`).waitFor({ timeout: 15_000 });
    await moderator.screenshot({ path: join(SHOTS, 'moderator.png'), fullPage: true });
  }, 90_000);

  it('room display at /console/display?meeting=ID: speaker with delegation and capacity, clock, next three, highlighted question; 16:9', async () => {
    const display = await open(`display?meeting=${meetingId}`, { viewport: { width: 1920, height: 1080 } });
    const [chair, sen, gha, nor, egy, mod] = [clients[0]!, ...await Promise.all(['sen', 'gha', 'nor', 'egy', 'mod'].map((p) => client(tokenOf(access, p))))];
    expect(await sen.cmd('floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } })).toMatchObject({ ok: true });
    for (const d of [gha!, nor!, egy!]) expect(await d.cmd('floor.request', { type: 'statement' })).toMatchObject({ ok: true });
    expect(await chair.cmd('chair.next')).toMatchObject({ ok: true });
    expect(await sen!.cmd('speech.start')).toMatchObject({ ok: true });
    const asker = await client(await sys.viewerToken(meetingId));
    expect(await asker.cmd('qna.ask', { text: 'How will missions be financed?' })).toMatchObject({ ok: true });
    const board = (mod!.snapshot as { qna: { state: { questions: unknown[] } } }).qna.state.questions.length;
    const qid = `q${board + 1}`;
    await mod!.waitFor('qna.asked', (d) => (d.payload as { questionId: string }).questionId === qid);
    expect(await mod!.cmd('qna.approve', { questionId: qid })).toMatchObject({ ok: true });
    expect(await mod!.cmd('qna.highlight', { questionId: qid })).toMatchObject({ ok: true });

    await display.locator('#d-delegation', { hasText: 'Senegal, on behalf of the African Group' }).waitFor({ timeout: 15_000 });
    await display.locator('#d-clock').waitFor();
    expect(await display.locator('#d-clock').textContent()).toMatch(/^\d+:\d{2}$/);
    await display.locator('#d-question', { hasText: 'financed' }).waitFor({ timeout: 15_000 });
    const next = await display.locator('#d-next li').allTextContents();
    expect(next.map((t) => t.split(' — ')[0])).toEqual(['Ghana', 'Norway', 'Egypt']);
    const box = (await display.locator('#room-display').boundingBox())!;
    expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);
    await display.screenshot({ path: join(SHOTS, 'display.png') });
    expect(await sen!.cmd('speech.end')).toMatchObject({ ok: true });
  }, 90_000);

  it('secretariat: the operator key by keyboard, a setup without JSON keeps time zone and body, links with copy and expiry, re-issue', async () => {
    const page = await open('secretariat', { viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] }, false);
    await tabTo(page, 'op-key');
    await page.keyboard.type(TEST_OPERATOR_KEY);
    await page.keyboard.press('Enter');
    await page.locator(`#meetings tr[data-meeting="${meetingId}"]`).waitFor({ timeout: 15_000 });
    expect(await page.locator(`#meetings tr[data-meeting="${meetingId}"] .tz`).textContent()).toBe(TZ);

    // Set up a meeting with the form (prefilled with the seed conference): no JSON anywhere.
    await page.click('#setup-summary');
    await page.locator('#m-title').waitFor();
    expect(await page.locator('.setup-form textarea, .setup-form input').evaluateAll((els) => els.some((e) => /^\s*[{[]/.test((e as HTMLInputElement).value)))).toBe(false);
    await page.fill('#m-id', 'wps-lunch');
    await page.fill('#m-title', 'Working lunch on Women, Peace and Security');
    await page.fill('#m-body', 'Co-convened by Norway and Ghana');
    await page.fill('#m-timeZone', 'Europe/Zurich');
    await page.fill('#m-presidingName', 'Ms. Ingrid Berg');
    await page.fill('#m-defaultSeconds', '180');
    await page.click('#setup-create');
    await page.locator('#links-h', { hasText: 'wps-lunch' }).waitFor({ timeout: 20_000 });
    const stored = await (await fetch(`${sys.url}/meetings/wps-lunch`, { headers: { 'x-operator-key': TEST_OPERATOR_KEY } })).json() as Record<string, unknown> & { participants: Array<{ role: string; name: string }>; profile: { time: { defaultSeconds: number } } };
    expect(stored).toMatchObject({ timeZone: 'Europe/Zurich', body: 'Co-convened by Norway and Ghana', venue: expect.stringContaining('ECOSOC'), symbol: expect.any(String) });
    expect(stored.participants.find((p) => p.role === 'chair')!.name).toBe('Ms. Ingrid Berg');
    expect(stored.profile.time.defaultSeconds).toBe(180);

    // Its links: each participant with status, expiry in the meeting's time and a working link; copy by mouse.
    const row = page.locator('#access tr', { has: page.locator('th', { hasText: 'Ms. Ingrid Berg' }) });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('active');
    const chairId = (await row.getAttribute('data-participant'))!;
    expect(await page.locator(`#expires-${chairId}`).textContent()).toMatch(/\d{2}:\d{2}/);
    const link = await page.locator(`#link-${chairId}`).inputValue();
    await page.click(`#copy-${chairId}`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const oldToken = new URL(link).searchParams.get('token')!;

    // Leave and come back: the same links are listed by the server, not from page memory.
    await page.reload();
    await page.click('#links-wps-lunch');
    expect(await page.locator(`#link-${chairId}`).inputValue()).toBe(link);

    // Re-issue by keyboard: asked once more, then a new link; the old one stops.
    await tabTo(page, `reissue-${chairId}`);
    await page.keyboard.press('Enter');
    expect(await focusSettlesOn(page, `reissue-confirm-${chairId}`)).toBe(`reissue-confirm-${chairId}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(([id, old]) => (document.getElementById(`link-${id}`) as HTMLInputElement | null)?.value !== old, [chairId, link] as const, { timeout: 15_000 });
    await expect(TestClient.connect(sys.url, oldToken)).rejects.toMatchObject({ data: { code: 'TOKEN_REVOKED' } });
    expect(await page.content()).not.toContain(TEST_OPERATOR_KEY);
    await page.screenshot({ path: join(SHOTS, 'secretariat.png'), fullPage: true });
  }, 120_000);

  it('the record editor is its own page, with a secretariat link and no operator key; an old secretariat link still reaches it', async () => {
    const editor = await open(`secretariat?token=${encodeURIComponent(tokenOf(access, 'sec'))}`);
    expect(new URL(editor.url()).pathname).toMatch(/\/console\/record$/);
    await editor.locator('#record li').first().waitFor({ timeout: 20_000 });
    expect(await editor.locator('#op-key').count()).toBe(0);
    expect(await editor.content()).not.toContain(TEST_OPERATOR_KEY);
    const entry = editor.locator('#record li', { hasText: 'Ghana' }).first();
    await entry.locator('summary').click();
    const id = (await entry.getAttribute('data-entry'))!.replace(/[^A-Za-z0-9_-]/g, '_');
    await editor.fill(`#sum-${id}`, 'Ghana stressed predictable financing for AU-led operations.');
    await editor.click(`#sum-save-${id}`);
    await editor.locator('#record li .summary', { hasText: 'predictable financing' }).waitFor({ timeout: 20_000 });
  }, 90_000);

  // One language per test: ten pages with axe take minutes on a loaded machine.
  it.each(['en', 'ar'])('axe (%s): no serious or critical violation on the viewer, moderator, secretariat, record editor and display; Arabic lays them out right to left', async (lang) => {
    const problems: string[] = [];
    // A viewer link (an anonymous viewer's `?meeting=` is swapped for its token, the language with it).
    const viewerToken = encodeURIComponent(await sys.viewerToken(meetingId));
    {
      const targets: Array<[string, string, BrowserContextOptions | undefined, boolean]> = [
        ['viewer', `viewer?token=${viewerToken}&lang=${lang}`, PHONE, true],
        ['moderator', `moderator?token=${encodeURIComponent(tokenOf(access, 'mod'))}&lang=${lang}`, undefined, true],
        ['record', `record?token=${encodeURIComponent(tokenOf(access, 'sec'))}&lang=${lang}`, undefined, true],
        ['display', `display?token=${viewerToken}&lang=${lang}`, { viewport: { width: 1920, height: 1080 } }, true],
        ['secretariat', `secretariat?lang=${lang}`, undefined, false],
      ];
      for (const [name, path, ctx, live] of targets) {
        const page = await open(path, ctx, live);
        if (name === 'secretariat') {
          await page.fill('#op-key', TEST_OPERATOR_KEY);
          await page.click('#op-key-use');
          await page.locator('#meetings').waitFor({ timeout: 15_000 });
          await page.click(`#links-${meetingId}`);
          await page.locator('#access').waitFor({ timeout: 15_000 });
          await page.click('#setup-summary');
        }
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        problems.push(...await axe(page, `${name} (${lang})`));
        await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`), fullPage: name !== 'display' });
        await page.context().close();
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
