// Jest globalSetup of the e2e project: the e2e tests start the BUILT apps (dist/), so they
// must never run a build older than the sources. buildIfNeeded compares a content hash of the
// sources with the one recorded by the last build and rebuilds when they differ; it costs
// about 0.1 s when dist/ is current (scripts/test.js already built, so this is a no-op there).
module.exports = async () => {
  require('../../scripts/lib/services').buildIfNeeded((m) => console.log(`[e2e] ${m}`));
};
