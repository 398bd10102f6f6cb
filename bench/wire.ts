// `node -r ./bench/register.js bench/wire.ts`: what the wire options would cost or save on the
// gateway's fan-out, measured on the messages it sends (issue 14, "the wire"). Not part of the
// bench run: a micro-benchmark in one process, so it isolates each option's CPU and bytes.
//   - encoding: socket.io's default parser (JSON) vs msgpack, for a one-event and a 20-event batch;
//     a broadcast encodes once per audience, the client decodes once per message;
//   - per-message deflate: each websocket has its own compression context, so a broadcast pays
//     one deflate per socket (measured with zlib deflateRaw, what ws uses), against the bytes saved;
//   - utf-8-validate / bufferutil: whether ws would use them at all for these frames.
import { constants, deflateRawSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { encode, decode } from '@msgpack/msgpack';

const event = (seq: number) => ({
  meetingId: 'mtg-2f1c9e7a', stream: 'meeting', seq, type: 'floor.requested', at: 1_764_480_000_000 + seq,
  commandId: `cmd-${seq}-8f2a61c0`, actor: { participantId: 'gha', role: 'delegate', delegationId: 'GHA' },
  payload: { entry: { entryId: `e-${seq}`, delegationId: 'GHA', type: 'statement', requestedAt: 1_764_480_000_000 + seq, position: seq % 40 } },
});
const batch = (n: number) => Array.from({ length: n }, (_, i) => event(i + 1));
// What socket.io's default parser writes for emit('events', batch, meta): `42["events",[...],{...}]`.
const jsonFrame = (b: unknown[]) => `42${JSON.stringify(['events', b, { serverTime: 1_764_480_000_000 }])}`;
const msgpackFrame = (b: unknown[]) => encode({ type: 2, data: ['events', b, { serverTime: 1_764_480_000_000 }], nsp: '/' });

function time(label: string, runs: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(1000, runs); i++) fn();
  const t = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const us = ((performance.now() - t) * 1000) / runs;
  console.log(`  ${label.padEnd(48)} ${us.toFixed(2).padStart(8)} µs`);
  return us;
}

for (const n of [1, 20]) {
  const b = batch(n);
  const json = jsonFrame(b);
  const mp = msgpackFrame(b);
  console.log(`batch of ${n} event(s): JSON ${Buffer.byteLength(json)} B, msgpack ${mp.byteLength} B (${Math.round((100 * mp.byteLength) / Buffer.byteLength(json))}%)`);
  time('encode JSON (once per audience)', 20_000, () => jsonFrame(b));
  time('encode msgpack (once per audience)', 20_000, () => msgpackFrame(b));
  time('decode JSON (client, per message)', 20_000, () => JSON.parse(json.slice(2)));
  time('decode msgpack (client, per message)', 20_000, () => decode(mp));
  const buf = Buffer.from(json);
  const deflated = deflateRawSync(buf, { level: constants.Z_DEFAULT_COMPRESSION });
  console.log(`  deflate: ${buf.byteLength} → ${deflated.byteLength} B per socket`);
  // A new context per message: an upper bound. ws keeps one per socket (context takeover), which
  // saves the set-up but still deflates once per socket of a broadcast, off the main thread.
  time('deflate, new context (× every socket)', 5_000, () => deflateRawSync(buf));
}

// ws 8.17+ validates UTF-8 with Node's buffer.isUtf8 when it exists; bufferutil only masks and
// unmasks, which a server does only for frames it receives (clients mask, servers do not).
const { isUtf8 } = require('node:buffer') as { isUtf8?: unknown };
console.log(`\nnode ${process.version}: buffer.isUtf8 ${typeof isUtf8 === 'function' ? 'present (ws uses it; utf-8-validate unused)' : 'absent'}`);
