// Vite multi-page build of the Preact consoles (issue 11). Every consoles/pages/*.html is a
// page; each is built to <dist>/consoles/<name>.html with hashed assets under assets/, relative
// URLs (base './') so /console/<role> finds them. consoles/build.js runs this after copying
// static/ into the same folder (hence emptyOutDir false). The output folder
// comes from ROSTRUM_CONSOLES_OUT (set by consoles/build.js).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const here = import.meta.dirname;
const root = resolve(here, '..');
const pages = resolve(here, 'pages');
const input = Object.fromEntries(readdirSync(pages).filter((f) => f.endsWith('.html')).map((f) => [f.replace(/\.html$/, ''), resolve(pages, f)]));

export default defineConfig({
  root: pages,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  resolve: {
    alias: [
      // Deep imports first: a page takes only the module it needs (no zod schemas in the bundle).
      { find: /^@rostrum\/(contracts|domain|client)\/(.*)$/, replacement: `${root}/libs/$1/src/$2` },
      { find: /^@rostrum\/(contracts|domain|client)$/, replacement: `${root}/libs/$1/src/index.ts` },
    ],
  },
  build: {
    outDir: process.env.ROSTRUM_CONSOLES_OUT ?? resolve(root, 'dist', 'consoles'),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: { input },
  },
});
