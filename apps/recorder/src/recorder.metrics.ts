import { Counter, Gauge, Histogram } from 'prom-client';
import { registry } from '@rostrum/platform';

/** What an operator watches on the recorder: throughput, failures, and how far behind it is. */
export const recorderMetrics = {
  jobs: new Counter({ name: 'rostrum_record_jobs_total', help: 'Persist jobs by outcome', labelNames: ['outcome'] as const, registers: [registry] }),
  eventsPersisted: new Counter({ name: 'rostrum_record_events_persisted_total', help: 'Events written to Postgres', labelNames: ['stream'] as const, registers: [registry] }),
  batchSeconds: new Histogram({
    name: 'rostrum_record_batch_seconds', help: 'Time of one persist transaction', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  }),
  batchSize: new Histogram({ name: 'rostrum_record_batch_events', help: 'Events per persist transaction', buckets: [1, 5, 20, 100, 500, 1000], registers: [registry] }),
  entriesPublished: new Counter({ name: 'rostrum_record_entries_published_total', help: 'Entry versions appended to record streams', registers: [registry] }),
  publishConflicts: new Counter({
    name: 'rostrum_record_publish_conflicts_total', help: 'Publishing runs given up because another publisher marked or appended first (then reconciled)', registers: [registry],
  }),
  lagEvents: new Gauge({ name: 'rostrum_record_lag_events', help: 'Events in the log not yet in Postgres (last sweep)', registers: [registry] }),
  sweepRequeued: new Counter({ name: 'rostrum_record_sweep_requeued_total', help: 'Ranges the sweeper re-enqueued', registers: [registry] }),
};
