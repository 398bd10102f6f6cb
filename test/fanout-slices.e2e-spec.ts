import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import type { EventEnvelope } from '@rostrum/contracts';
import { Fanout } from '../apps/gateway/src/realtime/fanout';
import type { FanoutReader } from '../apps/gateway/src/realtime/fanout-reader';
import { roomsOf } from '../apps/gateway/src/realtime/rooms';
import { waitUntil } from './support/floor';

// Review fixes of the sliced fan-out (issue 14), on a real socket.io server and real clients:
// after stop() no slice is written any more (the first version of the fix still wrote one more);
// a write that throws ends its flush (the meeting's joins and catch-ups no longer wait for ever)
// and the next flush reaches everyone.
describe('fan-out in slices: stop, a failing write', () => {
  const MEETING = 'slices';
  let http: HttpServer;
  let server: Server;
  let url: string;
  let deliver: (messages: EventEnvelope[]) => void;
  const clients: ClientSocket[] = [];
  const reader = { start: (fn: (m: EventEnvelope[]) => void) => { deliver = fn; }, stop: async () => undefined } as unknown as FanoutReader;

  beforeAll(async () => {
    http = createServer();
    server = new Server(http, { transports: ['websocket'] });
    server.on('connection', (socket) => {
      const claims = { meetingId: MEETING, role: 'viewer', participantId: `v-${socket.id}` };
      socket.data.claims = claims;
      void socket.join(roomsOf(claims as never));
      socket.emit('joined');
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  });
  afterAll(async () => { for (const c of clients) c.disconnect(); server.close(); await new Promise((r) => http.close(() => r(undefined))); });

  /** `n` viewers, each noting the seqs of every `events` batch and every `marker`. */
  const viewers = async (n: number) => {
    const out = await Promise.all(Array.from({ length: n }, async () => {
      const socket = io(url, { transports: ['websocket'], reconnection: false });
      clients.push(socket);
      const got: Array<number | 'marker'> = [];
      socket.on('events', (batch: Array<{ seq: number }>) => got.push(...batch.map((e) => e.seq)));
      socket.on('marker', () => got.push('marker'));
      await new Promise((r) => socket.once('joined', r));
      return { socket, got };
    }));
    return out;
  };
  const event = (seq: number, payload: Record<string, unknown> = { n: seq }): EventEnvelope => ({
    meetingId: MEETING, stream: 'meeting', seq, type: 'presence.updated', at: Date.now(), payload, visibility: { scope: 'public' },
  } as unknown as EventEnvelope);
  /** Lets the server run a few turns of its event loop (where the slices are written). */
  const turns = async (k: number) => { for (let i = 0; i < k; i++) await new Promise((r) => setImmediate(r)); };
  /** Proves the clients have everything written so far: a marker sent after it arrives after it. */
  const flushed = async (vs: Array<{ got: Array<number | 'marker'> }>) => {
    const before = vs.map((v) => v.got.filter((g) => g === 'marker').length);
    server.emit('marker');
    await waitUntil(() => vs.every((v, i) => v.got.filter((g) => g === 'marker').length > before[i]!), 'the marker reached every viewer');
  };

  it('after stop() the rest of a flush is not written: the first slice went out, the later ones never do', async () => {
    const vs = await viewers(4);
    const fanout = new Fanout(reader, undefined, { writesPerSecond: 1000, burstWrites: 1000, sliceSockets: 1 });
    fanout.start(server);
    deliver([event(1)]);                          // four slices of one socket: the first written now
    await fanout.stop();
    await turns(10);
    await flushed(vs);
    const reached = vs.filter((v) => v.got.includes(1)).length;
    expect(reached).toBe(1);
    for (const v of vs) v.got.length = 0;
    for (const v of vs) v.socket.disconnect();
  });

  it('a socket write that throws ends its flush: onError is told, joins waiting on it run, and the next flush reaches every viewer', async () => {
    const vs = await viewers(3);
    const errors: unknown[] = [];
    const fanout = new Fanout(reader, undefined, { writesPerSecond: 1000, burstWrites: 1000, sliceSockets: 1 }, Date.now, (err) => errors.push(err));
    fanout.start(server);
    // The second viewer's connection fails when written to (once): its slice throws.
    const failing = [...server.of('/').sockets.values()][1]!;
    const client = failing.client as unknown as { writeToEngine: (...a: unknown[]) => void };
    const write = client.writeToEngine;
    client.writeToEngine = function (this: unknown, ...a: unknown[]) { client.writeToEngine = write; throw new Error('socket write failed'); };
    deliver([event(1)]);
    const idle = await Promise.race([fanout.whenFollowersIdle(MEETING, () => 'idle'), new Promise((r) => setTimeout(() => r('still writing'), 5_000))]);
    expect(idle).toBe('idle');
    expect(errors).toHaveLength(1);
    deliver([event(2)]);
    await waitUntil(() => vs.every((v) => v.got.includes(2)), 'the next flush reached every viewer');
    expect(vs.map((v) => v.got.filter((g) => g === 2).length)).toEqual([1, 1, 1]);
    await fanout.stop();
    for (const v of vs) v.socket.disconnect();
  });
});
