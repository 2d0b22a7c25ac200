import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { defineConfig } from 'vitest/config';
import { inlineFavicon, offline } from './scripts/offline.ts';
import { compiledCatalogs } from './scripts/catalogs.ts';
import { japaneseFontSubsets } from './scripts/fonts.ts';
import { lessonTexts } from './scripts/lessonTexts.ts';

/** The engine's modules (src/engine), which the build treats as free of side effects. */
const ENGINE_MODULE = /[\\/]src[\\/]engine[\\/]/;

// `vite build` writes the site to dist/ with a service worker (sw.js) that
// precaches it for offline use; `vite build --mode single` (npm run
// build:single) writes one self-contained dist-single/index.html, scripts,
// styles and fonts inlined, that opens from file:// or a learning platform.
export default defineConfig(({ mode }) => ({
  // Relative asset URLs: the built site in dist/ works from any static path.
  base: './',
  plugins: mode === 'single' ? [compiledCatalogs(), lessonTexts(), japaneseFontSubsets(), react(), viteSingleFile({ removeViteModuleLoader: true }), inlineFavicon('public/favicon.svg')] : [compiledCatalogs(), lessonTexts(), japaneseFontSubsets(), react(), offline()],
  build: {
    ...(mode === 'single' ? { outDir: 'dist-single' } : {}),
    // The engine's modules run nothing when loaded (src/imports.test.ts checks), so a module whose
    // exports the first screen does not use need not load with it just because src/engine/index.ts
    // re-exports it: the Memory view's model and the lesson suggestions move to the chunks that use
    // them (issue 23: 2.5 KB gzip off an English reader's first load).
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !ENGINE_MODULE.test(id) } },
  },
  // one file means no public files beside it: the favicon goes inline
  publicDir: mode === 'single' ? false : 'public',
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'scripts/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    passWithNoTests: true,
    // a timeout only catches a hang: tests walking a million frames take 3-4 s on a quiet
    // 2-core machine and over 5 s (the default) on a loaded one
    testTimeout: 30_000,
  },
}));
