// Where the lesson panel meets the page. Its code (the menu, a lesson's steps
// and checks, the challenges and exercises) loads when the panel is first
// shown, not with the page: an English reader's first screen is the views
// and the terminal, and its first load may grow by at most 15 KB gzip over
// the lab before languages (issue 23). Its English words come with it
// (src/i18n/wordAreas.ts); the builder's code loads later still, from the
// panel (LessonPanel.tsx).

import { lazy, Suspense } from 'react';
import { useT } from '../app/language.ts';
import { loadWords } from '../app/words.ts';

// with its English words, and the builder's: the menu starts a teacher's draft (builderStore.ts)
const LessonPanel = lazy(() => Promise.all([import('./LessonPanel.tsx'), loadWords('lesson', 'builder')]).then(([m]) => ({ default: m.LessonPanel })));

/** The lesson panel, or a line saying it loads while its code is fetched. */
export function LessonPanelSlot() {
  const t = useT();
  return (
    <Suspense fallback={<p className="view-body">{t('app.lessonPanel.loading')}</p>}>
      <LessonPanel />
    </Suspense>
  );
}
