// The engine's own tests, for mutation testing (npm run mutate) and branch
// coverage (npm run coverage): the tests that run the engine in this process.
// UI tests and the tests that spawn lparsh in a child process are left out
// (a child process cannot see the mutant under test).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // shellWords.test.ts, refusalWords.test.ts and resourceRefusalWords.test.ts check the words the engine attaches to every error and help line (read by a
    // Japanese reader, never by an English test): without it a mutant in those words survives unseen
    include: ['src/engine/**/*.test.ts', 'src/cli/golden.test.ts', 'src/cli/patentMap.test.ts', 'examples/trace.test.ts', 'src/i18n/shellWords.test.ts', 'src/i18n/refusalWords.test.ts', 'src/i18n/resourceRefusalWords.test.ts'],
    environment: 'node',
    // under npm run mutate: a failing property stops at its first counterexample (no shrinking)
    setupFiles: ['src/engine/testing/quickProperties.ts'],
    // instrumented for mutation testing on a busy machine, some tests need far more than the 5 s default
    testTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['src/engine/**/*.ts'],
      exclude: ['src/engine/**/*.test.ts', 'src/engine/testing/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'reports/coverage',
    },
  },
});
