// The lesson panel: pick a lesson, a challenge or an exercise; follow a
// lesson step by step with its checks ticking as the machine changes; ask
// for a hint or the solution. Text comes from the lesson data and the
// student's own typing, always as text, never as HTML.

import { announce } from '../app/Announcer.tsx';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Challenge, Lesson, RuleResult, StepCheck } from '../../engine/index.ts';
import { CHALLENGES, checkStep, EXERCISE_KINDS, generateExercise, latch, LESSONS, solutionOf } from '../../engine/index.ts';
import type { ExerciseKind } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { challengeOf, lessonOf, progressKey, useLessons } from './lessonStore.ts';
import { progressFile } from './progress.ts';
import type { Standing } from './standing.ts';
import { standingOf, standingText } from './standing.ts';
import { download } from '../share/download.ts';
import { BuilderPanel } from '../builder/BuilderPanel.tsx';
import { useBuilder } from '../builder/builderStore.ts';
import { readLessonFile } from './customLesson.ts';
import './lessons.css';

/** Type a line into the terminal as if by keyboard, so the student sees it; without a terminal, run it directly. */
export function typeIntoLab(line: string): void {
  useLab.getState().typeLine(line);
}

function useCheck(rules: Parameters<typeof checkStep>[0] | null, startLine: number, since: number): StepCheck | null {
  const shell = useLab((s) => s.shell);
  const outputs = useLab((s) => s.outputs);
  return useMemo(() => (rules ? checkStep(rules, shell, outputs.filter((o) => o.line > startLine), since) : null), [rules, shell, outputs, startLine, since]);
}

function Checks({ check }: { check: StepCheck }) {
  const setHighlight = useLab((s) => s.setHighlight);
  // a check that ticks is said aloud (the list itself is not a live region: it is redrawn on every line)
  const passed = useRef<readonly boolean[]>(check.results.map((r) => r.ok));
  useEffect(() => {
    const now = check.results.map((r) => r.ok);
    check.results.forEach((r, i) => r.ok && passed.current[i] === false && announce(`check passed: ${r.says}`));
    passed.current = now;
  }, [check]);
  return (
    <ul className="checks" aria-label="checks">
      {check.results.map((r: RuleResult, i) => (
        <li key={i} className={r.ok ? 'ok' : 'todo'}>
          <span className="mark" aria-hidden="true">{r.ok ? '✓' : '○'}</span>
          <span className="sr-only">{r.ok ? 'passed: ' : 'not yet: '}</span>
          {r.says}
          {!r.ok && r.why && <span className="why">: {r.why}</span>}
          {!r.ok && r.highlight && r.highlight.view !== 'terminal' && (
            <button type="button" className="link" onClick={() => setHighlight(r.highlight ?? null)}>show me</button>
          )}
        </li>
      ))}
    </ul>
  );
}

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <ol className="lines">
      {lines.map((line, i) => (
        <li key={i}>
          <code>{line}</code>
          <button type="button" className="link" onClick={() => typeIntoLab(line)} aria-label={`type ${line}`}>type it</button>
        </li>
      ))}
    </ol>
  );
}

/** Narration as text: a blank line starts a paragraph, `backticks` mark code. Never HTML. */
export function Narration({ text, className = 'text' }: { text: string; className?: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((para, i) => (
        <p key={i} className={className}>
          {para.split('`').map((part, j) => (j % 2 === 1 ? <code key={j}>{part}</code> : part))}
        </p>
      ))}
    </>
  );
}

function Hints({ hints, shown }: { hints: readonly string[]; shown: number }) {
  if (shown === 0) return null;
  return (
    <ol className="hints" aria-label="hints" aria-live="polite">
      {hints.slice(0, shown).map((h, i) => <li key={i} className="hint">Hint {i + 1} of {hints.length}: {h}</li>)}
    </ol>
  );
}

/** The last step met: the lesson is complete only if no step before it was skipped. */
const lastWords = (s: Standing) =>
  s.done ? 'Lesson complete. Well done.' : `Last step done. Skipped: step${s.skipped.length === 1 ? '' : 's'} ${s.skipped.join(', ')}: the lesson is done when every step is met.`;

const hintLabel = (shown: number, count: number) => (shown === 0 ? 'Hint' : shown < count ? 'Another hint' : 'Hide hints');

