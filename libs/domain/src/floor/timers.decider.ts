import { TIMER_TOLERANCE_MS, allTimers, type FloorTimer } from './clock';
import { err, PUBLIC, type Draft, type Handler } from './draft';
import { maybeConclude } from './meeting.decider';
import { endSpeech } from './speech.decider';
import { own } from './own';

function fire(d: Draft, t: FloorTimer): void {
  const s = d.state;
  const profile = s.profile!;
  const sp = s.speech?.entryId === t.entryId ? s.speech : s.interrupted;
  if (t.kind === 'warning') {                                                  // R34
    d.emit('clock.warning', { entryId: t.entryId, secondsLeft: t.seconds!, at: t.dueAt }, PUBLIC, sp!.itemId);
  } else if (t.kind === 'expiry') {                                            // R34, R35: overrun counted from here
    d.emit('clock.expired', { entryId: t.entryId, at: t.dueAt, policy: profile.time.overrun, graceSeconds: profile.time.graceSeconds, alertChair: true }, PUBLIC, sp!.itemId);
  } else if (t.kind === 'grace') {                                             // R35: informal profiles cut off
    endSpeech(d, sp!, 'time');
  } else {                                                                     // R40
    const e = own(s.entries, t.entryId)!;
    const outcome = profile.absent.policy === 'move-to-end-once' && !e.missedOnce ? 'moved-to-end' : 'forfeited';
    d.emit('entry.missed', { entryId: e.entryId, delegationId: e.delegationId, outcome }, PUBLIC, e.itemId);
    maybeConclude(d, e.itemId);
  }
}

/** The durable job for `key` fell due: emit whatever is due now, or TIMER_STALE. */
export const fireTimer: Handler<{ key: string }> = (d, p) => {
  const horizon = d.now + TIMER_TOLERANCE_MS;
  const timer = allTimers(d.state).find((t) => t.key === p.key);
  if (!timer || timer.dueAt > horizon || d.state.status === 'adjourned') return err('TIMER_STALE', 'nothing is due for this timer');
  for (let i = 0; i < 50; i++) {
    const due = allTimers(d.state).find((t) => t.dueAt <= horizon);
    if (!due) break;
    fire(d, due);
  }
  return undefined;
};
