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
});
