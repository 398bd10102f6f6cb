/** Injection token of the process configuration (`AppConfig`), shared by every app. */
export const CONFIG = Symbol('CONFIG');
