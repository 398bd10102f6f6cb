import { COMMANDS, ROLES, type Role } from '@rostrum/contracts';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { PAYLOADS } from './support/payloads';
import { act, codeOf, eventOf, floorView, heads, logAsSeenBy, ok, sleep, waitUntil } from './support/floor';

type Access = Array<{ participantId: string; token: string }>;


describe('roles: each role can do exactly what DESIGN.md says, and sees what it may', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };

  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']); }, 60_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  async function meeting() {
    const { meetingId, access } = await sys.createMeeting(debateSetup('un-ga'));
    const byRole: Record<Role, TestClient> = {
      chair: await connect(tokenOf(access, 'chair')),
      secretariat: await connect(tokenOf(access, 'sec')),
      delegate: await connect(tokenOf(access, 'gha')),
      moderator: await connect(tokenOf(access, 'mod')),
      viewer: await connect(await sys.viewerToken(meetingId)),
      interpreter: await connect(tokenOf(access, 'int')),
    };
    await waitUntil(() => byRole.chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === 'GHA'), 'Ghana present');
    return { meetingId, access: access as Access, byRole };
  }

  /** Waits until no stream of the meeting moves for a while (the recorder publishes after the floor). */
  async function settled(c: TestClient) {
    let last = JSON.stringify(await heads(c));
    for (;;) {
      await sleep(600);
      const now = JSON.stringify(await heads(c));
      if (now === last) return JSON.parse(now) as Record<string, number>;
      last = now;
    }
  }

  it('every command × role: a role not in spec.roles gets FORBIDDEN and no stream moves; a role in spec.roles is never FORBIDDEN', async () => {
    expect(Object.keys(PAYLOADS).sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      expect({ name, valid: COMMANDS[name]!.schema.safeParse(payload).success }).toEqual({ name, valid: true });
    }
    const { byRole } = await meeting();
    const { chair } = byRole;
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    expect(eventOf(await ok(byRole.delegate, 'floor.request', { type: 'statement' }), 'floor.requested').payload.entry.entryId).toBe('e1');
    await byRole.viewer.cmd('qna.ask', { text: 'Will the record of this meeting be public?' });

    // Not allowed: refused at the edge, nothing appended anywhere.
    const before = await settled(chair);
    const wrong: string[] = [];
    const refusedIds: string[] = [];
    for (const [name, spec] of Object.entries(COMMANDS)) {
      for (const role of ROLES.filter((r) => !spec.roles.includes(r))) {
        const commandId = `forbidden-${name}-${role}`;
        const ack = await byRole[role].cmd(name, PAYLOADS[name]!, commandId);
        refusedIds.push(commandId);
        if (codeOf(ack) !== 'FORBIDDEN') wrong.push(`${role} ${name}: ${JSON.stringify(ack)}`);
      }
      expect({ after: name, heads: await heads(chair) }).toEqual({ after: name, heads: before });
    }
    expect(wrong).toEqual([]);
    expect(await settled(chair)).toEqual(before);
    for (const stream of ['meeting', 'qna', 'record'] as const) {
      const ids = (await logAsSeenBy(chair, stream)).map((e) => e.commandId);
      expect(ids.filter((id) => refusedIds.includes(id))).toEqual([]);
    }

    // Allowed: whatever the domain says (the meeting's state decides), never FORBIDDEN.
    const order = Object.keys(COMMANDS).sort((a, b) => Number(a === 'meeting.adjourn') - Number(b === 'meeting.adjourn'));
    let accepted = 0;
    for (const name of order) {
      for (const role of COMMANDS[name]!.roles) {
        let ack = await byRole[role].cmd(name, PAYLOADS[name]!, `allowed-${name}-${role}`);
        // The edge's per-participant rate limit is another guarantee; wait it out here.
        for (let i = 0; i < 20 && codeOf(ack) === 'RATE_LIMITED'; i++) {
          await sleep(250);
          ack = await byRole[role].cmd(name, PAYLOADS[name]!, `allowed-${name}-${role}`);
        }
        if (ack.ok) accepted++;
        if (codeOf(ack) === 'FORBIDDEN' || codeOf(ack) === 'UNKNOWN_COMMAND') {
          wrong.push(`${role} ${name}: ${JSON.stringify(ack)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(accepted).toBeGreaterThan(10);
  });

  it('R8 a delegate may act only for its own delegation; the chair and secretariat act for any', async () => {
    const { access, byRole } = await meeting();
    const { chair, secretariat: sec, delegate: gha } = byRole;
    const nor = await connect(tokenOf(access, 'nor'));
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    const norEntry = eventOf(await ok(nor, 'floor.request', { type: 'statement', mode: 'remote' }), 'floor.requested').payload.entry;
    await waitUntil(() => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === 'NOR'), 'Norway present');
    const head = (await heads(chair)).meeting;
    for (const [name, payload] of [
      ['floor.request', { type: 'statement', delegationId: 'NOR' }],
      ['floor.request', { type: 'point-of-order', delegationId: 'NOR', text: 'On behalf of another.' }],
      ['floor.amend', { entryId: norEntry.entryId, mode: 'in-room' }],
      ['floor.withdraw', { entryId: norEntry.entryId }],
      ['presence.update', { delegationId: 'NOR', status: 'dropped' }],
    ] as const) {
      expect({ name, code: codeOf(await act(gha, name, payload)) }).toEqual({ name, code: 'NOT_YOUR_DELEGATION' });
    }
    await ok(chair, 'chair.next');
    expect(codeOf(await act(gha, 'speech.start', { entryId: norEntry.entryId }))).toBe('NOT_YOUR_DELEGATION');
    await ok(nor, 'speech.start');
    expect(codeOf(await act(gha, 'speech.end'))).toBe('NOT_YOUR_DELEGATION');
    expect((await heads(chair)).meeting).toBe(head + 2);   // only the call and Norway's own start
    // The secretariat inscribes on behalf of a delegation (R8), the chair withdraws any entry (R7).
    const egy = eventOf(await ok(sec, 'floor.request', { type: 'statement', delegationId: 'EGY' }), 'floor.requested').payload.entry;
    expect(egy).toMatchObject({ delegationId: 'EGY', requestedBy: 'sec' });
    expect(eventOf(await ok(chair, 'floor.withdraw', { entryId: egy.entryId, reason: 'At the request of the delegation.' }), 'floor.withdrawn').payload).toMatchObject({ by: 'chair' });
  });

  it('what each role sees: staff see presence and pending requests; a delegate sees its own pending reply, not another\'s; a viewer sees neither', async () => {
    const { access, byRole } = await meeting();
    const { chair, secretariat: sec, delegate: gha, viewer } = byRole;
    const [nor, sen] = [await connect(tokenOf(access, 'nor')), await connect(tokenOf(access, 'sen'))];
    await waitUntil(() => ['NOR', 'SEN'].every((d) => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === d)), 'presence');
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    const ghaEntry = eventOf(await ok(gha, 'floor.request', { type: 'statement' }), 'floor.requested').payload.entry;
    await ok(chair, 'chair.next');
    await ok(gha, 'speech.start');
    await ok(gha, 'speech.end');
    const norReply = eventOf(await ok(nor, 'floor.request', { type: 'right-of-reply', replyTo: ghaEntry.entryId }), 'reply.requested');
    const senReply = eventOf(await ok(sen, 'floor.request', { type: 'right-of-reply', replyTo: ghaEntry.entryId }), 'reply.requested');
    const replyIds = [norReply.payload.entry.entryId, senReply.payload.entry.entryId];
    await waitUntil(() => [viewer, gha, sec].every((c) => c.seq.meeting >= senReply.seq), 'everyone caught up');

    for (const staff of [chair, sec]) {
      const view = await floorView(staff);
      expect(view.presence).toMatchObject({ GHA: { status: 'connected' }, NOR: { status: 'connected' }, SEN: { status: 'connected' } });
      expect(view.pendingRequests.map((e: { entryId: string }) => e.entryId).sort()).toEqual([...replyIds].sort());
      expect(view.pendingRequests[0]).toMatchObject({ type: 'right-of-reply', status: 'requested', replyTo: ghaEntry.entryId });
    }
    const norView = await floorView(nor);
    expect(norView.pendingRequests.map((e: { entryId: string }) => e.entryId)).toEqual([norReply.payload.entry.entryId]);
    expect(norView.myEntries.map((e: { entryId: string }) => e.entryId)).toContain(norReply.payload.entry.entryId);
    expect(norView.myPresence).toMatchObject({ status: 'connected' });
    expect(norView.presence).toBeUndefined();
    expect(JSON.stringify(norView)).not.toContain(`"${senReply.payload.entry.entryId}"`);
    // Live, the same: Norway saw its own request, a placeholder for Senegal's.
    expect(nor.streams.meeting.find((e) => e.seq === senReply.seq)).toEqual({ meetingId: senReply.meetingId, stream: 'meeting', seq: senReply.seq, type: 'event.redacted' });

    const ghaView = await floorView(gha);
    expect(ghaView.pendingRequests).toEqual([]);
    expect(ghaView.presence).toBeUndefined();
    const viewerView = await floorView(viewer);
    expect(viewerView.pendingRequests).toEqual([]);
    expect(viewerView.presence).toBeUndefined();
    expect(viewerView.myPresence).toBeUndefined();
    for (const id of replyIds) expect(JSON.stringify(viewerView)).not.toContain(`"${id}"`);
    for (const c of [viewer, gha]) {
      expect(c.streams.meeting.filter((e) => e.seq === norReply.seq || e.seq === senReply.seq).map((e) => e.type)).toEqual(['event.redacted', 'event.redacted']);
      expect(c.received.some((r) => r.name === 'reply.requested')).toBe(false);
    }
    expect(viewer.received.some((r) => r.name === 'presence.updated')).toBe(false);
    // Nothing a viewer received, transient broadcasts included, names a pending request; Ghana's
    // console never names Norway's or Senegal's.
    for (const id of replyIds) {
      expect(JSON.stringify(viewer.received)).not.toContain(`"${id}"`);
      expect(JSON.stringify(gha.received)).not.toContain(`"${id}"`);
    }
    expect(JSON.stringify(nor.received)).not.toContain(`"${senReply.payload.entry.entryId}"`);
    // A delegation hears about its own presence only (live or already in its snapshot, depending
    // on whether its connection was recorded before or after it joined).
    expect(gha.events().filter((e) => e.type === 'presence.updated').map((e) => e.payload.delegationId).filter((d) => d !== 'GHA')).toEqual([]);
    expect(ghaView.myPresence).toMatchObject({ status: 'connected' });
  });
});
