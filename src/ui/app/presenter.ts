// Presenter mode: a clicker (PageDown/PageUp, arrows, space) walks a lesson.
// A click types the next step's lines and plays their events. A step with a
// question asks it first, with the view still before the step; the next click
// plays the step while the question stays up; the next gives the answer, once
// the room has seen the result (all of the step's events shown). While
// paused (left arrow steps back), each click reveals one micro-step; while
// playing, a click shows the rest of the step.

import { useEffect } from 'react';
import { create } from 'zustand';
import { solutionOf } from '../../engine/index.ts';
import { totalEvents, useLab } from '../store/labStore.ts';
import { lessonOf, useLessons } from '../lessons/lessonStore.ts';
import { typeIntoLab } from '../lessons/LessonPanel.tsx';

interface Presenter {
  /** the lesson step whose lines are typed already */
  readonly typed: number | null;
  /** asked: the step has not played yet; shown: it plays or has played; answered: the answer is up */
  readonly question: {
    readonly text: string;
    readonly answer: string;
    readonly stage: 'asked' | 'shown' | 'answered';
    /** the playhead before the step's events, where Back returns to */
    readonly from: number;
  } | null;
  readonly finished: boolean;
}

export const usePresenter = create<Presenter>()(() => ({ typed: null, question: null, finished: false }));

export function presenterNext(): void {
  const p = usePresenter.getState();
  const lab = useLab.getState();
  const wasPlaying = lab.playing;
  lab.setPlaying(false);
  if (p.question?.stage === 'asked') {
    // the room has thought about it: now show the step
    usePresenter.setState({ question: { ...p.question, stage: 'shown' } });
    lab.setPlaying(true);
    return;
  }
  if (p.question?.stage === 'shown') {
    // the answer comes with the result on screen: every event of the step shown first
    if (lab.position < totalEvents(lab.shell)) lab.catchUp();
    usePresenter.setState({ question: { ...p.question, stage: 'answered' } });
    return;
  }
  if (p.question) usePresenter.setState({ question: null });
  if (lab.position < totalEvents(lab.shell)) {
    // one event at a time when paused; while playing, Next shows the rest of the step at once
    if (wasPlaying) lab.catchUp();
    else lab.stepForward();
    return;
  }
  const opened = useLessons.getState().opened;
  if (opened?.kind !== 'lesson') return;
  const lesson = lessonOf(opened, useLessons.getState().custom);
  if (!lesson) return;
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
  const from = useLab.getState().position;
  for (const line of solutionOf(current)) typeIntoLab(line);
  // a question pauses the step before its events play; otherwise they play at once
  usePresenter.setState({ typed: step, question: current.ask ? { text: current.ask.question, answer: current.ask.answer, stage: 'asked', from } : null });
  if (!current.ask) lab.setPlaying(true);
}

export function presenterBack(): void {
  const lab = useLab.getState();
  lab.setPlaying(false);
  const question = usePresenter.getState().question;
  if (question) {
    // back through the question's stages: the answer goes, then the step's events, then the question
    if (question.stage === 'asked') usePresenter.setState({ question: null });
    else usePresenter.setState({ question: { ...question, stage: question.stage === 'answered' ? 'shown' : 'asked' } });
    if (question.stage === 'shown') lab.seek(question.from);
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
