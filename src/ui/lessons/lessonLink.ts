// A teacher's lesson inside a link: the `.lesson.json` text, deflated and
// base64url-encoded in the fragment (#lessonfile=...), with the share link's
// own limits on the fragment's length and on what it may inflate to. The
// page's mode stays in the query (?present, ?embed), so one lesson link opens
// in the normal, presenter or embed page. What arrives is read by the same
// validator as a file; anything refused gives a message and opens nothing.

import type { LessonFile } from '../../engine/index.ts';
import { LESSON_LIMITS, lessonFileText, parseLessonFile, refusal } from '../../engine/index.ts';
import { fromBase64Url, LINK_LIMITS, pump, toBase64Url } from '../share/shareLink.ts';
import { useLab } from '../store/labStore.ts';
import { useLessons } from './lessonStore.ts';

export const LESSON_PARAM = 'lessonfile';

export type LessonLinkResult = { readonly ok: true; readonly file: LessonFile } | { readonly ok: false; readonly message: string };

/** The fragment (without #) that carries a lesson file. */
export async function encodeLessonLink(file: LessonFile): Promise<string> {
  const packed = await pump(new TextEncoder().encode(lessonFileText(file)), new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return `${LESSON_PARAM}=${toBase64Url(packed!)}`;
}

/** Read a lesson from a fragment; null when the fragment carries no lesson. */
export async function decodeLessonLink(fragment: string): Promise<LessonLinkResult | null> {
  const params = new URLSearchParams(fragment);
  const packedText = params.get(LESSON_PARAM);
  if (packedText === null) return null;
  const fail = (message: string): LessonLinkResult => ({ ok: false, message: `${message} No lesson was opened.` });
  if (fragment.length > LINK_LIMITS.fragment) return fail(`This lesson link is too long (${fragment.length} characters; at most ${LINK_LIMITS.fragment}).`);
  const packed = fromBase64Url(packedText);
  if (packed === null || packed.length === 0) return fail('The lesson in this link is damaged (not base64url).');
  const limit = Math.min(LINK_LIMITS.inflated, LESSON_LIMITS.file);
  let bytes: Uint8Array | null;
  try {
    bytes = await pump(packed, new DecompressionStream('deflate-raw'), limit);
  } catch {
    return fail('The lesson in this link is damaged or cut short.');
  }
  if (bytes === null) return fail(`The lesson in this link unpacks to more than ${limit / 1024} KiB.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('The lesson in this link is not text.');
  }
  const read = parseLessonFile(text);
  return read.ok ? { ok: true, file: read.file } : fail(`The lesson in this link cannot be used: ${refusal(read)}.`);
}

/** Open the lesson a fragment carries, or say why not; false when the fragment carries no lesson. */
export async function openLessonLink(fragment: string): Promise<boolean> {
  let read: LessonLinkResult | null;
  try {
    read = await decodeLessonLink(fragment);
  } catch {
    read = { ok: false, message: 'This lesson link could not be read. No lesson was opened.' };
  }
  if (read === null) return false;
  if (read.ok) useLessons.getState().openCustom(read.file);
  else useLab.getState().setBanner({ kind: 'error', text: read.message });
  return true;
}
