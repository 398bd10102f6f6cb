import { TIMER_TOLERANCE_MS, allTimers } from './clock';
import { err, type Handler } from './draft';

export const fireTimer: Handler<{ key: string }> = (d, p) => {
  const timer = allTimers(d.state).find((t) => t.key === p.key);
  if (!timer || timer.dueAt > d.now + TIMER_TOLERANCE_MS) return err('TIMER_STALE', 'nothing is due for this timer');
  return err('TIMER_STALE', 'not yet implemented');
};
