// Where homework meets the page: the header's "Homework" button, the strip
// above the lesson panel while a lesson or challenge task is worked, and the
// homework panel itself. Only the button and which panel is shown
// (homeworkShown.ts) are on the first screen; the rest, the homework store
// with grading and the hand-in included, loads when homework is first opened
// (issue 23).

import { lazy, Suspense } from 'react';
import { useLessons } from '../lessons/lessonStore.ts';
import { keptAssignment, loadHomework, reportHomeworkFailure, showHomework, useHomeworkShown } from './homeworkShown.ts';
import { useT } from '../app/language.ts';
import { loadWords } from '../app/words.ts';
import './homework.css';

// with the English words of the panel, the assignment maker and the lesson tasks they name (issue 23)
const HomeworkPanel = lazy(() => Promise.all([import('./HomeworkPanel.tsx'), loadWords('homework', 'lesson')]).then(([m]) => m));
const Strip = lazy(() => import('./HomeworkStrip.tsx').then((m) => ({ default: m.HomeworkStrip })));

// the assignment opened here last comes back after a reload (homeworkStore.ts restores it when loaded)
if (keptAssignment()) loadHomework().catch(reportHomeworkFailure);

/** What the right column shows of homework: its panel, the strip over the lesson panel, or nothing. */
export function useHomeworkView(): 'panel' | 'strip' | null {
  const panel = useHomeworkShown((s) => s.panel);
  const lessonOpen = useLessons((s) => s.opened !== null);
  if (panel === 'assignment' || panel === 'maker') return 'panel';
  if (panel === 'task') return lessonOpen ? 'strip' : 'panel';
  return null;
}

export function HomeworkButton() {
  const open = useHomeworkShown((s) => s.panel === 'assignment' || s.panel === 'maker');
  const t = useT();
  return <button type="button" aria-expanded={open} onClick={() => void showHomework(open ? null : 'assignment')}>{t('homework.title')}</button>;
}

export function HomeworkPanelSlot() {
  const t = useT();
  return (
    <Suspense fallback={<p className="view-body">{t('homework.loading')}</p>}>
      <HomeworkPanel />
    </Suspense>
  );
}

/** The strip over the lesson panel (HomeworkStrip.tsx), shown only once a task is worked, so its code has loaded with the store. */
export function HomeworkStrip() {
  return (
    <Suspense fallback={null}>
      <Strip />
    </Suspense>
  );
}
