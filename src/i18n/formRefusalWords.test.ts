// The refusals a reader meets while filling in a form (the assignment maker,
// the student id) carry words beside their English sentence (untrusted.ts):
// the English catalog must say exactly that sentence, and Japanese must say
// it with no English left, or the maker would show a half-translated line.

import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_FORMAT, ASSIGNMENT_LIMITS, ASSIGNMENT_VERSION, studentId, validateAssignment, type Words } from '../engine/index.ts';
import { readCatalog } from './catalogFiles.ts';
import { wordsIn } from './shellWords.ts';
import { makeTranslate, translateEnglish } from './translate.ts';

const ja = makeTranslate('ja', readCatalog('ja'));
const good = { format: ASSIGNMENT_FORMAT, version: ASSIGNMENT_VERSION, id: 'week-5', title: 'Week 5', instructions: 'Do them.', seed: 1, tasks: [{ lesson: 'flip' }] };

/** Every refusal the maker's form can reach, and the student id's. */
const REFUSALS: readonly [string, { readonly ok: boolean; readonly message?: string; readonly words?: Words }][] = [
  ['empty title', validateAssignment({ ...good, title: '  ' })],
  ['long title', validateAssignment({ ...good, title: 'x'.repeat(ASSIGNMENT_LIMITS.title + 1) })],
  ['control character', validateAssignment({ ...good, title: 'a\u202eb' })],
  ['two lines', validateAssignment({ ...good, due: 'a\nb' })],
  ['bad seed', validateAssignment({ ...good, seed: -1 })],
  ['no task', validateAssignment({ ...good, tasks: [] })],
  ['too many tasks', validateAssignment({ ...good, tasks: Array.from({ length: ASSIGNMENT_LIMITS.tasks + 1 }, () => ({ exercise: 'owner' })) })],
  ['empty student', studentId(' ')],
  ['long student', studentId('a'.repeat(ASSIGNMENT_LIMITS.student + 1))],
  ['student with a slash', studentId('ann/1')],
];

describe('refusals in the reader\'s language', () => {
  for (const [name, result] of REFUSALS) {
    it(`${name}: English words say the engine's sentence; Japanese has no English`, () => {
      expect(result.ok).toBe(false);
      expect(result.words, 'words attached').toBeDefined();
      expect(wordsIn(translateEnglish, result.words!)).toBe(result.message);
      expect(wordsIn(ja, result.words!)).not.toMatch(/[A-Za-z]{2,}/);
    });
  }
});

/**
 * The assignment's own checks (a file or link a teacher made by hand, graded
 * with lparsh --grade --lang ja or opened from a link): names, ids and the
 * file format's words stay as written; every other word is the reader's.
 */
const lessonFile = { format: 'lparlab-lesson', version: 1, id: 'mine', title: 'Mine', figures: 'Fig. 5', summary: 'S', steps: [], challenges: [{ id: 'c1', title: 'C', goal: 'G', checks: [{ rule: 'tag', tag: 'S106' }], solution: ['@A a = area(64)'] }] };
const TASK_REFUSALS: readonly [string, { readonly ok: boolean; readonly message?: string; readonly words?: Words }, string][] = [
  ['not built in', validateAssignment({ ...good, tasks: [{ lesson: 'nope' }] }), 'nope'],
  ['a hash not in hex', validateAssignment({ ...good, tasks: [{ lesson: 'flip', hash: 'xyz' }] }), 'SHA'],
  ['a hash of another lesson', validateAssignment({ ...good, tasks: [{ lesson: 'flip', hash: '0'.repeat(64) }] }), 'flip'],
  ['no such exercise', validateAssignment({ ...good, tasks: [{ exercise: 'nope' }] }), 'owner select'],
  ['a lesson file with no steps', validateAssignment({ ...good, tasks: [{ lessonFile: lessonFile }] }), 'challenge'],
  ['not a challenge of the file', validateAssignment({ ...good, tasks: [{ lessonFile: lessonFile, challenge: 'c9' }] }), 'c1'],
  ['two kinds at once', validateAssignment({ ...good, tasks: [{ lesson: 'flip', challenge: 'x' }] }), 'lesson challenge exercise lessonFile'],
  ['a name too long', validateAssignment({ ...good, tasks: [{ lesson: 'x'.repeat(41) }] }), 'id'],
  ['a challenge named as a lesson', validateAssignment({ ...good, tasks: [{ lesson: 'round-trip' }] }), 'round-trip'],
  ['another format', validateAssignment({ ...good, format: 'x' }), ASSIGNMENT_FORMAT],
  ['another version', validateAssignment({ ...good, version: 9 }), ''],
  ['a bad id', validateAssignment({ ...good, id: 'Week 5' }), ''],
  ['tasks not a list', validateAssignment({ ...good, tasks: 'flip' }), 'string flip'],
];

describe("an assignment's own refusals in the reader's language", () => {
  for (const [name, result, kept] of TASK_REFUSALS) {
    it(`${name}: English words say the engine's sentence; Japanese has no English but ${kept || 'nothing'}`, () => {
      expect(result.ok).toBe(false);
      expect(result.words, 'words attached').toBeDefined();
      expect(wordsIn(translateEnglish, result.words!)).toBe(result.message);
      // the longest names first (lessonFile before lesson); a hash's first 12 hex digits are a value too
      const names = kept.split(' ').filter(Boolean).sort((a, b) => b.length - a.length);
      const left = names.reduce((text, word) => text.split(word).join(' '), wordsIn(ja, result.words!)).replace(/[0-9a-f]{12}/g, ' ');
      expect(left).not.toMatch(/[A-Za-z]{2,}/);
    });
  }
});
