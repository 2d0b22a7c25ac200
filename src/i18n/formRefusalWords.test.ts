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
