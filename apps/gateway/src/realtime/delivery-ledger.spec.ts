import { DeliveryLedger } from './delivery-ledger';

const ev = (seq: number, stream: 'meeting' | 'qna' | 'record' = 'meeting') => ({ stream, seq });
const seqs = (es: Array<{ seq: number }>) => es.map((e) => e.seq);

describe('DeliveryLedger: each seq once per connection', () => {
  it('a catch-up ahead of the live rounds: the next round leaves out what the catch-up gave', () => {
    const l = new DeliveryLedger();
    l.flushed('m', 'followers', [ev(1), ev(2)]);
    l.join('s1', 'm', 'viewer');
    l.join('s2', 'm', 'viewer');
    // Reconnected mid-burst: events.since(0) gives 1..5 while 3..5 wait in the follower outbox.
    expect(seqs(l.unsent('s1', 'meeting', [ev(1), ev(2), ev(3), ev(4), ev(5)]))).toEqual([1, 2, 3, 4, 5]);
    expect(l.overlapping('m', 'followers', [ev(3), ev(4), ev(5), ev(6)])).toEqual(['s1']);
    expect([3, 4, 5, 6].filter((s) => !l.has('s1', 'meeting', s))).toEqual([6]);
    l.flushed('m', 'followers', [ev(3), ev(4), ev(5), ev(6)]);
    // Live caught up: s1 is back in the room broadcasts.
    expect(l.overlapping('m', 'followers', [ev(7)])).toEqual([]);
  });

  it('live first, then a catch-up: the reply leaves out what live already sent on this connection', () => {
    const l = new DeliveryLedger();
    l.join('s', 'm', 'delegate');
    l.flushed('m', 'followers', [ev(8), ev(9)]);
    expect(seqs(l.unsent('s', 'meeting', [ev(7), ev(8), ev(9), ev(10)]))).toEqual([7, 10]);
    expect(seqs(l.unsent('s', 'meeting', [ev(7), ev(10), ev(11)]))).toEqual([11]);
    // A history read returns everything and counts as no delivery: live still sends 12.
    expect(seqs(l.unsent('s', 'meeting', [ev(8), ev(12)], true))).toEqual([8, 12]);
    expect(l.has('s', 'meeting', 12)).toBe(false);
  });

  it('what live sent before the socket joined is not counted as sent to it; audiences and streams are apart', () => {
    const l = new DeliveryLedger();
    l.flushed('m', 'officers', [ev(1), ev(2)]);
    l.flushed('m', 'followers', [ev(1)]);
    l.join('chair', 'm', 'chair');
    l.join('viewer', 'm', 'viewer');
    expect(l.has('chair', 'meeting', 2)).toBe(false);
    l.flushed('m', 'officers', [ev(3)]);
    expect(l.has('chair', 'meeting', 3)).toBe(true);
    expect(l.has('viewer', 'meeting', 3)).toBe(false);
    expect(l.has('chair', 'qna', 3)).toBe(false);
  });

  it('a hole in the live rounds starts a new run: seqs of the hole are never counted as sent', () => {
    const l = new DeliveryLedger();
    l.join('s', 'm', 'viewer');
    l.flushed('m', 'followers', [ev(1), ev(2)]);
    l.flushed('m', 'followers', [ev(5)]);
    expect([1, 2, 3, 4, 5].map((q) => l.has('s', 'meeting', q))).toEqual([false, false, false, false, true]);
    l.leave('s');
    expect(l.has('s', 'meeting', 5)).toBe(false);
  });
});
