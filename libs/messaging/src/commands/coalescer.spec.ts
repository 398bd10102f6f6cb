import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends the first change at once and collapses a burst into one trailing send of the newest value', async () => {
    const sent: Array<[string, number]> = [];
    const c = new Coalescer<number>(200, async (k, v) => { sent.push([k, v]); }, () => Date.now());
    c.changed('m1', 1);
    for (let v = 2; v <= 50; v++) c.changed('m1', v);
    c.changed('m2', 7); // keys are independent
    expect(sent).toEqual([['m1', 1], ['m2', 7]]);
    jest.advanceTimersByTime(200);
    expect(sent).toEqual([['m1', 1], ['m2', 7], ['m1', 50]]);
    jest.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3); // nothing changed since: nothing more is sent
  });

  it('flushAll sends what is pending', async () => {
    const sent: number[] = [];
    const c = new Coalescer<number>(200, async (_k, v) => { sent.push(v); });
    c.changed('m', 1);
    c.changed('m', 2);
    await c.flushAll();
    expect(sent).toEqual([1, 2]);
  });

  it('takeNow: the caller sends a change itself when the rate allows; within the interval it waits for the trailing send of the newest value', () => {
    const sent: number[] = [];
    const c = new Coalescer<number>(200, async (_k, v) => { sent.push(v); }, () => Date.now());
    expect(c.takeNow('m', 1)).toBe(true);           // the caller sends 1 with its events
    expect(sent).toEqual([]);
    expect(c.takeNow('m', 2)).toBe(false);          // within 200 ms of it: coalesced
    expect(c.takeNow('m', 3)).toBe(false);
    jest.advanceTimersByTime(200);
    expect(sent).toEqual([3]);                      // the trailing send carries the newest
    jest.advanceTimersByTime(200);
    expect(c.takeNow('m', 4)).toBe(true);           // 200 ms after the trailing send: at once again
    jest.advanceTimersByTime(1000);
    expect(sent).toEqual([3]);
  });
});
