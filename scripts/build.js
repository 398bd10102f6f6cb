#!/usr/bin/env node
// `npm run build`: builds the apps (nest build) and the browser consoles into dist/ and records
// the content hash of the sources, which `npm test`, `npm start` and the bench compare before
// using dist/ (scripts/lib/services.js buildIfNeeded).
const { build } = require('./lib/services');

try {
  const hash = build();
  console.log(`[build] dist/ is current (sources ${hash.slice(0, 12)})`);
} catch (e) {
  console.error(`[build] ${e.message}`);
  process.exit(1);
}
