import { describe, expect, it } from 'vitest';
import { findBuiltinFile, findLesson } from '../lessons/catalog.js';
import { generateExercise } from '../lessons/exercises.js';
import { solutionOf } from '../lessons/lesson.js';
import type { Assignment } from './assignment.js';
import { canonicalJson, lessonHash, parseAssignment, studentId, validateAssignment, variantSeed } from './assignment.js';
import { canonicalLines, gradeSubmission, sameAnswer } from './grade.js';
import type { Submission } from './submission.js';
import { parseSubmission, submissionData, submissionFileName, validateSubmission } from './submission.js';

const ASSIGNMENT = {
  format: 'lparlab-assignment',
  version: 1,
  id: 'week-5',
  title: 'Week 5: the flip',
  instructions: 'Do the flip lesson, the squeeze, and answer the exercise.',
  due: 'Friday 23:59',
  seed: 2026,
  tasks: [{ lesson: 'flip' }, { challenge: 'squeeze' }, { exercise: 'owner' }],
};

function assignment(data: unknown = ASSIGNMENT): Assignment {
  const read = validateAssignment(data);
  if (!read.ok) throw new Error(`${read.field} ${read.message}`);
  return read.assignment;
}

const flipLines = findLesson('flip')!.steps.flatMap((s) => [...solutionOf(s)]);

function handIn(a: Assignment, student: string, tasks: Submission['tasks']): Submission {
  return { assignment: { id: a.id, hash: a.hash }, student, tasks };
}

