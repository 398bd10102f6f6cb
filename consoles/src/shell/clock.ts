// The speaking clock, drawn from the server's time: `serverNow()` is this device's clock plus the
// offset @rostrum/client measured (the snapshot's serverTime already sets it), so a device whose
// clock is minutes off shows the right time from the first frame.
import { useEffect, useState } from 'preact/hooks';
export { secondsLeft } from './time';

/** Re-renders every `ms` (default 250) while `running`, returning the server's now. */
export function useServerNow(serverNow: () => number, running: boolean, ms = 250): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const id = setInterval(() => tick((n) => n + 1), ms);
    return () => clearInterval(id);
  }, [running, ms]);
  return serverNow();
}
