// An embedded lesson step (?embed&lesson=ID&step=N) is there to be watched:
// the step is recorded ahead and the playhead waits at its beginning, so the
// timeline's play button plays the step (before, the playhead stood at the
// end of the steps before it and play had nothing to play).

import { runLine, seekShell, solutionOf } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { lessonOf, useLessons } from '../lessons/lessonStore.ts';

/** Record the open step's solution and put the playhead (and the shell) back at the step's beginning, paused. */
export function cueOpenStep(): void {
  const { opened, custom } = useLessons.getState();
  if (opened?.kind !== 'lesson') return;
  const step = lessonOf(opened, custom)?.steps[opened.step];
  if (!step) return;
  const lab = useLab.getState();
  const start = lab.shell.timeline.cursor;
  const position = lab.position;
  let shell = lab.shell;
  for (const line of solutionOf(step)) shell = runLine(shell, line).shell;
  if (shell.timeline.length === start) return;
  // the step's commands stay recorded ahead of the shell: the lesson's check sees the step not yet done
  lab.replaceShell(seekShell(shell, start));
  useLab.getState().seek(position);
  useLab.getState().setPlaying(false);
}
