// A lesson file in two languages (format version 2, issue 23) is shown in the
// reader's language: the lesson the store hands to the panel and every other
// view, and the terminal's note when it opens; a language the file does not
// have falls back to the file's first. (The panel itself: e2e/builder*.spec.ts.)

import { afterEach, describe, expect, it } from 'vitest';
import type { LessonFile } from '../../engine/index.ts';
import { createShell, parseLessonFile } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { useLanguage } from '../app/language.ts';
import { challengeOf, lessonOf, useLessons } from './lessonStore.ts';

const TWO = {
  format: 'lparlab-lesson', version: 2, languages: ['en', 'ja'], id: 'two', title: { en: 'Two tongues', ja: '二つの言葉' }, figures: 'Fig. 5',
  summary: { en: 'An area.', ja: '領域。' },
  steps: [{
    title: { en: 'An area', ja: 'メッセージ領域' },
    narration: { en: 'A reserves a message area.', ja: 'A がメッセージ領域を確保する。' },
    lines: ['@A a = area(64)'], checks: [{ rule: 'tag', tag: 'S106' }],
    hints: [{ en: 'A acts.', ja: 'A が動く。' }, '@A a = area(64)'],
  }],
  challenges: [{ id: 'c1', title: { en: 'Again', ja: 'もう一度' }, goal: 'g', checks: [{ rule: 'tag', tag: 'S106' }], hints: ['h'], solution: ['@A a = area(64)'] }],
};

function file(data: unknown = TWO): LessonFile {
  const read = parseLessonFile(JSON.stringify(data));
  if (!read.ok) throw new Error(read.message);
  return read.file;
}

afterEach(() => {
  useLanguage.setState({ lang: 'en' });
  useLessons.getState().close();
});

describe('a lesson in the reader\'s language', () => {
  it('the store hands out the lesson and its challenges in the language asked for, by default the reader\'s', () => {
    const two = file();
    const opened = { id: 'two', custom: true };
    expect(lessonOf(opened, two, 'ja')?.steps[0]?.text).toBe('A がメッセージ領域を確保する。');
    expect(lessonOf(opened, two, 'en')?.steps[0]?.text).toBe('A reserves a message area.');
    expect(challengeOf({ id: 'c1', custom: true }, two, 'ja')?.title).toBe('もう一度');
    useLanguage.setState({ lang: 'ja' });
    expect(lessonOf(opened, two)?.title).toBe('二つの言葉');
    // lines and checks are the same whatever the language
    expect(lessonOf(opened, two, 'ja')?.steps[0]?.type).toEqual(lessonOf(opened, two, 'en')?.steps[0]?.type);
  });

  it('opening it names the lesson in the reader\'s language in the terminal, and the open step follows a switch of language', () => {
    useLab.getState().replaceShell(createShell());
    useLanguage.setState({ lang: 'ja' });
    useLessons.getState().openCustom(file());
    expect(useLab.getState().notice?.lines.join('\n')).toContain('二つの言葉');
    const { opened, custom } = useLessons.getState();
    if (opened?.kind !== 'lesson') throw new Error('the lesson did not open');
    expect(lessonOf(opened, custom)?.steps[0]?.hints).toEqual(['A が動く。', '@A a = area(64)']);
    useLanguage.setState({ lang: 'en' });
    expect(lessonOf(opened, custom)?.steps[0]?.hints).toEqual(['A acts.', '@A a = area(64)']);
  });

  it('a file without the reader\'s language is shown in its first language', () => {
    const jaOnly = file({ ...TWO, languages: ['ja'], title: { ja: '日本語だけ' }, summary: '要約', steps: [{ ...TWO.steps[0], title: { ja: '領域' }, narration: { ja: '確保する。' }, hints: ['@A a = area(64)'] }], challenges: [] });
    expect(lessonOf({ id: 'two', custom: true }, jaOnly, 'en')?.steps[0]?.text).toBe('確保する。');
  });
});
