import type { Logger } from 'pino';

type Closer = { name: string; close: () => Promise<unknown> | unknown };

/**
 * Closes resources in reverse order of registration on SIGTERM/SIGINT, then exits.
 * A hard deadline makes sure a stuck close never keeps a process alive forever.
 */
export function onShutdown(logger: Logger, closers: Closer[], deadlineMs = 10_000): void {
  let closing = false;
  const run = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => { logger.error('shutdown deadline passed, exiting'); process.exit(1); }, deadlineMs);
    timer.unref();
    for (const c of [...closers].reverse()) {
      try { await c.close(); } catch (err) { logger.warn({ err, resource: c.name }, 'close failed'); }
    }
    logger.info('shut down cleanly');
    process.exit(0);
  };
  process.once('SIGTERM', () => void run('SIGTERM'));
  process.once('SIGINT', () => void run('SIGINT'));
}
