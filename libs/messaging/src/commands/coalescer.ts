/**
 * Per-key rate limiting of a "latest state" broadcast: the first change of a key goes out at
 * once, later ones within `intervalMs` collapse into one trailing send of the newest value.
 * For state that clients replace wholesale (a view, tallies), so dropping intermediate values is
 * harmless and a storm of changes costs at most 1000 / intervalMs sends a second per key.
 */
export class Coalescer<V> {
  private readonly keys = new Map<string, { last: number; value?: V; timer?: NodeJS.Timeout }>();

  constructor(private readonly intervalMs: number, private readonly send: (key: string, value: V) => Promise<unknown>, private readonly clock: () => number = Date.now) {}

  changed(key: string, value: V): void {
    const k = this.keys.get(key) ?? { last: 0 };
    this.keys.set(key, k);
    k.value = value;
    if (k.timer) return; // a trailing send is already due and will take the newest value
    const wait = k.last + this.intervalMs - this.clock();
    if (wait <= 0) { this.fire(key); return; }
    k.timer = setTimeout(() => this.fire(key), wait);
  }

  /**
   * Like `changed`, except that when a send is allowed now it is not made here: true tells the
   * caller to send `value` itself now (it counts as this key's send); false means it waits for
   * the trailing send, which will carry the newest value.
   */
  takeNow(key: string, value: V): boolean {
    const k = this.keys.get(key) ?? { last: 0 };
    this.keys.set(key, k);
    if (!k.timer && k.last + this.intervalMs - this.clock() <= 0) {
      k.last = this.clock();
      k.value = undefined;
      return true;
    }
    this.changed(key, value);
    return false;
  }

  /** Sends everything still pending (on shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.keys.keys()].map((key) => this.fire(key)));
  }

  private fire(key: string): Promise<unknown> {
    const k = this.keys.get(key);
    if (!k || k.value === undefined) return Promise.resolve();
    if (k.timer) clearTimeout(k.timer);
    const value = k.value;
    k.timer = undefined;
    k.value = undefined;
    k.last = this.clock();
    return this.send(key, value).catch(() => undefined); // a lost view heals with the next change
  }
}
