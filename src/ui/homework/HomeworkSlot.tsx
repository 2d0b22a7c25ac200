// Where homework meets the page: the header's "Homework" button, the strip
// above the lesson panel while a lesson or challenge task is worked, and the
// homework panel itself, whose code loads only when it is first shown.

import { lazy, Suspense, useMemo } from 'react';
import { taskName } from '../../engine/index.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { statusOf, statusText } from './handIn.ts';
import { useHomework } from './homeworkStore.ts';
import './homework.css';

const HomeworkPanel = lazy(() => import('./HomeworkPanel.tsx'));

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
  return <button type="button" aria-expanded={open} onClick={() => show(open ? null : 'assignment')}>Homework</button>;
}

export function HomeworkPanelSlot() {
  return (
    <Suspense fallback={<p className="view-body">Loading the homework panel...</p>}>
      <HomeworkPanel />
    </Suspense>
  );
}

/** One line over the lesson panel: which task is being worked, its status graded from the lines so far, and the way back. */
export function HomeworkStrip() {
  const assignment = useHomework((s) => s.assignment);
  const student = useHomework((s) => s.student);
  const work = useHomework((s) => s.work);
  const focus = useHomework((s) => s.focus);
  const recording = useHomework((s) => s.active !== null);
  const show = useHomework((s) => s.show);
  const workTask = useHomework((s) => s.workTask);
  const status = useMemo(() => (assignment && student && focus !== null ? statusText(statusOf(assignment, student, work, focus)) : null), [assignment, student, work, focus]);
  if (!assignment || focus === null || !assignment.tasks[focus]) return null;
  return (
    <div className="homework-strip" role="region" aria-label="homework task">
      <span>Homework task {focus + 1} of {assignment.tasks.length} ({taskName(assignment.tasks[focus])}): <strong data-testid="strip-status">{status}</strong></span>
      {recording
        ? <span className="recording">your lines are kept for this task</span>
        : (
          <span className="stopped">
            The lab was replaced, so lines typed now are not kept for this task.
            <button type="button" className="link" onClick={() => workTask(focus)}>Continue the task</button>
          </span>
        )}
      <button type="button" onClick={() => show('assignment')}>Back to the assignment</button>
    </div>
  );
}
