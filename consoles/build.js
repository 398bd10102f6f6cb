#!/usr/bin/env node
// Builds the browser consoles into <dist>/consoles: the Preact pages (consoles/pages/*.html, TSX
// under src/shell, src/ui, src/pages) are type-checked with tsconfig.app.json (Vite does not
// type-check), then bundled by Vite (vite.config.mts); static/ (the shared CSS, the seed
// conference) is copied beside them. Usage: node consoles/build.js [dist]
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const sources = [path.join(__dirname, 'src'), path.join(__dirname, 'static'), path.join(__dirname, 'pages'), path.join(__dirname, 'vite.config.mts'), path.join(__dirname, 'tsconfig.app.json'),
  path.join(root, 'libs', 'contracts', 'src'), path.join(root, 'libs', 'client', 'src'), path.join(root, 'libs', 'domain', 'src')];

function newest(dir) {
  if (!fs.statSync(dir).isDirectory()) return fs.statSync(dir).mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Type-checks a TypeScript project; throws with the diagnostics. */
function typecheck(configFile) {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    throw new Error(`console build failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
}

/** The Preact pages, type-checked then bundled by Vite (a child process: the build stays synchronous). */
function buildPreactPages(out, log) {
  if (!fs.readdirSync(path.join(__dirname, 'pages')).some((f) => f.endsWith('.html'))) return;
  log('building consoles (vite)…');
  typecheck(path.join(__dirname, 'tsconfig.app.json'));
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(__dirname, 'vite.config.mts')], {
    cwd: __dirname, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ROSTRUM_CONSOLES_OUT: out },
  });
  if (r.status !== 0) throw new Error('console build failed: vite build (see above)');
}

/**
 * Builds when a source is newer than the last build (or `force`); returns the output folder.
 * Throws with the diagnostics on a type error, or when `vite build` fails.
 */
function buildConsoles(distDir = path.join(root, 'dist'), { force = false, log = () => {} } = {}) {
  const out = path.join(distDir, 'consoles');
  const marker = path.join(out, '.built');
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  if (!force && built >= Math.max(...sources.map(newest), fs.statSync(__filename).mtimeMs)) return out;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.cpSync(path.join(__dirname, 'static'), out, { recursive: true });
  buildPreactPages(out, log);
  fs.writeFileSync(marker, new Date().toISOString());
  return out;
}

module.exports = { buildConsoles };

if (require.main === module) {
  const dist = path.resolve(root, process.argv[2] || 'dist');
  try { console.log(`consoles built in ${buildConsoles(dist, { force: true })}`); } catch (e) { console.error(e.message); process.exit(1); }
}
