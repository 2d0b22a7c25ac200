// `npm run bench:readme`: rewrite the README's figures section (between the
// figures markers) from bench/results.json and bench/ui-results.json (and
// bench/classroom-results.json when it has been measured), and
// warn when commits after the measured one changed src/.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFigures, replaceFigures } from './figures.ts';
import type { ClassroomResults, EngineResults, GradeResults, UiResults } from './figures.ts';
import { ROOT } from './provenance.ts';

const read = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, 'bench', file), 'utf8')) as T;

/** Commits after `commit` that touched src/ (empty when the figures are current). */
function laterSourceCommits(commit: string): string[] {
  const base = commit.replace(/\+dirty$/, '');
  try {
    const out = execFileSync('git', ['log', '--format=%h %s', `${base}..HEAD`, '--', 'src'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter(Boolean);
  } catch {
    return [`(could not compare ${base.slice(0, 10)} with HEAD)`];
  }
}

const engine = read<EngineResults>('results.json');
const ui = read<UiResults>('ui-results.json');
const classroom = existsSync(join(ROOT, 'bench', 'classroom-results.json')) ? read<ClassroomResults>('classroom-results.json') : null;
const grade = existsSync(join(ROOT, 'bench', 'grade-results.json')) ? read<GradeResults>('grade-results.json') : null;
const readmePath = join(ROOT, 'README.md');
const replaced = replaceFigures(readFileSync(readmePath, 'utf8'), renderFigures(engine, ui, classroom, grade));
if (!replaced.ok) {
  console.error(`bench:readme: ${replaced.message}`);
  process.exit(1);
}
writeFileSync(readmePath, replaced.text);
console.log('README.md: figures section rewritten from bench/results.json and bench/ui-results.json');
for (const [file, r] of [['results.json', engine], ['ui-results.json', ui], ...(classroom ? [['classroom-results.json', classroom] as const] : []), ...(grade ? [['grade-results.json', grade] as const] : [])] as const) {
  if (r.commit.endsWith('+dirty')) console.warn(`warning: bench/${file} was measured with uncommitted changes in src/`);
  const later = laterSourceCommits(r.commit);
  if (later.length) console.warn(`warning: bench/${file} is stale: ${later.length} later commit(s) changed src/, e.g. ${later[0]}`);
}
