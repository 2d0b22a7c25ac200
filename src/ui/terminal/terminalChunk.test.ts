// The terminal's chunk is asked for before the rest of the page's entry is
// evaluated (issue 22 §2): main.tsx imports startTerminal.ts first, ES modules
// run in import order, and startTerminal.ts asks for the chunk as it runs.
// The time this saves is measured by `npm run bench:ab -- load`; these tests
// pin the order it comes from.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('./terminalChunk.ts');
  vi.doUnmock('./labTerminal.ts');
  vi.resetModules();
});

describe("the terminal's chunk on a cold page", () => {
  it('main.tsx imports startTerminal.ts before any other module', () => {
    const main = readFileSync(join(import.meta.dirname, '..', 'main.tsx'), 'utf8');
    const imports = [...main.matchAll(/^import\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)].filter((m) => !m[0].startsWith('import type')).map((m) => m[1]);
    expect(imports[0]).toBe('./terminal/startTerminal.ts');
    expect(imports.length).toBeGreaterThan(1);
  });

  it('startTerminal.ts asks for the chunk as it is evaluated, before anything calls it', async () => {
    const loadTerminal = vi.fn(() => Promise.resolve());
    vi.doMock('./terminalChunk.ts', () => ({ loadTerminal }));
    await import('./startTerminal.ts');
    expect(loadTerminal).toHaveBeenCalledTimes(1);
  });

  it('a failed fetch at start is left to the terminal pane, which asks again and says why', async () => {
    const loadTerminal = vi.fn(() => Promise.reject(new Error('offline')));
    vi.doMock('./terminalChunk.ts', () => ({ loadTerminal }));
    // no unhandled rejection: startTerminal catches it
    await expect(import('./startTerminal.ts')).resolves.toBeDefined();
    expect(loadTerminal).toHaveBeenCalledTimes(1);
  });

  it('loadTerminal fetches the chunk once and hands every caller the same module', async () => {
    let evaluated = 0;
    vi.doMock('./labTerminal.ts', () => {
      evaluated++;
      return { mountTerminal: () => null };
    });
    const { loadTerminal } = await import('./terminalChunk.ts');
    const first = loadTerminal();
    const second = loadTerminal();
    expect(second).toBe(first);
    expect(await first).toBe(await second);
    expect(evaluated).toBe(1);
  });
});
