// The homework panel (loaded only when first opened): the student's side of an
// assignment (their id, the tasks with their status graded from their own
// lines, an exercise's question for their variant, the hand-in) and the
// teacher's "Make an assignment" form. Every text from the assignment is
// shown as text, never as HTML.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Assignment, Task } from '../../engine/index.ts';
import { ASSIGNMENT_LIMITS, generateExercise } from '../../engine/index.ts';
import { Narration } from '../lessons/LessonPanel.tsx';
import { typeIntoLab } from '../lessons/lessonStore.ts';
import { EXERCISE_TITLES } from '../lessons/exerciseTitles.ts';
import { download } from '../share/download.ts';
import { useLab } from '../store/labStore.ts';
import type { Work } from './handIn.ts';
import { buildSubmission, handInCode, handInFile, statusOf, statusText, taskVariant } from './handIn.ts';
import { useHomework } from './homeworkStore.ts';
import { AssignmentMaker } from './AssignmentMaker.tsx';
import { useLanguage, useT } from '../app/language.ts';
import { readyForAssignment } from '../app/builtinLanguages.ts';
import type { Translate } from '../../i18n/translate.ts';
import { exerciseIn } from '../../i18n/wordsIn.ts';
import '../lessons/lessons.css';
import '../builder/builder.css';
import './homework.css';
import { fillSlots, slot } from '../app/slots.tsx';

/** A task as a student reads it in the list. */
export function taskTitle(t: Translate, task: Task): string {
  switch (task.kind) {
    case 'lesson': return task.lesson.number !== undefined ? t('lesson.numbered', { number: task.lesson.number, title: task.lesson.title }) : t('homework.task.lesson', { title: task.lesson.title });
    case 'challenge': return t('lesson.challenge.title', { title: task.challenge.title });
    case 'exercise': return t('lesson.exercise.title', { title: t(EXERCISE_TITLES[task.exercise]) });
  }
}

/** Read an assignment file the student or teacher picked, refusing what is too large before reading it. */
async function openFile(f: File): Promise<void> {
  if (f.size > ASSIGNMENT_LIMITS.file) {
    const t = useLanguage.getState().t;
    useLab.getState().setBanner({ kind: 'error', text: t('homework.file.tooLarge', { name: f.name.slice(0, 80), kib: Math.ceil(f.size / 1024), limit: ASSIGNMENT_LIMITS.file / 1024 }) });
    return;
  }
  const text = await f.text();
  await readyForAssignment(text);
  useHomework.getState().load(text, 'file');
}

export function OpenAssignmentButton({ label }: { label?: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <label className="file-button">
      {label ?? t('homework.open')}
      <input
        ref={input} type="file" accept=".json,application/json" data-testid="assignment-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openFile(f).finally(() => { if (input.current) input.current.value = ''; });
        }}
      />
    </label>
  );
}

function StudentForm({ current }: { current: string | null }) {
  const t = useT();
  const setStudent = useHomework((s) => s.setStudent);
  const [editing, setEditing] = useState(current === null);
  const [draft, setDraft] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  if (current !== null && !editing) {
    return (
      <p className="student">
        {fillSlots(t('homework.student', { student: slot(0) }), [<strong key="student" data-testid="student-id">{current}</strong>])}
        <button type="button" className="link" onClick={() => { setDraft(current); setEditing(true); }}>{t('homework.student.change')}</button>
      </p>
    );
  }
  return (
    <form
      className="row student-form"
      onSubmit={(e) => {
        e.preventDefault();
        const why = setStudent(draft);
        setError(why);
        if (why === null) setEditing(false);
      }}
    >
      <label>{t('homework.student.label')} <input value={draft} onChange={(e) => setDraft(e.currentTarget.value)} maxLength={ASSIGNMENT_LIMITS.student} autoComplete="off" spellCheck={false} /></label>
      <button type="submit" className="primary">{t('homework.student.start')}</button>
      {error && <p className="status error" role="alert">{error}</p>}
    </form>
  );
}

function TaskList({ assignment, student, work }: { assignment: Assignment; student: string; work: Work }) {
  const t = useT();
  const workTask = useHomework((s) => s.workTask);
  const active = useHomework((s) => s.active);
  const statuses = useMemo(() => assignment.tasks.map((_, i) => statusOf(assignment, student, work, i)), [assignment, student, work]);
  return (
    <ol className="homework-tasks" aria-label={t('homework.tasks.label')}>
      {assignment.tasks.map((task, i) => {
        const status = statuses[i]!;
        return (
          <li key={i} data-testid={`task-${i + 1}`}>
            <span className="task-title"><span className="task-no">{i + 1}.</span> {taskTitle(t, task)}</span>
            <span className={`task-status ${status.kind}`} data-testid={`task-${i + 1}-status`}>{statusText(t, status)}</span>
            {active?.task === i && <span className="recording"> {t('homework.task.recording')}</span>}
            <button type="button" onClick={() => workTask(i)}>{status.kind === 'not-started' ? t('homework.task.start') : t('homework.task.continue')}<span className="sr-only"> {t('homework.task.which', { n: i + 1 })}</span></button>
          </li>
        );
      })}
    </ol>
  );
}

