import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateExercise, gradeSubmission, parseAssignment, parseSubmission, variantSeed } from '../../engine/index.ts';
import { handInText } from '../../cli/gradeCommand.ts';
import { buildSubmission, handInCode, handInFile, statusOf, statusText } from './handIn.ts';
import { translateEnglish } from '../../i18n/translate.ts';
import { loadHomework, saveHomework, storedWork } from './homeworkStorage.ts';

const read = parseAssignment(JSON.stringify({
  format: 'lparlab-assignment', version: 1, id: 'week-5', title: 'Week 5', instructions: 'Work them all.', seed: 2026,
  tasks: [{ lesson: 'flip' }, { challenge: 'squeeze' }, { exercise: 'owner' }],
}));
if (!read.ok) throw new Error(read.message);
const assignment = read.assignment;

// lesson flip in the student's own names (docs/homework.md's Ann)
const FLIP = ['@A link = connect(B)', '@B s = signal()', '@B other = permit(s)', '@A msg = area(4096)', '@A poke(msg, "hello")',
  '@A send(link, msg, "hi")', '@B got = recv(other)', '@B peek(got.addr, 5)', '@B free(got.addr)', '@B close(other)', '@A close(link)'];

describe("the page's own verdict", () => {
  it('grades a task from its lines: not started, steps met n of m, solved', () => {
    expect(statusText(translateEnglish, statusOf(assignment, 'ann', {}, 0))).toBe('not started');
    expect(statusText(translateEnglish, statusOf(assignment, 'ann', { 0: { lines: FLIP.slice(0, 3) } }, 0))).toBe('steps met: 2 of 6');
    expect(statusText(translateEnglish, statusOf(assignment, 'ann', { 0: { lines: FLIP } }, 0))).toBe('solved');
    expect(statusText(translateEnglish, statusOf(assignment, 'ann', { 1: { lines: ['policy(mem, 30)', '@A request(mem, 64)'] } }, 1))).toBe('solved');
  });

  it('says an exercise is answered, never whether the answer is right', () => {
    const right = generateExercise('owner', variantSeed(assignment, 'ann', 2)).answer;
    expect(statusOf(assignment, 'ann', { 2: { lines: [], answer: right } }, 2)).toEqual({ kind: 'answered' });
    expect(statusOf(assignment, 'ann', { 2: { lines: [], answer: 'nonsense' } }, 2)).toEqual({ kind: 'answered' });
    expect(statusOf(assignment, 'ann', { 2: { lines: [], answer: '  ' } }, 2)).toEqual({ kind: 'not-started' });
  });
});

describe('the hand-in', () => {
  it("writes a file the grader reads, with the page's claim equal to the grader's replay", () => {
    const answer = generateExercise('owner', variantSeed(assignment, 'ann', 2)).answer;
    const built = buildSubmission(assignment, 'ann', { 0: { lines: FLIP.slice(0, 5) }, 2: { lines: [], answer } });
    if (!built.ok) throw new Error(built.message);
    const file = handInFile(built.submission);
    expect(file.name).toBe('ann.week-5.lparlab.json');
    const parsed = parseSubmission(file.text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.submission.tasks.map((t) => t.task)).toEqual([0, 2]);
    expect(parsed.submission.tasks[1]).toMatchObject({ variant: variantSeed(assignment, 'ann', 2), answer });
    const graded = gradeSubmission(assignment, parsed.submission);
    if (!graded.ok) throw new Error(graded.reason);
    for (const t of parsed.submission.tasks) {
      const g = graded.tasks[t.task]!;
      expect(t.claimed).toEqual({ solved: g.solved, stepsMet: g.stepsMet });
    }
    expect(graded.tasks.map((t) => [t.solved, t.stepsMet])).toEqual([[false, 3], [false, 0], [true, 1]]);
  });

  it('gives a code that lparsh --grade reads back to the same file', async () => {
    const built = buildSubmission(assignment, 'ann', { 0: { lines: FLIP } });
    if (!built.ok) throw new Error(built.message);
    const file = handInFile(built.submission);
    const code = await handInCode(file.text);
    expect(code).toMatch(/^lparlab-handin:1:[A-Za-z0-9_-]+$/);
    expect(handInText(code)).toEqual({ ok: true, text: file.text });
  });

  it('refuses to hand in nothing, or a task past the limit of lines', () => {
    expect(buildSubmission(assignment, 'ann', {})).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing to hand in/) });
    expect(buildSubmission(assignment, 'ann', { 0: { lines: Array(2001).fill('ls') } })).toMatchObject({ ok: false, message: expect.stringMatching(/2001 lines/) });
  });
});

describe('the work kept in the browser', () => {
  afterEach(() => vi.unstubAllGlobals());
  const stubStorage = () => {
    const store = new Map<string, string>();
    vi.stubGlobal('window', { localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } });
    return store;
  };
  const valid = (raw: string) => (/^[a-z]+$/.test(raw) ? raw : null);

  it('keeps each student their own work, and who worked here last', () => {
    stubStorage();
    saveHomework(assignment, 'ann', { 0: { lines: ['@A link = connect(B)'] } });
    saveHomework(assignment, 'bob', { 2: { lines: [], answer: 'B' } });
    expect(loadHomework(assignment, valid)).toEqual({ student: 'bob', work: { 2: { lines: [], answer: 'B' } } });
    expect(storedWork(assignment, 'ann')).toEqual({ 0: { lines: ['@A link = connect(B)'] } });
  });

  it('drops what does not have the shape the page writes', () => {
    const store = stubStorage();
    saveHomework(assignment, 'ann', {});
    const key = [...store.keys()][0]!;
    store.set(key, JSON.stringify({ student: 'ann', work: { ann: { 0: { lines: ['ok', 7] }, 1: { lines: ['a\nb'] }, 9: { lines: [] }, x: { lines: [] }, 2: { lines: [], answer: 5 } } } }));
    expect(loadHomework(assignment, valid)).toEqual({ student: 'ann', work: { 2: { lines: [] } } });
    store.set(key, '{broken');
    expect(loadHomework(assignment, valid)).toEqual({ student: null, work: {} });
    store.set(key, JSON.stringify({ student: 'NOT VALID', work: {} }));
    expect(loadHomework(assignment, valid)).toEqual({ student: null, work: {} });
  });
});
