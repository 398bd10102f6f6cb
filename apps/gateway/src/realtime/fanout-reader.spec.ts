import type { EventEnvelope, StreamName } from '@rostrum/contracts';
import type { EventLog } from '@rostrum/messaging';
import pino from 'pino';
import { FanoutReader, type FanoutMessage } from './fanout-reader';

const env = (meetingId: string, stream: StreamName, seq: number): EventEnvelope =>
  ({ meetingId, stream, seq, type: 'x', at: 0, actor: { role: 'chair', participantId: 'c' }, commandId: `c${seq}`, visibility: { scope: 'public' }, payload: {} }) as EventEnvelope;

/** The log as the reader uses it: `since` over in-memory streams, counting the reads. */
function fakeLog(streams: Record<string, EventEnvelope[]>) {
  const reads: string[] = [];
  const log = {
    keys: { fanoutShardKeys: ['s0'], fanoutOf: () => 's0' },
    since: async (meetingId: string, stream: StreamName, after: number, limit: number) => {
      reads.push(`${meetingId}/${stream}>${after}`);
      return (streams[`${meetingId}/${stream}`] ?? []).filter((e) => e.seq > after).slice(0, limit);
    },
  } as unknown as EventLog;
  return { log, reads };
}

const seqs = (ms: FanoutMessage[]) => ms.map((m) => ('transient' in m ? `t:${m.type}` : `${m.meetingId}/${m.stream}#${m.seq}`));

describe('FanoutReader: each stream once and in order, whatever the copies do', () => {
  it('drops a seq already delivered (a copy made twice) and keeps transient messages', async () => {
    const { log } = fakeLog({});
    const r = new FanoutReader(() => { throw new Error('not used'); }, log, pino({ enabled: false }));
    const view = { meetingId: 'm', type: 'floor.view', payload: {}, visibility: { scope: 'public' }, transient: true } as const;
    expect(seqs(await r.inOrder([env('m', 'meeting', 1), env('m', 'meeting', 2), view]))).toEqual(['m/meeting#1', 'm/meeting#2', 't:floor.view']);
    expect(seqs(await r.inOrder([env('m', 'meeting', 2), env('m', 'meeting', 3), env('m', 'meeting', 3)]))).toEqual(['m/meeting#3']);
  });

  it('fetches from the log the seqs a copy skipped, before the one that came early (two processes copying in the other order)', async () => {
    const { log, reads } = fakeLog({ 'm/meeting': [1, 2, 3, 4, 5].map((s) => env('m', 'meeting', s)) });
    const r = new FanoutReader(() => { throw new Error('not used'); }, log, pino({ enabled: false }));
    await r.inOrder([env('m', 'meeting', 1)]);
    expect(seqs(await r.inOrder([env('m', 'meeting', 4), env('m', 'qna', 7), env('m', 'meeting', 3), env('m', 'meeting', 5)])))
      .toEqual(['m/meeting#2', 'm/meeting#3', 'm/meeting#4', 'm/qna#7', 'm/meeting#5']);
    expect(reads).toEqual(['m/meeting>1']);
  });

  it('takes a stream it never saw as it comes (its clients fill older gaps with events.since), and keeps streams and meetings apart', async () => {
    const { log, reads } = fakeLog({});
    const r = new FanoutReader(() => { throw new Error('not used'); }, log, pino({ enabled: false }));
    expect(seqs(await r.inOrder([env('a', 'meeting', 40), env('b', 'meeting', 3), env('a', 'record', 9)])))
      .toEqual(['a/meeting#40', 'b/meeting#3', 'a/record#9']);
    expect(reads).toEqual([]);
  });
});
