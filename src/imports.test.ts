// How the modules under src/ may depend on each other: no module reaches
// itself again through value imports (a cycle makes the load order decide
// what is undefined), and the node CLI sees the engine only through its entry.
// `import type` lines are erased by the compiler and do not count.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaOf, isNodeOnly, WORD_AREAS, type WordArea } from './i18n/wordAreas.ts';

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

  it("has the engine's modules run nothing when loaded: the page's build treats them as free of side effects (vite.config.ts)", () => {
    // a module that runs something only for its own tables is kept whole with the exports that read them;
    // engine/testing is the tests' and never reaches the page
    const ownTables = ['engine/shell/calls.ts: for (const spec of CALLS) {'];
    const engine = join(SRC, 'engine');
    const running = files
      .filter((f) => f.startsWith(engine + '/') && !f.startsWith(join(engine, 'testing') + '/'))
      .flatMap((f) => topLevelStatements(readFileSync(f, 'utf8')).map((line) => `${relative(SRC, f)}: ${line}`));
    expect(running).toEqual(ownTables);
    expect(topLevelStatements("import { a } from './a';\nexport const b = 1;\nregister(b);\n  nested(b);\nx.y = 2;\n}\n")).toEqual(['register(b);', 'x.y = 2;']);
  });

  it('finds a cycle when there is one', () => {
    expect(cycles(new Map([['/a', ['/b']], ['/b', ['/c']], ['/c', ['/a']], ['/d', ['/a']]]))).toHaveLength(1);
  });
});

/** The lines at a module's top level that do something when it loads: a call or an assignment, not a declaration. */
function topLevelStatements(text: string): string[] {
  const declaration = /^(?:import|export|const|let|var|function|async|class|type|interface|declare|enum|abstract)\b/;
  return text.split('\n').filter((line) => /^[A-Za-z_$]/.test(line) && !declaration.test(line));
}

/** The modules a file reaches through static value imports, itself included: what loads with it, before any import(). */
function reached(graph: Map<string, string[]>, from: string): Set<string> {
  const seen = new Set<string>([from]);
  const todo = [from];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    for (const g of graph.get(f) ?? []) {
      if (seen.has(g)) continue;
      seen.add(g);
      todo.push(g);
    }
  }
  return seen;
}

