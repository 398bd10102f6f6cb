import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry } from './metrics';

/** A bare /metrics endpoint for processes without HTTP of their own (floor, qna, recorder). */
export async function serveMetrics(port: number, host = '127.0.0.1'): Promise<{ port: number; close: () => Promise<void> } | undefined> {
  if (!port) return undefined;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/metrics') { res.writeHead(404).end(); return; }
    registry.metrics().then((body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (err: Error) => res.writeHead(500).end(err.message));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
