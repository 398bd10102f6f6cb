import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { health } from '../health/health';
import { registry } from './metrics';

/**
 * A bare HTTP endpoint for processes without HTTP of their own (floor, qna, recorder):
 * `/metrics` (Prometheus), `/health/live` (the process runs) and `/health/ready` (every
 * dependency answered just now: 200, else 503; JSON per dependency with its last round trip).
 */
export async function serveMetrics(port: number, host = '127.0.0.1'): Promise<{ port: number; close: () => Promise<void> } | undefined> {
  if (!port) return undefined;
  const server: Server = createServer((req, res) => {
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/health/live') { json(200, { status: 'ok', pid: process.pid, uptimeSeconds: Math.round(process.uptime()) }); return; }
    if (req.url === '/health/ready' || req.url === '/health') {
      health.probe().then((r) => json(r.ready ? 200 : 503, { status: r.ready ? 'ok' : 'error', ...r }), (err: Error) => json(503, { status: 'error', error: err.message }));
      return;
    }
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
