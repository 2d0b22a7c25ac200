// A lesson opened in the builder and exported again loses nothing the
// builder does not edit: its challenges, realWorld, number, hints past the
// second, and lines to type kept apart from the solution (issue 18 §5).

import { describe, expect, it } from 'vitest';
import type { LessonFile } from '../../engine/index.ts';
import { BUILTIN_FILES, parseLessonFile } from '../../engine/index.ts';
import { draftFile, draftOf } from './builderStore.ts';

describe('the builder keeps what it does not edit', () => {
  it.each(BUILTIN_FILES.filter((f) => f.lesson.steps.length > 0).map((f) => [f.lesson.id, f] as const))('%s: opened and exported, the same file', (_, file) => {
    const made = draftFile(draftOf(file));
    expect(made.ok && made.file).toEqual(file);
  });

  it('a lesson\'s tags choice is kept, and the builder sets or clears it (issue 19 §4)', () => {
    const flip = BUILTIN_FILES.find((f) => f.lesson.id === 'flip')!;
    for (const tags of ['patent', 'steps', 'none'] as const) {
      const file: LessonFile = { ...flip, lesson: { ...flip.lesson, tags } };
      const draft = draftOf(file);
      expect(draft.tags).toBe(tags);
      const made = draftFile(draft);
      expect(made.ok && made.file.lesson.tags).toBe(tags);
      // "as each reader has them": the file says nothing
      const cleared = draftFile({ ...draft, tags: null });
      expect(cleared.ok && 'tags' in cleared.file.lesson).toBe(false);
    }
    const set = draftFile({ ...draftOf(flip), tags: 'none' });
    expect(set.ok && set.file.lesson.tags).toBe('none');
  });

  it('a lesson with challenges and realWorld keeps them', () => {
    const flip = BUILTIN_FILES.find((f) => f.lesson.id === 'flip')!;
    const challenges = BUILTIN_FILES.find((f) => f.lesson.id === 'challenges')!.challenges;
    const file: LessonFile = { lesson: flip.lesson, challenges };
    expect(file.lesson.realWorld).toBeDefined();
    const made = draftFile(draftOf(file));
    expect(made.ok && made.file.challenges).toEqual(challenges);
    expect(made.ok && made.file.lesson.realWorld).toBe(flip.lesson.realWorld);
  });

  it('a teacher\'s step with three hints and lines apart from its solution keeps both', () => {
    const read = parseLessonFile(JSON.stringify({
      format: 'lparlab-lesson', version: 1, id: 'mine', title: 'Mine', figures: 'Fig. 5', summary: 'S',
      steps: [{ title: 'T', narration: 'N', lines: ['@A x = area(64)'], solution: ['@A x = area(64)', '@A poke(x, "hi")'], checks: [{ rule: 'tag', tag: 'S105' }], hints: ['one', 'two', 'three'] }],
    }));
    expect(read.ok).toBe(true);
    const file = (read as { file: LessonFile }).file;
    const made = draftFile(draftOf(file));
    expect(made.ok && made.file).toEqual(file);
  });
});
