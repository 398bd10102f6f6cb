import type { IncomingMessage } from 'node:http';
import { clientAddress, trustProxy } from './client-address';

const req = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('clientAddress (TRUST_PROXY)', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(req('10.0.0.5', '203.0.113.7'), trustProxy([]))).toBe('10.0.0.5');
  });

  it('is the address the trusted balancer appended, not one the client wrote before it', () => {
    const trust = trustProxy(['10.0.0.0/8']);
    expect(clientAddress(req('10.0.0.5', '203.0.113.7'), trust)).toBe('203.0.113.7');
    // The client sent "X-Forwarded-For: 198.51.100.1"; the balancer appended the real 203.0.113.7.
    expect(clientAddress(req('10.0.0.5', '198.51.100.1, 203.0.113.7'), trust)).toBe('203.0.113.7');
  });

  it('walks through every trusted hop (an ingress behind a cloud balancer)', () => {
    expect(clientAddress(req('10.0.0.5', '203.0.113.7, 10.1.2.3'), trustProxy(['10.0.0.0/8']))).toBe('203.0.113.7');
  });

  it('ignores the header from a peer that is not a trusted proxy', () => {
    expect(clientAddress(req('192.0.2.9', '203.0.113.7'), trustProxy(['loopback']))).toBe('192.0.2.9');
  });

  it('refuses a malformed entry', () => {
    expect(() => trustProxy(['not-an-address'])).toThrow(TypeError);
  });
});