describe('an assignment file', () => {
  it('names built-in lessons, challenges and seeded exercises, resolved to what the lab plays', () => {
    const a = assignment();
    expect(a.tasks.map((t) => t.kind)).toEqual(['lesson', 'challenge', 'exercise']);
    expect(a.due).toBe('Friday 23:59');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has the same hash however its keys are ordered, and another hash when a task changes', () => {
    const reordered = Object.fromEntries(Object.entries(ASSIGNMENT).reverse());
    expect(assignment(reordered).hash).toBe(assignment().hash);
    expect(assignment({ ...ASSIGNMENT, tasks: [{ lesson: 'flip' }] }).hash).not.toBe(assignment().hash);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('includes a teacher\'s lesson file by value, a lesson or one of its challenges', () => {
    const file = JSON.parse(JSON.stringify({ format: 'lparlab-lesson', version: 1, id: 'mine', title: 'Mine', figures: 'Fig. 5', summary: 'x', steps: [{ title: 'one', narration: 'n', lines: ['@A a = area(64)'], checks: [{ rule: 'tag', tag: 'S106' }], hints: ['h'] }], challenges: [{ id: 'c1', title: 'C', goal: 'g', checks: [{ rule: 'tag', tag: 'S106' }], hints: ['h'], solution: ['@A a = area(64)'] }] }));
    const a = assignment({ ...ASSIGNMENT, tasks: [{ lessonFile: file }, { lessonFile: file, challenge: 'c1' }] });
    expect(a.tasks.map((t) => t.kind)).toEqual(['lesson', 'challenge']);
  });

  it('pins a built-in lesson by its hash, and is refused when the lab\'s lesson differs', () => {
    const hash = lessonHash(findBuiltinFile('flip')!);
    expect(validateAssignment({ ...ASSIGNMENT, tasks: [{ lesson: 'flip', hash }] }).ok).toBe(true);
    expect(validateAssignment({ ...ASSIGNMENT, tasks: [{ lesson: 'flip', hash: '0'.repeat(64) }] })).toMatchObject({ ok: false, field: 'tasks[0].hash', message: expect.stringMatching(/changed since/) });
  });

  it.each([
    [{ ...ASSIGNMENT, format: 'lparlab-lesson' }, 'format'],
    [{ ...ASSIGNMENT, version: 2 }, 'version'],
    [{ ...ASSIGNMENT, id: 'Week 5' }, 'id'],
    [{ ...ASSIGNMENT, seed: -1 }, 'seed'],
    [{ ...ASSIGNMENT, seed: 1.5 }, 'seed'],
    [{ ...ASSIGNMENT, tasks: [] }, 'tasks'],
    [{ ...ASSIGNMENT, tasks: [{ lesson: 'nope' }] }, 'tasks[0].lesson'],
    [{ ...ASSIGNMENT, tasks: [{ lesson: 'squeeze' }] }, 'tasks[0].lesson'],
    [{ ...ASSIGNMENT, tasks: [{ exercise: 'poem' }] }, 'tasks[0].exercise'],
    [{ ...ASSIGNMENT, tasks: [{ lesson: 'flip', challenge: 'squeeze' }] }, 'tasks[0]'],
    [{ ...ASSIGNMENT, tasks: [{ lessonFile: { format: 'lparlab-lesson' } }] }, 'tasks[0].lessonFile.version'],
    [{ ...ASSIGNMENT, title: 'a\u202ebad' }, 'title'],
    [{ ...ASSIGNMENT, extra: 1 }, 'extra'],
    [{ ...ASSIGNMENT, tasks: Array.from({ length: 31 }, () => ({ lesson: 'flip' })) }, 'tasks'],
  ])('refuses a broken file and names the field (%#)', (data, field) => {
    const read = validateAssignment(data);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.field).toBe(field);
  });

  it('refuses text that is not JSON or too large, without throwing', () => {
    expect(parseAssignment('{')).toMatchObject({ ok: false, field: '(the file)' });
    expect(parseAssignment(' '.repeat(1024 * 1024 + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/at most 1024 KiB/) });
    expect(parseAssignment('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]')).toMatchObject({ ok: false });
  });
});

describe('students and variants', () => {
  it('writes a student id as the file name and the variant use it', () => {
    expect(studentId('  S1234 ')).toEqual({ ok: true, id: 's1234' });
    expect(studentId('田中.花子')).toEqual({ ok: true, id: '田中.花子' });
    expect(studentId('../etc/passwd')).toMatchObject({ ok: false });
    expect(studentId('a b')).toMatchObject({ ok: false });
    expect(studentId('..')).toMatchObject({ ok: false });
    expect(studentId('')).toMatchObject({ ok: false });
  });

  it('gives each student their own exercise numbers, the same every time', () => {
    const a = assignment();
    const seeds = ['ann', 'bob', 'chen', 'dana', 'eli'].map((s) => variantSeed(a, s, 2));
    expect(new Set(seeds).size).toBe(5);
    expect(variantSeed(a, 'ann', 2)).toBe(seeds[0]);
    for (const s of seeds) expect(s).toBeGreaterThanOrEqual(1);
    const scripts = new Set(seeds.map((s) => generateExercise('owner', s).script.join('\n')));
    expect(scripts.size).toBeGreaterThan(1);
  });
});

describe('grading by replay', () => {
  const a = assignment();
  const annVariant = variantSeed(a, 'ann', 2);
  const annAnswer = generateExercise('owner', annVariant).answer;

  it('solves every task of a complete hand-in', () => {
    const grade = gradeSubmission(a, handIn(a, 'ann', [
      { task: 0, lines: flipLines },
      { task: 1, lines: ['policy(mem, 30)', '@A request(mem, 64)'] },
      { task: 2, lines: generateExercise('owner', annVariant).script, answer: annAnswer, variant: annVariant },
    ]));
    expect(grade.ok).toBe(true);
    if (!grade.ok) return;
    expect(grade.tasks.map((t) => [t.name, t.solved, t.stepsMet, t.stepsTotal])).toEqual([
      ['lesson flip', true, 6, 6], ['challenge squeeze', true, 1, 1], ['exercise owner', true, 1, 1],
    ]);
    expect(grade.tasks[2]!.variant).toBe(annVariant);
  });

  it('never trusts the claimed verdict: a hand-in edited to claim success is graded by its lines', () => {
    const grade = gradeSubmission(a, handIn(a, 'ann', [{ task: 0, lines: flipLines.slice(0, 3), claimed: { solved: true, stepsMet: 6 } }]));
    expect(grade.ok && grade.tasks[0]).toMatchObject({ solved: false, stepsMet: 2, claimed: { solved: true, stepsMet: 6 } });
  });

  it('counts the steps met of a half-done lesson, and names the first line that errored', () => {
    const lines = ['@A ch = conect(B)', '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'];
    const grade = gradeSubmission(a, handIn(a, 'bob', [{ task: 0, lines }]));
    expect(grade.ok && grade.tasks[0]).toMatchObject({ solved: false, stepsMet: 2, firstError: { line: 1, input: '@A ch = conect(B)' } });
  });

  it('marks tasks not handed in, an answer for another variant, and a wrong answer', () => {
    const other = variantSeed(a, 'bob', 2);
    const grade = gradeSubmission(a, handIn(a, 'ann', [{ task: 2, lines: [], answer: annAnswer, variant: other }]));
    expect(grade.ok && grade.tasks.map((t) => t.note)).toEqual(['not handed in', 'not handed in', `worked on variant ${other}, not this student's ${annVariant}`]);
    const wrong = annAnswer === 'A' ? 'B' : 'A';
    const graded = gradeSubmission(a, handIn(a, 'ann', [{ task: 2, lines: [], answer: wrong }]));
    expect(graded.ok && graded.tasks[2]!.solved).toBe(false);
  });

  it('reports a hand-in for another assignment or another version of it, and a task it does not have', () => {
    expect(gradeSubmission(a, { ...handIn(a, 'ann', []), assignment: { id: 'week-6', hash: a.hash } })).toMatchObject({ ok: false, reason: expect.stringMatching(/another assignment/) });
    expect(gradeSubmission(a, { ...handIn(a, 'ann', []), assignment: { id: a.id, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, reason: expect.stringMatching(/another version/) });
    expect(gradeSubmission(a, handIn(a, 'ann', [{ task: 7, lines: [] }]))).toMatchObject({ ok: false, reason: expect.stringMatching(/task 7/) });
  });

  it('compares exercise answers as words, not as typed', () => {
    expect(sameAnswer('free memory', ' Free ')).toBe(true);
    expect(sameAnswer('B', '"b"')).toBe(true);
    expect(sameAnswer('B', 'A')).toBe(false);
    expect(sameAnswer('B', '')).toBe(false);
    expect(sameAnswer('nothing yet: it blocks until a message arrives', 'it blocks')).toBe(true);
    expect(sameAnswer('[s0, s1]', '[s0,s1]')).toBe(true);
  });

  it("takes the forms of the reader's language it is given, whole, and full-width letters as letters", () => {
    expect(sameAnswer('B', 'Ｂ')).toBe(true);
    expect(sameAnswer('B', '「B」。')).toBe(true);
    expect(sameAnswer('free memory', '空きメモリ')).toBe(false);
    expect(sameAnswer('free memory', ' 空きメモリ。', ['空き', '空きメモリ'])).toBe(true);
    // a form is compared whole: a sentence that merely starts with one is not the answer
    expect(sameAnswer('free memory', '空きではない', ['空き'])).toBe(false);
    expect(sameAnswer('B', 'A', ['B'])).toBe(false);
  });

  it('grades an exercise answered in another language with the forms the grader is given', () => {
    const free = Array.from({ length: 200 }, (_, i) => i).find((s) => generateExercise('owner', variantSeed(a, `s${s}`, 2)).answer === 'free memory')!;
    const student = `s${free}`;
    const work = [{ task: 2, lines: [], answer: '空きメモリ', variant: variantSeed(a, student, 2) }];
    const english = gradeSubmission(a, handIn(a, student, work));
    expect(english.ok && english.tasks[2]!.solved).toBe(false);
    const both = gradeSubmission(a, handIn(a, student, work), (e) => (e.answer === 'free memory' ? ['空きメモリ'] : []));
    expect(both.ok && both.tasks[2]!.solved).toBe(true);
  });
});

describe('the same lines', () => {
  it('are the same text whatever names the students chose', () => {
    const ann = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)  # my service', '@A ch = connect(7)', 'fd = accept(s)'];
    const bob = ['sock = socket(AF_LPAR,SOCK_SEQPACKET)', 'bind(sock, 7)', '@A c = connect(7)', 'conn = accept(sock)'];
    expect(canonicalLines(ann)).toBe(canonicalLines(bob));
    expect(canonicalLines(['@A poke(a, "s # x")'])).toBe('@Apoke(a,"s # x")');
    expect(canonicalLines(['bind(s, 8)'])).not.toBe(canonicalLines(['bind(s, 7)']));
  });
});

describe('a hand-in file', () => {
  const a = assignment();
  const good = submissionData(handIn(a, 'ann', [{ task: 0, lines: ['@A ch = connect(B)'], claimed: { solved: false, stepsMet: 1 } }]));

  it('round-trips through its JSON and is named <student>.<assignment>.lparlab.json', () => {
    const read = parseSubmission(JSON.stringify(good));
    expect(read.ok).toBe(true);
    if (read.ok) expect(submissionFileName(read.submission)).toBe('ann.week-5.lparlab.json');
  });

  it.each([
    [{ ...good, format: 'x' }, /format/],
    [{ ...good, student: 'Ann' }, /lower case/],
    [{ ...good, student: '../x' }, /student/],
    [{ ...good, tasks: [{ task: 0, lines: [1] }] }, /lines\[0\] must be text/],
    [{ ...good, tasks: [{ task: 0, lines: ['x'.repeat(5000)] }] }, /longer than/],
    [{ ...good, tasks: [{ task: 0, lines: [] }, { task: 0, lines: [] }] }, /twice/],
    [{ ...good, tasks: [{ task: 0, lines: [], claimed: { solved: 'yes', stepsMet: 1 } }] }, /claimed/],
    [{ ...good, assignment: { id: 'week-5', hash: 'abc' } }, /hash/],
    [null, /object/],
  ])('refuses a broken hand-in with its reason (%#)', (data, reason) => {
    expect(validateSubmission(data)).toMatchObject({ ok: false, message: expect.stringMatching(reason) });
  });
});
