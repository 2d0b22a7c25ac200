import { beforeEach, describe, expect, it } from 'vitest';
import { createShell } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { challengeOf, lessonOf, useLessons } from '../lessons/lessonStore.ts';
import { useHomework } from './homeworkStore.ts';
import { useLanguage } from '../app/language.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';

const hw = () => useHomework.getState();
const lab = () => useLab.getState();
const MINE = {
  format: 'lparlab-lesson', version: 1, id: 'mine', title: 'Mine', figures: 'Fig. 5', summary: 'x',
  steps: [{ title: 'one', narration: 'n', lines: ['@A a = area(64)'], checks: [{ rule: 'tag', tag: 'S106' }], hints: ['h'] }],
  challenges: [{ id: 'c1', title: 'C', goal: 'g', checks: [{ rule: 'tag', tag: 'S106' }], hints: ['h'], solution: ['@A a = area(64)'] }],
};
const TEXT = JSON.stringify({
  format: 'lparlab-assignment', version: 1, id: 'week-5', title: 'Week 5', instructions: 'Work.', seed: 3,
  tasks: [{ lesson: 'flip' }, { exercise: 'owner' }, { lessonFile: MINE }, { lessonFile: MINE, challenge: 'c1' }],
});

beforeEach(() => {
  useHomework.setState({ assignment: null, text: null, student: null, work: {}, panel: null, active: null, focus: null });
  useLessons.getState().close();
  lab().replaceShell(createShell());
  lab().setBanner(null);
  expect(hw().load(TEXT, 'link')).toBe(true);
  expect(hw().setStudent('Ann')).toBeNull();
});

describe('homework in the page', () => {
  it('refuses a broken assignment with the field named, and keeps the one open', () => {
    expect(hw().load(TEXT.replace('"owner"', '"nope"'), 'file')).toBe(false);
    expect(lab().banner?.text).toMatch(/^This file cannot be used as an assignment: tasks\[1\]\.exercise must be one of owner, select\. Nothing was opened\.$/);
    expect(hw().assignment?.id).toBe('week-5');
    expect(hw().student).toBe('ann');
    expect(hw().setStudent('a b')).toMatch(/letters, digits/);
    expect(hw().student).toBe('ann');
  });

  it("keeps the lines of the lab's current branch as the task's lines, and stops when the lab is replaced", () => {
    hw().workTask(0);
    expect(useLessons.getState().opened).toMatchObject({ kind: 'lesson', id: 'flip', step: 0 });
    for (const line of ['@A link = connect(B)', '@B s = signal()', '@B junk = area(64)', 'back', '@B other = permit(s)']) lab().submit(line);
    expect(hw().work[0]?.lines).toEqual(['@A link = connect(B)', '@B s = signal()', '@B other = permit(s)']);
    // another machine: the task's lines stay as they were
    lab().replaceShell(createShell());
    expect(hw().active).toBeNull();
    lab().submit('@A x = area(64)');
    expect(hw().work[0]?.lines).toHaveLength(3);
    // Continue: the lines replayed on a fresh lab, the lesson at the first step not met, recording again
    hw().workTask(0);
    expect(lab().shell.trail).not.toBeNull();
    expect(useLessons.getState().opened).toMatchObject({ kind: 'lesson', id: 'flip', step: 2 });
    lab().submit('@A msg = area(4096)');
    expect(hw().work[0]?.lines).toHaveLength(4);
  });

  it("opens a teacher's lesson and challenge from the assignment in the lesson panel", () => {
    hw().workTask(2);
    const opened = useLessons.getState().opened;
    expect(opened).toMatchObject({ kind: 'lesson', id: 'mine', custom: true });
    expect(lessonOf(opened as { id: string; custom: boolean }, useLessons.getState().custom)?.title).toBe('Mine');
    hw().workTask(3);
    const challenge = useLessons.getState().opened;
    expect(challenge).toMatchObject({ kind: 'challenge', id: 'c1', custom: true });
    expect(challengeOf(challenge as { id: string; custom: boolean }, useLessons.getState().custom)?.goal).toBe('g');
    lab().submit('@A a = area(64)');
    expect(hw().work[3]?.lines).toEqual(['@A a = area(64)']);
  });

  it("says in the terminal, in the reader's language, which task the fresh lab is for and how many lines it replayed", () => {
    hw().workTask(0);
    expect(lab().notice?.lines).toEqual(['(a fresh lab for homework task 1, lesson flip)']);
    lab().submit('@A link = connect(B)');
    hw().workTask(0);
    expect(lab().notice?.lines).toEqual(['(a fresh lab for homework task 1, lesson flip, with your 1 line replayed)', '  @A link = connect(B)']);
    lab().submit('@B s = signal()');
    useLanguage.setState({ lang: 'ja', t: makeTranslate('ja', readCatalog('ja')) });
    try {
      hw().workTask(0);
      // the task's name is the command that opens it: the same in every language
      expect(lab().notice?.lines).toEqual(['（宿題のタスク 1（lesson flip）のための新しいラボ。あなたが打った 2 行をもう一度実行しました）', '  @A link = connect(B)', '  @B s = signal()']);
      hw().workTask(1);
      expect(lab().notice?.lines).toEqual(['（宿題のタスク 2（exercise owner）のための新しいラボ）']);
    } finally {
      useLanguage.setState({ lang: 'en', t: translateEnglish });
    }
  });

  it("keeps an exercise's answer, only for an exercise task", () => {
    hw().workTask(1);
    expect(useLessons.getState().opened).toBeNull();
    expect(hw().focus).toBe(1);
    hw().setAnswer(1, 'B');
    hw().setAnswer(0, 'B');
    expect(hw().work[1]).toEqual({ lines: [], answer: 'B' });
    expect(hw().work[0]).toBeUndefined();
  });
});
