// `lparsh --export-lesson` and `lparsh --lesson FILE --check` through the real
// command: every built-in lesson, exported, checks clean (exit 0); a lesson
// whose check was made wrong fails naming the step (exit 1); a broken file is
// refused naming the field (exit 2).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_FILES, parseLessonFile, RULE_NAMES, TAG_STYLES, WHOLE_FILE } from '../engine/index.ts';
import { translateEnglish } from '../i18n/translate.ts';
import { wordsIn } from '../i18n/wordsIn.ts';
import { runLessonCommand } from './lessonCommands.ts';
import { englishIn } from '../i18n/englishIn.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lparsh.mjs');
const lparsh = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'lparsh-lesson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command in this process, with its output captured: quick enough to run for every built-in file. */
function run(args: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = runLessonCommand(args, {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    read: (path) => {
      if (!(path in files)) throw new Error('no such file');
      return files[path]!;
    },
  });
  return { code, out, err };
}

// each real command starts Node and tsx: slow on a busy machine, so a generous limit (not a timed assertion)
describe('lparsh --export-lesson and --lesson --check', { timeout: 60_000 }, () => {
  it('through the real command: export the flip lesson, then check the file (exit 0)', () => {
    const exported = lparsh(['--export-lesson', 'flip']);
    expect(exported.status).toBe(0);
    const file = join(dir, 'flip.lesson.json');
    writeFileSync(file, exported.stdout);
    const checked = lparsh(['--lesson', file, '--check']);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/6 steps, every check passes/);
  });

  it('through the real command: a check made wrong exits 1 and names the step', () => {
    const data = JSON.parse(lparsh(['--export-lesson', '4']).stdout) as { steps: { checks: Record<string, unknown>[] }[] };
    data.steps[3]!.checks[0] = { rule: 'owner', frame: 0, ctx: 'A' };
    const file = join(dir, 'wrong.lesson.json');
    writeFileSync(file, JSON.stringify(data));
    const checked = lparsh(['--lesson', file, '--check']);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toMatch(/FAIL step 4 \(S107: the flip\): frame 0 is owned by A: /);
  });

  it('through the real command: malformed JSON exits 2 and says so', () => {
    const file = join(dir, 'broken.lesson.json');
    writeFileSync(file, '{"format": "lparlab-lesson", "steps": [');
    const checked = lparsh(['--lesson', file, '--check']);
    expect(checked.status).toBe(2);
    expect(checked.stderr).toMatch(/is not a lesson file this lab can use: \(the file\) is not valid JSON/);
  });

  it.each(BUILTIN_FILES.map((f) => [f.lesson.id, f] as const))('%s: exported, then checked, every check passes', (id) => {
    const exported = run(['--export-lesson', id]);
    expect(exported.code).toBe(0);
    const checked = run(['--lesson', 'x.lesson.json', '--check'], { 'x.lesson.json': exported.out });
    expect(checked.err).toBe('');
    expect(checked.code).toBe(0);
  });

  it('a challenge exports on its own, and its check fails (exit 1) when its solution does nothing', () => {
    const data = JSON.parse(run(['--export-lesson', 'squeeze']).out) as { challenges: { solution: string[] }[] };
    expect(data.challenges.length).toBe(1);
    data.challenges[0]!.solution = ['lpars'];
    const checked = run(['--lesson', 'c.json', '--check'], { 'c.json': JSON.stringify(data) });
    expect(checked.code).toBe(1);
    expect(checked.err).toMatch(/FAIL challenge squeeze \(The squeeze\): the machine has done lab:reduce/);
  });

  it('a broken field exits 2 and names it', () => {
    const data = JSON.parse(run(['--export-lesson', 'fault']).out) as { steps: { checks: unknown[] }[] };
    data.steps[1]!.checks[0] = { rule: 'javascript', source: 'process.exit(0)' };
    const checked = run(['--lesson', 'f.json', '--check'], { 'f.json': JSON.stringify(data) });
    expect(checked.code).toBe(2);
    expect(checked.err).toMatch(/steps\[1\]\.checks\[0\]\.rule "javascript" is not a rule/);
  });

  it.each([
    [['--export-lesson', 'nope'], /no built-in lesson or challenge "nope"/],
    [['--export-lesson'], /takes one ID/],
    [['--lesson', 'x.json'], /goes with --check/],
    [['--lesson', 'missing.json', '--check'], /cannot read missing.json/],
    [['--lesson', '--check'], /needs a FILE/],
  ])('%j is refused (exit 2)', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it.each([
    [['--export-lesson', 'nope']],
    [['--export-lesson']],
    [['--export-lesson', 'flip', 'extra']],
    [['--export-lesson', 'flip', '--lesson', 'x.json']],
    [['--lesson', 'x.json']],
    [['--lesson', '--check']],
  ])('%j with --lang ja is refused in Japanese: the options, ids and file names as typed (issue 23)', (args) => {
    const r = run([...args, '--lang', 'ja']);
    expect(r.code).toBe(2);
    // every option and id is the command line's; the lessons and challenges listed are ids
    const ids = `${BUILTIN_FILES.map((f) => f.lesson.id).join(' ')} ${BUILTIN_FILES.flatMap((f) => f.challenges.map((c) => c.id)).join(' ')}`;
    expect(englishIn(r.err.replace(/--?[a-z][\w-]*|\S*\.json|\S*\.lesson\.json/g, ' ').replace(/\b(lparsh|ID|FILE|L|nope|extra|challenges|id)\b/g, ' '), ids)).toEqual([]);
  });

  it('exports the same file with --lang ja: the file holds every language it has', () => {
    expect(run(['--export-lesson', 'flip', '--lang', 'ja']).out).toBe(run(['--export-lesson', 'flip']).out);
  });

  it('a typo in step 1 leads with the line that failed and its message, before the checks it made fail', () => {
    const data = JSON.parse(run(['--export-lesson', 'flip']).out) as { steps: { lines: string[] }[] };
    data.steps[0]!.lines[0] = '@A ch = conect(B)';
    const checked = run(['--lesson', 't.json', '--check'], { 't.json': JSON.stringify(data) });
    expect(checked.code).toBe(1);
    const lines = checked.err.split('\n');
    expect(lines[1]).toBe('  first error: step 1 (S101-S102: asking for a channel): the line "@A ch = conect(B)" failed: ENOENT: unknown call conect(); did you mean connect? (help lists the calls)');
    expect(lines.findIndex((l) => l.startsWith('  FAIL'))).toBeGreaterThan(1);
  });

  it('--lang ja: the first error, the checks it made fail and why, all in Japanese (issue 23)', () => {
    const data = JSON.parse(run(['--export-lesson', 'flip']).out) as { steps: { lines: string[] }[] };
    data.steps[0]!.lines[0] = '@A ch = conect(B)';
    const checked = run(['--lesson', 't.json', '--check', '--lang', 'ja'], { 't.json': JSON.stringify(data) });
    expect(checked.code).toBe(1);
    const lines = checked.err.split('\n');
    expect(lines[1]).toMatch(/^ {2}最初のエラー：ステップ 1（.+）：行 "@A ch = conect\(B\)" が失敗した：ENOENT: /);
    expect(lines[2]).toBe('  満たされなかったチェック（多くはこのエラーのせいかもしれない）：');
    expect(lines.filter((l) => l.startsWith('  不合格 ')).length).toBeGreaterThan(3);
    expect(englishIn(checked.err, '@A ch = conect(B)')).toEqual([]);
  });

  it("--lang ja: a malformed lesson file is refused in Japanese, naming the field; the validator's words say its English sentence (issue 23)", () => {
    const flip = JSON.parse(run(['--export-lesson', 'flip']).out) as Record<string, unknown> & { steps: Record<string, unknown>[] };
    const two = { ...flip, version: 2, languages: ['en', 'ja'], title: { en: 'Flip', ja: 'フリップ' } };
    const step = (change: Record<string, unknown>) => ({ ...flip, steps: [{ ...flip.steps[0], ...change }] });
    const check = (rule: unknown) => step({ checks: [rule] });
    const files: unknown[] = [
      [], { ...flip, format: 'x' }, { ...flip, version: 3 }, { ...flip, version: '2' }, { ...flip, id: 'Flip!' }, { ...flip, number: 0 }, { ...flip, languages: ['en'] },
      { ...flip, extra: 1 }, { ...flip, title: 5 }, { ...flip, title: null }, { ...flip, title: '' }, { ...flip, title: 'x'.repeat(200) }, { ...flip, title: 'a\u202eb' }, { ...flip, title: 'a\nb' },
      { ...flip, steps: {} }, { ...flip, steps: [], challenges: [] }, { ...flip, steps: Array(41).fill(flip.steps[0]) }, { ...flip, tags: 'loud' },
      step({ why: 1 }), step({ checks: [] }), step({ lines: 'x' }), step({ hints: [true] }), step({ question: { ask: 'a', answer: 'b', x: 1 } }),
      check({ rule: 'javascript' }), check({ rule: 7 }), check({}), check([]), check({ rule: 'bound' }), check({ rule: 'bound', name: 'a b' }), check({ rule: 'owner', frame: -1, ctx: 'A' }),
      check({ rule: 'fd', fd: 1, open: 'yes' }), check({ rule: 'status', ctx: 'A', status: 'gone' }), check({ rule: 'tag', tag: 'S999' }), check({ rule: 'waiting', ctx: 'A', call: 5 }),
      check({ rule: 'answer' }), check({ rule: 'typed', start: '' }),
      { ...flip, challenges: [{ id: 'A!', title: 't', goal: 'g', checks: [{ rule: 'bound', name: 'x' }], hints: ['h'], solution: ['x = 1'] }] },
      { ...flip, challenges: [1, 2].map(() => ({ id: 'c', title: 't', goal: 'g', checks: [{ rule: 'bound', name: 'x' }], hints: ['h'], solution: ['x = 1'] })) },
      { ...two, languages: ['en', 'xx'] }, { ...two, languages: ['en', 'en'] }, { ...two, languages: [] }, { ...two, title: ['Flip'] },
      { ...two, title: { en: 'Flip' } }, { ...two, title: { en: 'Flip', ja: 'フ', de: 'F' } }, { ...two, languages: ['en'], title: { en: 'Flip', ja: 'フ' } },
    ];
    const sources = [...files.map((f) => JSON.stringify(f)), '{', 'x'.repeat(300 * 1024)];
    for (const source of sources) {
      const read = parseLessonFile(source);
      expect(read.ok, source.slice(0, 80)).toBe(false);
      if (read.ok) continue;
      // English is the validator's sentence, byte for byte
      expect(read.words, `${read.field} ${read.message}`).toBeDefined();
      expect(wordsIn(translateEnglish, read.words!)).toBe(read.message);
      expect(run(['--lesson', 'f.json', '--check'], { 'f.json': source }).err).toBe(`lparsh: f.json is not a lesson file this lab can use: ${read.field} ${read.message}\n`);
      const ja = run(['--lesson', 'f.json', '--check', '--lang', 'ja'], { 'f.json': source });
      expect(ja.code).toBe(2);
      // the field, the file's own values and keys, and the JSON parser's quoted message are the file's, not the lab's words
      const own = [read.field === WHOLE_FILE ? '' : read.field, 'lparsh', 'JSON', 'KiB', 'f.json', 'json', 'null', 'true', 'false', 'lparlab-lesson', 'languages', 'version', 'errno', 'value', 'text', 'field', 'answer', 'bound', 'typed', 'loud', 'gone', 'javascript', 'yes', 'active', 'ended', 'on', 'off', 'ports', 'rule', 'name', 'en', 'ja', 'de', 'xx', 'Flip', 'x', 'a', 'b'].join(' ');
      const parser = /（[^）]*(JSON|position|Unexpected|Expected)[^）]*）/g;
      const known = /（あるのは [^）]*）/g; // the fields a part of the file may have: keys, as the file writes them
      expect(englishIn(ja.err.replace(parser, ' ').replace(known, ' '), `${own} ${RULE_NAMES.join(' ')} ${TAG_STYLES.join(' ')}`), ja.err).toEqual([]);
    }
    expect(run(['--lesson', 'f.json', '--lang', 'ja'], {}).err).toMatch(/^lparsh: --lesson FILE と一緒に使えるのは/);
    expect(run(['--lesson', 'missing.json', '--check', '--lang', 'ja'], {}).err).toBe('lparsh: missing.json を読めません：no such file\n');
  });

  it('an error a step asks for (the ENOMEM of a denial) is not taken for the first error', () => {
    const data = JSON.parse(run(['--export-lesson', 'policy']).out) as { steps: { checks: unknown[] }[] };
    data.steps[3]!.checks.push({ rule: 'count', what: 'channels', op: '==', value: 5 });
    const checked = run(['--lesson', 'p.json', '--check'], { 'p.json': JSON.stringify(data) });
    expect(checked.code).toBe(1);
    expect(checked.err).not.toMatch(/first error/);
    expect(checked.err).toMatch(/FAIL step 4 \(Denied\): message channels is 5: it is 0/);
  });

  it('prints nothing a terminal would obey: escapes and C1 controls from the file are shown, not sent (issue 18)', () => {
    const data = JSON.parse(run(['--export-lesson', 'fault']).out) as Record<string, unknown> & { steps: { checks: unknown[] }[] };
    const esc = '\u001b]0;owned\u0007\u009b2J';
    const cases: [string, string][] = [
      [JSON.stringify({ ...data, [`x${esc}`]: 1 }), 'an unknown key'],
      [JSON.stringify({ ...data, steps: [{ ...data.steps[0], checks: [{ rule: `r${esc}` }] }] }), 'a rule name'],
      [`{"format": "lparlab-lesson", "version": ${JSON.stringify(esc)}`, 'a JSON error'],
      [JSON.stringify({ ...data, version: `1${esc}` }), 'a C1 version'],
    ];
    for (const [text, what] of cases) {
      const checked = run(['--lesson', 'e.json', '--check'], { 'e.json': text });
      expect(checked.code, what).toBe(2);
      // eslint-disable-next-line no-control-regex
      expect(checked.err, what).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    }
    const key = run(['--lesson', 'e.json', '--check'], { 'e.json': cases[0]![0] });
    expect(key.err).toMatch(/x\\x1b\]0;owned\\x07\\u009b2J is not a field/);
  });

  describe('a file in two languages (version 2)', () => {
    /** The flip lesson with Japanese words for its title and first two steps' titles; the rest one string for both. */
    function twoLanguages() {
      // the built-in lesson is in English and Japanese already: start from its English alone
      const english = (v: unknown): unknown => (Array.isArray(v) ? v.map(english) : typeof v === 'object' && v !== null ? ('en' in v ? (v as { en: unknown }).en : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, english(x)]))) : v);
      const data = english(JSON.parse(run(['--export-lesson', 'flip']).out)) as Record<string, unknown> & { steps: Record<string, unknown>[] };
      data.version = 2;
      data.languages = ['en', 'ja'];
      data.title = { en: String(data.title), ja: 'フリップ' };
      data.steps[0]!.title = { en: String(data.steps[0]!.title), ja: 'チャネルを求める' };
      data.steps[1]!.title = { en: String(data.steps[1]!.title), ja: 'メッセージ領域' };
      return data;
    }

    it('checks every language and says so; --lang names the lesson in that language', () => {
      const file = { 'two.json': JSON.stringify(twoLanguages()) };
      const en = run(['--lesson', 'two.json', '--check'], file);
      expect(en.err).toBe('');
      expect(en.code).toBe(0);
      expect(en.out).toMatch(/^two\.json: "[^"]*flip[^"]*": \d+ steps, every check passes \(\d+ played; text complete in en, ja\)\n$/i);
      const ja = run(['--lesson', 'two.json', '--lang', 'ja', '--check'], file);
      expect(ja.code).toBe(0);
      expect(ja.out).toMatch(/^two\.json：「フリップ」：\d+ ステップ、すべてのチェックを満たした（\d+ 件を実行。en, ja のテキストはすべてそろっている）\n$/);
    });

    it('a failed check names the step in the chosen language, or in the first language where it has no other', () => {
      const data = twoLanguages();
      (data.steps[1]!.checks as unknown[]).push({ rule: 'count', what: 'channels', op: '==', value: 5 });
      (data.steps[2]!.checks as unknown[]).push({ rule: 'count', what: 'channels', op: '==', value: 5 });
      const checked = run(['--lesson', 'f.json', '--check', '--lang', 'ja'], { 'f.json': JSON.stringify(data) });
      expect(checked.code).toBe(1);
      // the report and what each check says are in Japanese; a step with no Japanese title is named by its English one
      expect(checked.err).toMatch(/^f\.json：「フリップ」：2 個のチェックが満たされなかった\n/);
      expect(checked.err).toMatch(/\n {2}不合格 ステップ 2（メッセージ領域）：メッセージチャネル：5（いまは 1）\n/);
      expect(checked.err).toContain(`不合格 ステップ 3（${String(data.steps[2]!.title)}）：メッセージチャネル：5（いまは 1）`);
      expect(englishIn(checked.err.replace(String(data.steps[2]!.title), ''))).toEqual([]);
    });

    it('a declared language missing from one text exits 2 and names the text', () => {
      const data = twoLanguages();
      data.steps[3]!.narration = { en: 'B reads.' };
      const checked = run(['--lesson', 'm.json', '--check'], { 'm.json': JSON.stringify(data) });
      expect(checked.code).toBe(2);
      expect(checked.err).toBe('lparsh: m.json is not a lesson file this lab can use: steps[3].narration has no "ja" text\n');
    });

    it.each([
      [['--lesson', 'x.json', '--check', '--lang', 'fr'], /--lang takes en, ja, not fr/],
      [['--lesson', 'x.json', '--check', '--lang'], /--lang takes en, ja$/m],
      [['--lesson', 'x.json', '--lang', 'ja'], /一緒に使えるのは --check/],
    ])('%j is refused (exit 2)', (args, message) => {
      const r = run(args, { 'x.json': JSON.stringify(twoLanguages()) });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    });
  });

  it('leaves every other invocation to the shell', () => {
    expect(run(['--json'])).toEqual({ code: null, out: '', err: '' });
  });
});

describe('docs/lesson-format.md', () => {
  const doc = () => readFileSync(join(ROOT, 'docs', 'lesson-format.md'), 'utf8');
  const examples = () => [...doc().matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('its complete example is a lesson file whose every check passes', () => {
    const example = examples().find((e) => e.includes('"flip-in-four"'));
    expect(example).toBeDefined();
    const checked = run(['--lesson', 'flip-in-four.lesson.json', '--check'], { 'flip-in-four.lesson.json': example! });
    expect(checked.err).toBe('');
    expect(checked.out).toMatch(/4 steps and 1 challenge, every check passes/);
  });

  it('its example in two languages is a version 2 lesson file whose every check passes', () => {
    const example = examples().find((e) => e.includes('"languages"'));
    expect(example).toBeDefined();
    expect(JSON.parse(example!)).toMatchObject({ version: 2, languages: ['en', 'ja'] });
    const checked = run(['--lesson', 'flip-in-one.lesson.json', '--check'], { 'flip-in-one.lesson.json': example! });
    expect(checked.err).toBe('');
    expect(checked.out).toMatch(/1 step, every check passes/);
  });
});
