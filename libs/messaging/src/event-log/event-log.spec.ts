// The event log is exercised against the real Redis in test/event-log.e2e-spec.ts; here only
// the key layout, which must keep a meeting's keys in one cluster slot.
import { Keys } from '../redis/redis';

it('keeps every key of a meeting under one hash tag and the deployment prefix', () => {
  const k = new Keys('t1');
  expect(k.stream('m1', 'meeting')).toBe('t1:m:{m1}:meeting:log');
  expect(k.command('m1', 'meeting', 'c1')).toBe('t1:m:{m1}:meeting:cmd:c1');
  expect(k.fanout).toBe('t1:fanout');
});
