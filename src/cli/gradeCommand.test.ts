import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateExercise, gradeSubmission, gradeTask, parseAssignment, parseSubmission, submissionData, variantSeed } from '../engine/index.ts';
import type { Assignment, Submission, TaskWork } from '../engine/index.ts';
import { translateEnglish } from '../i18n/translate.ts';
import { wordsIn } from '../i18n/wordsIn.ts';
import { csv, cutToCells, handInText, HANDIN_CODE_PREFIX, runGradeCommand } from './gradeCommand.ts';
import type { GradeIo } from './gradeCommand.ts';
import { englishIn } from '../i18n/englishIn.ts';
import stringWidth from 'string-width';

const ASSIGNMENT = JSON.stringify({
  format: 'lparlab-assignment', version: 1, id: 'week-5', title: 'Week 5', instructions: 'Three tasks.', seed: 99,
  tasks: [{ challenge: 'squeeze' }, { exercise: 'owner' }, { challenge: 'one-bit' }],
});
const assignment = (parseAssignment(ASSIGNMENT) as { ok: true; assignment: Assignment }).assignment;

const handIn = (student: string, tasks: TaskWork[], a: Pick<Assignment, 'id' | 'hash'> = assignment) =>
  JSON.stringify(submissionData({ assignment: { id: a.id, hash: a.hash }, student, tasks }));

const ownerAnswer = (student: string) => {
  const variant = variantSeed(assignment, student, 1);
  return { task: 1, lines: [], answer: generateExercise('owner', variant).answer, variant };
};

// the goal asks for at least four events raised at the one port (issue 20: the check counts them)
const oneBit = (rp: string, sp: string) => [
  `@B ${rp} = event_port()`, `@A ${sp} = event_connect(B, ${rp})`, '@B sig = signal()', '@B permit(sig)',
  ...Array.from({ length: 4 }, () => `@A event_send(${sp})`), `@B event_poll(${rp})`, `@B event_poll(${rp})`,
];

