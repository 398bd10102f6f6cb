// The test environment of a mutation run (scripts/mutation/jest.config.js): it makes jest stop at
// the first failing test of a mutant, which Stryker expects of a runner (its `disableBail: false`)
// but its jest runner cannot ask of jest (it sets `bail: false`; jest's bail is per test file).
//
// Once a test fails while mutant M is active, every later test of M is skipped at `test_start`
// (jest-circus then reports it as skipped): M is already killed, and the rest would only cost
// time. Outside a mutant run (the dry run, plain jest) nothing is skipped. Stryker wraps this
// class with its own coverage mixin, which calls this `handleTestEvent` first.
const { TestEnvironment } = require('jest-environment-node');

// On the real global of the jest process, so it outlives the environment of one test file.
const FAILED_MUTANT = Symbol.for('rostrum.mutation.failedMutant');
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

class BailOnFirstFailureEnvironment extends TestEnvironment {
  /** @param {{ name: string, test?: { mode?: string, errors: unknown[] } }} event a jest-circus event */
  async handleTestEvent(event) {
    const mutant = process.env[ACTIVE_MUTANT];
    if (mutant === undefined) return;
    if (event.name === 'test_start' && globalThis[FAILED_MUTANT] === mutant) event.test.mode = 'skip';
    else if (event.name === 'test_done' && event.test.errors.length > 0) globalThis[FAILED_MUTANT] = mutant;
  }
}

module.exports = BailOnFirstFailureEnvironment;
