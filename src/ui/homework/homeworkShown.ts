// What the first screen knows of homework (issue 23): which homework panel
// the right column shows, and how to reach the rest. The assignment, the
// student's work, grading and the hand-in (homeworkStore.ts and what it
// imports, the engine's assignment reader and its hashes with them) load
// only when a reader opens the homework, follows an assignment link, or
// comes back to an assignment kept from an earlier visit.

import { create } from 'zustand';
import { useLab } from '../store/labStore.ts';
import { useLanguage } from '../app/language.ts';

export type HomeworkPanel = 'assignment' | 'maker' | 'task';

/** The fragment's field that carries an assignment (#assignment=...). */
export const ASSIGNMENT_PARAM = 'assignment';

/** Where the page keeps the last assignment's text (homeworkStorage.ts reads and writes it). */
export const ASSIGNMENT_KEY = 'lparlab.assignment';

/** The homework panel shown, mirrored from the homework store once it has loaded (null until then). */
export const useHomeworkShown = create<{ readonly panel: HomeworkPanel | null }>()(() => ({ panel: null }));

/** The homework store and its code, loaded once. */
export const loadHomework = () => import('./homeworkStore.ts');

/**
 * A homework chunk that would not load (offline before a first visit cached
 * it, a site updated under an open page) is said in the banner: the button
 * must never do nothing.
 */
export function reportHomeworkFailure(error: unknown): void {
  console.warn('lparlab: the homework could not load:', error);
  useLab.getState().setBanner({ kind: 'error', text: useLanguage.getState().t('homework.failed') });
}

/** Show a homework panel (or none), loading the homework's code first; a failed load is reported, and nothing else changes. */
export function showHomework(panel: HomeworkPanel | null): Promise<void> {
  return loadHomework().then(({ useHomework }) => useHomework.getState().show(panel), reportHomeworkFailure);
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