function memoryIo(files: Record<string, string>, folders: Record<string, string[]> = {}) {
  const written: Record<string, string> = {};
  let out = '';
  let err = '';
  const io: GradeIo = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    read: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: no such file, open '${p}'`);
      return files[p]!;
    },
    list: (p) => folders[p] ?? (p in files ? null : (() => { throw new Error(`ENOENT: ${p}`); })()),
    size: (p) => (files[p] ?? '').length,
    write: (p, t) => { written[p] = t; },
  };
  return { io, written, out: () => out, err: () => err };
}

describe('lparsh --grade', () => {
  it('grades two students who solved it their own way, a tampered hand-in and a half-done one, by replay', () => {
    const files = {
      'a.json': ASSIGNMENT,
      'in/ann.week-5.lparlab.json': handIn('ann', [{ task: 0, lines: ['policy(mem, 30)', '@A request(mem, 64)'] }, ownerAnswer('ann'), { task: 2, lines: oneBit('rp', 'sp') }]),
      'in/bob.week-5.lparlab.json': handIn('bob', [{ task: 0, lines: ['policy(mem, 30)', '@A request(mem, 100)'] }, ownerAnswer('bob'), { task: 2, lines: oneBit('recv', 'bell') }]),
      'in/eve.week-5.lparlab.json': handIn('eve', [{ task: 0, lines: ['@A request(mem, 64)'], claimed: { solved: true, stepsMet: 1 } }]),
      'in/dan.week-5.lparlab.json': handIn('dan', [{ task: 0, lines: ['policy(mem, 30)', '@A request(mem, 64)'] }]),
    };
    const { io, written, out } = memoryIo(files, { in: Object.keys(files).filter((f) => f.startsWith('in/')).map((f) => f.slice(3)) });
    expect(runGradeCommand(['--grade', 'a.json', 'in', '--csv', 'grades.csv'], io)).toBe(0);
    const rows = written['grades.csv']!.trim().split('\r\n').map((r) => r.split(','));
    expect(rows[0]).toEqual(['student', 'task', 'variant', 'solved', 'steps met', 'lines', 'first error', 'same lines as', 'claimed', 'note', 'file']);
    const solved = (student: string) => rows.filter((r) => r[0] === student).map((r) => r[3]);
    expect(solved('ann')).toEqual(['yes', 'yes', 'yes']);
    expect(solved('bob')).toEqual(['yes', 'yes', 'yes']);
    expect(solved('eve')).toEqual(['no', 'no', 'no']);
    expect(solved('dan')).toEqual(['yes', 'no', 'no']);
    // ann and bob typed the same one-bit lines under other names
    const annOneBit = rows.find((r) => r[0] === 'ann' && r[1] === '3: challenge one-bit')!;
    expect(annOneBit[7]).toBe('bob');
    // each student's exercise has their own variant
    expect(rows.find((r) => r[0] === 'ann' && r[1]!.includes('exercise'))![2]).not.toBe(rows.find((r) => r[0] === 'bob' && r[1]!.includes('exercise'))![2]);
    expect(rows.find((r) => r[0] === 'eve' && r[1]!.includes('squeeze'))![8]).toBe('"solved');
    expect(out()).toMatch(/4 hand-ins, 4 graded by replay/);
  });

  it('makes each hand-in it cannot grade a row with its reason, and exits 1', () => {
    const other = { id: 'week-6', hash: assignment.hash };
    const files = {
      'a.json': ASSIGNMENT,
      'garbage.lparlab.json': 'not json',
      'other.lparlab.json': handIn('zed', [], other),
      'old.lparlab.json': handIn('zed', [], { id: 'week-5', hash: '0'.repeat(64) }),
      'evil.lparlab.json': handIn('mal', [{ task: 0, lines: ['\u001b]8;;http://x\u0007CLICK'] }]),
    };
    const { io, written, out } = memoryIo(files);
    expect(runGradeCommand(['--grade', 'a.json', ...Object.keys(files).slice(1), 'missing.lparlab.json'], io)).toBe(1);
    const text = written['week-5.grades.csv']!;
    expect(text).toMatch(/not valid JSON/);
    expect(text).toMatch(/another assignment/);
    expect(text).toMatch(/another version/);
    expect(text).toMatch(/cannot read it: ENOENT/);
    expect(out().includes('\u001b')).toBe(false);
    expect(out()).toMatch(/\\x1b/);
  });

  it('reads the copyable hand-in code, and refuses one that inflates past the limit', () => {
    const code = (json: string) => `${HANDIN_CODE_PREFIX}${deflateRawSync(Buffer.from(json)).toString('base64url')}`;
    const files = { 'a.json': ASSIGNMENT, 'ann.txt': code(handIn('ann', [{ task: 0, lines: ['policy(mem, 30)', '@A request(mem, 64)'] }])) };
    const { io, written } = memoryIo(files);
    expect(runGradeCommand(['--grade', 'a.json', 'ann.txt', '--csv', 'g.csv'], io)).toBe(0);
    expect(written['g.csv']).toMatch(/ann,1: challenge squeeze,,yes/);
    expect(handInText(code('x'.repeat(2 * 1024 * 1024)))).toMatchObject({ ok: false, message: expect.stringMatching(/inflates past/) });
    expect(handInText(`${HANDIN_CODE_PREFIX}!!!`)).toMatchObject({ ok: false });
    expect(handInText(`${HANDIN_CODE_PREFIX}AAAA`)).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it('exits 2 on a broken assignment or arguments, naming the field', () => {
    const { io, err } = memoryIo({ 'a.json': ASSIGNMENT.replace('"seed":99', '"seed":-1'), 's.json': '{}' });
    expect(runGradeCommand(['--grade', 'a.json', 's.json'], io)).toBe(2);
    expect(err()).toMatch(/seed must be a whole number/);
    expect(runGradeCommand(['--grade', 'a.json'], memoryIo({}).io)).toBe(2);
    expect(runGradeCommand(['--grade', 'a.json', 's.json', '--csv'], memoryIo({}).io)).toBe(2);
    expect(runGradeCommand(['--json'], memoryIo({}).io)).toBeNull();
  });
});

describe('lparsh --grade --lang ja (issue 23)', () => {
  const enoent = (p: string) => Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
  /**
   * The English words left in a teacher's output: names, files, ids and lines typed are theirs; lparsh's
   * options and a task's name (the command that opens it) are the command language. A word the table cut
   * ('…' where its cell ran out of room: 'fil…' of an inflater's "end of file") is no longer a word.
   */
  const english = (text: string, typed: readonly string[]) => text.split(/\r?\n/).flatMap((line) => englishIn(line.replace(/--[a-z][\w-]*/g, ' ').replace(/[\w-]+…/g, '…'), typed.join(' ')));

  it('says the table, the CSV, every note and every reason a hand-in cannot be graded in Japanese', () => {
    const variant = variantSeed(assignment, 'kai', 1);
    const tampered = JSON.parse(handIn('ivy', [])) as Record<string, unknown>;
    const files: Record<string, string> = {
      'a.json': ASSIGNMENT,
      // graded: a solved task, a wrong one with its first error, a claim, a wrong variant, an exercise without an answer
      'ann.lparlab.json': handIn('ann', [{ task: 0, lines: ['policy(mem, 30)', '@A request(mem, 64)'], claimed: { solved: true, stepsMet: 1 } }, ownerAnswer('ann'), { task: 2, lines: oneBit('rp', 'sp') }]),
      'ann2.lparlab.json': handIn('ann', [{ task: 2, lines: oneBit('recv', 'bell') }]),
      'kai.lparlab.json': handIn('kai', [{ task: 0, lines: ['conect(B)'], claimed: { solved: false, stepsMet: 2 } }, { task: 1, lines: [], variant: variant + 1, answer: 'x' }]),
      'lee.lparlab.json': handIn('lee', [{ task: 1, lines: [] }]),
      // not graded: another assignment, another version, a task it does not have, a broken code, and files that are not hand-ins
      'other.lparlab.json': handIn('zed', [], { id: 'week-6', hash: assignment.hash }),
      'old.lparlab.json': handIn('zed', [], { id: 'week-5', hash: '0'.repeat(64) }),
      'extra.lparlab.json': handIn('zed', [{ task: 7, lines: [] }]),
      'code.txt': `${HANDIN_CODE_PREFIX}!!!`,
      'damaged.txt': `${HANDIN_CODE_PREFIX}AAAA`,
      'big.txt': `${HANDIN_CODE_PREFIX}${deflateRawSync(Buffer.from('x'.repeat(2 * 1024 * 1024))).toString('base64url')}`,
      'format.lparlab.json': JSON.stringify({ ...tampered, format: 'x' }),
      'version.lparlab.json': JSON.stringify({ ...tampered, version: 9 }),
      'field.lparlab.json': JSON.stringify({ ...tampered, extra: 1 }),
      'student.lparlab.json': JSON.stringify({ ...tampered, student: 'ANN' }),
      'nobody.lparlab.json': JSON.stringify({ ...tampered, student: '' }),
      'hash.lparlab.json': JSON.stringify({ ...tampered, assignment: { id: 'week-5', hash: 'x' } }),
      'twice.lparlab.json': JSON.stringify({ ...tampered, tasks: [{ task: 0, lines: [] }, { task: 0, lines: [] }] }),
      'lines.lparlab.json': JSON.stringify({ ...tampered, tasks: [{ task: 0, lines: ['a\nb'] }] }),
      'claim.lparlab.json': JSON.stringify({ ...tampered, tasks: [{ task: 0, lines: [], claimed: { solved: 1 } }] }),
      'top.lparlab.json': '[]',
    };
    const { io, written, out, err } = memoryIo(files);
    io.read = (p) => {
      if (!(p in files)) throw enoent(p);
      return files[p]!;
    };
    io.list = (p) => (p in files ? null : (() => { throw enoent(p); })());
    expect(runGradeCommand(['--grade', 'a.json', ...Object.keys(files).slice(1), 'missing.lparlab.json', '--lang', 'ja', '--csv', 'g.csv'], io)).toBe(1);
    // theirs: names, files, ids; the command language: a task's name, a line typed, a hand-in's fields and
    // format; and what the inflater said of a damaged code, quoted as it said it
    const typed = [...Object.keys(files), 'missing.lparlab.json', 'g.csv', 'week-5', 'week-6', 'Week', 'ann', 'kai', 'lee', 'zed',
      'challenge squeeze', 'exercise owner', 'challenge one-bit', 'conect', 'lparlab-submission', 'tasks', 'claimed', 'solved', 'stepsMet',
      'base64url', 'KiB', 'SHA', 'unexpected end of file'];
    expect(english(out(), typed)).toEqual([]);
    expect(english(written['g.csv']!, typed)).toEqual([]);
    expect(err()).toBe('');
    // the words are there, not dropped: a heading, a note, the reasons
    expect(out()).toMatch(/学生 +タスク/);
    expect(written['g.csv']).toMatch(/未提出/);
    expect(written['g.csv']).toMatch(/ENOENT：ファイルもフォルダもありません/);
    expect(written['g.csv']).toMatch(/2 回以上提出/);
    expect(out()).toMatch(/提出物 \d+ 件/);
  });

  it("gives the engine's reasons and notes as words whose English is the engine's sentence", () => {
    const tampered = JSON.parse(handIn('ivy', [])) as Record<string, unknown>;
    const sources = ['[]', 'not json', 'x'.repeat(300 * 1024), ...[
      { format: 'x' }, { version: 9 }, { extra: 1 }, { student: 'ANN' }, { student: '' }, { student: 7 }, { assignment: { id: 'X', hash: 'x' } }, { assignment: { id: 'week-5', hash: 'x' } },
      { tasks: 1 }, { tasks: [{ task: 0, lines: [] }, { task: 0, lines: [] }] }, { tasks: [{ task: -1, lines: [] }] }, { tasks: [{ task: 0 }] }, { tasks: [{ task: 0, lines: [1] }] },
      { tasks: [{ task: 0, lines: ['a\nb'] }] }, { tasks: [{ task: 0, lines: ['x'.repeat(5000)] }] }, { tasks: [{ task: 0, lines: Array(5000).fill('x') }] },
      { tasks: [{ task: 0, lines: [], answer: 5 }] }, { tasks: [{ task: 0, lines: [], variant: -1 }] }, { tasks: [{ task: 0, lines: [], claimed: { solved: 1 } }] },
      { tasks: [{ task: 0, lines: [], claimed: [] }] }, { tasks: [{ task: 0, lines: [], why: 1 }] }, { tasks: Array(100).fill({ task: 0, lines: [] }) },
    ].map((change) => JSON.stringify({ ...tampered, ...change }))];
    const refused = sources.map((source) => parseSubmission(source)).filter((r) => !r.ok);
    expect(refused).toHaveLength(sources.length);
    for (const r of refused) expect(wordsIn(translateEnglish, r.words!)).toBe(r.message);
    const tasks = [gradeTask(assignment.tasks[1]!, 1, null, 5), gradeTask(assignment.tasks[1]!, 1, { task: 1, lines: [] }, 5), gradeTask(assignment.tasks[1]!, 1, { task: 1, lines: [], answer: 'x', variant: 6 }, 5)];
    for (const t of tasks) expect(wordsIn(translateEnglish, t.noteWords!)).toBe(t.note);
    const grades = [handIn('zed', [], { id: 'week-6', hash: assignment.hash }), handIn('zed', [], { id: 'week-5', hash: '0'.repeat(64) }), handIn('zed', [{ task: 7, lines: [] }])]
      .map((source) => gradeSubmission(assignment, (parseSubmission(source) as { ok: true; submission: Submission }).submission));
    for (const g of grades) expect(!g.ok && wordsIn(translateEnglish, g.reasonWords!)).toBe(!g.ok && g.reason);
  });

  it('says a broken assignment and broken arguments in Japanese, and refuses a language it does not have', () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ 'a.json': ASSIGNMENT.replace('"seed":99', '"seed":-1'), 's.json': '{}' }, ['a.json', 's.json']],
      [{}, ['a.json', 's.json']],
      [{ 'a.json': ASSIGNMENT }, ['a.json']],
      [{ 'a.json': ASSIGNMENT }, ['a.json', 's.json', '--csv']],
      [{ 'a.json': ASSIGNMENT }, ['a.json', 's.json', '--bogus']],
    ];
    for (const [files, args] of cases) {
      const { io, err } = memoryIo(files);
      io.read = (p) => {
        if (!(p in files)) throw enoent(p);
        return files[p]!;
      };
      expect(runGradeCommand(['--grade', ...args, '--lang', 'ja'], io)).toBe(2);
      expect(english(err(), ['a.json', 's.json', 'lparsh', 'ASSIGNMENT', 'SUBMISSION', 'FILE', 'ID', 'CSV', 'lparlab', 'json', 'grades', 'csv'])).toEqual([]);
    }
    const { io, err } = memoryIo({});
    expect(runGradeCommand(['--grade', 'a.json', 's.json', '--lang', 'xx'], io)).toBe(2);
    expect(err()).toBe('lparsh: --lang takes en, ja, not xx\n');
  });
});

describe("the table's cells", () => {
  it('are cut by the terminal cells they take, never inside a character', () => {
    const japanese = 'パーティションを一覧した'.repeat(5); // 60 characters, 120 cells
    expect(stringWidth(cutToCells(japanese, 48))).toBeLessThanOrEqual(48);
    expect(cutToCells(japanese, 48)).toBe('パーティションを一覧したパーティションを一覧し…'); // 46 cells and the ellipsis: one more would take 49
    const emoji = `${'a'.repeat(46)}👩‍🎓👩‍🎓`; // a cut at 47 UTF-16 units would split the first emoji
    expect(cutToCells(emoji, 48)).toBe(`${'a'.repeat(46)}…`);
    expect(cutToCells('a'.repeat(48), 48)).toBe('a'.repeat(48));
    expect(cutToCells('a'.repeat(49), 48)).toBe(`${'a'.repeat(47)}…`);
  });
});

describe('the CSV', () => {
  it('quotes what needs quoting and keeps a spreadsheet from running a cell as a formula', () => {
    const row = { file: 'f', student: 's', task: '=HYPERLINK("x")', variant: '', solved: 'yes', steps: '1/1', lines: '2', firstError: 'a, "b"', sameLinesAs: '', claimed: '', note: '@x' };
    const text = csv([row]);
    expect(text.split('\r\n')[1]).toBe('s,"\'=HYPERLINK(""x"")",,yes,1/1,2,"a, ""b""",,,\'@x,f');
  });
});
