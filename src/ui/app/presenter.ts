// Presenter mode: a clicker (PageDown/PageUp, arrows, space) walks a lesson.
// A click types the next step's lines and plays their events. A step with a
// question asks it first, with the view still before the step; the next click
// plays the step while the question stays up; the next gives the answer, once
// the room has seen the result (all of the step's events shown). While
// paused (left arrow steps back), each click reveals one micro-step; while
// playing, a click shows the rest of the step.
//
// The caption names the step the playhead is in: the presenter remembers
// where each step's events begin on the timeline (`starts`), so stepping
// back out of a step names the step before, and walking forward into a
// step again asks its question again.

import { useEffect } from 'react';
import { create } from 'zustand';
import type { Lesson } from '../../engine/index.ts';
import { createShell, runLine, solutionOf } from '../../engine/index.ts';
import { totalEvents, useLab } from '../store/labStore.ts';
import { lessonOf, typeIntoLab, useLessons } from '../lessons/lessonStore.ts';
import { shortcutAllowed } from './shortcuts.ts';

interface Presenter {
  /** the lab (its generation) and lesson the marks below belong to */
  readonly generation: number | null;
  readonly lesson: string | null;
  /** starts[k]: the playhead's position just before step k's events, for every step typed so far */
  readonly starts: readonly number[];
  /** asked: the step has not played yet; shown: it plays or has played; answered: the answer is up */
  readonly question: { readonly step: number; readonly stage: 'asked' | 'shown' | 'answered' } | null;
  readonly finished: boolean;
}

export const usePresenter = create<Presenter>()(() => ({ generation: null, lesson: null, starts: [], question: null, finished: false }));

/** The question on the stage: its words, from the lesson step it belongs to. */
export function useQuestion(): { readonly text: string; readonly answer: string; readonly stage: 'asked' | 'shown' | 'answered' } | null {
  const question = usePresenter((s) => s.question);
  const opened = useLessons((s) => s.opened);
  const custom = useLessons((s) => s.custom);
  if (!question || opened?.kind !== 'lesson') return null;
  const ask = lessonOf(opened, custom)?.steps[question.step]?.ask;
  return ask ? { text: ask.question, answer: ask.answer, stage: question.stage } : null;
}

/**
 * Where each of the first `count` steps began when the lesson was opened at
 * a later step (their solutions were replayed on a fresh lab): the same lines
 * on the same machine record the same events.
 */
function replayedStarts(lesson: Lesson, count: number): number[] {
  let shell = createShell({ ...useLab.getState().shell.timeline.config });
  const starts: number[] = [];
  for (const step of lesson.steps.slice(0, count)) {
    starts.push(totalEvents(shell));
    for (const line of solutionOf(step)) shell = runLine(shell, line).shell;
  }
  return starts;
}

interface Walk {
  readonly lesson: Lesson;
  /** the step the caption names */
  readonly at: number;
  readonly p: Presenter;
}

/** The open lesson and the presenter's marks for this lab, made afresh when a new lab or lesson was opened. */
function walk(): Walk | null {
  const opened = useLessons.getState().opened;
  if (opened?.kind !== 'lesson') return null;
  const lesson = lessonOf(opened, useLessons.getState().custom);
  if (!lesson) return null;
  const lab = useLab.getState();
  let p = usePresenter.getState();
  if (p.generation !== lab.generation || p.lesson !== lesson.id) {
    p = { generation: lab.generation, lesson: lesson.id, starts: replayedStarts(lesson, opened.step), question: null, finished: false };
    usePresenter.setState(p);
  }
  // a line typed in the past branched the timeline: steps recorded after it are gone
  const total = totalEvents(lab.shell);
  if (p.starts.some((s) => s > total)) {
    p = { ...p, starts: p.starts.filter((s) => s <= total) };
    usePresenter.setState({ starts: p.starts });
  }
  return { lesson, at: opened.step, p };
}

/** Where step `k`'s events end: where the next typed step begins, or the end of the timeline. */
function endOf(p: Presenter, k: number): number {
  return p.starts[k + 1] ?? totalEvents(useLab.getState().shell);
}

/** The step whose events the playhead is in (the playhead just after an event of it, or at its end). */
function stepAt(p: Presenter, position: number): number {
  let k = 0;
  for (let i = 0; i < p.starts.length; i++) if (p.starts[i]! < position) k = i;
  return k;
}

/** Name step `k` in the caption (the lesson's open step), as the next step or any other. */
function showStep(k: number): void {
  const opened = useLessons.getState().opened;
  if (opened?.kind !== 'lesson' || opened.step === k) return;
  if (k === opened.step + 1) useLessons.getState().nextStep();
  else useLessons.setState({ opened: { ...opened, step: k }, hintsShown: 0, met: null, metAt: null });
}

