// The page's own notes in the reader's language (issue 23): what the terminal
// prints when a lesson, a challenge, a shared lab or the lecturer's lab
// replaces the lab, what a share link or a classroom link says when it is
// adjusted or refused. In Japanese they keep no English but the command
// language; in English they say exactly what they always said.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShell, findChallengeIn, findLessonIn } from '../../engine/index.ts';
import { englishIn } from '../../i18n/englishIn.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';
import { formatOutputIn } from '../../i18n/shellWords.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';
import { restingPosition, useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { readLessonFile } from '../lessons/customLesson.ts';
import { rebuildShell, shareOf } from '../share/rebuild.ts';
import { readLessonPlace } from '../share/linkFields.ts';
import { readClassroomLink } from '../classroom/classroomLink.ts';
import { formatOutput } from '../../engine/index.ts';
import { useLanguage } from './language.ts';

const ja = makeTranslate('ja', readCatalog('ja'));
const inJapanese = () => useLanguage.setState({ lang: 'ja', t: ja, formatOutput: (o) => formatOutputIn(ja, o) });
const inEnglish = () => useLanguage.setState({ lang: 'en', t: translateEnglish, formatOutput });

/** The English words of `lines` once the lines typed (the command language) are taken out. */
const english = (lines: readonly string[], typed = '') => lines.flatMap((l) => englishIn(l, typed).map((w) => `${w} in ${l}`));

beforeEach(() => useLab.getState().replaceShell(createShell()));
afterEach(() => {
  inEnglish();
  useLessons.getState().close();
});

describe('the notes a lesson prints as it replaces the lab', () => {
  it('name the lesson, its steps done and a challenge in Japanese', () => {
    inJapanese();
    const notes: string[] = [];
    useLessons.getState().openLesson('flip');
    notes.push(...useLab.getState().notice!.lines);
    useLessons.getState().openLesson('flip', 2);
    notes.push(...useLab.getState().notice!.lines);
    useLessons.getState().openChallenge('round-trip');
    notes.push(...useLab.getState().notice!.lines);
    expect(notes.length).toBe(3);
    expect(notes[0]).toContain(findLessonIn('flip', 'ja')!.title);
    expect(notes[2]).toContain(findChallengeIn('round-trip', 'ja')!.title);
    expect(english(notes)).toEqual([]);
  });

  it('say in English what they always said', () => {
    useLessons.getState().openLesson('flip', 2);
    expect(useLab.getState().notice!.lines).toEqual(['(a fresh lab for lesson 4, with steps 1-2 already done)']);
    useLessons.getState().openLesson('flip');
    expect(useLab.getState().notice!.lines).toEqual([`(a fresh lab for lesson 4: ${findLessonIn('flip', 'en')!.title})`]);
  });
});

describe('a refused progress file or lesson file in the reader\'s language', () => {
  const flip = { format: 'lparlab-lesson', version: 1, id: 'mine', title: 'Mine', figures: 'Fig. 5', summary: 'S', steps: [{ title: 'T', narration: 'N', lines: ['@A a = area(64)'], checks: [{ rule: 'tag', tag: 'S106' }], hints: ['h'] }] };

  it('says why in Japanese, the file\'s own field names and values aside', async () => {
    inJapanese();
    const progress = ['not json', '[]', '{"format":"x"}', '{"format":"lparlab-progress","version":9}', '{"format":"lparlab-progress","version":1,"lessons":{"nope":[0]},"challenges":[]}',
      '{"format":"lparlab-progress","version":1,"lessons":{"flip":[99]},"challenges":[]}', '{"format":"lparlab-progress","version":1,"lessons":{},"challenges":["nope"]}'];
    const said = progress.map((text) => useLessons.getState().importProgress(text));
    expect(said.every((r) => !r.ok)).toBe(true);
    const files = [new File(['x'.repeat(300 * 1024)], 'big.lesson.json'), new File([JSON.stringify({ ...flip, title: '  ' })], 'blank.lesson.json'), new File(['[1, 2]'], 'list.lesson.json')];
    const read = await Promise.all(files.map(readLessonFile));
    const messages = [...said.map((r) => r.message), ...read.map((r) => (r.ok ? 'opened' : r.message))];
    expect(english(messages, 'lparlab JSON KiB big.lesson.json blank.lesson.json list.lesson.json title "x" "nope" flip')).toEqual([]);
    inEnglish();
    expect(useLessons.getState().importProgress('[]').message).toBe('This is not an lparlab progress file: it is not a JSON object. Your progress is unchanged.');
    const blank = await readLessonFile(files[1]!);
    expect(!blank.ok && blank.message).toBe('blank.lesson.json is not a lesson file this lab can use: title must not be empty. Nothing was opened.');
  });
});

describe('a share link and a classroom link in the reader\'s language', () => {
  const config = { seed: 1, frames: 256, groups: 3, unitsPerGroup: 8 };

  it('refuse to make a link, note a step past the end and refuse a bad classroom link in Japanese', () => {
    inJapanese();
    const said: string[] = [];
    const { shell } = rebuildShell(config, ['# \ud800 alone']);
    const half = shareOf(shell, restingPosition(shell), restingPosition(shell), null);
    if (half.ok) throw new Error('a lone surrogate was shared');
    said.push(half.message);
    const many = rebuildShell(config, Array.from({ length: 2001 }, (_, i) => `x${i} = ${i}`)).shell;
    const tooMany = shareOf(many, restingPosition(many), restingPosition(many), null);
    if (tooMany.ok) throw new Error('2001 lines were shared');
    said.push(tooMany.message);
    const place = readLessonPlace(new URLSearchParams({ lesson: 'flip', step: '99' }), 0);
    if (!place.ok || place.value.note === null) throw new Error('no note for a step past the end');
    said.push(ja(place.value.note.key, place.value.note.values));
    for (const search of ['?room=a b&relay=ws://h:1', '?room=r', '?room=r&relay=http://h:1', '?room=r&relay=ws://h:1&key=short']) {
      const read = readClassroomLink(search);
      if (read === null || read.ok) throw new Error(`${search} was not refused`);
      said.push(read.message);
    }
    expect(said.length).toBe(7);
    // UTF-16, ws:// and the link's own fields are the command language of links
    expect(english(said, 'UTF-16 ws:// wss:// relay=ws://HOST:PORT KiB')).toEqual([]);
  });

  it('replay a shared lab printing what the terminal would print in the reader\'s language', () => {
    inJapanese();
    const lines = ['@A ch = connect(B)', 'sned(ch)', 'lpars'];
    const { printed } = rebuildShell(config, lines);
    expect(printed.length).toBeGreaterThan(lines.length);
    expect(english(printed, lines.join(' '))).toEqual([]);
    inEnglish();
    expect(rebuildShell(config, lines).printed).toContain('= -1 ENOENT: unknown call sned(); did you mean seed? (help lists the calls)');
  });

  it('say in English what they always said', () => {
    const { shell } = rebuildShell(config, ['# \ud800 alone']);
    expect(shareOf(shell, restingPosition(shell), restingPosition(shell), null)).toEqual({ ok: false, message: 'No link was made: line 1 holds half of a character (a lone UTF-16 surrogate), which a link cannot carry as it is.' });
    expect(readClassroomLink('?room=r')).toEqual({ ok: false, message: 'This classroom link has no relay address (relay=ws://HOST:PORT). The lab works on its own.' });
  });
});
