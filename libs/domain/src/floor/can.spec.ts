import type { Actor } from '@rostrum/contracts';
import { can } from './can';
import { decideFloor } from './decide';
import { MEETING, TestMeeting, chair, delegate, inscribe, meetingSetup, openMeeting, operator, secretariat } from './floor.fixtures';
import { projectFloor } from './projection';
import { initialFloorState } from './state';

// `can` answers over the projected state with the same rule predicates `decideFloor` applies over
// the engine's state. The oracle here is decideFloor itself: at every step of whole meetings, every
// probe a console could offer is asked both ways, for the chair and for delegates.

const ACTORS: Actor[] = [chair, secretariat, delegate('GHA'), delegate('GBR'), delegate('NOR'), delegate('EGY')];

function probes(m: TestMeeting): Array<{ type: string; payload: Record<string, unknown> }> {
  const out: Array<{ type: string; payload: Record<string, unknown> }> = [
    ...['meeting.open', 'meeting.suspend', 'meeting.resume', 'meeting.adjourn', 'meeting.rise', 'item.conclude', 'list.announce', 'list.reopen', 'chair.next',
      'speech.start', 'speech.pause', 'speech.resume', 'speech.end'].map((type) => ({ type, payload: {} })),
    { type: 'list.close', payload: { consent: 'no-objection' } },
    { type: 'item.takeUp', payload: { itemId: 'item-1' } }, { type: 'item.takeUp', payload: { itemId: 'item-2' } },
    { type: 'chair.extend', payload: { kind: 'time', seconds: 30 } },
    { type: 'chair.extend', payload: { kind: 'speeches', delegationId: 'GHA', speeches: 1, reason: 'a second statement' } },
    // Items named explicitly, the one not taken up and one that does not exist.
    ...['item-1', 'item-2', 'item-9'].flatMap((itemId) => [
      { type: 'item.conclude', payload: { itemId } }, { type: 'list.announce', payload: { itemId } }, { type: 'list.reopen', payload: { itemId } },
      { type: 'list.close', payload: { itemId, consent: 'no-objection' } },
    ]),
    { type: 'item.takeUp', payload: { itemId: 'item-9' } },
  ];
  // An entry that does not exist, for every command that names one.
  for (const type of ['chair.grant', 'chair.decline', 'floor.withdraw', 'pointOfOrder.rule', 'speech.start', 'speech.pause', 'speech.resume', 'speech.end']) {
    out.push({ type, payload: type === 'pointOfOrder.rule' ? { entryId: 'no-such-entry', decision: 'rejected', text: 'In order.' } : { entryId: 'no-such-entry' } });
  }
  for (const entryId of Object.keys(m.state.entries)) {
    out.push({ type: 'chair.grant', payload: { entryId } }, { type: 'chair.decline', payload: { entryId } }, { type: 'floor.withdraw', payload: { entryId } },
      { type: 'pointOfOrder.rule', payload: { entryId, decision: 'rejected', text: 'The speaker is in order.' } }, { type: 'pointOfOrder.appeal', payload: { entryId } },
      { type: 'speech.start', payload: { entryId } });
  }
  return out;
}

/** Ids of the entries a view shows as entries (with a status and a label), wherever they are (the provisional list is a print of the Journal: not acted on). */
function shownEntries(view: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) { x.forEach(walk); return; }
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.entryId === 'string' && typeof o.status === 'string' && typeof o.capacityLabel === 'string') ids.add(o.entryId);
    for (const [k, v] of Object.entries(o)) if (k !== 'provisional') walk(v);
  };
  walk(view);
  return ids;
}

/** Asks every probe both ways; returns the disagreements (none expected). */
function compare(m: TestMeeting, step: string): string[] {
  const problems: string[] = [];
  for (const actor of ACTORS) {
    const view = projectFloor(m.state, { role: actor.role, delegationId: actor.delegationId, participantId: actor.participantId });
    const visible = shownEntries(view);
    for (const probe of probes(m)) {
      // A console offers actions on what it shows: a delegate never sees others' pending requests.
      if (typeof probe.payload.entryId === 'string' && Object.hasOwn(m.state.entries, probe.payload.entryId) && !visible.has(probe.payload.entryId)) continue;
      const decided = decideFloor(m.state, probe, { now: m.now, actor });
      const asked = can(view, probe, actor);
      const want = decided.ok ? 'ok' : decided.error.code;
      const got = asked.ok ? 'ok' : asked.code;
      if (want !== got) problems.push(`${step}: ${actor.role}${actor.delegationId ? `/${actor.delegationId}` : ''} ${probe.type} ${JSON.stringify(probe.payload)}: decideFloor ${want}, can ${got}`);
    }
  }
  return problems;
}

