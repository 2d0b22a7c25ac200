import { describe as group, expect, it } from 'vitest';
import { describe, fields, list, parseJsonFile, readChecked, text } from './untrusted.js';
import { parseLessonFile } from './lessons/format.js';
import { lessonToData } from './lessons/writeLesson.js';
import { findBuiltinFile } from './lessons/catalog.js';
import { parseAssignment } from './homework/assignment.js';

group('reading untrusted files', () => {
  it('names a value as a refusal shows it', () => {
    expect([undefined, null, [], {}, 3, 'x'].map(describe)).toEqual(['nothing (it is missing)', 'null', 'a list', 'an object', 'number 3', 'string "x"']);
  });

  it('refuses text that hides its direction, one file type as much as another', () => {
    for (const mark of ['\u200e', '\u200f', '\u061c', '\u202e', '\u2067', '\u0007']) {
      expect(readChecked(() => text(`abc${mark}def`, 'title', 100))).toEqual({ ok: false, field: 'title', message: 'holds a control or text-direction character', words: { id: 'untrusted.control' } });
      const lesson = parseLessonFile(JSON.stringify({ ...lessonToData(findBuiltinFile('flip')!), title: `a${mark}` }));
      expect(lesson).toMatchObject({ ok: false, field: 'title' });
      const assignment = parseAssignment(JSON.stringify({ format: 'lparlab-assignment', version: 1, id: 'x', title: `a${mark}`, instructions: 'i', seed: 1, tasks: [{ lesson: 'flip' }] }));
      expect(assignment).toMatchObject({ ok: false, field: 'title' });
    }
  });

  it('keeps a newline only where text may span lines, and an empty text only where allowed', () => {
    expect(readChecked(() => text('a\nb', 'f', 9))).toMatchObject({ ok: false, message: 'must be one line' });
    expect(readChecked(() => text('a\nb', 'f', 9, { multiline: true }))).toEqual({ ok: true, value: 'a\nb' });
    expect(readChecked(() => text(' ', 'f', 9))).toMatchObject({ ok: false, message: 'must not be empty' });
    expect(readChecked(() => text('', 'f', 9, { empty: true }))).toEqual({ ok: true, value: '' });
    expect(readChecked(() => text('abcd', 'f', 3))).toMatchObject({ ok: false, message: 'is 4 characters long; at most 3' });
  });

  it('names the unknown field and the whole file when it is at the top', () => {
    expect(readChecked(() => fields({ a: 1, evil: 2 }, '', ['a'], 'a lesson file'))).toMatchObject({ ok: false, field: 'evil', message: 'is not a field of a lesson file (known: a)' });
    expect(readChecked(() => fields({ b: 1 }, 'steps[2]', ['a'], 'a lesson file'))).toMatchObject({ field: 'steps[2].b', message: 'is not a field of steps[2] (known: a)' });
    expect(readChecked(() => fields([], 'x', [], 'an assignment'))).toMatchObject({ message: 'must be an object, not a list' });
  });

  it('counts a list against its bounds', () => {
    expect(readChecked(() => list([], 'l', 1, 2))).toMatchObject({ message: 'must hold at least one entry' });
    expect(readChecked(() => list([1, 2, 3], 'l', 0, 2))).toMatchObject({ message: 'holds 3 entries; at most 2' });
    expect(readChecked(() => list('x', 'l', 0, 2))).toMatchObject({ message: 'must be a list, not string "x"' });
  });

  it('refuses a file past its size before parsing it, and JSON that does not parse', () => {
    expect(readChecked(() => parseJsonFile('x'.repeat(2049), 2048, 'a lesson file'))).toMatchObject({ ok: false, field: '(the file)', message: 'is 3 KiB; a lesson file is at most 2 KiB' });
    expect(readChecked(() => parseJsonFile('{', 2048, 'a lesson file'))).toMatchObject({ ok: false, field: '(the file)', message: expect.stringMatching(/^is not valid JSON/) });
    expect(readChecked(() => parseJsonFile('[1]', 2048, 'a lesson file'))).toEqual({ ok: true, value: [1] });
  });

  it('lets anything but a refusal through', () => {
    expect(() => readChecked(() => { throw new RangeError('bug'); })).toThrow(RangeError);
  });
});
