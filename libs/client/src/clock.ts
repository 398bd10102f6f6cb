/**
 * The server's clock as seen from here: `offsetMs` = server time − local time, so that a
 * countdown drawn from `speech.started.startedAt` is right even when this device's clock is off.
 *
 * Bounds from what the server says: a reply to a request sent at `sentAt` and received at
 * `receivedAt` with `serverTime` gives serverTime − receivedAt ≤ offset ≤ serverTime − sentAt;
 * a pushed batch gives the lower bound only (it was sent before it arrived). The estimate is the
 * middle of the tightest bounds; a clock that jumps (bounds cross) starts the bounds afresh.
 */
export class ServerClock {
  private lo = -Infinity;
  private hi = Infinity;

  /** A request/reply round trip (ms since epoch, local clock for sentAt/receivedAt). */
  roundTrip(serverTime: number, sentAt: number, receivedAt: number): void {
    this.bound(serverTime - receivedAt, serverTime - sentAt);
  }

  /** A message the server pushed: sent at serverTime, received at receivedAt. */
  pushed(serverTime: number, receivedAt: number): void {
    this.bound(serverTime - receivedAt, Infinity);
  }

  /** Server time minus local time, ms (0 until the server has said anything). */
  get offsetMs(): number {
    if (!Number.isFinite(this.lo)) return Number.isFinite(this.hi) ? this.hi : 0;
    return Number.isFinite(this.hi) ? Math.round((this.lo + this.hi) / 2) : this.lo;
  }

  /** Now, on the server's clock (ms since epoch). */
  now(local: number = Date.now()): number {
    return local + this.offsetMs;
  }

  private bound(lo: number, hi: number): void {
    const nlo = Math.max(this.lo, lo);
    const nhi = Math.min(this.hi, hi);
    if (nlo > nhi) { this.lo = lo; this.hi = hi; } else { this.lo = nlo; this.hi = nhi; }
  }
}
