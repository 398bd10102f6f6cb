// Runs atomically inside Redis (see EventLog.append).
export const APPEND_LUA = `
-- Appends events to a meeting stream only if nobody appended since expectedSeq (compare-and-set),
-- and only once per commandId. Also copies each event to the fan-out stream for the gateways.
-- KEYS[1] stream list, KEYS[2] command result key, KEYS[3] fan-out stream, KEYS[4] active meetings set
-- ARGV[1] expectedSeq, ARGV[2] result ttl seconds, ARGV[3] result json, ARGV[4] fan-out maxlen,
-- ARGV[5] meetingId, ARGV[6..] event envelopes (json, seq already set to expectedSeq+1..)
local previous = redis.call('GET', KEYS[2])
if previous then return {'duplicate', previous} end
local head = redis.call('LLEN', KEYS[1])
if head ~= tonumber(ARGV[1]) then return {'conflict', tostring(head)} end
for i = 6, #ARGV do
  redis.call('RPUSH', KEYS[1], ARGV[i])
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'e', ARGV[i])
end
redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[2])
redis.call('SADD', KEYS[4], ARGV[5])
return {'appended', tostring(head + #ARGV - 5)}
`;
