/**
 * A token bucket on an injected clock (pure: no timers, no Date.now of its own).
 *
 * Holds up to `capacity` tokens and gains `ratePerSecond` tokens a second (continuously, not in
 * ticks). A take of `cost` tokens succeeds when that many are there; a cost above the capacity
 * is charged as the capacity (a burst that can never fit would otherwise wait forever).
 * The fan-out spends one token per socket write (apps/gateway/src/realtime/fanout.ts), so a
 * meeting's followers get changes at once while the meeting is within its write budget, and a
 * storm is coalesced into batches at the budget's pace (docs/architecture.md, "Fan-out budget").
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  /**
   * @param ratePerSecond tokens gained per second (> 0)
   * @param capacity the most tokens it holds (≥ 1): the burst allowed after a quiet spell
   * @param now the clock in ms (any monotonic origin) at which the bucket starts full
   * @throws RangeError when the rate is not positive or the capacity is below 1
   */
  constructor(readonly ratePerSecond: number, readonly capacity: number, now: number) {
    if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be > 0 (got ${ratePerSecond})`);
    if (!(capacity >= 1)) throw new RangeError(`capacity must be ≥ 1 (got ${capacity})`);
    this.tokens = capacity;
    this.at = now;
  }

  /** Tokens there at `now` (ms), after refilling. A clock that goes back adds nothing. */
  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  /** Takes `cost` tokens (clipped to the capacity) if they are there at `now`; true when taken. */
  tryTake(cost: number, now: number): boolean {
    this.refill(now);
    const c = this.clip(cost);
    if (this.tokens + 1e-9 < c) return false;
    this.tokens = Math.max(0, this.tokens - c);
    return true;
  }

  /**
   * Takes `cost` more tokens at `now` whether or not they are there: spending found to be larger
   * than what was taken for it (a flush that turned out to make more socket writes than its
   * estimate). The bucket may go into debt, down to minus its capacity; later takes wait until it
   * is paid back at the bucket's rate.
   */
  charge(cost: number, now: number): void {
    this.refill(now);
    this.tokens = Math.max(-this.capacity, this.tokens - Math.max(0, cost));
  }

  /** Ms from `now` until `cost` tokens (clipped to the capacity) are there; 0 when they are now. */
  waitMs(cost: number, now: number): number {
    this.refill(now);
    const missing = this.clip(cost) - this.tokens;
    return missing <= 1e-9 ? 0 : Math.ceil((missing / this.ratePerSecond) * 1000);
  }

  private clip(cost: number): number {
    return Math.min(this.capacity, Math.max(0, cost));
  }

  private refill(now: number): void {
    if (now <= this.at) return;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.ratePerSecond);
    this.at = now;
  }
}
