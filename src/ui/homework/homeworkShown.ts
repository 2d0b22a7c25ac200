// What the first screen knows of homework (issue 23): which homework panel
// the right column shows, and how to reach the rest. The assignment, the
// student's work, grading and the hand-in (homeworkStore.ts and what it
// imports, the engine's assignment reader and its hashes with them) load
// only when a reader opens the homework, follows an assignment link, or
// comes back to an assignment kept from an earlier visit.

import { create } from 'zustand';

export type HomeworkPanel = 'assignment' | 'maker' | 'task';

/** The fragment's field that carries an assignment (#assignment=...). */
export const ASSIGNMENT_PARAM = 'assignment';

/** Where the page keeps the last assignment's text (homeworkStorage.ts reads and writes it). */
export const ASSIGNMENT_KEY = 'lparlab.assignment';

/** The homework panel shown, mirrored from the homework store once it has loaded (null until then). */
export const useHomeworkShown = create<{ readonly panel: HomeworkPanel | null }>()(() => ({ panel: null }));

/** The homework store and its code, loaded once. */
export const loadHomework = () => import('./homeworkStore.ts');

/** Show a homework panel (or none), loading the homework's code first. */
export function showHomework(panel: HomeworkPanel | null): Promise<void> {
  return loadHomework().then(({ useHomework }) => useHomework.getState().show(panel));
}

/** Whether an earlier visit kept an assignment here (then its code loads at start, to bring it back). */
export function keptAssignment(): boolean {
  try {
    return typeof window !== 'undefined' && window.localStorage.getItem(ASSIGNMENT_KEY) !== null;
  } catch {
    return false;
  }
}

/** Whether a link's fragment carries an assignment (then its reader loads). */
export const carriesAssignment = (fragment: string): boolean => new URLSearchParams(fragment).has(ASSIGNMENT_PARAM);
