import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Which hops may name the client in `X-Forwarded-For`. */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The trust rule of `TRUST_PROXY` (proxy-addr syntax, the same as Express's `trust proxy`):
 * addresses, CIDRs, `loopback`, `linklocal`, `uniquelocal`. An empty list trusts no proxy.
 * Throws TypeError on a malformed entry (the config refuses those at start).
 */
export function trustProxy(list: readonly string[]): TrustProxy {
  return list.length ? proxyaddr.compile([...list]) : () => false;
}

/**
 * The client's address for the per-address limits: the peer, or — when the peer is a trusted
 * proxy — the nearest untrusted address in `X-Forwarded-For` (read right to left, so a client
 * cannot name itself by sending the header: the balancer appends the address it saw). Behind a
 * load balancer without `TRUST_PROXY` every client would share the balancer's address and one
 * budget (VIEWER_MINT_PER_ADDRESS_PER_MINUTE, CONNECTIONS_PER_ADDRESS_PER_10S, SOCKETS_PER_ADDRESS).
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  if (!req.socket?.remoteAddress) return 'unknown';
  return proxyaddr(req as Parameters<typeof proxyaddr>[0], trust);
}
