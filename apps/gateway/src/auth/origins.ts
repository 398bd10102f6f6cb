import type { IncomingMessage } from 'node:http';

const LOCAL = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Whether a browser page from `origin` may use this gateway (sockets and CORS). No `Origin`
 * header means no browser page is asking (a server, a script, the load generator): allowed, it
 * still needs a token. Otherwise: the gateway's own origin (`host` as the request named it),
 * the ALLOWED_ORIGINS list, and localhost on any port in development.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[], development: boolean): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  if (development && LOCAL.test(origin)) return true;
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}

/** socket.io `allowRequest`: refuses a handshake from an origin not allowed (403 from engine.io). */
export function allowSocketRequest(allowed: readonly string[], development: boolean) {
  return (req: IncomingMessage, cb: (err: string | null | undefined, ok: boolean) => void): void => {
    cb(null, originAllowed(req.headers.origin, req.headers.host, allowed, development));
  };
}
