// Jest as Stryker runs it (stryker.config.json): the pure floor and Q&A domain's unit tests only,
// one flat project (the swc transform and module map of ../../jest.config.js). The property
// tests run fewer cases per mutant (PROPERTY_RUNS, set in env.js) to keep a run affordable.
const base = require('../../jest.config.js');
const unit = base.projects.find((p) => p.displayName === 'unit');
module.exports = {
  ...unit,
  displayName: undefined,
  rootDir: require('node:path').resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/libs/domain/src/{floor,qna}/**/*.spec.ts'],
  setupFiles: ['<rootDir>/scripts/mutation/env.js'],
};
