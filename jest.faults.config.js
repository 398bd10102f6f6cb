// `npm run test:faults`: fault-injection tests (issue 9). Each starts its own redis-server and
// Postgres cluster on spare ports and kills only what it started. Kept out of the default
// projects so `npm test` does not run them twice; `.ci/run` runs them after `npm test`.
const base = require('./jest.config');
const common = { ...base.projects[1] };
module.exports = {
  testTimeout: 300000,
  projects: [{ ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'], testTimeout: 300000 }],
};
