// The homework panel (loaded only when first opened): the student's side of an
// assignment (their id, the tasks with their status graded from their own
// lines, an exercise's question for their variant, the hand-in) and the
// teacher's "Make an assignment" form. Every text from the assignment is
// shown as text, never as HTML.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Assignment, Task } from '../../engine/index.ts';
import { ASSIGNMENT_LIMITS, generateExercise } from '../../engine/index.ts';
import { Narration, typeIntoLab } from '../lessons/LessonPanel.tsx';
import { download } from '../share/download.ts';
import { useLab } from '../store/labStore.ts';
import type { Work } from './handIn.ts';
import { buildSubmission, handInCode, handInFile, statusOf, statusText, taskVariant } from './handIn.ts';
import { useHomework } from './homeworkStore.ts';
import { AssignmentMaker } from './AssignmentMaker.tsx';
import '../lessons/lessons.css';
import '../builder/builder.css';
import './homework.css';

const EXERCISE_TITLES = { owner: 'who owns the frame?', select: 'what does select return?' } as const;

/** A task as a student reads it in the list. */
export function taskTitle(task: Task): string {
  switch (task.kind) {
    case 'lesson': return `${task.lesson.number !== undefined ? `Lesson ${task.lesson.number}: ` : 'Lesson: '}${task.lesson.title}`;
    case 'challenge': return `Challenge: ${task.challenge.title}`;
    case 'exercise': return `Exercise: ${EXERCISE_TITLES[task.exercise]}`;
  }
}

/** Read an assignment file the student or teacher picked, refusing what is too large before reading it. */
async function openFile(f: File): Promise<void> {
  if (f.size > ASSIGNMENT_LIMITS.file) {
    useLab.getState().setBanner({ kind: 'error', text: `${f.name.slice(0, 80)} is ${Math.ceil(f.size / 1024)} KiB; an assignment is at most ${ASSIGNMENT_LIMITS.file / 1024} KiB. Nothing was opened.` });
    return;
  }
  useHomework.getState().load(await f.text(), 'file');
}

