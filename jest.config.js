// Two projects: pure unit tests beside the code, and end-to-end tests under test/ that talk
// to the real Postgres and Redis. @swc/jest because Nest 12 ships ESM that ts-jest cannot load.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
const moduleNameMapper = {
  '^@rostrum/(client|contracts|domain|messaging|persistence|platform|testing)$': '<rootDir>/libs/$1/src',
  // The consoles import single modules (`@rostrum/contracts/error-messages`) to keep bundles small.
  '^@rostrum/(client|contracts|domain)/(.+)$': '<rootDir>/libs/$1/src/$2',
  // libs/client imports its own modules as `./x.js` (it also runs as ES modules in browsers).
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  // intl-messageformat and @formatjs (the consoles' i18n) ship ES modules only, like Nest 12.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|intl-messageformat|@formatjs)/)'],
  moduleNameMapper,
  testEnvironment: 'node',
  // Stryker's sandboxes (copies of the repository) while a mutation run is going: not ours to load.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.stryker-tmp/'],
};
module.exports = {
  // End-to-end tests boot real processes; a generous ceiling, never a timing assertion.
  testTimeout: 60000,
  projects: [
    // scripts/*.spec.js: the arithmetic of the operational scripts (capacity model).
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,consoles}/**/*.spec.ts', '<rootDir>/scripts/*.spec.js'] },
    // globalSetup: never run the e2e tests against a dist/ built from other sources (content hash).
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 60000, globalSetup: '<rootDir>/test/support/global-setup.js' },
  ],
};
