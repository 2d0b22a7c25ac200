// The English catalog's words for panels that are not on the first screen
// (issue 23). The page's build (scripts/catalogs.ts) leaves every message
// of an area out of the English catalog the first load carries and serves
// the area as a chunk of its own (`virtual:words/<area>`), which the page
// adds to its English (src/ui/app/words.ts) before the panel that reads it
// is drawn. Other languages are fetched whole, only when chosen; lparsh, the
// tests and the dev tools read the whole catalog. src/imports.test.ts keeps
// the first screen's code from naming a message of an area.

/** Ids the first screen reads although an area's prefix names them. */
const FIRST_SCREEN = [
  // what a check says (engine/lessons/checkRule.ts) and a fresh lab's note (lessonStore.ts): the terminal and lparsh print them
  'lesson.rule.',
  'lesson.fresh.',
  // a refused progress file or lesson file (progress.ts, customLesson.ts: a link or storage may bring one at start)
  'lesson.progress.',
  'lesson.file.',
];

/** Each area by the id prefixes of its messages; a message belongs to at most one area. */
export const WORD_AREAS = {
  // the lesson panel: menu, steps and checks, challenges, exercises, progress
  lesson: ['lesson.'],
  // the lesson builder (loaded with the lesson panel, whose menu starts a draft)
  builder: ['builder.'],
  // the homework panel and the assignment maker; the header's button, the strip over
  // the lesson panel, the refusals of an assignment link and the hand-in's status stay
  homework: ['homework.maker.', 'homework.task.', 'homework.tasks', 'homework.exercise.', 'homework.due', 'homework.about', 'homework.file', 'homework.open', 'homework.make', 'homework.close'],
  // the classroom strip (a page opened with ?room=)
  classroom: ['classroom.'],
} as const satisfies Record<string, readonly string[]>;

export type WordArea = keyof typeof WORD_AREAS;

/** The area message `key` belongs to, or null for the words the first load carries. */
export function areaOf(key: string): WordArea | null {
  if (FIRST_SCREEN.some((p) => key.startsWith(p))) return null;
  for (const [area, prefixes] of Object.entries(WORD_AREAS) as [WordArea, readonly string[]][]) {
    if (prefixes.some((p) => key.startsWith(p))) return area;
  }
  return null;
}

/**
 * Ids only lparsh says (its usage, the grader's table and notes, its file and
 * argument errors): Node reads the whole catalog, and no page module names
 * one (src/imports.test.ts), so the page's English leaves them out.
 */
const NODE_ONLY = ['lparsh.grade.', 'lparsh.file.', 'lparsh.lang.', 'lparsh.usage', 'lparsh.arg.', 'lparsh.script.', 'lparsh.lesson.'];

/** Whether message `key` is lparsh's alone (never shown by the page). */
export const isNodeOnly = (key: string): boolean => NODE_ONLY.some((p) => key.startsWith(p));
