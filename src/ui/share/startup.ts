// Opening the page: a share link in the fragment replays its lines on a fresh
// lab with its seed (only as lines of the command language), then moves to its
// lesson and moment; a bad link leaves a clean lab and a message. Without a
// link, ?lesson=...&step=... opens that lesson step.

import { createShell, findLesson, formatOutput, promptOf, runLine } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { OPENING } from '../app/mode.ts';
import { decodeLink, encodeLink } from './shareLink.ts';

/** Open the link in the address now, and again whenever a link is pasted into this tab. */
export function watchAddress(): () => void {
  void openFromAddress();
  const onHash = () => void openFromAddress();
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}

export async function openFromAddress(): Promise<void> {
  const fragment = location.hash.replace(/^#/, '');
  let result;
  try {
    result = await decodeLink(fragment);
  } catch {
    result = { ok: false as const, message: 'This link could not be read. The lab starts clean.' };
  }
  const lab = useLab.getState();
  if (result && !result.ok) {
    // a clean lab, whatever was open before
    lab.replaceShell(createShell());
    lab.setBanner({ kind: 'error', text: result.message });
    history.replaceState(null, '', location.pathname + location.search);
    return;
  }
  if (result?.ok) {
    const { seed, lines, lesson, step, at } = result.lab;
    let shell = createShell({ seed });
    // the terminal shows what was replayed, as if it had been typed here (the last lines, if there are many)
    const printed: string[] = [];
    for (const line of lines) {
      const prompt = promptOf(shell);
      const ran = runLine(shell, line);
      shell = ran.shell;
      printed.push(`${prompt}${line}`, ...ran.out.flatMap(formatOutput));
    }
    lab.replaceShell(shell);
    if (at !== null) lab.seek(at);
    lab.setPlaying(false);
    const shown = printed.slice(-400);
    lab.notify([
      `(opened a shared lab: seed ${seed}, ${lines.length} line${lines.length === 1 ? '' : 's'} replayed${shown.length < printed.length ? '; the last of them below' : ''})`,
      ...shown,
    ]);
    if (lesson && findLesson(lesson)) {
      useLessons.setState({ opened: { kind: 'lesson', id: lesson, step: step ?? 0, startLine: 0, since: 0 } });
    }
    return;
  }
  const params = new URLSearchParams(location.search);
  if (params.has('frames') && OPENING.frames === null) {
    lab.setBanner({ kind: 'error', text: 'frames must be a whole number from 128 to 1048576; the lab starts with 256 frames.' });
  }
  const lesson = OPENING.lesson ? findLesson(OPENING.lesson) : undefined;
  if (lesson) {
    useLessons.getState().openLesson(lesson.id, OPENING.step);
    if (OPENING.step >= lesson.steps.length) lab.setBanner({ kind: 'info', text: `Lesson ${lesson.number} has ${lesson.steps.length} steps; it opens at the last one.` });
  } else if (params.has('lesson')) {
    lab.setBanner({ kind: 'error', text: `There is no lesson "${(params.get('lesson') ?? '').slice(0, 32)}". The lab starts clean.` });
  }
}

/** The address of this lab as it is now: the seed, the lines typed since it began, the lesson, the moment. */
export async function currentLink(): Promise<string> {
  const lab = useLab.getState();
  const opened = useLessons.getState().opened;
  const lines = linesOfCurrentLab();
  const atEnd = lab.position >= totalShown();
  const fragment = await encodeLink({
    seed: lab.shell.timeline.config.seed,
    lines,
    lesson: opened?.kind === 'lesson' ? opened.id : null,
    step: opened?.kind === 'lesson' ? opened.step : null,
    at: atEnd ? null : lab.position,
  });
  return `${location.origin}${location.pathname}${location.search}#${fragment}`;
}

function totalShown(): number {
  const t = useLab.getState().shell.timeline;
  const last = t.entries[t.length - 1];
  return last ? last.firstSeq + last.step.events.length : t.bootEvents.length;
}

/** The lines that rebuild the current lab: everything typed since the machine last started. */
export function linesOfCurrentLab(): readonly string[] {
  return useLab.getState().shell.history.slice(-2000);
}
