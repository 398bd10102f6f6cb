import { LEVELS } from '@rostrum/contracts';
import { TestClient, TestSystem, tokenOf } from '@rostrum/testing';
import { assemblySetup, levelOf, STATES } from './support/assembly';
import { eventOf, floorView, ok, waitUntil } from './support/floor';

// Issue 16, end to end: a general debate whose list opens before any meeting (R46), is
// established by level then time with slots (R47), runs over three meetings carrying its
// speakers over (R45), with an exchange of places (R48) — real sockets and REST.
const MIN = 60_000;
type Row = { place: number | null; delegationId: string; sitting: number | null; estimatedAt: string | null; status: string };

describe('general debate: one list across three meetings', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];

  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']); }, 60_000);
  afterAll(async () => { while (clients.length) clients.pop()!.close(); await sys?.stop(); }, 30_000);

  it('R45 R46 R47 R48 40 delegations inscribed ahead through REST, an exchange of places, speakers carried over from meeting to meeting', async () => {
    const now = Date.now();
    const day = Date.UTC(2031, 8, 23, 9);                           // planned meetings, 10/10/25 slots of 60 s
    const sittings = [[0, 10], [6 * 60, 10], [24 * 60, 25]].map(([start, slots]) => ({
      startsAt: new Date(day + start! * MIN).toISOString(), endsAt: new Date(day + start! * MIN + slots! * MIN).toISOString(),
    }));
    const { meetingId, access } = await sys.createMeeting(assemblySetup(41, {
      inscription: { opensAt: new Date(now - 60 * MIN).toISOString(), closesAt: new Date(now + 60 * MIN).toISOString(), slotSeconds: 60 },
    }, { sittings }));
    const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
    const chair = await connect(tokenOf(access, 'chair'));
    const sec = await connect(tokenOf(access, 'sec'));
    const viewer = await connect(await sys.viewerToken(meetingId));
    const ahead = STATES.slice(0, 40);
    const sockets = new Map<string, TestClient>();
    for (const code of ['ARG', 'BRA', 'KEN']) sockets.set(code, await connect(tokenOf(access, code.toLowerCase())));

    // R46: inscription through the API before any meeting runs; each answer carries the provisional place.
    const post = (code: string, body: Record<string, unknown> = {}, token = tokenOf(access, code.toLowerCase())) =>
      fetch(`${sys.url}/meetings/${meetingId}/items/gd/inscriptions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answers = new Map<string, Record<string, any>>();
    for (const [code] of ahead) {
      const res = await post(code);
      expect(res.status).toBe(201);
      answers.set(code, await res.json());
    }
    expect((await post('ARG')).status).toBe(409);                               // R4: one waiting entry
    expect((await post('ARG', { delegationId: 'BRA' })).status).toBe(403);      // R8
    // Reference order (R47, from RULES.md): level first (R12), then time of inscription (R9).
    const rank = (i: number) => LEVELS.indexOf(levelOf(i));
    const reference = ahead.map(([code], i) => ({ code, i })).sort((a, b) => rank(a.i) - rank(b.i) || a.i - b.i).map((x) => x.code);
    // The last one inscribed learns its final place; its answer agrees with the list.
    const last = answers.get(ahead[39]![0])!;
    expect(last).toMatchObject({ ok: true, delegationId: ahead[39]![0], place: reference.indexOf(ahead[39]![0]) + 1 });
    // The acknowledgement is also an event to the delegation (and not to others).
    const ack = await sockets.get('KEN')!.waitFor('inscription.acknowledged', (e) => (e.payload as { delegationId: string }).delegationId === 'KEN');
    expect(ack.payload).toMatchObject({ entryId: answers.get('KEN')!.entryId, place: answers.get('KEN')!.place });
    expect(viewer.events().filter((e) => e.type === 'inscription.acknowledged')).toEqual([]);

    // R47: the published list, by level then time, with provisional meeting and estimated time.
    const list = async () => (await (await fetch(`${sys.url}/meetings/${meetingId}/items/gd/speakers.json`)).json()) as { speakers: Row[] };
    const published = (await list()).speakers;
    expect(published.map((s) => s.delegationId)).toEqual(reference);
    expect(published.map((s) => s.sitting)).toEqual([...Array(10).fill(1), ...Array(10).fill(2), ...Array(20).fill(3)]);
    expect(published[10]!.estimatedAt).toBe(sittings[1]!.startsAt);
    expect(published[11]!.estimatedAt).toBe(new Date(Date.parse(sittings[1]!.startsAt) + MIN).toISOString());
    const html = await (await fetch(`${sys.url}/meetings/${meetingId}/items/gd/speakers.html`)).text();
    expect(html).toContain('List of speakers: General debate');
    expect(html).toContain('2nd meeting, ');
    expect(html.indexOf(STATES.find(([c]) => c === reference[0])![1])).toBeLessThan(html.indexOf(STATES.find(([c]) => c === reference[39])![1]));
    const pdf = Buffer.from(await (await fetch(`${sys.url}/meetings/${meetingId}/items/gd/speakers.pdf`)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // R48: Argentina (1st meeting) and Brazil exchange places; confirmed, then approved by the secretariat.
    const entryOf = (code: string) => answers.get(code)!.entryId as string;
    const [a, b] = ['ARG', 'BRA'].sort((x, y) => reference.indexOf(x) - reference.indexOf(y));
    const proposed = eventOf(await ok(sockets.get(a!)!, 'place.propose', { entryId: entryOf(a!), withEntryId: entryOf(b!) }), 'exchange.proposed').payload;
    await ok(sockets.get(b!)!, 'place.confirm', { exchangeId: proposed.exchangeId });
    await ok(sec, 'place.approve', { exchangeId: proposed.exchangeId });
    const expected = reference.map((c) => (c === a ? b! : c === b ? a! : c));
    expect((await list()).speakers.map((s) => s.delegationId)).toEqual(expected);

    // Three meetings: 8 speakers in the 1st, 10 in the 2nd, the rest in the 3rd.
    const heard: string[] = [];
    const hear = async (n: number) => {
      for (let k = 0; k < n; k++) {
        heard.push(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload.entry.delegationId);
        await ok(chair, 'speech.start');
        await ok(chair, 'speech.end');
      }
    };
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'gd' });
    await hear(8);
    const rose = eventOf(await ok(chair, 'meeting.rise'), 'meeting.rose').payload;
    expect(rose.carriedOver[0].entryIds).toHaveLength(32);
    // A head of state inscribing late comes after the speakers carried over (R45), not before them.
    // The secretariat inscribes it (a delegate's own speaker and level come from its registration).
    const late = await post('VNM', { delegationId: 'VNM', speaker: { name: 'President of Viet Nam', level: 'head-of-state' } }, tokenOf(access, 'sec'));
    expect(late.status).toBe(201);
    expect(await late.json()).toMatchObject({ place: 33 });
    expect(eventOf(await ok(chair, 'meeting.open'), 'meeting.opened').payload).toEqual({ sitting: 2 });
    expect((await floorView(viewer)).lists.gd.speakers[0].delegationId).toBe(expected[8]);  // the list resumes where it stopped
    await hear(10);
    await ok(chair, 'meeting.rise');
    await ok(chair, 'meeting.open');
    await hear(23);
    expect(heard).toEqual([...expected, 'VNM']);

    // The debate's list says where each was heard; the record numbers the meetings and names the list.
    const final = (await list()).speakers;
    expect(final.map((s) => [s.delegationId, s.status, s.sitting])).toEqual([...expected, 'VNM'].map((c, i) => [c, 'heard', i < 8 ? 1 : i < 18 ? 2 : 3]));
    const texts = () => viewer.events('record').map((e) => String((e.payload as { text: string }).text));
    await waitUntil(() => texts().some((t) => t.startsWith('The 3rd meeting was called to order')), 'record of the 3rd meeting', 20_000);
    expect(texts().filter((t) => /^The (\d\w\w )?meeting (rose|was called to order)/.test(t)).map((t) => t.replace(/ at \d\d:\d\d:\d\d/, ''))).toEqual([
      'The meeting was called to order.',
      'The 1st meeting rose. Not reached: 32 speakers on the list of speakers on General debate; they keep their places at the head of the list at the next meeting.',
      'The 2nd meeting was called to order.',
      'The 2nd meeting rose. Not reached: 23 speakers on the list of speakers on General debate; they keep their places at the head of the list at the next meeting.',
      'The 3rd meeting was called to order.',
    ]);
    expect(texts()).toContain(`${STATES.find(([c]) => c === a)![1]} and ${STATES.find(([c]) => c === b)![1]} exchanged places on the list of speakers on General debate (proposed by ${STATES.find(([c]) => c === a)![1]}, confirmed by ${STATES.find(([c]) => c === b)![1]}, approved by the Secretariat).`);
  }, 180_000);
});
