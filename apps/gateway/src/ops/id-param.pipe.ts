import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';

/** The shape of every id in a REST path (meetings, participants): what setup accepts, nothing else. */
export const REST_ID = /^[A-Za-z0-9_.:-]{1,80}$/;
const ID_PARAMS = new Set(['id', 'participantId', 'itemId']);

/**
 * Global pipe: a malformed id in a path (`%00`, a 5 kB string, `..`) is the client's mistake
 * and gets 400 VALIDATION_FAILED before any query runs; a well-formed unknown one reaches the
 * handler, which answers 404. Never 500 for a client's mistake.
 */
export class IdParamPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'param' || !meta.data || !ID_PARAMS.has(meta.data)) return value;
    if (typeof value !== 'string' || !REST_ID.test(value) || value === '.' || value === '..') {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: `${meta.data}: 1–80 letters, digits, _ . : - only` });
    }
    return value;
  }
}
