import { TokenBucket } from './token-bucket';

describe('TokenBucket: a meeting\'s follower write budget (injected clock)', () => {
  it('starts full: a burst up to the capacity goes at once, the next take waits', () => {
    const b = new TokenBucket(1000, 3000, 0);
    expect(b.tryTake(1000, 0)).toBe(true);
    expect(b.tryTake(1000, 0)).toBe(true);
    expect(b.tryTake(1000, 0)).toBe(true);
    expect(b.tryTake(1000, 0)).toBe(false);
    expect(b.waitMs(1000, 0)).toBe(1000);
  });

  it('refills continuously at its rate, never above its capacity', () => {
    const b = new TokenBucket(2000, 4000, 0);
    expect(b.tryTake(4000, 0)).toBe(true);
    expect(b.available(250)).toBeCloseTo(500);
    expect(b.tryTake(600, 250)).toBe(false);
    expect(b.waitMs(600, 250)).toBe(50);
    expect(b.tryTake(600, 300)).toBe(true);
    expect(b.available(60_000)).toBe(4000);
  });

  it('a refused take costs nothing', () => {
    const b = new TokenBucket(10, 10, 0);
    expect(b.tryTake(8, 0)).toBe(true);
    expect(b.tryTake(5, 0)).toBe(false);
    expect(b.available(0)).toBe(2);
  });

  it('a cost above the capacity is charged as the capacity, so a large audience is never starved', () => {
    const b = new TokenBucket(100, 50, 0);
    expect(b.tryTake(5000, 0)).toBe(true);
    expect(b.available(0)).toBe(0);
    expect(b.waitMs(5000, 0)).toBe(500);
    expect(b.tryTake(5000, 499)).toBe(false);
    expect(b.tryTake(5000, 500)).toBe(true);
  });

  it('a clock that goes back neither adds tokens nor breaks the next refill', () => {
    const b = new TokenBucket(1000, 1000, 1000);
    expect(b.tryTake(1000, 1000)).toBe(true);
    expect(b.available(500)).toBe(0);
    expect(b.available(1100)).toBeCloseTo(100);
  });

  it('a storm at twice the rate is paced: over 10 s about rate × 10 s + capacity tokens are granted', () => {
    const b = new TokenBucket(10, 5, 0);
    let granted = 0;
    for (let t = 0; t <= 10_000; t += 50) if (b.tryTake(1, t)) granted++; // 20 asks a second
    expect(granted).toBeGreaterThanOrEqual(104);
    expect(granted).toBeLessThanOrEqual(106);
  });

  it('refuses a rate or capacity that cannot work', () => {
    expect(() => new TokenBucket(0, 10, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(10, 0.5, 0)).toThrow(RangeError);
  });

  it('charge spends beyond what is there: the debt is paid back at the rate before the next take', () => {
    const b = new TokenBucket(100, 10, 0);
    expect(b.tryTake(10, 0)).toBe(true);
    b.charge(20, 0);                        // a flush that wrote 20 more than its estimate
    expect(b.available(0)).toBe(-10);       // capped at minus the capacity
    expect(b.tryTake(1, 100)).toBe(false);  // 100 ms: 10 tokens back, the debt paid, none to spare
    expect(b.waitMs(5, 100)).toBe(50);
    expect(b.tryTake(5, 150)).toBe(true);
    b.charge(-3, 150);                      // a negative charge gives nothing back
    expect(b.available(150)).toBe(0);
  });
});
