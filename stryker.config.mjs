// Mutation testing of the engine (npm run mutate). Shell and lessons are left
// out: the shell is the command language around the engine, the lessons are
// data. Every mutator is on, string literals too: the engine's messages are
// what a student reads, and the golden transcripts check them.
//
// Made to fit a shared 2-core machine (see vitest.mutate.config.ts and
// src/engine/testing/quickProperties.ts for the test side):
// - ignoreStatic: a mutant in code that runs only while a module loads (the
//   constant tables) would need every test rerun in a fresh module graph; they
//   are reported as "Ignored" with that reason, and counted in the commit
//   that adds the report. A mutant hit both at load and by tests runs against
//   the tests that hit it.
// - vitest.related off: Stryker already passes the covering tests' files, and
//   related mode walked the import graph of every test file for every mutant.
// - timeoutMS 10 s on top of 1.5 times the covering tests' own time, not 30 s:
//   a mutant that loops forever costs that long each time.
// --incremental reuses the last report's results for code and tests that did
// not change (reports/mutation/stryker-incremental.json is committed).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/engine/**/*.ts',
    '!src/engine/**/*.test.ts',
    '!src/engine/shell/**',
    '!src/engine/lessons/**',
    '!src/engine/testing/**',
    '!src/engine/index.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
