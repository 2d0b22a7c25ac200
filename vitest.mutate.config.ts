// The engine's tests as the mutation run (npm run mutate) runs them: the same
// tests as vitest.engine.config.ts, in one module graph per test runner
// (isolate: false). Stryker switches mutants at run time through a global,
// so the engine does not need to load again for each mutant; static mutants
// (code that runs only while a module loads) are left out by ignoreStatic.
import { defineConfig, mergeConfig } from 'vitest/config';
import engine from './vitest.engine.config.ts';

export default mergeConfig(engine, defineConfig({ test: { isolate: false } }));
