// Uses the running system at GATEWAY_PORT, or starts one with `npm start` (scripts/start.js)
// and stops it at the end: only the process it started, by its pid.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { root } = require('../lib/env');

const healthy = async (base) => {
  try { return (await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })).status === 200; } catch { return false; }
};

async function ensureSystem(base, env, log) {
  if (await healthy(base)) { log(`using the system already running at ${base}`); return { stop: async () => undefined }; }
  log(`starting the system (npm start) on ${base}…`);
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.js')], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out = (out + d).slice(-4000); });
  child.stderr.on('data', (d) => { out = (out + d).slice(-4000); });
  const exited = new Promise((r) => child.once('exit', r));
  for (let i = 0; i < 240 && !(await healthy(base)); i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${out}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!(await healthy(base))) { child.kill('SIGTERM'); throw new Error(`the system did not become healthy:\n${out}`); }
  // The floor, Q&A and recorder announce themselves after the gateway; give them a moment.
  await new Promise((r) => setTimeout(r, 1500));
  return { stop: async () => { if (child.exitCode === null) { child.kill('SIGTERM'); await exited; } } };
}

module.exports = { ensureSystem };
