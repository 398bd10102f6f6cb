import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { setupMaster, setupWorker } from '@socket.io/sticky';
import { AggregatorRegistry } from 'prom-client';
import type { Server } from 'socket.io';
import type { Logger } from 'pino';
import { registry, type AppConfig } from '@rostrum/platform';

/** IPC messages between the gateway's primary and its workers (besides @socket.io/sticky's own). */
const READY = 'rostrum:gateway-ready';
const METRICS_REQ = 'rostrum:metrics-req';
const METRICS_RES = 'rostrum:metrics-res';

/**
 * All cores (issue 14): the primary of a gateway run as `workers` processes on one port.
 *
 * The primary holds the listening socket and hands each connection to a worker with
 * @socket.io/sticky (least connections; a polling client's later requests carry its `sid` and
 * go to the worker that holds its session, so HTTP long-polling works). The workers are full
 * gateways: each tails the fan-out stream for its own sockets, and rooms, fetchSockets and
 * disconnects across workers go through the Redis streams adapter, as across gateway hosts.
 * A worker that dies is replaced (its clients reconnect and resume from their seq).
 * Logs `gateway ready` once every worker is ready; SIGTERM/SIGINT drains every worker
 * (each runs its own drain: in-flight acks first) and exits when all have.
 *
 * @throws when the port cannot be listened on
 */
