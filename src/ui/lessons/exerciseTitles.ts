// Each kind of generated exercise by what it asks: the lesson panel's menu,
// the homework panel and the assignment maker, all loaded with the lesson
// panel's words (src/i18n/wordAreas.ts), never with the first screen.

import type { ExerciseKind } from '../../engine/index.ts';
import type { MessageKey } from '../../i18n/translate.ts';

export const EXERCISE_TITLES = {
  owner: 'lesson.exercise.kind.owner',
  select: 'lesson.exercise.kind.select',
} as const satisfies Record<ExerciseKind, MessageKey>;
