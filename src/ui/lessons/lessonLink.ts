// A teacher's lesson inside a link: the `.lesson.json` text, deflated and
// base64url-encoded in the fragment (#lessonfile=...), with the share link's
// own limits on the fragment's length and on what it may inflate to. The
// page's mode stays in the query (?present, ?embed), so one lesson link opens
// in the normal, presenter or embed page. What arrives is read by the same
// validator as a file; anything refused gives a message and opens nothing.

import type { LessonFile } from '../../engine/index.ts';
import { LESSON_LIMITS, lessonFileText, parseLessonFile, refusal } from '../../engine/index.ts';
import { packText, unpackField } from '../share/packedText.ts';
import { said, wrap, type Said } from '../share/linkFields.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import { useLanguage } from '../app/language.ts';
import { useLab } from '../store/labStore.ts';
import { useLessons } from './lessonStore.ts';

export const LESSON_PARAM = 'lessonfile';

export type LessonLinkResult = { readonly ok: true; readonly file: LessonFile } | ({ readonly ok: false } & Said);

/** The fragment (without #) that carries a lesson file. */
export async function encodeLessonLink(file: LessonFile): Promise<string> {
  return `${LESSON_PARAM}=${await packText(lessonFileText(file))}`;
}

/** Read a lesson from a fragment; null when the fragment carries no lesson. */
export async function decodeLessonLink(fragment: string): Promise<LessonLinkResult | null> {
  const packedText = new URLSearchParams(fragment).get(LESSON_PARAM);
  if (packedText === null) return null;
  const fail = (why: Said): LessonLinkResult => ({ ok: false, ...wrap(why, (w) => `${w} No lesson was opened.`, 'lesson.file.link.refused') });
  const text = await unpackField(fragment, packedText, 'lesson', LESSON_LIMITS.file);
  if (!text.ok) return fail(text);
  const read = parseLessonFile(text.text);
  if (read.ok) return { ok: true, file: read.file };
  // the field as the file names it, the same in every language; the validator's words where it has them, else its English
  const problem = read.words ?? read.message;
  return fail(said(`The lesson in this link cannot be used: ${refusal(read)}.`, 'lesson.file.link.unusable', { field: read.field, problem }));
}

/** Open the lesson a fragment carries, or say why not; false when the fragment carries no lesson. */
export async function openLessonLink(fragment: string): Promise<boolean> {
  let read: LessonLinkResult | null;
  try {
    read = await decodeLessonLink(fragment);
  } catch {
    read = { ok: false, ...said('This lesson link could not be read. No lesson was opened.', 'lesson.file.link.unreadable') };
  }
  if (read === null) return false;
  if (read.ok) useLessons.getState().openCustom(read.file);
  else useLab.getState().setBanner({ kind: 'error', text: wordsIn(useLanguage.getState().t, read.words) });
  return true;
}
