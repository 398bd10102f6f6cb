#!/usr/bin/env node
// `node scripts/footprint.js [--viewers 200] [--commands 200] [--interventions 3]`: measures what
// a command, a viewer and an intervention cost (Redis calls from INFO commandstats on a
// redis-server of its own, CPU per process, Postgres rows) for the capacity model
// (docs/scaling.md, scripts/capacity.js). Finds or starts Postgres, builds dist/ if stale, then
// runs bench/footprint.ts; writes artifacts/bench/footprint.json. Never part of `npm test`.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { root, loadEnv } = require('./lib/env');
const { ensureServices, buildIfNeeded } = require('./lib/services');

async function main() {
  const env = loadEnv();
  Object.assign(env, await ensureServices(env, (m) => console.log(`[footprint] ${m}`)));
  buildIfNeeded((m) => console.log(`[footprint] ${m}`));
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', path.join(root, 'bench', 'register.js'), path.join(root, 'bench', 'footprint.ts'), ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: env.DATABASE_URL, REDIS_URL: env.REDIS_URL } });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => { console.error(`[footprint] ${err.message}`); process.exit(1); });
