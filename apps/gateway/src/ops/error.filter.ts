import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { createLogger } from '@rostrum/platform';

/** Every REST error has the same shape as a socket ack: `{ ok: false, error: { code, message } }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse() as { code?: string; message?: string | string[]; details?: unknown } | string;
      const code = typeof body === 'object' && body.code ? body.code : status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHENTICATED' : 'BAD_REQUEST';
      const message = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : body.message ?? exception.message;
      res.status(status).json({ ok: false, error: { code, message, ...(typeof body === 'object' && body.details ? { details: body.details } : {}) } });
      return;
    }
    createLogger('gateway').error({ err: exception }, 'unhandled REST error');
    res.status(500).json({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  }
}
