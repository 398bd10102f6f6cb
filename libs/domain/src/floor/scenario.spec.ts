import type { Intervention } from '@rostrum/contracts';
import { chair, delegate, openMeeting, secretariat, viewer } from './floor.fixtures';
import { projectFloor } from './projection';

const ids = (m: ReturnType<typeof openMeeting>) => (projectFloor(m.state, chair).lists as any)['item-1'].speakers.map((e: any) => e.delegationId);

describe('the issue story under un-ga', () => {
  it('R11 R19 R21 R26 R28 R30 R34 R35 R42 R44 plays the peacekeeping debate end to end', () => {
    const m = openMeeting('un-ga');
    // Ghana in the room, Norway remote, Senegal for the African Group.
    m.ok('floor.request', { type: 'statement', mode: 'in-room' }, delegate('GHA'));
    m.seconds(5);
    m.ok('floor.request', { type: 'statement', mode: 'remote' }, delegate('NOR'));
    m.seconds(5);
    m.ok('floor.request', { type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } }, delegate('SEN'));
    expect(ids(m)).toEqual(['SEN', 'GHA', 'NOR']);                       // R11: the group goes first
    expect(m.last('floor.requested')!.payload).toMatchObject({ entry: { capacityLabel: 'Senegal, on behalf of African Group' } });

    m.ok('chair.next');
    m.ok('speech.start', {}, delegate('SEN'));
    expect(m.last('speaker.onDeck')!.payload).toMatchObject({ delegationId: 'GHA' });   // R42
    expect(m.last('speech.started')!.payload).toMatchObject({ allottedSeconds: 420 });    // group statement limit
    m.seconds(200);
    m.ok('speech.end', {}, delegate('SEN'));
    m.ok('chair.next');
    m.ok('speech.start');
    m.seconds(120);
    m.ok('speech.end');

    // Norway speaks; the UK raises a point of order.
    m.ok('chair.next');
    const norway = m.state.called!;
    m.ok('speech.start', {}, delegate('NOR'));
    m.seconds(100);
    const raised = m.ok('floor.request', { type: 'point-of-order', text: 'The speaker strays from the item' }, delegate('GBR'));
    expect(m.types(raised)).toEqual(['pointOfOrder.raised', 'speech.paused']);        // R19
    expect(raised[0]!.visibility).toEqual({ scope: 'staff', delegationId: 'GBR' });
    expect(projectFloor(m.state, viewer).pointsOfOrder).toEqual([]);
    const poo = (raised[0]!.payload as any).entry.entryId;
    m.seconds(60);
    expect(m.no('speech.resume').code).toBe('POINT_OF_ORDER_PENDING');                 // R21
    expect(m.no('chair.next').code).toBe('POINT_OF_ORDER_PENDING');
    m.ok('chair.grant', { entryId: poo });
    m.ok('speech.start', {}, delegate('GBR'));
    m.seconds(30);
    const ruled = m.ok('pointOfOrder.rule', { entryId: poo, decision: 'rejected', text: 'The speaker is in order.' });
    expect(m.types(ruled)).toEqual(['speech.ended', 'pointOfOrder.ruled']);
    expect((ruled[0]!.payload as any).intervention).toMatchObject({ type: 'point-of-order', ruling: { decision: 'rejected' }, delegationId: 'GBR' });
    m.ok('speech.resume');
    expect(m.state.speech).toMatchObject({ entryId: norway, pausedMs: 90_000 });       // clock intact
    const warn = m.seconds(180);                                                         // 100 + 180 = 280 s net: warning at 270 s
    expect(m.types(warn)).toEqual(['clock.warning']);
    expect(warn[0]!.payload).toMatchObject({ secondsLeft: 30 });
    const exp = m.seconds(30);
    expect(m.types(exp)).toEqual(['clock.expired']);                                     // R35: alert only, no cut-off
    m.seconds(15);
    const ended = m.ok('speech.end');
    const iv = (ended[0]!.payload as { intervention: Intervention }).intervention;
    expect(iv).toMatchObject({ delegationId: 'NOR', mode: 'remote', allottedSeconds: 300, netSpeakingMs: 325_000, overrunMs: 25_000, pausedMs: 90_000, warningsGiven: [30], expired: true });
    expect(iv.pauses).toHaveLength(1);

    // The list is announced and closed; a late statement is refused; a reply still comes in.
    m.ok('list.announce', {}, secretariat);
    m.ok('list.close', { consent: 'no-objection' });
    expect(m.no('floor.request', { type: 'statement' }, delegate('EGY')).code).toBe('LIST_CLOSED');        // R30
    const req = m.ok('floor.request', { type: 'right-of-reply', replyTo: norway }, delegate('SEN'));     // R28
    expect(req[0]!.visibility.scope).toBe('staff');
    m.ok('chair.grant', { entryId: (req[0]!.payload as any).entry.entryId });
    m.ok('chair.next');
    m.ok('speech.start');
    expect(m.state.speech).toMatchObject({ allottedSeconds: 600 });
    m.seconds(60);
    m.ok('speech.end');
    const second = m.ok('floor.request', { type: 'right-of-reply', replyTo: norway }, delegate('SEN'));
    m.ok('chair.grant', { entryId: (second[0]!.payload as any).entry.entryId });
    expect(m.last('reply.granted')!.payload).toMatchObject({ replyIndex: 2, allottedSeconds: 300 });   // R27
    expect(m.no('floor.request', { type: 'right-of-reply', replyTo: norway }, delegate('SEN')).code).toBe('REPLY_LIMIT_REACHED'); // R26
  });
});

describe('the issue story under robert', () => {
  it('R13 R36 first-time speakers go first and a delegation speaks at most twice', () => {
    const m = openMeeting('robert');
    m.ok('floor.request', { type: 'statement', position: 'for' }, delegate('GHA'));
    m.ok('chair.next'); m.ok('speech.start'); m.seconds(60); m.ok('speech.end');
    m.seconds(1);
    m.ok('floor.request', { type: 'statement', position: 'for' }, delegate('GHA'));
    m.seconds(1);
    m.ok('floor.request', { type: 'statement', position: 'for' }, delegate('NOR'));
    expect(ids(m)).toEqual(['NOR', 'GHA']);                                               // R13
    m.ok('chair.next'); m.ok('speech.start'); m.seconds(60); m.ok('speech.end');         // Norway
    m.ok('chair.next'); m.ok('speech.start'); m.seconds(60); m.ok('speech.end');         // Ghana, second time
    expect(m.no('floor.request', { type: 'statement' }, delegate('GHA')).code).toBe('SPEECH_LIMIT_REACHED');  // R36: two in total
    m.ok('chair.extend', { kind: 'speeches', delegationId: 'GHA', speeches: 1 });
    m.ok('floor.request', { type: 'statement' }, delegate('GHA'));
  });
});
