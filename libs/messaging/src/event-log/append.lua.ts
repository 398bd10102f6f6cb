// Run atomically inside Redis (see EventLog). Each touches ONE cluster slot: the append and the
// mark the meeting's (`{<meeting>}`), the publish its fan-out shard's (`{<prefix>:fanout:<k>}`).

export const APPEND_LUA = `
-- Appends events to a meeting stream only if nobody appended since expectedSeq (compare-and-set),
-- and only once per commandId. The fan-out copy is a separate step (PUBLISH_LUA).
-- KEYS[1] stream list, KEYS[2] command result key, KEYS[3] fanned-out hash (stream -> seq)
-- ARGV[1] expectedSeq, ARGV[2] result ttl seconds, ARGV[3] result json, ARGV[4] '1': rewrite a
-- known result (a write, so that a WAIT after a repeat covers the first append), ARGV[5] stream name,
-- ARGV[6..] event envelopes (json, seq already set to expectedSeq+1..)
local previous = redis.call('GET', KEYS[2])
if previous then
  if ARGV[4] == '1' then redis.call('SET', KEYS[2], previous, 'KEEPTTL') end
  return {'duplicate', previous, tostring(redis.call('PTTL', KEYS[2])), tostring(redis.call('LLEN', KEYS[1])),
    tostring(redis.call('HGET', KEYS[3], ARGV[5]) or 0)}
end
local head = redis.call('LLEN', KEYS[1])
if head ~= tonumber(ARGV[1]) then return {'conflict', tostring(head)} end
-- A stream with no mark yet (new, or older than the mark) counts as copied up to its head.
if redis.call('HEXISTS', KEYS[3], ARGV[5]) == 0 then redis.call('HSET', KEYS[3], ARGV[5], ARGV[1]) end
for i = 6, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[2])
return {'appended', tostring(head + #ARGV - 5)}
`;

export const PUBLISH_LUA = `
-- Copies events (or a transient message) to a fan-out shard and marks the meeting active there.
-- KEYS[1] fan-out stream, KEYS[2] the shard's active-meetings set
-- ARGV[1] maxlen, ARGV[2] meetingId ('' for none), ARGV[3..] messages (json)
for i = 3, #ARGV do redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i]) end
if ARGV[2] ~= '' then redis.call('SADD', KEYS[2], ARGV[2]) end
return 1
`;

export const MARK_LUA = `
-- Records that a stream is copied to the fan-out up to seq (never moves back).
-- KEYS[1] fanned-out hash; ARGV[1] stream, ARGV[2] seq
if (tonumber(redis.call('HGET', KEYS[1], ARGV[1])) or 0) < tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
return 1
`;

export const CAUGHT_UP_LUA = `
-- 1 when every stream's head is ARGV's and the fan-out has everything of it, else 0.
-- KEYS[1] fanned-out hash, KEYS[2..] stream lists; ARGV[1..] stream names, then heads
local n = #KEYS - 1
for i = 1, n do
  local head = tonumber(ARGV[n + i])
  if redis.call('LLEN', KEYS[i + 1]) ~= head then return 0 end
  if head > 0 and (tonumber(redis.call('HGET', KEYS[1], ARGV[i])) or 0) < head then return 0 end
end
return 1
`;
