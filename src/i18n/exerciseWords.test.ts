// A generated exercise in the reader's language (issue 23): the engine gives
// its question, answer and why as words beside its English sentences; the
// English catalog must say exactly those sentences (lparsh, the page and the
// grader's answer stay as they were), and every other registered language
// must say them with no English left beyond the command language.

import { describe, expect, it } from 'vitest';
import { EXERCISE_KINDS, generateExercise, sameAnswer, type Words, type WordValue } from '../engine/index.ts';
import { answersInEveryLanguage } from '../cli/gradeCommand.ts';
import { LANGUAGES } from './languages.ts';
import { englishIn } from './englishIn.ts';
import { makeTranslate, translateEnglish } from './translate.ts';
import { readCatalog } from './catalogFiles.ts';
import { answersIn, exerciseIn } from './wordsIn.ts';

/** Enough seeds that every kind of why is met (the test says so below). */
const SEEDS = Array.from({ length: 40 }, (_, i) => i);

/** The catalog ids a value of an exercise's words names, nested ones included. */
function idsOf(value: WordValue): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(idsOf);
  if (!('id' in value)) return [];
  const w = value as Words;
  return [w.id, ...Object.values(w.values ?? {}).flatMap(idsOf)];
}

describe('exercises in the reader\'s language', () => {
  it('meets every question, answer and why the generator has across the seeds', () => {
    const met = new Set(EXERCISE_KINDS.flatMap((kind) => SEEDS.flatMap((seed) => Object.values(generateExercise(kind, seed).words).flatMap(idsOf))));
    expect([...met].sort()).toEqual([
      'exercise.owner.accept.free', 'exercise.owner.answer.free', 'exercise.owner.question', 'exercise.owner.why',
      'exercise.owner.why.sent', 'exercise.owner.why.sentFreed', 'exercise.owner.why.unsent', 'exercise.owner.why.unsentFreed',
      'exercise.select.accept.blocked', 'exercise.select.answer.blocked', 'exercise.select.question', 'exercise.select.why.blocked', 'exercise.select.why.ready',
    ]);
  });

  for (const kind of EXERCISE_KINDS) {
    it(`${kind}: the English catalog says exactly the engine's question, answer and why`, () => {
      for (const seed of SEEDS) {
        const e = generateExercise(kind, seed);
        expect(exerciseIn(translateEnglish, e), `seed ${seed}`).toEqual({ question: e.question, answer: e.answer, why: e.why });
      }
    });

    for (const lang of Object.keys(LANGUAGES).filter((l) => l !== 'en')) {
      it(`${kind} in ${lang}: no English left but the command language, and the names of the script kept`, () => {
        const t = makeTranslate(lang, readCatalog(lang));
        for (const seed of SEEDS) {
          const e = generateExercise(kind, seed);
          const said = exerciseIn(t, e);
          for (const [part, text] of Object.entries(said)) {
            expect(englishIn(text, e.script.join('\n')), `seed ${seed} ${part}: ${text}`).toEqual([]);
            // a name as an answer (A, [s0, s1]) is the same in every language; words are not
            if (part !== 'answer' || typeof e.words.answer === 'object') expect(text, `seed ${seed} ${part}`).not.toBe((e as unknown as Record<string, string>)[part]);
          }
          // the area asked about, and a list of sockets, read the same in every language
          if (kind === 'owner') expect(said.question).toContain(e.question.match(/as (a\d+):/)![1]);
          if (e.answer.startsWith('[')) expect(said.answer).toBe(e.answer);
        }
      });
    }
  }

  it('English: every form the catalog accepts is one the engine takes by itself', () => {
    for (const kind of EXERCISE_KINDS) {
      for (const seed of SEEDS) {
        const e = generateExercise(kind, seed);
        for (const form of answersIn(translateEnglish, e)) expect(sameAnswer(e.answer, form), `${kind} ${seed}: ${form}`).toBe(true);
      }
    }
  });

  for (const lang of Object.keys(LANGUAGES).filter((l) => l !== 'en')) {
    it(`${lang}: the answer in ${lang}, and the forms its catalog accepts, are right answers for the grader`, () => {
      const t = makeTranslate(lang, readCatalog(lang));
      const accept = answersInEveryLanguage();
      const generated = Object.fromEntries(EXERCISE_KINDS.map((kind) => [kind, SEEDS.map((s) => generateExercise(kind, s))]));
      for (const kind of EXERCISE_KINDS) {
        for (const [seed, e] of generated[kind]!.entries()) {
          const forms = answersIn(t, e);
          expect(forms[0]).toBe(exerciseIn(t, e).answer);
          for (const form of forms) expect(sameAnswer(e.answer, form, accept(e)), `${kind} ${seed}: ${form}`).toBe(true);
          // and the answer of another variant is still wrong in the reader's language
          const other = generated[kind]!.find((x) => !sameAnswer(e.answer, x.answer))!;
          for (const form of answersIn(t, other)) expect(sameAnswer(e.answer, form, accept(e)), `${kind} ${seed}: ${form}`).toBe(false);
        }
      }
    });
  }

  it('keeps the English of before, word for word (seed 23 of owner, seed 1 of select)', () => {
    const owner = generateExercise('owner', 23);
    expect(owner.question).toBe('After these calls, who owns the frame of the area A reserved as a3: A, B or free memory?');
    expect(owner.answer).toBe('free memory');
    expect(owner.why).toBe("a3 was never sent, and A freed it: its frames went back to free memory (the lab's free, lab:free: S109 is the receiver's discard). (1 of 3 areas were sent.)");
    const select = generateExercise('select', 1);
    expect(select.question).toBe('What does the last select([s0, s1]) return? (s0 is the socket with A, s1 the one with B.)');
    expect(select.answer).toBe('[s0, s1]');
    expect(select.why).toBe('A socket is ready when a message waits at it unread: A has 2, B has 2 [0108].');
  });
});