/** Ask step `k`'s question with the view just before its events. */
function ask(k: number): void {
  usePresenter.setState({ question: { step: k, stage: 'asked' }, finished: false });
}

/** Type step `k`'s lines: its question first if it has one, else its events play at once. */
function typeStep(w: Walk, k: number): void {
  const from = useLab.getState().position;
  const starts = [...w.p.starts.slice(0, k), from];
  usePresenter.setState({ starts, question: null, finished: false });
  for (const line of solutionOf(w.lesson.steps[k]!)) typeIntoLab(line);
  const lab = useLab.getState();
  if (w.lesson.steps[k]!.ask) {
    // nothing of the step shows while the room thinks about the question
    lab.showAt(from);
    ask(k);
  } else lab.playTo(totalEvents(lab.shell));
}

/** Step `k` again, typed before: its question first, else its recorded events play. */
function replayStep(w: Walk, k: number): void {
  if (w.lesson.steps[k]!.ask) ask(k);
  else useLab.getState().playTo(endOf(w.p, k));
}

export function presenterNext(): void {
  const lab = useLab.getState();
  const wasPlaying = lab.playing && lab.position < totalEvents(lab.shell);
  lab.setPlaying(false);
  const w = walk();
  if (!w) {
    // no lesson: the clicker walks the timeline
    if (lab.position < totalEvents(lab.shell)) {
      if (wasPlaying) lab.catchUp();
      else lab.stepForward();
    }
    return;
  }
  const { p, lesson } = w;
  const q = p.question;
  if (q?.stage === 'asked') {
    // the room has thought about it: now show the step
    usePresenter.setState({ question: { ...q, stage: 'shown' } });
    useLab.getState().playTo(endOf(p, q.step));
    return;
  }
  if (q?.stage === 'shown') {
    // the answer comes with the result on screen: every event of the step shown first
    const end = endOf(p, q.step);
    if (useLab.getState().position < end) useLab.getState().seek(end);
    usePresenter.setState({ question: { ...q, stage: 'answered' } });
    return;
  }
  if (q) usePresenter.setState({ question: null });
  let at = w.at;
  const position = useLab.getState().position;
  const inStep = at < p.starts.length ? position >= p.starts[at]! && position <= endOf(p, at) : position >= totalEvents(useLab.getState().shell);
  // the playhead was moved another way (the timeline's controls): the caption follows it first
  if (!inStep) {
    at = stepAt(p, position);
    showStep(at);
  }
  if (at >= p.starts.length) {
    typeStep(w, at);
    return;
  }
  const end = endOf(p, at);
  if (position < end) {
    // at the very start of a step with a question (after going back before it): ask it again
    if (position === p.starts[at] && lesson.steps[at]!.ask && !q) ask(at);
    else if (wasPlaying) useLab.getState().seek(end);
    else useLab.getState().stepForward();
    return;
  }
  if (at + 1 >= lesson.steps.length) {
    usePresenter.setState({ finished: true });
    return;
  }
  showStep(at + 1);
  if (at + 1 < p.starts.length) replayStep(w, at + 1);
  else typeStep(w, at + 1);
}

export function presenterBack(): void {
  const lab = useLab.getState();
  lab.setPlaying(false);
  const w = walk();
  if (!w) {
    lab.stepBack();
    return;
  }
  const { p } = w;
  const q = p.question;
  usePresenter.setState({ finished: false });
  if (q?.stage === 'answered') {
    usePresenter.setState({ question: { ...q, stage: 'shown' } });
    return;
  }
  if (q?.stage === 'shown') {
    // the step's events go: the view is back before the step, the question still up
    usePresenter.setState({ question: { ...q, stage: 'asked' } });
    lab.seek(p.starts[q.step] ?? lab.position);
    return;
  }
  if (q?.stage === 'asked') {
    // before the question: the end of the step before (the first step's question has nothing before it)
    if (q.step === 0) return;
    usePresenter.setState({ question: null });
    showStep(q.step - 1);
    return;
  }
  lab.stepBack();
  showStep(stepAt(p, useLab.getState().position));
}

/** Keys a clicker or a keyboard sends: forward and back. */
export function usePresenterKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      // the presenter types live too: a key meant for the terminal or a field is never a clicker's
      if (!shortcutAllowed(e)) return;
      if (['ArrowRight', 'PageDown', ' ', 'Enter', 'ArrowDown'].includes(e.key)) {
        e.preventDefault();
        presenterNext();
      } else if (['ArrowLeft', 'PageUp', 'Backspace', 'ArrowUp'].includes(e.key)) {
        e.preventDefault();
        presenterBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
