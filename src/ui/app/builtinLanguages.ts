// The built-in lessons' words beyond English (issue 23): the page's build
// ships each built-in lesson file in English only (scripts/lessonTexts.ts)
// and fetches the full files only when they are needed: a reader choosing
// Japanese, the builder opening a built-in lesson (it edits every language
// side by side), an assignment pinning a built-in file by its hash (the
// hash is of the full file, as lparsh writes it).

import { addBuiltinLanguage } from '../../engine/index.ts';

let loading: Promise<void> | undefined;

/** Fetches the full built-in files once and hands them to the engine; a failed fetch (offline) may be tried again. */
export function loadBuiltinLanguages(): Promise<void> {
  loading ??= import('virtual:lesson-texts').then(
    ({ default: files }) => {
      const added = addBuiltinLanguage(files);
      // the build made these files from the ones the engine holds: a refusal is a broken invariant
      if (!added.ok) throw new Error(`invariant: the built-in lessons' languages are refused: ${added.field} ${added.message}`);
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether an assignment's text pins a built-in file by its hash (then the full files must be loaded to check it). */
export const pinsBuiltinHash = (text: string): boolean => /"hash"\s*:/.test(text);

/** Loads the full built-in files when `text` pins one by hash; offline, the check then refuses and says why, as before. */
export const readyForAssignment = (text: string): Promise<void> => (pinsBuiltinHash(text) ? loadBuiltinLanguages().catch(() => undefined) : Promise.resolve());
