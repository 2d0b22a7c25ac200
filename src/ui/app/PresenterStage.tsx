// What a presenter's audience sees above the stage: the lesson step in large
// type, at the height of the lesson's longest step so the views below never
// move while it changes and no step is cut short; and
// the question for the room, shown beside the Memory view (never over it).

import { lessonOf, useLessons } from '../lessons/lessonStore.ts';
import { presenterBack, presenterNext, usePresenter, useQuestion } from './presenter.ts';

export function PresenterStage() {
  const opened = useLessons((s) => s.opened);
  const finished = usePresenter((s) => s.finished);
  const custom = useLessons((s) => s.custom);
  const lesson = opened?.kind === 'lesson' ? lessonOf(opened, custom) : undefined;
  const step = lesson && opened?.kind === 'lesson' ? lesson.steps[opened.step] : undefined;
  return (
    <div className="presenter-stage">
      {lesson && step ? (
        <div className="presenter-step">
          <h2>
            <span className="presenter-lesson">{lesson.number !== undefined && !(opened?.kind === 'lesson' && opened.custom) ? `Lesson ${lesson.number}` : lesson.title}, step {(opened as { step: number }).step + 1} of {lesson.steps.length}:</span> {step.title}
          </h2>
          {/* every step's text in one cell: the tallest sets the height, so the stage below keeps its size
              from step to step and no step's text is cut; only the current one is seen */}
          <div className="presenter-texts">
            {lesson.steps.map((s, i) => (
              <p key={i} className={i === (opened as { step: number }).step ? 'presenter-text current' : 'presenter-text'} aria-hidden={i === (opened as { step: number }).step ? undefined : true}>{s.text}</p>
            ))}
          </div>
        </div>
      ) : (
        <div className="presenter-step">
          <h2>lparlab</h2>
          <p className="presenter-text current">Open a lesson with ?present&amp;lesson=flip (or any lesson id) to present it.</p>
        </div>
      )}
      <div className="presenter-keys">
        {finished && <p className="presenter-end" role="status">End of the lesson.</p>}
        <button type="button" onClick={presenterBack} aria-label="back">Back</button>
        <button type="button" onClick={presenterNext} aria-label="next">Next</button>
      </div>
    </div>
  );
}

/** The question for the room: asked before the step's events play, answered once they have played. */
export function QuestionCard() {
  const question = useQuestion();
  if (!question) return null;
  return (
    <div className="presenter-question" role="dialog" aria-label="question for the room" aria-live="assertive">
      <p className="q">{question.text}</p>
      {question.stage === 'answered' ? (
        <p className="a">{question.answer}</p>
      ) : (
        <p className="press">{question.stage === 'asked' ? 'Next shows the step; watch the Memory view.' : 'Next gives the answer.'}</p>
      )}
    </div>
  );
}
