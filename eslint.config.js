// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ENGINE_FILES = ['src/engine/**/*.{ts,tsx}'];

export default defineConfig(
  {
    ignores: ['dist/**', 'dist-single/**', 'dist-base/**', 'dist-profile/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'reports/**', '.stryker-tmp/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // the rules of hooks, and the React compiler's checks (no state copied into state by an effect, no refs read while rendering)
    files: ['src/ui/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/cli/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The engine is a pure, deterministic core: no UI libraries, no UI code,
    // no wall clock, no randomness, no timers, no browser globals.
    files: ENGINE_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                'd3',
                'd3/*',
                'd3-*',
                'zustand',
                'zustand/*',
                '@xterm/*',
              ],
              message: 'src/engine must not depend on UI libraries.',
            },
            {
              group: ['**/ui', '**/ui/**'],
              message: 'src/engine must not import UI code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'No browser globals in src/engine.' },
        { name: 'document', message: 'No browser globals in src/engine.' },
        { name: 'setTimeout', message: 'No timers in src/engine: time is simulated.' },
        { name: 'setInterval', message: 'No timers in src/engine: time is simulated.' },
        { name: 'clearTimeout', message: 'No timers in src/engine: time is simulated.' },
        { name: 'clearInterval', message: 'No timers in src/engine: time is simulated.' },
        { name: 'requestAnimationFrame', message: 'No timers in src/engine: time is simulated.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'No wall clock in src/engine: time is simulated.' },
        { object: 'Math', property: 'random', message: 'No Math.random in src/engine: use a seeded PRNG.' },
      ],
    },
  },
);
