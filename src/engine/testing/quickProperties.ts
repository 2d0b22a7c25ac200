// The mutation run's quick mode (npm run mutate sets LPARLAB_PROPERTY_RUNS):
// Stryker reruns the tests that cover a mutant for each of some 4,700
// mutants, in code instrumented to switch them, on a shared 2-core machine.
// vitest.engine.config.ts loads this file first. Outside the mutation run it
// changes nothing.
import fc from 'fast-check';

declare const process: { env: Record<string, string | undefined> };

/** True under npm run mutate: a few tests then run smaller (each says how). */
export const MUTATION_RUN = Number(process.env.LPARLAB_PROPERTY_RUNS ?? 0) > 0;

// A property that fails under a mutant has killed it: shrinking the
// counterexample only makes the failure easier for a person to read, and can
// take longer than the whole passing run.
if (MUTATION_RUN) fc.configureGlobal({ endOnFailure: true });
