/** Injection tokens of the recorder app. */
export const CONFIG = Symbol('CONFIG');
export const REDIS = Symbol('REDIS');
export const EVENT_LOG = Symbol('EVENT_LOG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