describe('can(view, command, actor) agrees with decideFloor', () => {
  it('through a meeting with a point of order, a ruling, an appeal, a resumed speaker, a closed list and the adjournment', () => {
    const problems: string[] = [];
    const created = new TestMeeting();
    created.ok('meeting.create', meetingSetup('un-ga'), operator);
    problems.push(...compare(created, 'created, not open'));

    const m = openMeeting('un-ga');
    problems.push(...compare(m, 'open, empty list'));
    const gha = inscribe(m, 'GHA'); inscribe(m, 'NOR', { mode: 'remote' }); inscribe(m, 'EGY');
    problems.push(...compare(m, 'three waiting'));
    m.ok('chair.next');
    problems.push(...compare(m, 'GHA called'));
    m.ok('speech.start', {}, delegate('GHA'));
    m.seconds(30);
    problems.push(...compare(m, 'GHA speaking'));
    const point = (m.ok('floor.request', { type: 'point-of-order', text: 'The speaker strays from the item' }, delegate('GBR'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
    m.ok('floor.request', { type: 'point-of-order', text: 'A second point' }, delegate('EGY'));
    problems.push(...compare(m, 'two points of order raised, GHA interrupted'));
    m.ok('chair.grant', { entryId: point });
    problems.push(...compare(m, 'point recognised'));
    m.ok('speech.start', {}, delegate('GBR'));
    m.seconds(20);
    problems.push(...compare(m, 'point heard'));
    m.ok('pointOfOrder.rule', { entryId: point, decision: 'rejected', text: 'The speaker is in order.' });
    problems.push(...compare(m, 'first point ruled, second pending'));
    const second = m.state.pointsOfOrder[0]!;
    m.ok('chair.grant', { entryId: second }); m.ok('speech.start', {}, delegate('EGY'));
    m.ok('pointOfOrder.rule', { entryId: second, decision: 'upheld', text: 'Noted.' });
    problems.push(...compare(m, 'both ruled, appealable'));
    m.ok('pointOfOrder.appeal', { entryId: second }, delegate('NOR'));
    problems.push(...compare(m, 'appealed'));
    m.ok('pointOfOrder.decideAppeal', { entryId: second, overturned: false });
    problems.push(...compare(m, 'appeal decided'));
    m.ok('speech.resume');
    problems.push(...compare(m, 'GHA resumed'));
    m.ok('speech.end', {}, delegate('GHA'));
    m.ok('floor.request', { type: 'right-of-reply', replyTo: gha }, delegate('NOR'));
    problems.push(...compare(m, 'reply requested'));
    m.ok('list.announce');
    problems.push(...compare(m, 'list announced'));
    m.ok('list.close', { consent: 'no-objection' });
    problems.push(...compare(m, 'list closed'));
    m.ok('meeting.suspend');
    problems.push(...compare(m, 'suspended'));
    m.ok('meeting.resume'); m.ok('meeting.adjourn');
    problems.push(...compare(m, 'adjourned'));
    expect(problems).toEqual([]);
  });

  it('under a profile without announcement or appeals (model-un) too', () => {
    const m = openMeeting('model-un');
    inscribe(m, 'GHA');
    problems(m, 'open');
    m.ok('chair.next'); m.ok('speech.start', {}, delegate('GHA'));
    const point = (m.ok('floor.request', { type: 'point-of-order' }, delegate('GBR'))[0]!.payload as { entry: { entryId: string } }).entry.entryId;
    m.ok('chair.grant', { entryId: point }); m.ok('speech.start', {}, delegate('GBR'));
    m.ok('pointOfOrder.rule', { entryId: point, decision: 'upheld', text: 'Upheld.' });
    problems(m, 'ruled');
    m.ok('list.close', { consent: 'chair' });
    problems(m, 'closed');
    function problems(x: TestMeeting, step: string) { expect(compare(x, step)).toEqual([]); }
  });

  it('refuses what the role may not send, and anything before the meeting exists', () => {
    const empty = projectFloor(initialFloorState(MEETING), { role: 'chair' });
    expect(can(empty, { type: 'meeting.open' }, chair)).toMatchObject({ ok: false, code: 'MEETING_NOT_CREATED' });
    expect(can(empty, { type: 'meeting.open' }, delegate('GHA'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(can(empty, { type: 'no.such' }, chair)).toMatchObject({ ok: false, code: 'UNKNOWN_COMMAND' });
  });
});