export function OpenAssignmentButton({ label = 'Open an assignment' }: { label?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <label className="file-button">
      {label}
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
  const setStudent = useHomework((s) => s.setStudent);
  const [editing, setEditing] = useState(current === null);
  const [draft, setDraft] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  if (current !== null && !editing) {
    return (
      <p className="student">
        Student: <strong data-testid="student-id">{current}</strong>
        <button type="button" className="link" onClick={() => { setDraft(current); setEditing(true); }}>change</button>
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
      <label>Your name or student id <input value={draft} onChange={(e) => setDraft(e.currentTarget.value)} maxLength={ASSIGNMENT_LIMITS.student} autoComplete="off" spellCheck={false} /></label>
      <button type="submit" className="primary">Start</button>
      {error && <p className="status error" role="alert">{error}</p>}
    </form>
  );
}

function TaskList({ assignment, student, work }: { assignment: Assignment; student: string; work: Work }) {
  const workTask = useHomework((s) => s.workTask);
  const active = useHomework((s) => s.active);
  const statuses = useMemo(() => assignment.tasks.map((_, i) => statusOf(assignment, student, work, i)), [assignment, student, work]);
  return (
    <ol className="homework-tasks" aria-label="tasks">
      {assignment.tasks.map((task, i) => {
        const status = statuses[i]!;
        return (
          <li key={i} data-testid={`task-${i + 1}`}>
            <span className="task-title"><span className="task-no">{i + 1}.</span> {taskTitle(task)}</span>
            <span className={`task-status ${status.kind}`} data-testid={`task-${i + 1}-status`}>{statusText(status)}</span>
            {active?.task === i && <span className="recording"> (recording)</span>}
            <button type="button" onClick={() => workTask(i)}>{status.kind === 'not-started' ? 'Start' : 'Continue'}<span className="sr-only"> task {i + 1}</span></button>
          </li>
        );
      })}
    </ol>
  );
}

function ExerciseTask({ assignment, student, index }: { assignment: Assignment; student: string; index: number }) {
  const task = assignment.tasks[index];
  const variant = taskVariant(assignment, student, index);
  const answer = useHomework((s) => s.work[index]?.answer ?? '');
  const setAnswer = useHomework((s) => s.setAnswer);
  const exercise = useMemo(() => (task?.kind === 'exercise' && variant !== null ? generateExercise(task.exercise, variant) : null), [task, variant]);
  if (!exercise || task?.kind !== 'exercise') return null;
  return (
    <section className="homework-exercise" aria-labelledby="exercise-title">
      <h4 id="exercise-title">Task {index + 1}: {EXERCISE_TITLES[task.exercise]} <span className="figure" data-testid="variant">variant {variant}</span></h4>
      <p className="text" data-testid="exercise-question">{exercise.question}</p>
      <ol className="lines script">
        {exercise.script.map((line, i) => <li key={i}><code>{line}</code></li>)}
      </ol>
      <div className="row">
        <button type="button" onClick={() => { for (const line of exercise.script) typeIntoLab(line); }}>Try it in the lab</button>
      </div>
      <label className="answer-field">Your answer <input value={answer} maxLength={200} onChange={(e) => setAnswer(index, e.currentTarget.value)} autoComplete="off" /></label>
      <p className="note">Your answer is kept as you type; it is checked when your teacher grades the hand-in.</p>
    </section>
  );
}

function HandIn({ assignment, student, work }: { assignment: Assignment; student: string; work: Work }) {
  const [kept, setMade] = useState<{ from: Work; made: { name: string; code: string } | { error: string } } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // a code made from older work is not shown as if it were the work now
  const made = kept?.from === work ? kept.made : null;
  const handIn = async () => {
    const built = buildSubmission(assignment, student, work);
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
      <h4 id="handin-title">Hand in</h4>
      <p className="note">Hand-in writes a small file with the lines you typed for each task; nothing leaves this computer unless you send it.</p>
      <div className="row"><button type="button" className="primary" onClick={() => void handIn()}>Hand in</button></div>
      {made && 'error' in made && <p className="status error" role="alert">{made.error}</p>}
      {made && 'code' in made && (
        <>
          <p className="status" role="status">Saved {made.name}. Send that file to your teacher, or paste this code where your course takes text:</p>
          <textarea className="handin-code" readOnly value={made.code} rows={3} aria-label="hand-in code" data-testid="handin-code" onFocus={(e) => e.currentTarget.select()} />
          <div className="row">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(made.code).then(() => setCopied(made.code), () => setCopied(null))}>Copy the code</button>
            {copied === made.code && <span className="done" role="status">copied</span>}
          </div>
        </>
      )}
    </section>
  );
}

function StudentSide({ assignment }: { assignment: Assignment }) {
  const student = useHomework((s) => s.student);
  const work = useHomework((s) => s.work);
  const focus = useHomework((s) => s.focus);
  return (
    <div className="lesson builder homework">
      <h3 data-testid="assignment-title">{assignment.title}</h3>
      {assignment.due && <p className="due">Due: {assignment.due}</p>}
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
        <h2 id="homework-title" ref={heading} tabIndex={-1}>{maker ? 'Make an assignment' : 'Homework'}</h2>
        <div className="view-tools">
          {maker ? (assignment && <button type="button" onClick={() => show('assignment')}>Back to the assignment</button>) : <button type="button" onClick={() => show('maker')}>Make an assignment</button>}
          <button type="button" onClick={() => show(null)} aria-label="close the homework panel">Close</button>
        </div>
      </header>
      <div className="view-body">
        {maker ? <AssignmentMaker /> : assignment ? <StudentSide assignment={assignment} /> : (
          <div className="lesson homework">
            <p className="text">An assignment is a file or a link from your teacher: a few lessons, challenges and exercises. The lab keeps the lines you type for each, and grades them as your teacher will.</p>
          </div>
        )}
        <div className="row homework-open">
          <OpenAssignmentButton label={assignment ? 'Open another assignment' : 'Open an assignment'} />
        </div>
      </div>
    </section>
  );
}
