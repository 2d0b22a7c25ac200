// Mutation testing of the engine (npm run mutate). Shell and lessons are left
// out: the shell is the command language around the engine, the lessons are
// data. The property test runs fewer sessions here (LPARLAB_PROPERTY_RUNS, set
// by the npm script), as every mutant runs the tests that cover it again.
// Concurrency is low: the machine is shared. --incremental reuses the last
// report's results for code and tests that did not change.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.engine.config.ts' },
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
  concurrency: 2,
  timeoutMS: 30000,
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
