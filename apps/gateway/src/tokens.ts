/** Injection tokens of the gateway app. */
export const CONFIG = Symbol('CONFIG');
export const REDIS = Symbol('REDIS');
export const EVENT_LOG = Symbol('EVENT_LOG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const SERVICES = Symbol('SERVICES');
