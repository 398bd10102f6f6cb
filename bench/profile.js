#!/usr/bin/env node
// `node bench/profile.js <file.cpuprofile|dir> [top]`: where a V8 CPU profile's time went (the
// ones `npm run bench -- --cpu-prof` writes to artifacts/profiles/<app>/). Prints the share of
// samples by area (this repo's code per file, each node_modules package, node internals,
// garbage collection, idle) and the top functions by self time. Self time: the samples in which
// that function itself was running (not its callees).
const fs = require('node:fs');
const path = require('node:path');

function files(arg) {
  const st = fs.statSync(arg);
  if (!st.isDirectory()) return [arg];
  return fs.readdirSync(arg).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(arg, f));
}

/** The area a call frame belongs to: a package, a file of this repo, node internals, GC, idle. */
function areaOf(frame) {
  const { url, functionName } = frame;
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(program: native, not attributed)';
  if (!url) return `(native) ${functionName || 'anonymous'}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, url.startsWith('node:internal/') ? 2 : 1).join('/')}`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 6).replace(/\.js$/, '') : url.replace(/^file:\/\//, '');
}

function summarize(file, top) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of p.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = p.samples.length;
  const ms = (p.endTime - p.startTime) / 1000;
  const areas = new Map();
  const fns = new Map();
  for (const [id, n] of counts) {
    const f = byId.get(id).callFrame;
    const area = areaOf(f);
    areas.set(area, (areas.get(area) ?? 0) + n);
    const key = `${f.functionName || '(anonymous)'}  ${area}${f.url && !f.url.startsWith('node:') ? `:${f.lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + n);
  }
  const idle = areas.get('(idle)') ?? 0;
  const busy = total - idle;
  const pct = (n, of) => `${((100 * n) / of).toFixed(1)}%`.padStart(6);
  const out = [`${path.basename(file)}: ${Math.round(ms)} ms, ${total} samples, busy ${pct(busy, total)} (shares below are of the busy samples)`, '  by area:'];
  for (const [a, n] of [...areas].filter(([a]) => a !== '(idle)').sort((x, y) => y[1] - x[1]).slice(0, top)) out.push(`    ${pct(n, busy)}  ${a}`);
  out.push('  top functions (self):');
  for (const [k, n] of [...fns].filter(([k]) => !k.startsWith('(idle)')).sort((x, y) => y[1] - x[1]).slice(0, top)) out.push(`    ${pct(n, busy)}  ${k}`);
  return out.join('\n');
}

const [arg, topArg] = process.argv.slice(2);
if (!arg) { console.error('usage: node bench/profile.js <file.cpuprofile|dir> [top=20]'); process.exit(2); }
for (const f of files(arg)) console.log(`${summarize(f, Number(topArg ?? 20))}\n`);
