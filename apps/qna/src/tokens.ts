/** Injection tokens of the qna app. */
export const CONFIG = Symbol('CONFIG');
export const REDIS = Symbol('REDIS');
export const EVENT_LOG = Symbol('EVENT_LOG');
