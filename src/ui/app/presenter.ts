// Presenter mode: a clicker (PageDown/PageUp, arrows, space) walks a lesson.
// A click types the next step's lines and plays their events; a step with a
// question pauses on it first, the next click reveals the answer, and the
// next plays the step. While paused (left arrow steps back), each click
// reveals one micro-step; while playing, a click shows the rest of the step.

import { useEffect } from 'react';
import { create } from 'zustand';
import { findLesson, solutionOf } from '../../engine/index.ts';
import { totalEvents, useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { typeIntoLab } from '../lessons/LessonPanel.tsx';

interface Presenter {
  /** the lesson step whose lines are typed already */
  readonly typed: number | null;
  readonly question: { readonly text: string; readonly answer: string; readonly revealed: boolean } | null;
  readonly finished: boolean;
}

export const usePresenter = create<Presenter>()(() => ({ typed: null, question: null, finished: false }));

export function presenterNext(): void {
  const p = usePresenter.getState();
  const lab = useLab.getState();
  const wasPlaying = lab.playing;
  lab.setPlaying(false);
  if (p.question) {
    if (!p.question.revealed) {
      usePresenter.setState({ question: { ...p.question, revealed: true } });
    } else {
      // the room has answered: now let the step's events play
      usePresenter.setState({ question: null });
      lab.setPlaying(true);
    }
    return;
  }
  if (lab.position < totalEvents(lab.shell)) {
    // one event at a time when paused; while playing, Next shows the rest of the step at once
    if (wasPlaying) lab.catchUp();
    else lab.stepForward();
    return;
  }
  const opened = useLessons.getState().opened;
  if (opened?.kind !== 'lesson') return;
  const lesson = findLesson(opened.id)!;
  let step = opened.step;
  if (p.typed === step) {
    if (step + 1 >= lesson.steps.length) {
      usePresenter.setState({ finished: true });
      return;
    }
    useLessons.getState().nextStep();
    step += 1;
  }
  const current = lesson.steps[step]!;
  for (const line of solutionOf(current)) typeIntoLab(line);
  // a question pauses the step before its events play; otherwise they play at once
  usePresenter.setState({ typed: step, question: current.ask ? { text: current.ask.question, answer: current.ask.answer, revealed: false } : null });
  if (!current.ask) lab.setPlaying(true);
}

export function presenterBack(): void {
  const lab = useLab.getState();
  lab.setPlaying(false);
  if (usePresenter.getState().question) {
    usePresenter.setState({ question: null });
    return;
  }
  lab.stepBack();
}

/** Keys a clicker or a keyboard sends: forward and back. */
export function usePresenterKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
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
