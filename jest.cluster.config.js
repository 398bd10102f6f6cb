// `npm run test:cluster` (issue 15): the system on a Redis Cluster of its own (3 primaries and
// 3 replicas from the redis-server binary, spare ports, data under a temp dir), two of every
// process, then a primary killed mid-debate. Kept out of the default projects; `.ci/run` runs it.
const base = require('./jest.config');
const common = { ...base.projects[1] };
module.exports = {
  testTimeout: 300000,
  projects: [{ ...common, displayName: 'cluster', testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'], testTimeout: 300000 }],
};
