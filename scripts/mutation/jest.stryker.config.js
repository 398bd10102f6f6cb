// Jest as Stryker runs it (stryker.config.json): the floor and Q&A unit specs loaded once, as the
// single test file scripts/mutation/domain.spec.ts, in an environment that stops a mutant's run at
// its first failing test (bail-environment.js). Same transform, module map and PROPERTY_RUNS as
// ./jest.config.js, which `npm run test:mutation:named` uses to run one spec file alone.
const base = require('./jest.config.js');
module.exports = {
  ...base,
  testMatch: ['<rootDir>/scripts/mutation/domain.spec.ts'],
  testEnvironment: require('node:path').join(__dirname, 'bail-environment.js'),
};
