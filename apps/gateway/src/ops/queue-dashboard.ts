import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { QueueName } from '@rostrum/contracts';
import { bullConnection, bullPrefix } from '@rostrum/messaging';
import type { AppConfig } from '@rostrum/platform';
import { isOperatorKey } from '../auth/operator-key.guard';

export const QUEUE_DASHBOARD_PATH = '/queues';

/**
 * The BullMQ dashboard (bull-board) for operators: waiting, delayed and failed jobs, retries.
 * Browser-friendly basic auth: any user name, the OPERATOR_KEY as password.
 */
export function queueDashboard(config: AppConfig): { router: unknown; guard: (req: Request, res: Response, next: NextFunction) => void; close: () => Promise<void> } {
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection: bullConnection(config.redis), prefix: bullPrefix(config.redis.prefix, name) }));
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
  const guard = (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const password = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString().split(':').slice(1).join(':') : '';
    if (isOperatorKey(password, config.auth.operatorKey)) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="Rostrum queues (password: OPERATOR_KEY)"');
    res.status(401).json({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'the operator key is required (basic auth password)' } });
  };
  return { router: adapter.getRouter(), guard, close: async () => { await Promise.all(queues.map((q) => q.close())); } };
}
