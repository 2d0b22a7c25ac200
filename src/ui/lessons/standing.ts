// Where a student stands in a lesson, from the steps they met: a lesson is
// done only when every step was met (issue 20 §1). A step not met before one
// that was met was skipped ("Skip step" replays its solution for the
// student, which is not meeting it), and the menu says so.

import type { Translate } from '../../i18n/translate.ts';

export interface Standing {
  /** every step was met */
  readonly done: boolean;
  /** how many steps were met */
  readonly met: number;
  /** steps (numbered from 1, as the page shows them) passed over on the way to a later one */
  readonly skipped: readonly number[];
}

export function standingOf(metSteps: readonly number[] | undefined, steps: number): Standing {
  const met = new Set((metSteps ?? []).filter((s) => Number.isInteger(s) && s >= 0 && s < steps));
  const furthest = Math.max(-1, ...met);
  const skipped: number[] = [];
  for (let s = 0; s < furthest; s++) if (!met.has(s)) skipped.push(s + 1);
  return { done: steps > 0 && met.size === steps, met: met.size, skipped };
}

/** The menu's words for it, in the reader's language: nothing before the first step is met. */
export function standingText(t: Translate, s: Standing, steps: number): string | null {
  if (s.done) return t('lesson.standing.done');
  if (s.met === 0) return null;
  return s.skipped.length
    ? t('lesson.standing.skipped', { met: s.met, steps, count: s.skipped.length, skipped: s.skipped.join(', ') })
    : t('lesson.standing.met', { met: s.met, steps });
}
