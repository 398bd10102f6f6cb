// Under Stryker every mutant reruns the tests that cover it. The property tests run one long
// sequence per preset (PROPERTY_RUNS) from a fixed seed, so a mutant's verdict is repeatable;
// the rule tests and the oracle comparison at every step do the killing.
process.env.PROPERTY_RUNS = process.env.PROPERTY_RUNS || '1';
// One sequence per preset cannot reach every kind of command; the reach check is for full runs.
process.env.PROPERTY_REACH_MIN = '0';
// No shrinking: a failing property is a killed mutant; shrinking it would only run into the timeout.
require('fast-check').configureGlobal({ seed: Number(process.env.PROPERTY_SEED || 17), endOnFailure: true });
