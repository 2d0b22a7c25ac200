// A lesson is done only when every step was met; skipped steps are named.

import { describe, expect, it } from 'vitest';
import { standingOf, standingText } from './standing.ts';
import { translateEnglish } from '../../i18n/translate.ts';

describe('standing in a lesson', () => {
  it('is done only when every step was met', () => {
    expect(standingOf([0, 1, 2, 3, 4, 5], 6)).toEqual({ done: true, met: 6, skipped: [] });
    expect(standingText(translateEnglish, standingOf([0, 1, 2, 3, 4, 5], 6), 6)).toBe('✓ done');
  });

  it('steps 3 and 4 skipped (issue 20): not done, and named as skipped', () => {
    const s = standingOf([0, 1, 4, 5], 6);
    expect(s).toEqual({ done: false, met: 4, skipped: [3, 4] });
    expect(standingText(translateEnglish, s, 6)).toBe('4/6 steps; skipped: steps 3, 4');
  });

  it('steps not reached yet are not skipped', () => {
    expect(standingText(translateEnglish, standingOf([0, 1], 6), 6)).toBe('2/6 steps');
    expect(standingText(translateEnglish, standingOf([0, 2], 6), 6)).toBe('2/6 steps; skipped: step 2');
    expect(standingText(translateEnglish, standingOf([], 6), 6)).toBeNull();
    expect(standingText(translateEnglish, standingOf(undefined, 6), 6)).toBeNull();
  });

  it('ignores steps past the lesson\'s end and counts a step once', () => {
    expect(standingOf([0, 0, 1, 9], 2)).toEqual({ done: true, met: 2, skipped: [] });
  });
});
