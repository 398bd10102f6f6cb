import { stampEvents } from '@rostrum/contracts';
import { delegate, hear, inscribe, MEETING, openMeeting } from './floor.fixtures';
import { evolveFloor } from './evolve';
import { initialFloorState } from './state';

// evolveFloor's contract (its docstring): a new state per event, the old one left as it was,
// what the event did not touch shared, and every state frozen.
describe('evolveFloor', () => {
  it('leaves the state it was given as it was, and shares with the new state what the event did not touch', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    const nor = inscribe(m, 'NOR');
    hear(m, 10);
    const before = m.state;
    const frozenCopy = JSON.stringify(before);
    const [env] = stampEvents(MEETING, 'meeting', before.seq, [{ type: 'floor.withdrawn', payload: { entryId: nor }, visibility: { scope: 'public' } }], { commandId: 'c', actor: delegate('NOR'), at: m.now });
    const after = evolveFloor(before, env!);
    expect(JSON.stringify(before)).toBe(frozenCopy);
    expect(after).not.toBe(before);
    expect(after.seq).toBe(before.seq + 1);
    expect(after.entries[nor]!.status).toBe('withdrawn');
    expect(before.entries[nor]!.status).toBe('waiting');
    expect(after.entries[gha]).toBe(before.entries[gha]);        // untouched: the same object
    expect(after.delegations).toBe(before.delegations);
    expect(after.entries[nor]).not.toBe(before.entries[nor]);
  });

  it('makes states that cannot be changed afterwards, so a service holding one cannot diverge from the log', () => {
    const m = openMeeting();
    const gha = inscribe(m, 'GHA');
    const s = m.state;
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.entries[gha])).toBe(true);
    expect(() => { (s.entries[gha] as { status: string }).status = 'done'; }).toThrow(TypeError);
    expect(() => { s.pointsOfOrder.push('x'); }).toThrow(TypeError);
    expect(m.state.entries[gha]!.status).toBe('waiting');
    expect(Object.isFrozen(initialFloorState('m'))).toBe(true);
    expect(Object.isFrozen(initialFloorState('m').entries)).toBe(true);
  });
});
