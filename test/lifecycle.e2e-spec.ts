import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '@rostrum/persistence';
import { TestClient, TestSystem } from '@rostrum/testing';

const ROOT = resolve(__dirname, '..');
const DIST = process.env.ROSTRUM_DIST ?? 'dist';

// Issue 2: each app boots and shuts down cleanly; bad configuration stops start-up by name;
// migrations are safe when several processes start together; health and metrics answer.
describe('lifecycle, configuration, migrations, operations', () => {
  it('a missing or malformed setting stops start-up with a message naming it', () => {
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [join(ROOT, DIST, 'apps/floor/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000,
    });
    const missing = run({ DATABASE_URL: 'postgres://x@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379', OPERATOR_KEY: 'k'.repeat(16) });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/TOKEN_SECRET is missing/);
    const malformed = run({ DATABASE_URL: 'mysql://x', REDIS_URL: 'redis://127.0.0.1:6379', OPERATOR_KEY: 'k'.repeat(16), TOKEN_SECRET: 's'.repeat(40) });
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toMatch(/DATABASE_URL must be a URL/);
  });

  it('several processes migrating one schema at once apply each migration exactly once', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rostrum';
    const schema = `mig_${randomBytes(4).toString('hex')}`;
    const results = await Promise.all([1, 2, 3, 4].map(() => migrate({ url, schema })));
    expect(results.flat().sort()).toEqual(results.find((r) => r.length > 0)!.sort());
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM "${schema}".migrations`);
      expect(rows[0].n).toBe(rows[0].d);
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      await c.end();
    }
  });

  describe('a running system', () => {
    let sys: TestSystem;
    beforeAll(async () => { sys = await TestSystem.start(); }, 90_000);
    afterAll(() => sys?.stop(), 30_000);

    it('reports liveness, and readiness per dependency with its last round trip (gateway and every service), and Prometheus metrics', async () => {
      expect((await fetch(`${sys.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${sys.url}/health/ready`);
      expect(ready.status).toBe(200);
      const up = { status: 'up', lastOkAt: expect.any(String), roundTripMs: expect.any(Number) };
      expect(await ready.json()).toMatchObject({ status: 'ok', details: { postgres: up, redis: up, transport: up, floor: up, qna: up, recorder: up, 'socket.io-adapter': up } });
      // The services report their own readiness on their metrics port.
      for (const name of ['floor', 'qna', 'recorder'] as const) {
        const res = await fetch(`${sys.apps.find((a) => a.name === name)!.url}/health/ready`);
        expect(res.status).toBe(200);
        const body = await res.json() as { ready: boolean; dependencies: Record<string, { status: string; lastOkAt: number }> };
        expect(body.ready).toBe(true);
        expect(body.dependencies.redis).toMatchObject({ status: 'up', lastOkAt: expect.any(Number) });
        expect(body.dependencies.transport).toMatchObject({ status: 'up' });
        if (name === 'recorder') expect(body.dependencies.postgres).toMatchObject({ status: 'up' });
      }
      const { meetingId } = await sys.createMeeting({ title: 'M', profile: { preset: 'un-ga' }, items: [{ title: 'I' }] });
      const viewer = await TestClient.connect(sys.url, await sys.viewerToken(meetingId));
      const text = await (await fetch(`${sys.url}/metrics`)).text();
      viewer.close();
      expect(text).toMatch(/rostrum_connected_sockets\{app="gateway"\} 1/);
      expect(text).toMatch(/rostrum_queue_depth\{queue="record",state="waiting",app="gateway"\}/);
      expect(text).toMatch(/rostrum_commands_total/);
      expect(text).toMatch(/rostrum_connection_up\{connection="redis",app="gateway"\} 1/);
      expect(text).toMatch(/rostrum_connection_up\{connection="floor",app="gateway"\} 1/);
    });

    it('serves the queue dashboard to operators only', async () => {
      expect((await fetch(`${sys.url}/queues`)).status).toBe(401);
      const auth = `Basic ${Buffer.from('operator:test-operator-key-0123456789').toString('base64')}`;
      const page = await fetch(`${sys.url}/queues/api/queues`, { headers: { authorization: auth } });
      expect(page.status).toBe(200);
      expect(JSON.stringify(await page.json())).toContain('floor-timers');
    });

    it('every app shuts down cleanly on SIGTERM (exit code 0)', async () => {
      for (const app of [...sys.apps]) expect(await sys.stopApp(app, 'SIGTERM')).toBe(0);
    });
  });
});
