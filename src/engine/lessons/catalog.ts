// Every lesson, in teaching order, and the challenges.

import type { Lesson } from './lesson.js';
import { EVENTS_LESSON, MACHINE_LESSON, POLICY_LESSON } from './machineLessons.js';
import { END_LESSON, FAULT_LESSON, FLIP_LESSON } from './messageLessons.js';
import { COMPARE_LESSON, MAP_LESSON, SELECT_LESSON, VFILE_LESSON } from './socketLessons.js';

export const LESSONS: readonly Lesson[] = [
  MACHINE_LESSON, POLICY_LESSON, EVENTS_LESSON, FLIP_LESSON, FAULT_LESSON,
  VFILE_LESSON, MAP_LESSON, SELECT_LESSON, END_LESSON, COMPARE_LESSON,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id || String(l.number) === id);
}
