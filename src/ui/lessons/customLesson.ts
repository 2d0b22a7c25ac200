// A teacher's lesson in the page: opened from a file, a link or the builder,
// kept in the browser so a reload finds it again (and the student's progress
// on it, kept under "~id", still means something). Whatever is read back is
// checked by the same validator as a file; anything refused is dropped.

import type { LessonFile } from '../../engine/index.ts';
import { LESSON_LIMITS, lessonFileText, parseLessonFile, refusal, WHOLE_FILE } from '../../engine/index.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import { useLanguage } from '../app/language.ts';

const KEY = 'lparlab.customLesson';

export function loadCustomLesson(): LessonFile | null {
  try {
    const saved = typeof window === 'undefined' ? null : window.localStorage.getItem(KEY);
    if (!saved) return null;
    const read = parseLessonFile(saved);
    return read.ok ? read.file : null;
  } catch {
    return null;
  }
}

export function saveCustomLesson(file: LessonFile): void {
  try {
    window.localStorage.setItem(KEY, lessonFileText(file));
  } catch {
    // storage full or blocked (an embed in a sandboxed frame): the lesson lives on for this visit
  }
}

export type ReadLesson = { readonly ok: true; readonly file: LessonFile } | { readonly ok: false; readonly message: string };

/** Read a `.lesson.json` a teacher picked, refusing what is too large before reading it. */
export async function readLessonFile(f: File): Promise<ReadLesson> {
  // said in the reader's language; the field at fault is named as the file names it
  const { t } = useLanguage.getState();
  const name = f.name.slice(0, 80);
  if (f.size > LESSON_LIMITS.file) return { ok: false, message: t('lesson.file.tooLarge', { name, kib: String(Math.ceil(f.size / 1024)), most: String(LESSON_LIMITS.file / 1024) }) };
  const read = parseLessonFile(await f.text());
  if (read.ok) return read;
  // the validator's words where it has them (an empty text, one too long), else its English sentence
  const why = read.words ? t('lesson.file.field', { field: read.field === WHOLE_FILE ? t('lesson.file.whole') : read.field, problem: wordsIn(t, read.words) }) : refusal(read);
  return { ok: false, message: t('lesson.file.refused', { name, why }) };
}
