// The engine is a pure core: it may not import the page, a UI library, or
// reach for the DOM, the wall clock, Math.random or timers. The compiler
// already refuses DOM types there (tsconfig.engine.json has no DOM lib) and
// eslint refuses the imports; this test fails the build if either is undone.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(import.meta.dirname, 'engine');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

const FORBIDDEN: readonly [RegExp, string][] = [
  [/from\s+['"](react|react-dom)(\/[^'"]*)?['"]/, 'imports React'],
  [/from\s+['"]d3(-[a-z]+)?(\/[^'"]*)?['"]/, 'imports d3'],
  [/from\s+['"]zustand(\/[^'"]*)?['"]/, 'imports zustand'],
  [/from\s+['"]@xterm\//, 'imports xterm'],
  [/from\s+['"][^'"]*\/ui(\/[^'"]*)?['"]/, 'imports from src/ui'],
  [/from\s+['"]node:/, 'imports a Node module'],
  [/\b(window|document|navigator|localStorage)\s*\./, 'uses the DOM'],
  [/\bDate\.now\s*\(|\bnew Date\s*\(/, 'reads the wall clock'],
  [/\bMath\.random\s*\(/, 'uses Math.random'],
  [/\b(setTimeout|setInterval|requestAnimationFrame)\s*\(/, 'uses a timer'],
];

describe('the engine stays pure', () => {
  const files = sources(ENGINE);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports nothing from the UI, React, d3, zustand or xterm, and uses no DOM, clock, randomness or timers', () => {
    const offences: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(text)) offences.push(`${relative(ENGINE, file)} ${what}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('is compiled without the DOM library', () => {
    const config = readFileSync(join(import.meta.dirname, '..', 'tsconfig.engine.json'), 'utf8');
    const lib = /"lib"\s*:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
    expect(lib).not.toMatch(/DOM/i);
    expect(lib).toMatch(/ES20\d\d/);
  });
});
