// The engine's tests as the mutation run (npm run mutate) runs them: the same
// tests as vitest.engine.config.ts, in one module graph per test runner
// (isolate: false). Stryker switches mutants at run time through a global,
// so the engine does not need to load again for each mutant; static mutants
// (code that runs only while a module loads) are left out by ignoreStatic.
// Left out: builtinLanguage.test.ts loads the engine's modules afresh
// (vi.resetModules, the page's English-only catalog), so Stryker counted every
// module-level definition as covered by it and, as it checks only lessons
// (not mutated), as surviving: words.ts's four constructors scored 71 % for it.
import { defineConfig, mergeConfig } from 'vitest/config';
import engine from './vitest.engine.config.ts';

export default mergeConfig(engine, defineConfig({ test: { isolate: false, exclude: ['**/node_modules/**', 'src/engine/lessons/builtinLanguage.test.ts'] } }));
