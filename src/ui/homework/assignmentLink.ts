// An assignment inside a link: the `.assignment.json` text deflated and in
// base64url in the fragment (#assignment=...), read within the share link's
// limits (share/packedText.ts, as #lessonfile= links are) and then by the same
// validator as the file. A bad link opens nothing and says why.

import { ASSIGNMENT_LIMITS } from '../../engine/index.ts';
import { packText, unpackField } from '../share/packedText.ts';
import { said, wrap, type Said } from '../share/linkFields.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import { useLanguage } from '../app/language.ts';
import { useLab } from '../store/labStore.ts';
import { useHomework } from './homeworkStore.ts';
import { readyForAssignment } from '../app/builtinLanguages.ts';
import { ASSIGNMENT_PARAM } from './homeworkShown.ts';

/** The fragment (without #) that carries an assignment file's text. */
export async function encodeAssignmentLink(text: string): Promise<string> {
  return `${ASSIGNMENT_PARAM}=${await packText(text)}`;
}

/** The assignment text a fragment carries, or why not; null when it carries none. */
export async function decodeAssignmentLink(fragment: string): Promise<{ ok: true; text: string } | ({ ok: false } & Said) | null> {
  const packed = new URLSearchParams(fragment).get(ASSIGNMENT_PARAM);
  if (packed === null) return null;
  const text = await unpackField(fragment, packed, 'assignment', ASSIGNMENT_LIMITS.file);
  return text.ok ? text : { ok: false, ...wrap(text, (why) => `${why} No assignment was opened.`, 'homework.link.refused') };
}

/** Open the assignment a fragment carries, or say why not; false when the fragment carries none. */
export async function openAssignmentLink(fragment: string): Promise<boolean> {
  let read: Awaited<ReturnType<typeof decodeAssignmentLink>>;
  try {
    read = await decodeAssignmentLink(fragment);
  } catch {
    read = { ok: false, ...said('This assignment link could not be read. No assignment was opened.', 'homework.link.unreadable') };
  }
  if (read === null) return false;
  if (read.ok) {
    await readyForAssignment(read.text);
    useHomework.getState().load(read.text, 'link');
  }
  else useLab.getState().setBanner({ kind: 'error', text: wordsIn(useLanguage.getState().t, read.words) });
  return true;
}