function ExerciseTask({ assignment, student, index }: { assignment: Assignment; student: string; index: number }) {
  const t = useT();
  const task = assignment.tasks[index];
  const variant = taskVariant(assignment, student, index);
  const answer = useHomework((s) => s.work[index]?.answer ?? '');
  const setAnswer = useHomework((s) => s.setAnswer);
  const exercise = useMemo(() => (task?.kind === 'exercise' && variant !== null ? generateExercise(task.exercise, variant) : null), [task, variant]);
  if (!exercise || task?.kind !== 'exercise') return null;
  return (
    <section className="homework-exercise" aria-labelledby="exercise-title">
      <h4 id="exercise-title">{t('homework.exercise.title', { n: index + 1, title: t(EXERCISE_TITLES[task.exercise]) })} <span className="figure" data-testid="variant">{t('homework.exercise.variant', { variant })}</span></h4>
      <p className="text" data-testid="exercise-question">{exerciseIn(t, exercise).question}</p>
      <ol className="lines script">
        {exercise.script.map((line, i) => <li key={i}><code>{line}</code></li>)}
      </ol>
      <div className="row">
        <button type="button" onClick={() => { for (const line of exercise.script) typeIntoLab(line); }}>{t('homework.exercise.try')}</button>
      </div>
      <label className="answer-field">{t('homework.exercise.answer')} <input value={answer} maxLength={200} onChange={(e) => setAnswer(index, e.currentTarget.value)} autoComplete="off" /></label>
      <p className="note">{t('homework.exercise.note')}</p>
    </section>
  );
}

function HandIn({ assignment, student, work }: { assignment: Assignment; student: string; work: Work }) {
  const t = useT();
  const [kept, setMade] = useState<{ from: Work; made: { name: string; code: string } | { error: string } } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // a code made from older work is not shown as if it were the work now
  const made = kept?.from === work ? kept.made : null;
  const handIn = async () => {
    const built = buildSubmission(assignment, student, work, t);
    if (!built.ok) {
      setMade({ from: work, made: { error: built.message } });
      return;
    }
    const file = handInFile(built.submission);
    download(file.name, file.text, 'application/json');
    setMade({ from: work, made: { name: file.name, code: await handInCode(file.text) } });
  };
  return (
    <section className="homework-handin" aria-labelledby="handin-title">
      <h4 id="handin-title">{t('homework.handIn.title')}</h4>
      <p className="note">{t('homework.handIn.note')}</p>
      <div className="row"><button type="button" className="primary" onClick={() => void handIn()}>{t('homework.handIn')}</button></div>
      {made && 'error' in made && <p className="status error" role="alert">{made.error}</p>}
      {made && 'code' in made && (
        <>
          <p className="status" role="status">{t('homework.handIn.saved', { name: made.name })}</p>
          <textarea className="handin-code" readOnly value={made.code} rows={3} aria-label={t('homework.handIn.code')} data-testid="handin-code" onFocus={(e) => e.currentTarget.select()} />
          <div className="row">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(made.code).then(() => setCopied(made.code), () => setCopied(null))}>{t('homework.handIn.copy')}</button>
            {copied === made.code && <span className="done" role="status">{t('homework.handIn.copied')}</span>}
          </div>
        </>
      )}
    </section>
  );
}

function StudentSide({ assignment }: { assignment: Assignment }) {
  const t = useT();
  const student = useHomework((s) => s.student);
  const work = useHomework((s) => s.work);
  const focus = useHomework((s) => s.focus);
  return (
    <div className="lesson builder homework">
      <h3 data-testid="assignment-title">{assignment.title}</h3>
      {assignment.due && <p className="due">{t('homework.due', { due: assignment.due })}</p>}
      <Narration text={assignment.instructions} />
      <StudentForm key={student ?? ''} current={student} />
      {student && (
        <>
          <TaskList assignment={assignment} student={student} work={work} />
          {focus !== null && assignment.tasks[focus]?.kind === 'exercise' && <ExerciseTask key={focus} assignment={assignment} student={student} index={focus} />}
          <HandIn assignment={assignment} student={student} work={work} />
        </>
      )}
    </div>
  );
}

export default function HomeworkPanel() {
  const t = useT();
  const assignment = useHomework((s) => s.assignment);
  const panel = useHomework((s) => s.panel);
  const show = useHomework((s) => s.show);
  const maker = panel === 'maker';
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.activeElement?.closest('.terminal-pane')) heading.current?.focus();
  }, [maker]);
  return (
    <section className="view lesson-view homework-view" aria-labelledby="homework-title" data-view="homework">
      <header className="view-head">
        <h2 id="homework-title" ref={heading} tabIndex={-1}>{maker ? t('homework.make') : t('homework.title')}</h2>
        <div className="view-tools">
          {maker ? (assignment && <button type="button" onClick={() => show('assignment')}>{t('homework.back')}</button>) : <button type="button" onClick={() => show('maker')}>{t('homework.make')}</button>}
          <button type="button" onClick={() => show(null)} aria-label={t('homework.close.label')}>{t('lesson.panel.close')}</button>
        </div>
      </header>
      <div className="view-body">
        {maker ? <AssignmentMaker /> : assignment ? <StudentSide assignment={assignment} /> : (
          <div className="lesson homework">
            <p className="text">{t('homework.about')}</p>
          </div>
        )}
        <div className="row homework-open">
          <OpenAssignmentButton label={assignment ? t('homework.openAnother') : t('homework.open')} />
        </div>
      </div>
    </section>
  );
}
