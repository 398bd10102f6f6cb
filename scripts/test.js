#!/usr/bin/env node
// `npm test`: finds or starts Postgres and Redis, builds, then runs the unit and end-to-end
// suites with jest. End-to-end tests isolate themselves (own schema, own Redis prefix).
const { spawnSync } = require('node:child_process');
const { root, loadEnv } = require('./lib/env');
const { ensureServices, buildIfNeeded } = require('./lib/services');

async function main() {
  const env = loadEnv();
  Object.assign(env, await ensureServices(env));
  buildIfNeeded();
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!require('node:fs').existsSync(chromium)) {
    console.warn(`[test] the browser tests need Chromium at ${chromium}: sudo apt-get install -y chromium (or set CHROMIUM_PATH); .ci/run installs it.`);
  }
  if (spawnSync('pdftotext', ['-v']).error) {
    console.warn('[test] the PDF export tests read PDFs back with pdftotext: sudo apt-get install -y poppler-utils; .ci/run installs it.');
  }
  if (!require('node:fs').existsSync(process.env.HAPROXY_BIN || '/usr/sbin/haproxy')) {
    console.warn('[test] the load-balancer and deployment tests need HAProxy at /usr/sbin/haproxy: sudo apt-get install -y haproxy (or set HAPROXY_BIN); .ci/run installs it.');
  }
  const args = [require.resolve('jest/bin/jest'), '--runInBand', ...process.argv.slice(2)];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env, NODE_ENV: 'test' } });
  process.exit(r.status ?? 1);
}

main().catch((err) => { console.error(`[test] ${err.message}`); process.exit(1); });
