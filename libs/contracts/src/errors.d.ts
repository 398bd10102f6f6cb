import { CORE_ERROR_CODES } from './core/errors';
import { FLOOR_ERROR_CODES } from './floor/errors';
import { QNA_ERROR_CODES } from './qna/errors';
import { RECORD_ERROR_CODES } from './record/commands';
/** Refusals of the socket handshake (connect_error data.code) and of REST auth. */
export declare const TOKEN_ERROR_CODES: readonly ["TOKEN_MISSING", "TOKEN_EXPIRED", "TOKEN_INVALID"];
/** REST only: the generic HTTP refusals and the export formats. */
export declare const REST_ERROR_CODES: readonly ["NOT_FOUND", "BAD_REQUEST", "UNKNOWN_FORMAT"];
/** Every stable error code a client can get, from every capability. */
export type ErrorCode = (typeof CORE_ERROR_CODES | typeof FLOOR_ERROR_CODES | typeof QNA_ERROR_CODES | typeof RECORD_ERROR_CODES | typeof TOKEN_ERROR_CODES | typeof REST_ERROR_CODES)[number];
/**
 * The error catalogue: what each code means and what a client should do about it. One source
 * for the deciders (their `err`/`fail` take an ErrorCode), the gateway, `docs/asyncapi.yaml`
 * (each command lists the codes it can return, found in the code that decides it) and OpenAPI.
 * A code without a meaning here does not compile; `errors.spec.ts` checks every code is
 * produced by at least one test.
 */
export declare const ERROR_CATALOGUE: Readonly<Record<ErrorCode, string>>;
/** Every code of the catalogue. */
export declare const ERROR_CODES: ErrorCode[];
