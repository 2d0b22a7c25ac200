// npm run bench:grade [-- --students 1000 --runs 3]
//
// The grader on a class's worth of homework: an assignment of five tasks (the
// flip lesson, three challenges and a seeded exercise) and N generated
// hand-ins of about 40 lines each, every student with their own names (the
// solutions' names renamed per student), some half done, some with a wrong
// answer. Each run grades them all with `lparsh --grade` in a process of its
// own (bench/gradeRun.ts) and reads its time and peak resident memory.
// Writes bench/grade-results.json with the commit, date, machine and its
// reference score.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { findChallenge, findLesson, generateExercise, parseAssignment, solutionOf, submissionData, submissionFileName, variantSeed } from '../src/engine/index.ts';
import type { Assignment, TaskWork } from '../src/engine/index.ts';
import { figureOf, GRADE_FIGURES } from './figures.ts';
import type { GradeResults } from './figures.ts';
import { provenance, ROOT } from './provenance.ts';
import { fmt } from './stats.ts';
import { printTable } from './table.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number from 1`);
  return value;
}
const STUDENTS = option('students', 1000);
const RUNS = option('runs', 3);
const progress = (text: string) => process.stderr.write(`bench:grade: ${text}\n`);

const ASSIGNMENT = {
  format: 'lparlab-assignment', version: 1, id: 'bench', title: 'Five tasks', instructions: 'A generated class.', seed: 5,
  tasks: [{ lesson: 'flip' }, { challenge: 'round-trip' }, { challenge: 'map-and-fault' }, { challenge: 'squeeze' }, { exercise: 'owner' }],
};

/** A student's own names: every name a line binds gets the student's suffix. */
function renamed(lines: readonly string[], suffix: string): string[] {
  const bound = new Set(lines.flatMap((l) => /^(?:@\w+\s+)?([A-Za-z_]\w*)\s*=/.exec(l)?.slice(1) ?? []));
  return lines.map((l) => l.split(/("(?:[^"\\]|\\.)*")/).map((part, i) => (i % 2 ? part : part.replace(/[A-Za-z_]\w*/g, (w) => (bound.has(w) ? `${w}${suffix}` : w)))).join(''));
}

function handIn(a: Assignment, n: number): string {
  const student = `s${String(n).padStart(5, '0')}`;
  const suffix = `_${(n * 7919) % 1000}`;
  const flip = findLesson('flip')!.steps.flatMap((s) => [...solutionOf(s)]);
  const halfDone = n % 10 === 3;
  const variant = variantSeed(a, student, 4);
  const answer = generateExercise('owner', variant).answer;
  const tasks: TaskWork[] = [
    { task: 0, lines: renamed(halfDone ? flip.slice(0, 5) : flip, suffix) },
    { task: 1, lines: renamed(findChallenge('round-trip')!.solution, suffix) },
    { task: 2, lines: renamed(findChallenge('map-and-fault')!.solution, suffix) },
    { task: 3, lines: ['policy(mem, 30)', `@A request(mem, ${40 + (n % 50)})`] },
    { task: 4, lines: [], answer: n % 20 === 7 ? 'nobody' : answer, variant },
  ];
  const data = submissionData({ assignment: { id: a.id, hash: a.hash }, student, tasks });
  return JSON.stringify(data);
}

async function main(): Promise<void> {
  const read = parseAssignment(JSON.stringify(ASSIGNMENT));
  if (!read.ok) throw new Error(`bench:grade: the assignment is refused: ${read.field} ${read.message}`);
  const a = read.assignment;
  const dir = mkdtempSync(join(os.tmpdir(), 'lparlab-grade-'));
  try {
    const folder = join(dir, 'in');
    execFileSync('mkdir', [folder]);
    const assignmentPath = join(dir, 'bench.assignment.json');
    writeFileSync(assignmentPath, JSON.stringify(ASSIGNMENT));
    let lines = 0;
    for (let n = 0; n < STUDENTS; n++) {
      const text = handIn(a, n);
      lines += (JSON.parse(text) as { tasks: { lines: string[] }[] }).tasks.reduce((s, t) => s + t.lines.length, 0);
      writeFileSync(join(folder, submissionFileName({ student: `s${String(n).padStart(5, '0')}`, assignment: { id: a.id, hash: a.hash } })), text);
    }
    progress(`${STUDENTS} hand-ins, ${fmt(lines / STUDENTS)} lines each on average, ${RUNS} runs ...`);
    const seconds: number[] = [];
    const peak: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'gradeRun.ts'), assignmentPath, folder, join(dir, 'grades.csv')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
      const run = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMB: number; exit: number };
      if (run.exit !== 0) throw new Error(`bench:grade: the grader exited ${run.exit}`);
      seconds.push(run.ms / 1000);
      peak.push(run.maxRssMB);
      progress(`  run ${r + 1}: ${fmt(run.ms / 1000)} s, peak ${fmt(run.maxRssMB)} MB`);
    }
    const results: GradeResults = {
      ...provenance(null),
      students: STUDENTS,
      gradeSeconds: figureOf(GRADE_FIGURES.gradeSeconds, seconds),
      gradePeakMB: figureOf(GRADE_FIGURES.gradePeakMB, peak),
    };
    if (STUDENTS === 1000) writeFileSync(join(ROOT, 'bench', 'grade-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    else progress('results not written: the figures are for 1,000 hand-ins');
    printTable(`lparlab bench:grade at ${results.commit.slice(0, 10)}: ${STUDENTS} hand-ins of 5 tasks`, GRADE_FIGURES, { gradeSeconds: results.gradeSeconds, gradePeakMB: results.gradePeakMB });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
