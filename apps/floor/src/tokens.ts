/** Injection tokens of the floor app. */
export const CONFIG = Symbol('CONFIG');
export const REDIS = Symbol('REDIS');
export const EVENT_LOG = Symbol('EVENT_LOG');