function LessonStepView({ lesson, step, startLine, since, custom }: { lesson: Lesson; step: number; startLine: number; since: number; custom: boolean }) {
  const current = lesson.steps[step]!;
  const { openLesson, openCustom, nextStep, moreHint, hintsShown, met, openBuilder, progress } = useLessons();
  const hasDraft = useBuilder((s) => s.draft !== null);
  const file = useLessons((s) => s.custom);
  const live = useCheck(current.check, startLine, since);
  // a step met once stays met: typing ahead never unticks it
  const check = live && latch(live, met);
  const last = step + 1 >= lesson.steps.length;
  const nextLesson = lesson.number !== undefined && !custom ? LESSONS.find((l) => l.number === lesson.number! + 1) : undefined;
  const reopen = (at: number) => (custom && file ? openCustom(file, at) : openLesson(lesson.id, at));
  return (
    <div className="lesson">
      <h3>
        {lesson.number !== undefined && !custom ? `Lesson ${lesson.number}: ` : ''}{lesson.title} <span className="figure">{lesson.figure}</span>
      </h3>
      <p className="step-count">Step {step + 1} of {lesson.steps.length}: <strong>{current.title}</strong></p>
      <div className="row nav">
        <button type="button" onClick={() => reopen(step - 1)} disabled={step === 0} title="starts the previous step again on a fresh lab">Previous step</button>
        {check?.passed
          ? <button type="button" onClick={nextStep} disabled={last} className="primary" title="goes on with your lab as it is">Next step</button>
          : <button type="button" onClick={() => reopen(step + 1)} disabled={last} title="starts the next step on a fresh lab, with this one done for you">Skip step</button>}
        {last && nextLesson && <button type="button" className="primary" onClick={() => openLesson(nextLesson.id)}>Next lesson: {nextLesson.title}</button>}
        <button type="button" onClick={moreHint}>{hintLabel(hintsShown, current.hints.length)}</button>
        <button type="button" onClick={() => { reopen(step); for (const line of solutionOf(current)) typeIntoLab(line); }}>Show solution</button>
        {custom && hasDraft && <button type="button" onClick={openBuilder}>Back to the builder</button>}
      </div>
      <Narration text={current.text} />
      {current.ask && <StepQuestion key={`${lesson.id}:${step}`} ask={current.ask} done={!!check?.passed} />}
      <p className="do">Type:</p>
      <Lines lines={current.type} />
      {check && <Checks check={check} />}
      <p className="status" aria-live="polite">{check?.passed ? (last ? lastWords(standingOf([...(progress.lessons[progressKey(lesson.id, custom)] ?? []), step], lesson.steps.length)) : 'Step done: go on when ready.') : ''}</p>
      <Hints hints={current.hints} shown={hintsShown} />
      {lesson.realWorld && last && <p className="real">In real systems: {lesson.realWorld}</p>}
    </div>
  );
}

/**
 * The step's question for the room, asked of a student on their own too: they
 * say what they expect before typing, and the lesson's answer shows once the
 * step is done (the machine has shown it), beside what they said.
 */
function StepQuestion({ ask, done }: { ask: { readonly question: string; readonly answer: string }; done: boolean }) {
  const [draft, setDraft] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const id = useId();
  return (
    <section className="step-question" aria-labelledby={`${id}-q`}>
      <p className="q" id={`${id}-q`}><strong>Question:</strong> {ask.question}</p>
      {said === null && !done ? (
        <form className="row" onSubmit={(e) => { e.preventDefault(); if (draft.trim()) setSaid(draft.trim()); }}>
          <input value={draft} onChange={(e) => setDraft(e.currentTarget.value)} maxLength={200} aria-label="your answer" placeholder="what do you expect?" />
          <button type="submit" disabled={!draft.trim()}>Answer</button>
        </form>
      ) : said !== null ? (
        <p className="said">You said: {said}</p>
      ) : null}
      <p className="answer-slot" aria-live="polite">
        {done ? <span className="answer"><strong>Answer:</strong> {ask.answer}</span> : said !== null ? 'The answer shows when the step is done: type its lines and watch the views.' : ''}
      </p>
    </section>
  );
}

