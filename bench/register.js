// Lets `node -r bench/register.js bench/main.ts` run the benchmark from its TypeScript sources:
// `.ts` files under bench/ and libs/testing are compiled in memory with swc (already a dev
// dependency, as in jest), and `@rostrum/<lib>` resolves to the built system (ROSTRUM_DIST,
// default `dist`) so the bench drives exactly the code the apps run. Nothing is written to disk.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const dist = path.resolve(root, process.env.ROSTRUM_DIST || 'dist');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@rostrum\/([a-z]+)$/.exec(request);
  if (m) request = m[1] === 'testing' ? path.join(root, 'libs/testing/src/index.ts') : path.join(dist, 'libs', m[1], 'src');
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
