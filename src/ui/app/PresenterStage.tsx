// What a presenter's audience sees above the views: the lesson step in large
// type, and the question for the room when the step pauses on one.

import { findLesson } from '../../engine/index.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { presenterBack, presenterNext, usePresenter } from './presenter.ts';

export function PresenterStage() {
  const opened = useLessons((s) => s.opened);
  const question = usePresenter((s) => s.question);
  const finished = usePresenter((s) => s.finished);
  const lesson = opened?.kind === 'lesson' ? findLesson(opened.id) : undefined;
  const step = lesson && opened?.kind === 'lesson' ? lesson.steps[opened.step] : undefined;
  return (
    <div className="presenter-stage">
      {lesson && step ? (
        <div className="presenter-step">
          <p className="presenter-lesson">Lesson {lesson.number}: {lesson.title} · step {(opened as { step: number }).step + 1} of {lesson.steps.length}</p>
          <h2>{step.title}</h2>
          <p>{step.text}</p>
        </div>
      ) : (
        <div className="presenter-step">
          <h2>lparlab</h2>
          <p>Open a lesson with ?present&amp;lesson=flip (or any lesson id) to present it.</p>
        </div>
      )}
      {question && (
        <div className="presenter-question" role="dialog" aria-label="question for the room" aria-live="assertive">
          <p className="q">Question for the room: {question.text}</p>
          {question.revealed ? <p className="a">{question.answer}</p> : <p className="press">Next reveals the answer.</p>}
        </div>
      )}
      {finished && <p className="presenter-end" role="status">End of the lesson.</p>}
      <div className="presenter-keys">
        <button type="button" onClick={presenterBack} aria-label="back">Back</button>
        <button type="button" onClick={presenterNext} aria-label="next">Next</button>
      </div>
    </div>
  );
}
