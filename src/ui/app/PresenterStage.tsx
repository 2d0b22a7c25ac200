// What a presenter's audience sees above the stage: the lesson step in large
// type, at the height of the lesson's longest step so the views below never
// move while it changes and no step is cut short; and
// the question for the room, shown beside the Memory view (never over it).

import { lessonOf, useLessons } from '../lessons/lessonStore.ts';
import { presenterBack, presenterNext, usePresenter, useQuestion } from './presenter.ts';
import { LAB_NAME, useT } from './language.ts';

export function PresenterStage() {
  const t = useT();
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
            <span className="presenter-lesson">
              {t('app.presenter.step', {
                lesson: lesson.number !== undefined && !(opened?.kind === 'lesson' && opened.custom) ? t('app.presenter.lesson', { number: lesson.number }) : lesson.title,
                step: (opened as { step: number }).step + 1,
                steps: lesson.steps.length,
              })}
            </span>{' '}
            {step.title}
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
          <h2>{LAB_NAME}</h2>
          <p className="presenter-text current">{t('app.presenter.none')}</p>
        </div>
      )}
      <div className="presenter-keys">
        {finished && <p className="presenter-end" role="status">{t('app.presenter.end')}</p>}
        <button type="button" onClick={presenterBack} aria-label={t('app.presenter.back')}>{t('app.presenter.back.button')}</button>
        <button type="button" onClick={presenterNext} aria-label={t('app.presenter.next')}>{t('app.presenter.next.button')}</button>
      </div>
    </div>
  );
}

/** The question for the room: asked before the step's events play, answered once they have played. */
export function QuestionCard() {
  const t = useT();
  const question = useQuestion();
  if (!question) return null;
  return (
    <div className="presenter-question" role="dialog" aria-label={t('app.question.label')} aria-live="assertive">
      <p className="q">{question.text}</p>
      {question.stage === 'answered' ? (
        <p className="a">{question.answer}</p>
      ) : (
        <p className="press">{t(question.stage === 'asked' ? 'app.question.asked' : 'app.question.shown')}</p>
      )}
    </div>
  );
}
