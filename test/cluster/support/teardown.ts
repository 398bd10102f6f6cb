import type { RedisClient } from '@rostrum/messaging';
import type { TestClient, TestSystem } from '@rostrum/testing';
import type { Debate } from '../../faults/support/debate';

/**
 * Stops what a cluster spec started, the debate first and its Redis servers last; every part is
 * optional, since `beforeAll` may have failed half-way. Only processes the spec started itself.
 */
export async function stopAll(parts: {
  debate?: Debate; clients: TestClient[]; redis?: RedisClient; sys?: TestSystem; servers?: { destroy(): Promise<void> };
}): Promise<void> {
  await parts.debate?.stop();
  parts.debate?.close();
  for (const c of parts.clients) c.close();
  parts.redis?.disconnect();
  await parts.sys?.stop().catch(() => undefined);
  await parts.servers?.destroy();
}
