/** Injection tokens of the gateway app (shared ones come from the libs that provide them). */
export { CONFIG } from '@rostrum/platform';
export { EVENT_LOG, REDIS } from '@rostrum/messaging';
export { DATA_SOURCE } from '@rostrum/persistence';
export const SERVICES = Symbol('SERVICES');
