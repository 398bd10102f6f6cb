import { CORE_ERROR_CODES } from './core/errors';
import { FLOOR_ERROR_CODES } from './floor/errors';
import { QNA_ERROR_CODES } from './qna/errors';
import { RECORD_ERROR_CODES } from './record/commands';

/** Refusals of the socket handshake (connect_error data.code). */
export const TOKEN_ERROR_CODES = ['TOKEN_MISSING', 'TOKEN_EXPIRED', 'TOKEN_INVALID'] as const;

/** Every stable error code a client can get, from every capability. */
export const ERROR_CODES = [...new Set([...CORE_ERROR_CODES, ...FLOOR_ERROR_CODES, ...QNA_ERROR_CODES, ...RECORD_ERROR_CODES, ...TOKEN_ERROR_CODES])];
export type ErrorCode = (typeof CORE_ERROR_CODES | typeof FLOOR_ERROR_CODES | typeof QNA_ERROR_CODES | typeof RECORD_ERROR_CODES | typeof TOKEN_ERROR_CODES)[number];
