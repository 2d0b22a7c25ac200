// xterm.js and the lab's terminal live in a chunk of their own, kept out of
// the page's first load (issue 22: first-load JavaScript <= 250 KB gzip).
// The page cannot answer a typed line before that chunk is fetched, compiled
// and evaluated, so it is asked for as early as a script of the page can ask:
// startTerminal.ts, the entry's first import, calls loadTerminal while the
// entry's other modules (React, the app, the store) are still being evaluated.

let chunk: Promise<typeof import('./labTerminal.ts')> | null = null;

/** The terminal's chunk, fetched once: the first call starts the fetch, every later one shares it. */
export function loadTerminal(): Promise<typeof import('./labTerminal.ts')> {
  chunk ??= import('./labTerminal.ts');
  return chunk;
}
