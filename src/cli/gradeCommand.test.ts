import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateExercise, parseAssignment, submissionData, variantSeed } from '../engine/index.ts';
import type { Assignment, TaskWork } from '../engine/index.ts';
import { csv, handInText, HANDIN_CODE_PREFIX, runGradeCommand } from './gradeCommand.ts';
import type { GradeIo } from './gradeCommand.ts';

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

describe('the CSV', () => {
  it('quotes what needs quoting and keeps a spreadsheet from running a cell as a formula', () => {
    const row = { file: 'f', student: 's', task: '=HYPERLINK("x")', variant: '', solved: 'yes', steps: '1/1', lines: '2', firstError: 'a, "b"', sameLinesAs: '', claimed: '', note: '@x' };
    const text = csv([row]);
    expect(text.split('\r\n')[1]).toBe('s,"\'=HYPERLINK(""x"")",,yes,1/1,2,"a, ""b""",,,\'@x,f');
  });
});