function ChallengeView({ challenge, startLine, since, custom }: { challenge: Challenge; startLine: number; since: number; custom: boolean }) {
  const { moreHint, hintsShown, openChallenge, openCustom, met } = useLessons();
  const file = useLessons((s) => s.custom);
  const live = useCheck(challenge.check, startLine, since);
  const check = live && latch(live, met);
  // before the first line typed, no rule shows as met: some hold on a fresh lab and would give the game away
  const started = useLab((s) => s.outputs.some((o) => o.line > startLine));
  const shown = check && !started ? { passed: false, results: check.results.map((r) => ({ says: r.says, ok: false })) } : check;
  const restart = () => (custom && file ? openCustom({ ...file, lesson: { ...file.lesson, steps: [] }, challenges: [challenge] }) : openChallenge(challenge.id));
  return (
    <div className="lesson">
      <h3>Challenge: {challenge.title}</h3>
      <div className="row nav">
        <button type="button" onClick={moreHint}>{hintLabel(hintsShown, challenge.hints.length)}</button>
        <button type="button" onClick={() => { restart(); for (const line of challenge.solution) typeIntoLab(line); }}>Show solution</button>
      </div>
      <Narration text={challenge.goal} />
      {shown && <Checks check={shown} />}
      <p className="status" aria-live="polite">{met || (check?.passed && started) ? 'Challenge solved.' : ''}</p>
      <Hints hints={challenge.hints} shown={hintsShown} />
    </div>
  );
}

function ExerciseView({ exercise, seed, reveal }: { exercise: ExerciseKind; seed: number; reveal: boolean }) {
  const e = useMemo(() => generateExercise(exercise, seed), [exercise, seed]);
  const { revealAnswer, openExercise } = useLessons();
  return (
    <div className="lesson">
      <h3>Exercise: {exercise === 'owner' ? 'who owns the frame?' : 'what does select return?'} <span className="figure">#{seed}</span></h3>
      <p className="text">{e.question}</p>
      <ol className="lines script">
        {e.script.map((line, i) => <li key={i}><code>{line}</code></li>)}
      </ol>
      {reveal ? (
        <p className="answer" aria-live="polite"><strong>Answer: {e.answer}.</strong> {e.why}</p>
      ) : (
        <p className="status">Think it through, then check.</p>
      )}
      <div className="row">
        <button type="button" onClick={revealAnswer} disabled={reveal}>Show the answer</button>
        <button type="button" onClick={() => openExercise(exercise, seed + 1)}>Another one</button>
        <button type="button" onClick={() => { for (const line of e.script) typeIntoLab(line); }}>Run it in the lab</button>
      </div>
    </div>
  );
}

/** A teacher's own lesson: open one from a file, take up the last one again, or make one in the builder. */
function TeachersLessons() {
  const { openCustom, openBuilder, progress } = useLessons();
  const custom = useLessons((s) => s.custom);
  const draft = useBuilder((s) => s.draft);
  const begin = useBuilder((s) => s.begin);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const read = await readLessonFile(f);
    if (read.ok) openCustom(read.file);
    else setMessage({ ok: false, text: read.message });
    if (input.current) input.current.value = '';
  };
  const standing = custom ? standingText(standingOf(progress.lessons[progressKey(custom.lesson.id, true)], custom.lesson.steps.length), custom.lesson.steps.length) : null;
  return (
    <>
      <h3>Your own lessons</h3>
      {custom && (
        <p>
          <button type="button" className="link" onClick={() => openCustom(custom)}>{custom.lesson.title}</button>
          <span className="figure"> {custom.lesson.figure}</span>
          {standing && <span className="done"> {standing}</span>}
        </p>
      )}
      <div className="row">
        <label className="file-button">Open a lesson file<input ref={input} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} /></label>
        <button type="button" onClick={() => { if (!draft) begin(); openBuilder(); }}>{draft ? 'Back to the lesson builder' : 'Make a lesson'}</button>
      </div>
      {message && <p className={message.ok ? 'status' : 'status error'} role="status">{message.text}</p>}
    </>
  );
}

