// One connection per console, on @rostrum/client: snapshot, a gapless sequence per stream,
// `events.since` on a gap or a reconnect, the server's clock. This file only adapts it to the
// consoles' handlers; placeholders (`event.redacted`) advance the seq and are not delivered.
import { RostrumClient, type IoFactory } from '@rostrum/client';
import type { Socket } from 'socket.io-client';
import type { EventEnvelope, FloorView, QnaView, Snapshot, StreamName } from './protocol.js';

declare const io: IoFactory;

export type LinkStatus = 'connecting' | 'live' | 'behind' | 'offline' | 'refused';

export interface ConnectionHandlers {
  snapshot(s: Snapshot): void;
  event(e: EventEnvelope): void;
  transient?(name: string, data: unknown): void;
  status(s: LinkStatus, detail?: string): void;
}

export class Connection {
  readonly client: RostrumClient<FloorView, QnaView>;
  readonly socket: Socket;

  constructor(url: string, token: string, on: ConnectionHandlers) {
    this.client = new RostrumClient<FloorView, QnaView>({ url, token, io, reconnect: { minDelayMs: 500, maxDelayMs: 5000 } });
    this.socket = this.client.socket;
    on.status('connecting');
    this.client.onStatus((s, detail) => on.status(s, detail));
    this.client.onSnapshot((s) => on.snapshot(s as unknown as Snapshot));
    this.client.on('*', (e) => { if (e.type !== 'event.redacted') on.event(e as unknown as EventEnvelope); });
    this.client.onTransient('floor.view', (p) => on.transient?.('floor.view', p));
    this.client.onTransient('qna.tallies', (p) => on.transient?.('qna.tallies', p));
    void this.client.connect().catch(() => undefined); // a refusal is reported through status
  }

  /** Applied seq of each stream. */
  get seq(): Readonly<Record<StreamName, number>> { return this.client.seq; }
  /** Server clock minus ours (ms), from the server time in the snapshot and every batch. */
  get serverOffset(): number { return this.client.clock.offsetMs; }

  /** Swaps in a renewed token (`auth.renew`): the next reconnect presents it. */
  useToken(token: string): void { this.client.useToken(token); }

  /** Takes a fresh snapshot (when a view needs the server's projection again). */
  resync(): Promise<void> { return this.client.resync(); }

  close(): void { this.client.close(); }
}
