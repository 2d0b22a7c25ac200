// The lesson file format: every built-in lesson round-trips through it, and
// a broken or hostile file is refused with a message naming the field.

import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES, builtinFile, challengesIn, findBuiltinFile, findChallengeIn, findLessonIn, lessonsIn, LESSONS, CHALLENGES } from './catalog.js';
import { lessonFileText, lessonToData } from './writeLesson.js';
import { languagesOf, LESSON_LIMITS, parseLessonFile, RULE_NAMES, textIn, validateLesson } from './format.js';
import type { LessonFileResult } from './format.js';

/**
 * A built-in file in English alone, written as a version 1 file: the fixture
 * the tests below spoil (the built-in files themselves are in English and
 * Japanese, version 2).
 */
const englishData = (id: string) => JSON.parse(lessonFileText(textIn(findBuiltinFile(id)!, 'en'))) as Record<string, unknown>;
const flipData = () => englishData('flip') as Record<string, unknown> & { steps: Record<string, unknown>[] };
const challengesData = () => englishData('challenges') as Record<string, unknown> & { challenges: Record<string, unknown>[] };

function refused(result: LessonFileResult): { field: string; message: string } {
  if (result.ok) throw new Error('the file was accepted');
  return result;
}

describe('lesson files', () => {
  it('every built-in file writes and reads back the same lessons and challenges', () => {
    for (const file of BUILTIN_FILES) {
      const back = parseLessonFile(lessonFileText(file));
      expect(back.ok && lessonToData(back.file)).toEqual(lessonToData(file));
    }
  });

  it('the eleven lessons and six challenges are all built-in files', () => {
    expect(BUILTIN_FILES.filter((f) => f.lesson.steps.length).map((f) => f.lesson.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(BUILTIN_FILES.flatMap((f) => f.challenges).length).toBe(6);
  });

  it('every built-in step gives at least two hints: the idea, then the line', () => {
    for (const file of BUILTIN_FILES) {
      for (const step of [...file.lesson.steps, ...file.challenges]) expect(step.hints.length, step.title).toBeGreaterThanOrEqual(2);
    }
  });

  it.each([
    ['malformed JSON', '{"format": "lparlab-lesson",', '(the file)', /not valid JSON/],
    ['a list', '[]', '(the file)', /must be an object/],
    ['another format', '{"format": "lparlab-progress", "version": 1}', 'format', /lparlab-lesson/],
    ['a future version', '{"format": "lparlab-lesson", "version": 3}', 'version', /versions 1 and 2/],
  ])('refuses %s', (_what, text, field, message) => {
    const r = refused(parseLessonFile(text));
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
  });

  it('names the field at fault: an unknown rule, an unknown field, a wrong parameter, a missing one', () => {
    const cases: [(d: ReturnType<typeof flipData>) => void, string, RegExp][] = [
      [(d) => { (d.steps[3]!.checks as Record<string, unknown>[])[0] = { rule: 'eval', code: 'alert(1)' }; }, 'steps[3].checks[0].rule', /"eval" is not a rule/],
      [(d) => { d.steps[1]!.onclick = 'x'; }, 'steps[1].onclick', /not a field/],
      [(d) => { d.script = 'x'; }, 'script', /not a field/],
      [(d) => { (d.steps[0]!.checks as Record<string, unknown>[])[0] = { rule: 'owner', frame: -1, ctx: 'B' }; }, 'steps[0].checks[0].frame', /whole number from 0/],
      [(d) => { (d.steps[0]!.checks as Record<string, unknown>[])[0] = { rule: 'tag' }; }, 'steps[0].checks[0].tag', /missing/],
      [(d) => { (d.steps[0]!.checks as Record<string, unknown>[])[0] = { rule: 'tag', tag: 'S999' }; }, 'steps[0].checks[0].tag', /patent map/],
      [(d) => { (d.steps[0]!.checks as Record<string, unknown>[])[0] = { rule: 'count', what: 'everything', op: '==', value: 1 }; }, 'steps[0].checks[0].what', /one of framesOf/],
      [(d) => { d.steps[2]!.narration = 42; }, 'steps[2].narration', /must be text/],
      [(d) => { d.steps[2]!.lines = []; }, 'steps[2].lines', /at least one/],
      [(d) => { d.steps[2]!.checks = []; }, 'steps[2].checks', /at least one/],
      [(d) => { d.steps[2]!.lines = ['@A send(ch, a)\u001b[2J']; }, 'steps[2].lines[0]', /control/],
      [(d) => { d.title = 'Flip \u202e'; }, 'title', /text-direction/],
      [(d) => { d.id = '../etc'; }, 'id', /lower-case/],
      [(d) => { d.steps = []; }, 'steps', /at least one step or one challenge/],
      [(d) => { d.steps[0]!.narration = 'x'.repeat(LESSON_LIMITS.text + 1); }, 'steps[0].narration', /at most 3000/],
      [(d) => { d.steps = Array.from({ length: LESSON_LIMITS.steps + 1 }, () => d.steps[0]!); }, 'steps', /at most 40/],
      [(d) => { d.steps[4]!.question = { ask: 'Who?' }; }, 'steps[4].question.answer', /must be text/],
      [(d) => { d.title = '   '; }, 'title', /must not be empty/],
      [(d) => { d.title = 'The\nflip'; }, 'title', /must be one line/],
      [(d) => { d.title = null; }, 'title', /not null$/],
      [(d) => { d.title = { text: 'x' }; }, 'title', /not an object$/],
      [(d) => { d.summary = ['a', 'list']; }, 'summary', /not a list$/],
      [(d) => { (d as Record<string, unknown>).steps = 'one step'; }, 'steps', /must be a list, not string "one step"/],
      [(d) => { d.steps[0]!.hints = []; }, 'steps[0].hints', /at least one entry/],
      [(d) => { d.number = 0; }, 'number', /whole number from 1 to 999/],
      [(d) => { d.number = 2.5; }, 'number', /whole number from 1 to 999/],
      [(d) => { d.number = '4'; }, 'number', /whole number from 1 to 999/],
      [(d) => { d.number = 1000; }, 'number', /whole number from 1 to 999/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = 'tag'; }, 'steps[0].checks[0]', /must be an object naming a rule, not string "tag"/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { tag: 'S101' }; }, 'steps[0].checks[0].rule', /must name a rule: one of bound, waiting/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { rule: 'bound', name: '1st' }; }, 'steps[0].checks[0].name', /must be a name \(letters, digits, _\), not string "1st"/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { rule: 'bound', name: 'a', field: 'a.b' }; }, 'steps[0].checks[0].field', /must be a name/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { rule: 'mapped', ctx: 'A', name: 'a', mapped: 'yes' }; }, 'steps[0].checks[0].mapped', /must be true or false, not string "yes"/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { rule: 'waiting', ctx: 'A', call: 5 }; }, 'steps[0].checks[0].call', /must be a call name or null, not number 5/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { rule: 'waiting', ctx: 'A', call: 'connect()' }; }, 'steps[0].checks[0].call', /must be a call name or null/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { rule: 'answer', ctx: 'A' }; }, 'steps[0].checks[0]', /exactly one of errno, value, text or field/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { rule: 'answer', errno: 'EFAULT', text: 'fault' }; }, 'steps[0].checks[0]', /exactly one of errno, value, text or field/],
      [(d) => { (d.steps[0]!.checks as unknown[])[0] = { rule: 'answer', value: '' }; }, 'steps[0].checks[0].value', /must not be empty/],
    ];
    for (const [spoil, field, message] of cases) {
      const data = flipData();
      spoil(data);
      const r = refused(validateLesson(data));
      expect(r.field, field).toBe(field);
      expect(r.message, field).toMatch(message);
    }
  });

  it('names the challenge at fault: a bad id, an id used twice', () => {
    const badId = challengesData();
    badId.challenges[2]!.id = 'One Bit';
    expect(refused(validateLesson(badId))).toMatchObject({ ok: false, field: 'challenges[2].id', message: 'must be 1 to 32 lower-case letters, digits or -' });
    const twice = challengesData();
    twice.challenges[3]!.id = twice.challenges[1]!.id;
    expect(refused(validateLesson(twice))).toMatchObject({ ok: false, field: 'challenges[3].id', message: `"${String(twice.challenges[1]!.id)}" is used twice` });
  });

  it('a file of challenges alone needs no steps field', () => {
    const data = challengesData();
    delete data.steps;
    const read = validateLesson(data);
    expect(read.ok && read.file.lesson.steps).toEqual([]);
    expect(read.ok && read.file.challenges.length).toBe(6);
  });

  it('a typed rule may leave out says (the check then says "you typed ..." in the reader\'s language), and is written back without it', () => {
    const data = flipData();
    data.steps[0]!.checks = [{ rule: 'typed', start: 'lpars' }, { rule: 'typed', start: 'ps', says: 'you looked' }];
    const read = validateLesson(data);
    if (!read.ok) throw new Error(read.message);
    expect(read.file.lesson.steps[0]!.check).toEqual([{ kind: 'typed', start: 'lpars' }, { kind: 'typed', start: 'ps', says: 'you looked' }]);
    const back = parseLessonFile(lessonFileText(read.file));
    expect(back.ok && back.file.lesson.steps[0]!.check).toEqual(read.file.lesson.steps[0]!.check);
    expect(refused(validateLesson({ ...data, steps: [{ ...data.steps[0], checks: [{ rule: 'typed', start: 'ps', says: 3 }] }] })).field).toBe('steps[0].checks[0].says');
  });

  it('a step whose solution differs from the lines to type keeps it through writing and reading back', () => {
    const data = flipData();
    data.steps[0]!.solution = ['@A ch = connect(B)', 'ps'];
    const read = validateLesson(data);
    if (!read.ok) throw new Error(read.message);
    expect(read.file.lesson.steps[0]!.solution).toEqual(['@A ch = connect(B)', 'ps']);
    expect(read.file.lesson.steps[1]!.solution).toBeUndefined();
    const back = parseLessonFile(lessonFileText(read.file));
    expect(back.ok && back.file.lesson.steps[0]!.solution).toEqual(['@A ch = connect(B)', 'ps']);
    expect(back.ok && back.file.lesson.steps[1]!).not.toHaveProperty('solution');
  });

  it('a lesson number from 1 to 999 is kept; a lesson without one is a teacher\'s', () => {
    const numbered = flipData();
    numbered.number = 999;
    const read = validateLesson(numbered);
    expect(read.ok && read.file.lesson.number).toBe(999);
    const own = flipData();
    delete own.number;
    const ownRead = validateLesson(own);
    expect(ownRead.ok && ownRead.file.lesson).not.toHaveProperty('number');
  });

  it('a lesson says how it wants the patent\'s tags shown: kept through writing and reading back; anything else is refused', () => {
    for (const tags of ['patent', 'steps', 'none'] as const) {
      const data = { ...flipData(), tags };
      const read = validateLesson(data);
      expect(read.ok && read.file.lesson.tags).toBe(tags);
      const back = read.ok ? parseLessonFile(lessonFileText(read.file)) : read;
      expect(back.ok && back.file.lesson.tags).toBe(tags);
    }
    expect(lessonToData(BUILTIN_FILES[0]!)).not.toHaveProperty('tags');
    expect(refused(validateLesson({ ...flipData(), tags: 'hidden' }))).toMatchObject({ ok: false, field: 'tags', message: 'must be one of "patent", "steps", "none", not string "hidden"' });
    expect(refused(validateLesson({ ...flipData(), tags: true })).field).toBe('tags');
  });

  it('an error that is not a refusal is not passed off as one: it propagates', () => {
    const data = { ...flipData(), get title(): string { throw new TypeError('a getter broke'); } };
    expect(() => validateLesson(data)).toThrow(TypeError);
  });

  it('refuses a file past the size limit before reading it', () => {
    const r = refused(parseLessonFile(' '.repeat(LESSON_LIMITS.file + 1)));
    expect(r.message).toMatch(/at most 256 KiB/);
  });

  it('narration is kept as text: markup is not removed, interpreted or refused, it is shown as written', () => {
    const data = flipData();
    data.steps[0]!.narration = '<img src=x onerror=alert(1)> and `code`';
    const read = validateLesson(data);
    expect(read.ok && read.file.lesson.steps[0]!.text).toBe('<img src=x onerror=alert(1)> and `code`');
  });

  it('knows the rule library by name, the frame owner and open fd rules among them', () => {
    expect(RULE_NAMES).toEqual(expect.arrayContaining(['tag', 'owner', 'fd', 'waiting', 'answer', 'count', 'resource', 'mapped', 'bound', 'status', 'typed', 'pending']));
  });
});