/** The message ids a source names: quoted strings that look like one, and the head of a template literal that builds one. */
function namedMessages(text: string): { id: string; dynamic: boolean }[] {
  return [...text.matchAll(/(['"`])([a-z][A-Za-z0-9]*\.[A-Za-z0-9.]*)(\$\{|\1)/g)].map((m) => ({ id: m[2]!, dynamic: m[3] === '${' }));
}

/** Whether a named message is in an area: a whole id by its prefix; a built one when it may end in one. */
const inArea = ({ id, dynamic }: { id: string; dynamic: boolean }) =>
  dynamic ? Object.values(WORD_AREAS).flat().some((p) => p.startsWith(id) || (id.startsWith(p) && areaOf(id) !== null)) : areaOf(id) !== null;

describe("an English reader's first load (issue 23)", () => {
  const graph = new Map(sources(SRC).map((f) => [f, valueImports(f)]));
  const first = reached(graph, join(SRC, 'ui', 'main.tsx'));

  it('reaches the page from its entry', () => {
    expect(first).toContain(join(SRC, 'ui', 'app', 'App.tsx'));
    expect(first).toContain(join(SRC, 'ui', 'terminal', 'TerminalPane.tsx'));
  });

  it('leaves the panels not on the first screen to import(): lessons, builder, homework (its store too), classroom, the Share menu', () => {
    const lazy = [
      'ui/lessons/LessonPanel.tsx',
      'ui/builder/BuilderPanel.tsx',
      'ui/builder/builderStore.ts',
      'ui/builder/draft.ts',
      'ui/homework/HomeworkPanel.tsx',
      'ui/homework/AssignmentMaker.tsx',
      // the homework's store, grading, hand-in, storage and link reader: homeworkShown.ts is all the first screen holds
      'ui/homework/homeworkStore.ts',
      'ui/homework/HomeworkStrip.tsx',
      'ui/homework/handIn.ts',
      'ui/homework/homeworkStorage.ts',
      'ui/homework/assignmentLink.ts',
      'ui/classroom/ClassroomBar.tsx',
      // the Share menu's contents and their exports: ShareMenu.tsx is the button that opens it
      'ui/share/ShareMenuBody.tsx',
      'ui/sequence/exportSequenceSvg.ts',
      'ui/share/labFile.ts',
    ];
    expect(lazy.filter((f) => first.has(join(SRC, f)))).toEqual([]);
  });

  it("names no message of a panel's area of words (src/i18n/wordAreas.ts): the first load's English does not hold them", () => {
    const offences = [...first].flatMap((f) => namedMessages(readFileSync(f, 'utf8')).filter((m) => inArea(m)).map((m) => `${relative(SRC, f)}: ${m.id}${m.dynamic ? '${...}' : ''}`));
    expect(first.size).toBeGreaterThan(50);
    expect(offences).toEqual([]);
  });

  it("names none of lparsh's own messages (wordAreas.ts isNodeOnly): the page's English leaves them out", () => {
    const offences = [...first].flatMap((f) => namedMessages(readFileSync(f, 'utf8')).filter((m) => isNodeOnly(m.id)).map((m) => `${relative(SRC, f)}: ${m.id}`));
    expect(isNodeOnly('lparsh.grade.summary')).toBe(true);
    expect(offences).toEqual([]);
  });

  it('finds a message id and the head of one built from parts', () => {
    expect(namedMessages("t('lesson.menu.kind'); t(`lesson.${x}`); 'a.b'")).toEqual([
      { id: 'lesson.menu.kind', dynamic: false },
      { id: 'lesson.', dynamic: true },
      { id: 'a.b', dynamic: false },
    ]);
    expect(inArea({ id: 'lesson.menu.kind', dynamic: false })).toBe(true);
    expect(inArea({ id: 'lesson.', dynamic: true })).toBe(true);
    expect(inArea({ id: 'homework.', dynamic: true })).toBe(true);
    expect(inArea({ id: 'homework.title', dynamic: false })).toBe(false);
  });

  it("has each area's words read only by the modules whose loaders fetch them first (src/ui/app/words.ts)", () => {
    // area -> the modules naming its messages; each is drawn only after loadWords(area) resolved:
    // the lesson panel and builder through LessonSlot.tsx, the homework panel through HomeworkSlot.tsx
    // (which loads 'lesson' too), the classroom strip and its session (imported by it alone) through App.tsx;
    // relayProcess.ts is Node's, with the whole catalog
    const expected: Record<WordArea, string[]> = {
      lesson: ['ui/homework/AssignmentMaker.tsx', 'ui/homework/HomeworkPanel.tsx', 'ui/lessons/LessonPanel.tsx', 'ui/lessons/exerciseTitles.ts', 'ui/lessons/standing.ts'],
      builder: ['ui/builder/BuilderPanel.tsx', 'ui/builder/builderStore.ts', 'ui/builder/draft.ts'],
      homework: ['ui/homework/AssignmentMaker.tsx', 'ui/homework/HomeworkPanel.tsx'],
      classroom: ['cli/relayProcess.ts', 'ui/classroom/ClassroomBar.tsx', 'ui/classroom/classroomLink.ts', 'ui/classroom/room.ts', 'ui/classroom/session.ts'],
    };
    const users = Object.fromEntries(Object.keys(WORD_AREAS).map((area) => [area, [] as string[]])) as Record<WordArea, string[]>;
    for (const f of sources(SRC).filter((f) => f !== join(SRC, 'i18n', 'wordAreas.ts'))) {
      const areas = new Set(namedMessages(readFileSync(f, 'utf8')).flatMap((m) => (m.dynamic ? [] : [areaOf(m.id)])).filter((a) => a !== null));
      for (const area of areas) users[area].push(relative(SRC, f));
    }
    for (const list of Object.values(users)) list.sort();
    expect(users).toEqual(expected);
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
