// How the modules under src/ may depend on each other: no module reaches
// itself again through value imports (a cycle makes the load order decide
// what is undefined), and the node CLI sees the engine only through its entry.
// `import type` lines are erased by the compiler and do not count.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The files a module imports values from (relative imports only). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'(\.[^']+)'/gm)) {
    const base = resolve(dirname(file), m[1]!).replace(/\.(js|ts|tsx)$/, '');
    const target = ['.ts', '.tsx'].map((ext) => base + ext).find((p) => existsSync(p));
    if (target) found.push(target);
  }
  return found;
}

/** Every strongly connected group of more than one module (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.map((f) => relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('imports under src/', () => {
  const files = sources(SRC);
  const graph = new Map(files.map((f) => [f, valueImports(f)]));

  it('finds the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(join(SRC, 'engine', 'shell', 'shell.ts'))).toContain(join(SRC, 'engine', 'shell', 'people.ts'));
  });

  it('has no value import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('lets the page, the CLI and the benchmarks see the engine only through src/engine/index.ts', () => {
    const engine = join(SRC, 'engine');
    const entry = join(engine, 'index.ts');
    const outside = [...graph.keys()].filter((f) => !f.startsWith(engine + '/'));
    const reaching = outside.flatMap((f) => valueImports(f).filter((t) => t.startsWith(engine + '/') && t !== entry).map((t) => `${relative(SRC, f)} -> ${relative(SRC, t)}`));
    expect(outside.length).toBeGreaterThan(20);
    expect(reaching).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(cycles(new Map([['/a', ['/b']], ['/b', ['/c']], ['/c', ['/a']], ['/d', ['/a']]]))).toHaveLength(1);
  });
});

describe('comments', () => {
  it('cite the repository (docs/architecture.md) or the patent, not files outside it', () => {
    const root = join(SRC, '..');
    const files = ['src', 'e2e', 'bench', 'scripts'].flatMap((dir) => (existsSync(join(root, dir)) ? everyFile(join(root, dir)) : []));
    const outside = /\bSPEC\.md|\bSPEC §|\bSTYLE\.md|\bSTYLE \d|\bthe issue\b/;
    const offences = files.filter((f) => outside.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(files.length).toBeGreaterThan(50);
    expect(offences).toEqual([]);
  });
});

function everyFile(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : everyFile(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && path !== import.meta.filename ? [path] : [];
  });
}