describe('the built-in catalog', () => {
  it('finds a lesson by id or number, the challenges file, and one challenge as a file of its own', () => {
    expect(findBuiltinFile('flip')!.lesson.number).toBe(4);
    expect(findBuiltinFile('4')!.lesson.id).toBe('flip');
    const all = findBuiltinFile('challenges')!;
    expect(all.lesson.steps).toEqual([]);
    expect(all.challenges.map((c) => c.id)).toContain('squeeze');
    const one = findBuiltinFile('squeeze')!;
    expect(one.challenges.map((c) => c.id)).toEqual(['squeeze']);
    expect(one.lesson).toMatchObject({ id: 'squeeze', steps: [], summary: one.challenges[0]!.goal });
    // a challenge in a file of its own is a valid lesson file too
    expect(parseLessonFile(lessonFileText(one)).ok).toBe(true);
    expect(findBuiltinFile('nope')).toBeUndefined();
  });

  it('gives the built-in lessons and challenges in a language: the same ones, in the same order, each as its file has it in that language', () => {
    for (const lang of ['en', 'ja', 'xx']) {
      expect(lessonsIn(lang).map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
      expect(challengesIn(lang).map((c) => c.id)).toEqual(CHALLENGES.map((c) => c.id));
      for (const file of BUILTIN_FILES) {
        const shown = textIn(file, lang);
        if (shown.lesson.steps.length) expect(findLessonIn(file.lesson.id, lang)).toBe(shown.lesson);
        for (const c of shown.challenges) expect(findChallengeIn(c.id, lang)).toBe(c);
      }
    }
    expect(findLessonIn('4', 'ja')!.id).toBe('flip');
    expect(findLessonIn('nope', 'ja')).toBeUndefined();
    expect(findChallengeIn('nope', 'ja')).toBeUndefined();
  });

  it('a built-in file the validator refuses is a broken invariant that names the field', () => {
    const data = lessonToData(findBuiltinFile('flip')!);
    expect(builtinFile(data).lesson.id).toBe('flip');
    expect(() => builtinFile({ ...data, version: 3 })).toThrow('invariant: a built-in lesson file is refused: version is number 3; this lab reads versions 1 and 2');
  });
});

// ------------------------------------------------------------ version 2: words in several languages (issue 23)

type Data = ReturnType<typeof flipData>;

/** The flip lesson as a version 2 file in English and Japanese: some texts by language, the rest one string for both. */
function twoLanguages(): Data {
  const d = flipData();
  d.version = 2;
  d.languages = ['en', 'ja'];
  d.title = { en: String(d.title), ja: 'フリップ' };
  d.summary = { en: String(d.summary), ja: 'メッセージ領域のフレームが受信側へ移る。' };
  const s = d.steps[2]!;
  s.title = { en: String(s.title), ja: '送信' };
  s.narration = { en: String(s.narration), ja: 'A がメッセージチャネルで送る (S107)。' };
  // the second hint is a line of code: one string, the same in both languages
  s.hints = [{ en: 'Watch the Memory view.', ja: 'メモリビューを見る。' }, (s.hints as string[])[1]!];
  return d;
}

function accepted(data: unknown) {
  const read = validateLesson(data);
  if (!read.ok) throw new Error(`refused: ${read.field} ${read.message}`);
  return read.file;
}

describe('lesson files in two languages (version 2)', () => {
  it('reads each language into the same model, with the same lines and checks', () => {
    const file = accepted(twoLanguages());
    expect(languagesOf(file)).toEqual(['en', 'ja']);
    const en = textIn(file, 'en').lesson;
    const ja = textIn(file, 'ja').lesson;
    expect(en.title).toBe(findBuiltinFile('flip')!.lesson.title);
    expect(ja.title).toBe('フリップ');
    expect(ja.steps[2]!.text).toBe('A がメッセージチャネルで送る (S107)。');
    expect(ja.steps[2]!.hints).toEqual(['メモリビューを見る。', en.steps[2]!.hints[1]]);
    // a text given once is the same in every language
    expect(ja.steps[0]!.title).toBe(en.steps[0]!.title);
    expect(ja.figure).toBe(en.figure);
    for (const [i, step] of ja.steps.entries()) {
      expect(step.type).toEqual(en.steps[i]!.type);
      expect(step.check).toEqual(en.steps[i]!.check);
    }
  });

  it("falls back to the file's first language for a language it does not have", () => {
    const data = twoLanguages();
    data.languages = ['ja', 'en'];
    const file = accepted(data);
    expect(file.lesson.title).toBe('フリップ');
    expect(textIn(file, 'en').lesson.title).not.toBe('フリップ');
    const jaOnly = accepted({ ...flipData(), version: 2, languages: ['ja'], title: { ja: 'フリップ' } });
    expect(textIn(jaOnly, 'en').lesson.title).toBe('フリップ');
    expect(textIn(accepted(flipData()), 'ja').lesson.title).toBe(findBuiltinFile('flip')!.lesson.title);
    expect(textIn(accepted(flipData()), 'xx').lesson.title).toBe(findBuiltinFile('flip')!.lesson.title);
  });

  it('writes version 2 back: one string where the languages agree, an object where they differ; it reads back the same', () => {
    const file = accepted(twoLanguages());
    const data = lessonToData(file);
    expect(data).toMatchObject({ version: 2, languages: ['en', 'ja'], title: { ja: 'フリップ' } });
    const steps = data.steps as Record<string, unknown>[];
    expect(typeof steps[0]!.title).toBe('string');
    expect(steps[2]!.hints).toEqual([{ en: 'Watch the Memory view.', ja: 'メモリビューを見る。' }, expect.any(String)]);
    const back = parseLessonFile(lessonFileText(file));
    expect(back.ok && back.file).toEqual(file);
  });

  it('a version 1 file reads as it always did: one language, no languages written, every text a string', () => {
    const file = accepted(flipData());
    expect(file).not.toHaveProperty('languages');
    expect(file).not.toHaveProperty('translations');
    expect(lessonToData(file)).toMatchObject({ version: 1 });
    expect(lessonToData(file)).not.toHaveProperty('languages');
    const byLanguage = flipData();
    byLanguage.title = { en: 'The flip' };
    expect(refused(validateLesson(byLanguage))).toMatchObject({ field: 'title', message: 'must be text (a JSON string), not an object' });
    expect(refused(validateLesson({ ...flipData(), languages: ['en'] }))).toMatchObject({ field: 'languages', message: expect.stringMatching(/needs "version": 2/) });
  });

  it('a version 2 file that declares no languages is in English, and may still give its text by language', () => {
    const data = flipData();
    data.version = 2;
    data.title = { en: 'The flip' };
    const file = accepted(data);
    expect(languagesOf(file)).toEqual(['en']);
    expect(file.lesson.title).toBe('The flip');
  });

  it('names the field at fault: a missing language, an unknown code, a language not declared, a bad text in one language', () => {
    const cases: [(d: Data) => void, string, RegExp][] = [
      [(d) => { d.steps[3]!.narration = { en: 'B reads.' }; }, 'steps[3].narration', /^has no "ja" text$/],
      [(d) => { d.title = {}; }, 'title', /^has no "en" text$/],
      [(d) => { (d.steps[2]!.hints as unknown[])[0] = { ja: 'メモリ' }; }, 'steps[2].hints[0]', /^has no "en" text$/],
      [(d) => { d.steps[4]!.question = { ask: { en: 'Who?' }, answer: 'B' }; }, 'steps[4].question.ask', /has no "ja" text/],
      [(d) => { d.steps[2]!.title = { en: 'Send', ja: '送信', fr: 'Envoi' }; }, 'steps[2].title.fr', /^is not a language this lab knows \(en, ja\)$/],
      [(d) => { d.steps[2]!.title = { en: 'Send', JA: '送信' }; }, 'steps[2].title.JA', /not a language this lab knows/],
      [(d) => { d.languages = ['en']; }, 'title.ja', /^is not one of the languages the file declares \(en\): add "ja" to "languages" or remove this text$/],
      [(d) => { d.languages = ['en', 'jp']; }, 'languages[1]', /^string "jp" is not a language this lab knows \(en, ja\)$/],
      [(d) => { d.languages = ['en', 'ja', 'en']; }, 'languages[2]', /"en" is declared twice/],
      [(d) => { d.languages = []; }, 'languages', /at least one entry/],
      [(d) => { d.languages = 'en'; }, 'languages', /must be a list/],
      [(d) => { d.title = { en: 'The flip', ja: '' }; }, 'title.ja', /must not be empty/],
      [(d) => { d.title = { en: 'The flip', ja: 'フ\nリップ' }; }, 'title.ja', /must be one line/],
      [(d) => { d.title = { en: 'The flip', ja: 'フリップ\u202e' }; }, 'title.ja', /text-direction/],
      [(d) => { d.title = { en: 'The flip', ja: 3 }; }, 'title.ja', /must be text/],
      [(d) => { d.steps[0]!.narration = { en: 'x', ja: 'あ'.repeat(LESSON_LIMITS.text + 1) }; }, 'steps[0].narration.ja', /at most 3000/],
      [(d) => { d.summary = ['a', 'list']; }, 'summary', /must be text \(a JSON string\) or text by language \(\{ "en": "…", "ja": "…" \}\), not a list$/],
      [(d) => { d.steps[0]!.lines = [{ en: '@A ch = connect(B)', ja: '@A ch = connect(B)' }]; }, 'steps[0].lines[0]', /must be text/],
      [(d) => { d.version = 3; }, 'version', /versions 1 and 2/],
    ];
    for (const [spoil, field, message] of cases) {
      const data = twoLanguages();
      spoil(data);
      const r = refused(validateLesson(data));
      expect(r.field, field).toBe(field);
      expect(r.message, field).toMatch(message);
    }
  });

  it('a challenge in two languages: its title, goal and hints by language, its solution and checks once', () => {
    const data = challengesData() as Data & { challenges: Record<string, unknown>[] };
    data.version = 2;
    data.languages = ['en', 'ja'];
    const c = data.challenges[0]!;
    c.title = { en: String(c.title), ja: '課題' };
    c.goal = { en: String(c.goal), ja: '目標' };
    const file = accepted(data);
    expect(textIn(file, 'ja').challenges[0]).toMatchObject({ title: '課題', goal: '目標', solution: file.challenges[0]!.solution });
    expect(textIn(file, 'ja').challenges[1]!.title).toBe(file.challenges[1]!.title);
    const back = parseLessonFile(lessonFileText(file));
    expect(back.ok && back.file).toEqual(file);
    delete (c.goal as Record<string, string>).ja;
    expect(refused(validateLesson(data))).toMatchObject({ field: 'challenges[0].goal', message: 'has no "ja" text' });
  });
});

describe("a typed rule's says, the lesson's own sentence (issue 23)", () => {
  const saysOf = (file: ReturnType<typeof findBuiltinFile>, lang: string) => {
    const rule = textIn(file!, lang).lesson.steps[0]!.check[0]!;
    return rule.kind === 'typed' ? rule.says : undefined;
  };

  it('is one per language in lessons 01 and 10, and written back so', () => {
    expect([saysOf(findBuiltinFile('machine'), 'en'), saysOf(findBuiltinFile('machine'), 'ja')]).toEqual(['you listed the partitions', 'パーティションを一覧した']);
    expect([saysOf(findBuiltinFile('compare'), 'en'), saysOf(findBuiltinFile('compare'), 'ja')]).toEqual(['you compared costs', 'コストを比べた']);
    const written = lessonToData(findBuiltinFile('machine')!) as { steps: { checks: Record<string, unknown>[] }[] };
    expect(written.steps[0]!.checks[0]).toEqual({ rule: 'typed', start: 'lpars', says: { en: 'you listed the partitions', ja: 'パーティションを一覧した' } });
  });

  it('is still one string in a version 1 file or a one-language one, and a declared language missing from it is named', () => {
    const v1 = { ...flipData(), steps: [{ ...flipData().steps[0], checks: [{ rule: 'typed', start: 'ps', says: 'you listed them' }] }] };
    const read = validateLesson(v1);
    expect(read.ok && read.file.lesson.steps[0]!.check[0]).toEqual({ kind: 'typed', start: 'ps', says: 'you listed them' });
    const two = { ...v1, version: 2, languages: ['en', 'ja'], steps: [{ ...v1.steps[0], checks: [{ rule: 'typed', start: 'ps', says: { en: 'you listed them' } }] }] };
    expect(refused(validateLesson(two))).toMatchObject({ field: 'steps[0].checks[0].says', message: 'has no "ja" text' });
  });
});