function Menu() {
  const { openLesson, openChallenge, openExercise, progress, importProgress, resetProgress } = useLessons();
  const [kind, setKind] = useState<ExerciseKind>('owner');
  const [seed, setSeed] = useState('1');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const result = f.size > 1024 * 1024
      ? { ok: false, message: `This file is too large for a progress file (${Math.round(f.size / 1024)} KiB). Your progress is unchanged.` }
      : importProgress(await f.text());
    setMessage({ ok: result.ok, text: result.message });
    if (file.current) file.current.value = '';
  };
  return (
    <div className="lesson menu">
      <h3>Lessons</h3>
      <ul className="menu-list">
        {LESSONS.map((l) => {
          const standing = standingText(standingOf(progress.lessons[l.id], l.steps.length), l.steps.length);
          return (
            <li key={l.id}>
              <button type="button" className="link" onClick={() => openLesson(l.id)}>{l.number}. {l.title}</button>
              <span className="figure"> {l.figure}</span>
              {standing && <span className="done"> {standing}</span>}
            </li>
          );
        })}
      </ul>
      <TeachersLessons />
      <h3>Challenges</h3>
      <ul className="menu-list">
        {CHALLENGES.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => openChallenge(c.id)}>{c.title}</button>
            {progress.challenges.includes(c.id) && <span className="done"> ✓ solved</span>}
          </li>
        ))}
      </ul>
      <h3>Exercises</h3>
      <div className="row">
        <label>kind <select value={kind} onChange={(e) => setKind(e.target.value as ExerciseKind)}>{EXERCISE_KINDS.map((k) => <option key={k} value={k}>{k === 'owner' ? 'who owns the frame?' : 'what does select return?'}</option>)}</select></label>
        <label>seed <input type="number" min={0} max={99999} value={seed} onChange={(e) => setSeed(e.target.value)} /></label>
        <button type="button" onClick={() => openExercise(kind, Math.max(0, Math.min(99999, Math.floor(Number(seed) || 0))))}>Generate</button>
      </div>
      <h3>Progress</h3>
      <div className="row">
        <button type="button" onClick={() => download('lparlab-progress.json', progressFile(progress), 'application/json')}>Export progress</button>
        <button type="button" onClick={() => file.current?.click()}>Import progress</button>
        <input ref={file} type="file" accept="application/json,.json" hidden onChange={(e) => void onFile(e.target.files?.[0])} aria-label="progress file to import" />
        <button type="button" onClick={() => { resetProgress(); setMessage({ ok: true, text: 'Progress cleared.' }); }}>Clear progress</button>
      </div>
      {message && <p className={message.ok ? 'status' : 'status error'} role="status">{message.text}</p>}
    </div>
  );
}

export function LessonPanel() {
  const opened = useLessons((s) => s.opened);
  const custom = useLessons((s) => s.custom);
  const { close, openMenu } = useLessons();
  const lesson = opened?.kind === 'lesson' ? lessonOf(opened, custom) : undefined;
  const body = useRef<HTMLDivElement>(null);
  const place = opened?.kind === 'lesson' ? `${opened.id}:${opened.step}` : opened?.kind === 'challenge' ? opened.id : opened?.kind;
  // something new in the panel starts at its top, where its buttons are
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [place]);
  const challenge = opened?.kind === 'challenge' ? challengeOf(opened, custom) : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  const kind = opened?.kind;
  // when the panel opens or changes what it shows, keyboard users land on it
  useEffect(() => {
    // not while someone is typing in the terminal (`lesson flip` opens the panel from there)
    if (!document.activeElement?.closest('.terminal-pane')) heading.current?.focus();
  }, [kind]);
  if (!opened) return null;
  return (
    <section className="view lesson-view" aria-labelledby="lesson-title" data-view="lesson">
      <header className="view-head">
        <h2 id="lesson-title" ref={heading} tabIndex={-1}>{opened.kind === 'menu' ? 'Lessons, challenges, exercises' : opened.kind === 'builder' ? 'Lesson builder' : opened.kind === 'lesson' ? 'Lesson' : opened.kind === 'challenge' ? 'Challenge' : 'Exercise'}</h2>
        <div className="view-tools">
          {opened.kind !== 'menu' && <button type="button" onClick={openMenu}>All lessons</button>}
          <button type="button" onClick={close} aria-label="close the lesson panel">Close</button>
        </div>
      </header>
      <div className="view-body" ref={body}>
        {opened.kind === 'menu' && <Menu />}
        {opened.kind === 'builder' && <BuilderPanel />}
        {opened.kind === 'lesson' && lesson && <LessonStepView lesson={lesson} step={opened.step} startLine={opened.startLine} since={opened.since} custom={!!opened.custom} />}
        {opened.kind === 'challenge' && challenge && <ChallengeView challenge={challenge} startLine={opened.startLine} since={opened.since} custom={!!opened.custom} />}
        {opened.kind === 'exercise' && <ExerciseView exercise={opened.exercise} seed={opened.seed} reveal={opened.reveal} />}
      </div>
    </section>
  );
}
