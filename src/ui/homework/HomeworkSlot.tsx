// Where homework meets the page: the header's "Homework" button, the strip
// above the lesson panel while a lesson or challenge task is worked, and the
// homework panel itself, whose code loads only when it is first shown.

import { lazy, Suspense, useMemo } from 'react';
import { taskName } from '../../engine/index.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { statusOf, statusText } from './handIn.ts';
import { useHomework } from './homeworkStore.ts';
import { useT } from '../app/language.ts';
import { fillSlots, slot } from '../app/slots.tsx';
import { loadWords } from '../app/words.ts';
import './homework.css';

// with the English words of the panel, the assignment maker and the lesson tasks they name (issue 23)
const HomeworkPanel = lazy(() => Promise.all([import('./HomeworkPanel.tsx'), loadWords('homework', 'lesson')]).then(([m]) => m));

/** What the right column shows of homework: its panel, the strip over the lesson panel, or nothing. */
export function useHomeworkView(): 'panel' | 'strip' | null {
  const panel = useHomework((s) => s.panel);
  const lessonOpen = useLessons((s) => s.opened !== null);
  if (panel === 'assignment' || panel === 'maker') return 'panel';
  if (panel === 'task') return lessonOpen ? 'strip' : 'panel';
  return null;
}

export function HomeworkButton() {
  const open = useHomework((s) => s.panel === 'assignment' || s.panel === 'maker');
  const show = useHomework((s) => s.show);
  const t = useT();
  return <button type="button" aria-expanded={open} onClick={() => show(open ? null : 'assignment')}>{t('homework.title')}</button>;
}

export function HomeworkPanelSlot() {
  const t = useT();
  return (
    <Suspense fallback={<p className="view-body">{t('homework.loading')}</p>}>
      <HomeworkPanel />
    </Suspense>
  );
}

/** One line over the lesson panel: which task is being worked, its status graded from the lines so far, and the way back. */
export function HomeworkStrip() {
  const t = useT();
  const assignment = useHomework((s) => s.assignment);
  const student = useHomework((s) => s.student);
  const work = useHomework((s) => s.work);
  const focus = useHomework((s) => s.focus);
  const recording = useHomework((s) => s.active !== null);
  const show = useHomework((s) => s.show);
  const workTask = useHomework((s) => s.workTask);
  const status = useMemo(() => (assignment && student && focus !== null ? statusText(t, statusOf(assignment, student, work, focus)) : null), [assignment, student, work, focus, t]);
  if (!assignment || focus === null || !assignment.tasks[focus]) return null;
  return (
    <div className="homework-strip" role="region" aria-label={t('homework.strip.label')}>
      {/* the task's name is the command that opens it (`lesson flip`), the same in every language */}
      <span>{fillSlots(t('homework.strip.task', { n: focus + 1, count: assignment.tasks.length, name: taskName(assignment.tasks[focus]), status: slot(0) }), [<strong key="status" data-testid="strip-status">{status}</strong>])}</span>
      {recording
        ? <span className="recording">{t('homework.strip.recording')}</span>
        : (
          <span className="stopped">
            {t('homework.strip.stopped')}
            <button type="button" className="link" onClick={() => workTask(focus)}>{t('homework.strip.continue')}</button>
          </span>
        )}
      <button type="button" onClick={() => show('assignment')}>{t('homework.back')}</button>
    </div>
  );
}
