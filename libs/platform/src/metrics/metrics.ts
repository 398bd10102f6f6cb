import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, with the app name as a default label. */
export const registry = new Registry();
let started = false;

export function initMetrics(app: string): Registry {
  if (!started) {
    registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: registry });
    started = true;
  }
  return registry;
}

export const metrics = {
  connectedSockets: new Gauge({ name: 'rostrum_connected_sockets', help: 'Connected socket.io clients', registers: [registry] }),
  commands: new Counter({ name: 'rostrum_commands_total', help: 'Commands handled', labelNames: ['type', 'outcome'] as const, registers: [registry] }),
  commandSeconds: new Histogram({
    name: 'rostrum_command_seconds', help: 'Command handling time', labelNames: ['owner'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [registry],
  }),
  eventLogLagSeconds: new Gauge({ name: 'rostrum_event_log_lag_seconds', help: 'Age of the last event fanned out when it was delivered', aggregator: 'max', registers: [registry] }),
  eventsDelivered: new Counter({ name: 'rostrum_events_delivered_total', help: 'Events fanned out to rooms', registers: [registry] }),
  queueDepth: new Gauge({ name: 'rostrum_queue_depth', help: 'Jobs waiting or delayed per queue', labelNames: ['queue', 'state'] as const, aggregator: 'max', registers: [registry] }),
};