export async function runPrimary(config: AppConfig, logger: Logger): Promise<void> {
  const workers = config.gateway.workers;
  // @socket.io/sticky passes the first bytes of each connection as a Buffer: IPC must keep Buffers.
  cluster.setupPrimary({ serialization: 'advanced' });
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const fork = (): Worker => {
    const w = stopReadingHandedSockets(cluster.fork());
    w.on('message', (m: { type?: string; id?: string }) => {
      if (m?.type !== METRICS_REQ) return;
      // Every worker's metrics together, so that /metrics on any connection counts the whole gateway.
      aggregator.clusterMetrics().then((text) => w.send({ type: METRICS_RES, id: m.id, text }), (err: Error) => w.send({ type: METRICS_RES, id: m.id, error: err.message }));
    });
    return w;
  };
  const ready = (w: Worker) => new Promise<void>((res, rej) => {
    const onMessage = (m: { type?: string }) => { if (m?.type === READY) { w.off('message', onMessage); w.off('exit', onExit); res(); } };
    const onExit = (code: number) => rej(new Error(`gateway worker ${w.process.pid} exited with ${code} before it was ready`));
    w.on('message', onMessage);
    w.once('exit', onExit);
  });
  const started = Array.from({ length: workers }, fork);
  await Promise.all(started.map(ready));
  cluster.on('exit', (w, code, signal) => {
    // A clean exit (code 0) is a shutdown (Ctrl-C reaches the workers too), not a crash.
    if (stopping || code === 0) return;
    logger.error({ pid: w.process.pid, code, signal }, 'gateway worker exited; starting another');
    fork();
  });

  const http = createServer();
  setupMaster(http, { loadBalancingMethod: 'least-connection' });
  await new Promise<void>((res, rej) => { http.once('error', rej); http.listen(config.gateway.port, config.gateway.host, () => res()); });
  const address = http.address() as { port: number };
  logger.info({ url: `http://${config.gateway.host}:${address.port}`, workers, pids: started.map((w) => w.process.pid) }, 'gateway ready');

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down the gateway workers');
    http.close();
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    // Each worker drains within its own 10 s deadline (onShutdown); this one is a backstop.
    const deadline = setTimeout(() => { logger.error('gateway workers did not stop in 15 s; exiting'); process.exit(1); }, 15_000);
    await Promise.all(alive.map((w) => new Promise<void>((res) => {
      if (w.isDead()) return res();
      w.once('exit', () => res());
      w.process.kill('SIGTERM');
    })));
    clearTimeout(deadline);
    logger.info('shut down cleanly');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/**
 * A socket handed to a worker must not be read by the primary any more (issue 14, the 5,000
 * viewers that could not all join 2 workers). @socket.io/sticky reads a connection's first
 * chunk in the primary, so the socket is reading when it is passed; node:child_process then
 * drops the primary's read callback but leaves the handle reading until the worker's
 * NODE_HANDLE_ACK closes it (and a handle queued behind another's ACK is still read by
 * sticky's own listener). Whatever the client sends meanwhile is read by whichever process
 * wakes first: taken by the primary, it is lost (nodejs/node#8353). For a websocket that is
 * socket.io's CONNECT packet, sent as soon as the worker's engine.io `open` arrives: the client
 * then waits for ever (no timeout covers a namespace connect), the server drops it after 45 s.
 * About 1 connection in 100 under load. So every `sticky:connection` send stops the primary's
 * reading first; the kernel keeps the bytes for the worker.
 *
 * @returns the same worker, its `send` wrapped
 */
export function stopReadingHandedSockets(w: Worker): Worker {
  const send = w.send.bind(w) as (...args: unknown[]) => boolean;
  w.send = ((message: unknown, handle?: unknown, ...rest: unknown[]) => {
    if (handle instanceof Socket && (message as { type?: unknown } | null)?.type === 'sticky:connection') stopReading(handle);
    return send(message, handle, ...rest);
  }) as Worker['send'];
  return w;
}

/**
 * Stops libuv reading a socket's handle for good (net.Socket has no public call for it; pause()
 * only stops delivery). The handle's `readStart` becomes a no-op too: a handle queued behind
 * another's handover stays on the socket, and the stream's read-ahead (`Socket._read`) would
 * otherwise start it again on the next tick, with the lost-bytes window back.
 */
function stopReading(socket: Socket): void {
  const handle = (socket as unknown as { _handle?: { reading?: boolean; readStop?: () => number; readStart?: () => number } | null })._handle;
  if (!handle?.readStop) return;
  handle.readStop();
  handle.readStart = () => 0;
  handle.reading = false;
}

/**
 * In a worker, from its first moment: the primary may hand it connections before its socket.io
 * server exists (a replacement worker has no clients, so least-connection picks it at once);
 * they are held here, not lost, and handed on by the returned function once it does.
 */
export function holdHandedConnections(): () => void {
  const held: Array<[unknown, unknown]> = [];
  const hold = (m: { type?: unknown }, handle: unknown) => { if (typeof m?.type === 'string' && m.type.startsWith('sticky:')) held.push([m, handle]); };
  process.on('message', hold);
  return () => {
    process.off('message', hold);
    for (const [m, handle] of held.splice(0)) (process as NodeJS.EventEmitter).emit('message', m, handle);
  };
}

/**
 * In a worker: the socket.io server takes the connections the primary hands over (no listen of
 * its own) — first those held since the worker started (`release`) —, its metrics answer the
 * primary's aggregation, and the primary is told it is ready.
 */
export function workerReady(io: Server, release: () => void): void {
  setupWorker(io);
  release();
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // answers the primary's metrics requests
  process.send!({ type: READY });
}

/**
 * The gateway's Prometheus text: in a worker, every worker's metrics summed by the primary
 * (gauges such as rostrum_connected_sockets are the whole gateway's); otherwise this process's.
 * Falls back to this worker's own after 2 s without an answer.
 */
export async function gatewayMetrics(): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = randomUUID();
  return new Promise<string>((res) => {
    const timer = setTimeout(() => { process.off('message', on); void registry.metrics().then(res); }, 2000);
    const on = (m: { type?: string; id?: string; text?: string; error?: string }) => {
      if (m?.type !== METRICS_RES || m.id !== id) return;
      clearTimeout(timer);
      process.off('message', on);
      if (m.text !== undefined) res(m.text); else void registry.metrics().then(res);
    };
    process.on('message', on);
    process.send!({ type: METRICS_REQ, id });
  });
}
