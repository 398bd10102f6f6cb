// Reads .env (creating it from .env.example with fresh secrets on first run). No dependencies:
// these scripts run before anything is built.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const root = path.resolve(__dirname, '..', '..');

function parse(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (m) out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

function ensureEnvFile() {
  const file = path.join(root, '.env');
  if (!fs.existsSync(file)) {
    const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8')
      .replace(/^TOKEN_SECRET=$/m, `TOKEN_SECRET=${crypto.randomBytes(32).toString('hex')}`)
      .replace(/^OPERATOR_KEY=$/m, `OPERATOR_KEY=${crypto.randomBytes(16).toString('hex')}`);
    fs.writeFileSync(file, example, { mode: 0o600 });
    console.log('created .env with fresh TOKEN_SECRET and OPERATOR_KEY');
  }
  return file;
}

/** The environment for the apps: .env under the real environment (which wins). */
function loadEnv() {
  const fromFile = parse(fs.readFileSync(ensureEnvFile(), 'utf8'));
  return { ...fromFile, ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k in fromFile || /^(DATABASE|REDIS|GATEWAY|TOKEN|OPERATOR|LOG|COMMAND|SWEEP|METRICS)_/.test(k))) };
}

module.exports = { root, parse, loadEnv };
