#!/usr/bin/env node
// `npm run soak [-- --scale 0.1] [--speedup 60]`: finds or starts Postgres and Redis, builds if
// needed, then plays soak/main.ts (compiled in memory by bench/register.js) against its own copy
// of the system (own schema and Redis prefix, spare ports). Not part of CI (issue 9).
const path = require('node:path');
const { spawn } = require('node:child_process');
const { root, loadEnv } = require('./lib/env');
const { ensureServices, buildIfNeeded } = require('./lib/services');

async function main() {
  const env = loadEnv();
  Object.assign(env, await ensureServices(env, (m) => console.log(`[soak] ${m}`)));
  buildIfNeeded((m) => console.log(`[soak] ${m}`));
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', path.join(root, 'bench', 'register.js'), path.join(root, 'soak', 'main.ts'), ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: env.DATABASE_URL, REDIS_URL: env.REDIS_URL } });
  process.on('SIGINT', () => undefined);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => { console.error(`[soak] ${err.message}`); process.exit(1); });
