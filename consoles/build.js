#!/usr/bin/env node
// Builds the browser consoles into <dist>/consoles with the project's TypeScript (no bundler):
// the pages and CSS are copied, the modules compiled to ES modules. Contracts are imported as
// types only; @rostrum/client (libs/client) is compiled with them into js/client/, and its
// import specifier is made relative in what the pages load. Usage: node consoles/build.js [dist]
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const sources = [path.join(__dirname, 'src'), path.join(__dirname, 'static'), path.join(root, 'libs', 'contracts', 'src'), path.join(root, 'libs', 'client', 'src')];

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Compiles when a source is newer than the last build; throws with the diagnostics on a type error. */
function buildConsoles(distDir = path.join(root, 'dist'), { force = false, log = () => {} } = {}) {
  const out = path.join(distDir, 'consoles');
  const marker = path.join(out, '.built');
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  if (!force && built >= Math.max(...sources.map(newest), fs.statSync(__filename).mtimeMs)) return out;
  log('building consoles (tsc)…');
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(__dirname, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    throw new Error(`console build failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  const srcPrefix = path.join(parsed.options.outDir, 'consoles', 'src') + path.sep;
  const clientPrefix = path.join(parsed.options.outDir, 'libs', 'client', 'src') + path.sep;
  program.emit(undefined, (fileName, text) => {
    const f = path.normalize(fileName);
    const rel = f.startsWith(srcPrefix) ? f.slice(srcPrefix.length) : f.startsWith(clientPrefix) ? path.join('client', f.slice(clientPrefix.length)) : null;
    if (!rel) return; // contracts are types only: never served
    const target = path.join(out, 'js', rel);
    // Browsers resolve relative specifiers only: point `@rostrum/client` at js/client/index.js.
    const toClient = path.relative(path.dirname(target), path.join(out, 'js', 'client', 'index.js')).split(path.sep).join('/');
    text = text.replace(/from (['"])@rostrum\/client\1/g, `from './${toClient}'`.replace('./../', '../'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  });
  fs.cpSync(path.join(__dirname, 'static'), out, { recursive: true });
  fs.writeFileSync(marker, new Date().toISOString());
  return out;
}

module.exports = { buildConsoles };

if (require.main === module) {
  const dist = path.resolve(root, process.argv[2] || 'dist');
  try { console.log(`consoles built in ${buildConsoles(dist, { force: true })}`); } catch (e) { console.error(e.message); process.exit(1); }
}
