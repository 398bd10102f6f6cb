/**
 * Delay (ms) before reconnection attempt `times` (1, 2, …) to Redis or Postgres: exponential
 * from 50 ms, capped at 1 s, with full jitter in its upper half so that a fleet of processes
 * does not reconnect in lock-step. Never gives up (issue 9: a dependency that comes back is
 * used again within seconds, with no restart).
 */
export function reconnectDelay(times: number, capMs = 1000): number {
  const base = Math.min(capMs, 50 * 2 ** Math.max(0, Math.min(times, 10)));
  return Math.round(base / 2 + Math.random() * (base / 2));
}
