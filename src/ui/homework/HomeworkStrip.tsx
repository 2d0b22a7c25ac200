// The strip above the lesson panel while a lesson or challenge task of an
// assignment is worked: which task, its status graded from the lines so far,
// and the way back. Loaded with the homework's code (HomeworkSlot.tsx).

import { useMemo } from 'react';
import { taskName } from '../../engine/index.ts';
import { statusOf, statusText } from './handIn.ts';
import { useHomework } from './homeworkStore.ts';
import { useT } from '../app/language.ts';
import { fillSlots, slot } from '../app/slots.tsx';

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
