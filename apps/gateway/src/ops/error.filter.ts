import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '@rostrum/persistence';
import { createLogger } from '@rostrum/platform';

/** Seconds a client should wait before retrying a request that needed an unreachable Postgres. */
const RETRY_AFTER_S = 5;

/**
 * Every REST error has the same shape as a socket ack: `{ ok: false, error: { code, message } }`.
 * Postgres unreachable is 503 `UNAVAILABLE` with `Retry-After`, never 500 (issue 9).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse() as { code?: string; message?: string | string[]; details?: unknown; retryAfterSeconds?: number } | string;
      if (typeof body === 'object' && typeof body.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(body.retryAfterSeconds));
      const code = typeof body === 'object' && body.code ? body.code : status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHENTICATED' : 'BAD_REQUEST';
      const message = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : body.message ?? exception.message;
      res.status(status).json({ ok: false, error: { code, message, ...(typeof body === 'object' && body.details ? { details: body.details } : {}) } });
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      res.setHeader('Retry-After', String(RETRY_AFTER_S));
      res.status(503).json({ ok: false, error: { code: 'UNAVAILABLE', message: `the database is unreachable; retry in ${RETRY_AFTER_S} s` } });
      return;
    }
    createLogger('gateway').error({ err: exception }, 'unhandled REST error');
    res.status(500).json({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  }
}
