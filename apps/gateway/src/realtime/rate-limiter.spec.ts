import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, refuses the next, and refills with time', () => {
    let now = 0;
    const rl = new RateLimiter(2, 3, () => now);
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, true, false]);
    expect(rl.take('b')).toBe(true); // buckets are per key
    now = 500; // half a second refills one token at 2/s
    expect([rl.take('a'), rl.take('a')]).toEqual([true, false]);
  });
});
