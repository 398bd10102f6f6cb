// The event log is exercised against the real Redis in test/event-log.e2e-spec.ts; here only
// the key layout, which must keep a meeting's keys in one cluster slot.
import { Keys } from '../redis/redis';

it('keeps every key of a meeting under one hash tag and the deployment prefix', () => {
  const k = new Keys('t1');
  expect(k.stream('m1', 'meeting')).toBe('t1:m:{m1}:meeting:log');
  expect(k.command('m1', 'meeting', 'c1')).toBe('t1:m:{m1}:meeting:cmd:c1');
});

it('puts each fan-out shard and its active set in a slot of their own, and a meeting always on the same shard', () => {
  const k = new Keys('t1', 4);
  expect(k.fanoutShardKeys).toEqual(['{t1:fanout:0}', '{t1:fanout:1}', '{t1:fanout:2}', '{t1:fanout:3}']);
  expect(k.activeShard(2)).toBe('{t1:fanout:2}:active');
  expect(k.fanoutOf('m1')).toBe(k.fanoutShard(k.shardOf('m1')));
  expect(k.activeOf('m1')).toBe(k.activeShard(k.shardOf('m1')));
  expect(new Keys('other', 4).shardOf('m1')).toBe(k.shardOf('m1'));
  // Meetings spread over the shards (no single key carries every meeting).
  const used = new Set(Array.from({ length: 200 }, (_, i) => k.shardOf(`meeting-${i}`)));
  expect(used).toEqual(new Set([0, 1, 2, 3]));
  expect(k.fannedOut('m1')).toBe('t1:m:{m1}:fanned');
});
