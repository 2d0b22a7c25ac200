// The English words of the panels not on the first screen (issue 23): each
// area of src/i18n/wordAreas.ts is a chunk of its own, built by
// scripts/catalogs.ts, added to the page's English before the panel that
// reads it is drawn. A panel's loader waits for its areas with its code
// (LessonSlot.tsx, HomeworkSlot.tsx, the classroom strip in App.tsx), so no
// reader sees a message id in place of its words.

import { addEnglish, type Catalog } from '../../i18n/translate.ts';
import type { WordArea } from '../../i18n/wordAreas.ts';

const AREAS: Record<WordArea, () => Promise<{ default: Catalog }>> = {
  lesson: () => import('virtual:words/lesson'),
  builder: () => import('virtual:words/builder'),
  homework: () => import('virtual:words/homework'),
  classroom: () => import('virtual:words/classroom'),
};

const loading = new Map<WordArea, Promise<void>>();

/** Fetches the English words of `areas` once each and adds them; a failed fetch (offline before the first visit cached it) may be tried again. */
export function loadWords(...areas: readonly WordArea[]): Promise<void> {
  return Promise.all(areas.map((area) => {
    let once = loading.get(area);
    if (once === undefined) {
      once = AREAS[area]().then(
        (m) => addEnglish(m.default),
        (error: unknown) => {
          loading.delete(area);
          throw error;
        },
      );
      loading.set(area, once);
    }
    return once;
  })).then(() => undefined);
}
