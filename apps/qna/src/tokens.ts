/** Injection tokens the qna app uses (shared ones come from the libs that provide them). */
export { CONFIG } from '@rostrum/platform';
export { EVENT_LOG, REDIS } from '@rostrum/messaging';
