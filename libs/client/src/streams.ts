import type { Sequenced, StreamName } from './protocol.js';

export const STREAM_NAMES: readonly StreamName[] = ['meeting', 'qna', 'record'];

/**
 * One gapless sequence per stream: applies each seq once, in order. Events that arrive early
 * wait in `pending` until the ones before them come (live, or from `events.since`); anything at
 * or below the applied seq is dropped, so nothing is ever applied twice.
 */
export class StreamTracker {
  readonly seq: Record<StreamName, number> = { meeting: 0, qna: 0, record: 0 };
  /** Events received twice as events (the server promises none; counted to prove it). */
  readonly duplicates: Record<StreamName, number> = { meeting: 0, qna: 0, record: 0 };
  /** Which (`<stream>:<seq>`), the first 100. */
  readonly duplicateSeqs: string[] = [];
  private readonly snapshotSeq: Record<StreamName, number> = { meeting: 0, qna: 0, record: 0 };
  private readonly pending: Record<StreamName, Map<number, Sequenced>> = { meeting: new Map(), qna: new Map(), record: new Map() };

  constructor(private readonly apply: (e: Sequenced) => void) {}

  /** A snapshot reflects `seq` of each stream: start after it. */
  reset(seqs: Record<StreamName, number>): void {
    for (const s of STREAM_NAMES) {
      this.seq[s] = seqs[s];
      this.snapshotSeq[s] = seqs[s];
      for (const k of this.pending[s].keys()) if (k <= seqs[s]) this.pending[s].delete(k);
      this.drain(s);
    }
  }

  /** Takes events (any order, any stream); returns the streams that still have a gap. */
  accept(events: Sequenced[]): Set<StreamName> {
    const touched = new Set<StreamName>();
    for (const e of events) {
      const s = e.stream;
      if (e.seq <= this.seq[s] || this.pending[s].has(e.seq)) {
        // Above the snapshot, everything up to `seq` was applied from events: this one came twice.
        if (e.seq > this.snapshotSeq[s]) {
          this.duplicates[s]++;
          if (this.duplicateSeqs.length < 100) this.duplicateSeqs.push(`${s}:${e.seq}`);
        }
        continue;
      }
      this.pending[s].set(e.seq, e);
      touched.add(s);
    }
    for (const s of touched) this.drain(s);
    return new Set([...touched].filter((s) => this.pending[s].size > 0));
  }

  hasGap(stream: StreamName): boolean { return this.pending[stream].size > 0; }

  private drain(s: StreamName): void {
    for (let next = this.pending[s].get(this.seq[s] + 1); next; next = this.pending[s].get(this.seq[s] + 1)) {
      this.pending[s].delete(next.seq);
      this.seq[s] = next.seq;
      this.apply(next);
    }
  }
}
