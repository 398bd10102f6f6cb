// Who has the floor and their clock, drawn from the server's time (viewer's pinned strip, the
// room display). The clock element is `#clock` with `role="timer"`.
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import { useI18n } from '../i18n/i18n-context';
import { useServerNow } from '../shell/clock';
import { formatCountdown, secondsLeft } from '../shell/time';

/** `m:ss` left, and whether it is in its warning time or over (R34). */
export function useSpeakingClock(floor: FloorSnapshot, serverNow: () => number): { text: string; state: 'ok' | 'warning' | 'expired'; seconds: number } | null {
  const sp = floor.speech;
  const now = useServerNow(serverNow, !!sp && !sp.paused);
  if (!sp) return null;
  const left = secondsLeft(sp, now);
  const warnAt = Math.max(...(floor.profile?.time.warningsSeconds ?? [30]), 0);
  const state = left <= 0 || sp.expiredAt ? 'expired' : left <= warnAt || sp.warningsGiven.length > 0 ? 'warning' : 'ok';
  return { text: formatCountdown(left), state, seconds: Math.ceil(left) };
}

/** The speaker (or who is called) and the clock; `compact` for a phone's pinned strip. */
export function FloorNow({ floor, serverNow, compact }: { floor: FloorSnapshot; serverNow: () => number; compact?: boolean }) {
  const { t } = useI18n();
  const clock = useSpeakingClock(floor, serverNow);
  const sp = floor.speech?.speaker ?? floor.called ?? null;
  return (
    <div class={`floor-now${compact ? ' compact' : ''}`}>
      <p class="speaker-name" id="speaker-name">
        {sp ? <>{sp.speakerName} <span class="capacity">— {sp.capacityLabel}</span></> : <span class="muted">{t('pinned.nobody')}</span>}
        {floor.called && !floor.speech ? <span class="muted"> · {t('pinned.calledNotSpeaking')}</span> : null}
        {floor.speech?.paused ? <span class="muted"> · {t('pinned.paused')}</span> : null}
      </p>
      {clock ? (
        <p id="clock" class="clock" role="timer" aria-live="off" data-state={clock.state}
          aria-label={clock.state === 'expired' ? t('pinned.clockUp', { time: clock.text }) : t('pinned.clockLeft', { time: clock.text })}>{clock.text}</p>
      ) : null}
    </div>
  );
}
