// The lesson file format: every built-in lesson round-trips through it, and
// a broken or hostile file is refused with a message naming the field.

import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES, findBuiltinFile } from './catalog.js';
import { lessonFileText, lessonToData, LESSON_LIMITS, parseLessonFile, RULE_NAMES, validateLesson } from './format.js';
import type { LessonFileResult } from './format.js';

const flipData = () => JSON.parse(lessonFileText(findBuiltinFile('flip')!)) as Record<string, unknown> & { steps: Record<string, unknown>[] };

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

  it('the ten lessons and six challenges are all built-in files', () => {
    expect(BUILTIN_FILES.filter((f) => f.lesson.steps.length).map((f) => f.lesson.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
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
    ['a future version', '{"format": "lparlab-lesson", "version": 2}', 'version', /version 1/],
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
    ];
    for (const [spoil, field, message] of cases) {
      const data = flipData();
      spoil(data);
      const r = refused(validateLesson(data));
      expect(r.field, field).toBe(field);
      expect(r.message, field).toMatch(message);
    }
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
