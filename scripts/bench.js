#!/usr/bin/env node
// `npm run bench [-- --quick] [--viewers N | --sizes 300,1000,...] [--only fanout,memory,command,qna,record]
//   [--workers K] [--gateway-workers N] [--scale-out] [--cpu-prof]`
// Finds or starts Postgres and Redis, builds dist/ if it is stale, checks the open-files limit,
// then runs bench/main.ts (compiled in memory by bench/register.js) against its own copy of the
// system (own schema, own Redis prefix, spare ports on 127.0.0.1). It stops what it started.
// Never part of `npm test`. ROSTRUM_DIST=<dir> runs a side build you made yourself (no build here).
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { root, loadEnv } = require('./lib/env');
const { ensureServices, buildIfNeeded } = require('./lib/services');

const log = (m) => console.log(`[bench] ${m}`);

/** The most viewers any part of the run holds at once (--viewers, the largest of --sizes, or the full run's 10,000). */
function viewersOf(args) {
  const value = (name) => { const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`)); return i < 0 ? undefined : (args[i].includes('=') ? args[i].split('=')[1] : args[i + 1]); };
  const sizes = value('--sizes')?.split(',').map(Number) ?? [];
  const viewers = value('--viewers');
  if (viewers !== undefined) return Math.max(Number(viewers), ...sizes);
  if (args.includes('--quick')) return Math.max(300, ...sizes);
  return Math.max(10000, ...sizes);
}

function fdLimits() {
  const r = spawnSync('sh', ['-c', 'ulimit -Sn; ulimit -Hn'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const [soft, hard] = r.stdout.trim().split('\n').map((v) => (v === 'unlimited' ? Infinity : Number(v)));
  return { soft, hard };
}

async function main() {
  let args = process.argv.slice(2);
  // One process holds every socket (the gateway, or the raw baseline server), plus its Redis,
  // Postgres and log files: the soft limit must cover the viewers with room to spare.
  const viewers = viewersOf(args);
  const needed = viewers + 1024;
  const limits = fdLimits();
  let raiseTo;
  if (limits && limits.soft < needed) {
    if (limits.hard >= needed) {
      raiseTo = Number.isFinite(limits.hard) ? Math.min(limits.hard, Math.max(needed, 65536)) : Math.max(needed, 65536);
      log(`open files limit ${limits.soft} < ${needed} needed for ${viewers} viewers: raising it to ${raiseTo} for the bench's processes`);
    } else {
      const fit = Math.max(100, limits.hard - 1024);
      log(`open files limit is ${limits.soft} (hard ${limits.hard}); ${viewers} viewers need about ${needed}.`);
      log(`  raise it with: ulimit -n ${Math.max(needed, 65536)}   (as root, or raise the hard limit in /etc/security/limits.conf / systemd LimitNOFILE)`);
      log(`  running with --viewers ${fit} instead (one size)`);
      const dropped = (a, i) => a.startsWith('--viewers') || args[i - 1] === '--viewers' || a.startsWith('--sizes') || args[i - 1] === '--sizes';
      args = [...args.filter((a, i) => !dropped(a, i)), '--viewers', String(fit)];
    }
  }

  const env = loadEnv();
  Object.assign(env, await ensureServices(env, (m) => log(m)));
  if (process.env.ROSTRUM_DIST && process.env.ROSTRUM_DIST !== 'dist') log(`using the side build ${process.env.ROSTRUM_DIST} (not rebuilding)`);
  else buildIfNeeded((m) => log(m));

  const node = [process.execPath, '--enable-source-maps', '-r', path.join(root, 'bench', 'register.js'), path.join(root, 'bench', 'main.ts'), ...args];
  const childEnv = { ...process.env, DATABASE_URL: env.DATABASE_URL, REDIS_URL: env.REDIS_URL, BENCH_FD_LIMIT: String(raiseTo ?? limits?.soft ?? '?') };
  const [cmd, argv] = raiseTo ? ['sh', ['-c', `ulimit -n ${raiseTo} && exec "$@"`, 'sh', ...node]] : [node[0], node.slice(1)];
  const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env: childEnv });
  // Ctrl-C reaches the child too (same process group); it stops its system in `finally`.
  process.on('SIGINT', () => undefined);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => { console.error(`[bench] ${err.message}`); process.exit(1); });
