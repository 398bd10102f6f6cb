import pino, { type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';

let root: Logger | undefined;

/** Structured JSON logs (one line per record) with the app name on every line. */
export function createLogger(app: string, level = 'info'): Logger {
  root ??= pino({ level, base: { app, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
  return root;
}

/** Routes Nest's own logging through pino so that every line is JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) { this.logger.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string) { this.logger.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string) { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string) { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { this.logger.trace({ context }, String(message)); }
}
