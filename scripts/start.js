#!/usr/bin/env node
// `npm start`: finds or starts Postgres and Redis, builds if needed, runs migrations, starts the
// four apps, prints the URLs. Ctrl-C stops the apps (SIGTERM, each closes its connections).
const path = require('node:path');
const { spawn } = require('node:child_process');
const { root, loadEnv } = require('./lib/env');
const { ensureServices, buildIfNeeded, freePort } = require('./lib/services');

const APPS = ['floor', 'qna', 'recorder', 'gateway'];

async function main() {
  const env = loadEnv();
  Object.assign(env, await ensureServices(env));
  buildIfNeeded();
  const { migrate } = require(path.join(root, 'dist/libs/persistence/src'));
  const ran = await migrate({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA || 'public' });
  if (ran.length) console.log(`[setup] migrations applied: ${ran.join(', ')}`);

  const children = [];
  let stopping = false;
  function stop(code = 0) {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    Promise.all(children.map((c) => c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))).then(() => process.exit(code));
  }
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  let metricsPort = 9460;
  for (const app of APPS) {
    const port = app === 'gateway' ? 0 : (metricsPort = await freePort(metricsPort + 1));
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, `dist/apps/${app}/src/main.js`)], {
      cwd: root, env: { ...process.env, ...env, ...(port ? { METRICS_PORT: String(port) } : {}) }, stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (!stopping) { console.error(`[start] ${app} exited (${signal ?? code}); stopping the others`); stop(1); }
    });
    children.push(child);
  }
  const base = `http://${env.GATEWAY_HOST || '127.0.0.1'}:${env.GATEWAY_PORT || 3000}`;
  try { await waitForHealth(`${base}/health`); } catch (err) { console.error(`[start] ${err.message}`); stop(1); return; }
  console.log([
    '',
    'Rostrum is ready:',
    `  gateway    ${base}   (socket.io and REST)`,
    `  consoles   ${base}/console/`,
    `  API docs   ${base}/docs`,
    `  health     ${base}/health/ready     metrics ${base}/metrics`,
    `  operator key: OPERATOR_KEY in .env`,
    'Ctrl-C stops everything.',
    '',
  ].join('\n'));

}

/** Polls the gateway's /health until every dependency is up (the apps log their own progress). */
async function waitForHealth(url, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try { if ((await fetch(url)).ok) return; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the gateway did not report healthy at ${url} within ${timeoutMs / 1000} s`);
}

main().catch((err) => { console.error(`[start] ${err.message}`); process.exit(1); });
