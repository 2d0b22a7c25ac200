// The lesson panel: pick a lesson, a challenge or an exercise; follow a
// lesson step by step with its checks ticking as the machine changes; ask
// for a hint or the solution. Text comes from the lesson data and the
// student's own typing, always as text, never as HTML.

import { announce } from '../app/Announcer.tsx';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Challenge, Lesson, RuleResult, StepCheck } from '../../engine/index.ts';
import { challengesIn, checkStep, EXERCISE_KINDS, generateExercise, latch, lessonsIn, solutionOf, textIn } from '../../engine/index.ts';
import type { ExerciseKind } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { challengeOf, lessonOf, progressKey, typeIntoLab, useLessons } from './lessonStore.ts';
import { EXERCISE_TITLES } from './exerciseTitles.ts';
import { progressFile } from './progress.ts';
import type { Standing } from './standing.ts';
import { standingOf, standingText } from './standing.ts';
import { download } from '../share/download.ts';
import { useBuilder } from '../builder/builderStore.ts';
import { readLessonFile } from './customLesson.ts';
import { useLanguage, useT } from '../app/language.ts';
import { fillSlots, slot } from '../app/slots.tsx';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
import { exerciseIn, saysIn, whyIn } from '../../i18n/wordsIn.ts';
import './lessons.css';

// the builder (and the engine's lesson writer and check suggestions) loads when a teacher opens it
const BuilderPanel = lazy(() => import('../builder/BuilderPanel.tsx').then((m) => ({ default: m.BuilderPanel })));

function useCheck(rules: Parameters<typeof checkStep>[0] | null, startLine: number, since: number): StepCheck | null {
  const shell = useLab((s) => s.shell);
  const outputs = useLab((s) => s.outputs);
  return useMemo(() => (rules ? checkStep(rules, shell, outputs.filter((o) => o.line > startLine), since) : null), [rules, shell, outputs, startLine, since]);
}

function Checks({ check }: { check: StepCheck }) {
  const t = useT();
  const setHighlight = useLab((s) => s.setHighlight);
  // a check that ticks is said aloud (the list itself is not a live region: it is redrawn on every line)
  const passed = useRef<readonly boolean[]>(check.results.map((r) => r.ok));
  useEffect(() => {
    const now = check.results.map((r) => r.ok);
    check.results.forEach((r, i) => r.ok && passed.current[i] === false && announce(t('lesson.check.passedSaid', { says: saysIn(t, r) })));
    passed.current = now;
  }, [check, t]);
  return (
    <ul className="checks" aria-label={t('lesson.checks.label')}>
      {check.results.map((r: RuleResult, i) => (
        <li key={i} className={r.ok ? 'ok' : 'todo'}>
          <span className="mark" aria-hidden="true">{r.ok ? '✓' : '○'}</span>
          <span className="sr-only">{r.ok ? t('lesson.check.passed') : t('lesson.check.notYet')} </span>
          {saysIn(t, r)}
          {!r.ok && r.why && <span className="why">{t('lesson.check.why', { why: whyIn(t, r) ?? r.why })}</span>}
          {!r.ok && r.highlight && r.highlight.view !== 'terminal' && (
            <button type="button" className="link" onClick={() => setHighlight(r.highlight ?? null)}>{t('lesson.check.showMe')}</button>
          )}
        </li>
      ))}
    </ul>
  );
}

function Lines({ lines }: { lines: readonly string[] }) {
  const t = useT();
  return (
    <ol className="lines">
      {lines.map((line, i) => (
        <li key={i}>
          <code>{line}</code>
          <button type="button" className="link" onClick={() => typeIntoLab(line)} aria-label={t('lesson.typeIt.label', { line })}>{t('lesson.typeIt')}</button>
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
  const t = useT();
  if (shown === 0) return null;
  return (
    <ol className="hints" aria-label={t('lesson.hints.label')} aria-live="polite">
      {hints.slice(0, shown).map((h, i) => <li key={i} className="hint">{t('lesson.hint.item', { n: i + 1, count: hints.length, hint: h })}</li>)}
    </ol>
  );
}

/** The last step met: the lesson is complete only if no step before it was skipped. */
const lastWords = (t: Translate, s: Standing) =>
  s.done ? t('lesson.complete') : t('lesson.completeSkipped', { count: s.skipped.length, steps: s.skipped.join(', ') });

const hintLabel = (t: Translate, shown: number, count: number) => (shown === 0 ? t('lesson.hint') : shown < count ? t('lesson.hint.another') : t('lesson.hint.hide'));

function LessonStepView({ lesson, step, startLine, since, custom }: { lesson: Lesson; step: number; startLine: number; since: number; custom: boolean }) {
  const t = useT();
  const current = lesson.steps[step]!;
  const { openLesson, openCustom, nextStep, moreHint, hintsShown, met, openBuilder, progress } = useLessons();
  const hasDraft = useBuilder((s) => s.draft !== null);
  const file = useLessons((s) => s.custom);
  const live = useCheck(current.check, startLine, since);
  // a step met once stays met: typing ahead never unticks it
  const check = live && latch(live, met);
  const last = step + 1 >= lesson.steps.length;
  const lang = useLanguage((s) => s.lang);
  const nextLesson = lesson.number !== undefined && !custom ? lessonsIn(lang).find((l) => l.number === lesson.number! + 1) : undefined;
  const reopen = (at: number) => (custom && file ? openCustom(file, at) : openLesson(lesson.id, at));
  return (
    <div className="lesson">
      <h3>
        {lesson.number !== undefined && !custom ? t('lesson.numbered', { number: lesson.number, title: lesson.title }) : lesson.title} <span className="figure">{lesson.figure}</span>
      </h3>
      <p className="step-count">{fillSlots(t('lesson.stepCount', { step: step + 1, count: lesson.steps.length, title: slot(0) }), [<strong key="title">{current.title}</strong>])}</p>
      <div className="row nav">
        <button type="button" onClick={() => reopen(step - 1)} disabled={step === 0} title={t('lesson.previous.title')}>{t('lesson.previous')}</button>
        {check?.passed
          ? <button type="button" onClick={nextStep} disabled={last} className="primary" title={t('lesson.next.title')}>{t('lesson.next')}</button>
          : <button type="button" onClick={() => reopen(step + 1)} disabled={last} title={t('lesson.skip.title')}>{t('lesson.skip')}</button>}
        {last && nextLesson && <button type="button" className="primary" onClick={() => openLesson(nextLesson.id)}>{t('lesson.nextLesson', { title: nextLesson.title })}</button>}
        <button type="button" onClick={moreHint}>{hintLabel(t, hintsShown, current.hints.length)}</button>
        <button type="button" onClick={() => { reopen(step); for (const line of solutionOf(current)) typeIntoLab(line); }}>{t('lesson.solution')}</button>
        {custom && hasDraft && <button type="button" onClick={openBuilder}>{t('lesson.backToBuilder')}</button>}
      </div>
      <Narration text={current.text} />
      {current.ask && <StepQuestion key={`${lesson.id}:${step}`} ask={current.ask} done={!!check?.passed} />}
      <p className="do">{t('lesson.type')}</p>
      <Lines lines={current.type} />
      {check && <Checks check={check} />}
      <p className="status" aria-live="polite">{check?.passed ? (last ? lastWords(t, standingOf([...(progress.lessons[progressKey(lesson.id, custom)] ?? []), step], lesson.steps.length)) : t('lesson.stepDone')) : ''}</p>
      <Hints hints={current.hints} shown={hintsShown} />
      {lesson.realWorld && last && <p className="real">{t('lesson.realWorld', { text: lesson.realWorld })}</p>}
    </div>
  );
}

/**
 * The step's question for the room, asked of a student on their own too: they
 * say what they expect before typing, and the lesson's answer shows once the
 * step is done (the machine has shown it), beside what they said.
 */
function StepQuestion({ ask, done }: { ask: { readonly question: string; readonly answer: string }; done: boolean }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const id = useId();
  return (
    <section className="step-question" aria-labelledby={`${id}-q`}>
      <p className="q" id={`${id}-q`}><strong>{t('lesson.question')}</strong> {ask.question}</p>
      {said === null && !done ? (
        <form className="row" onSubmit={(e) => { e.preventDefault(); if (draft.trim()) setSaid(draft.trim()); }}>
          <input value={draft} onChange={(e) => setDraft(e.currentTarget.value)} maxLength={200} aria-label={t('lesson.said.label')} placeholder={t('lesson.said.placeholder')} />
          <button type="submit" disabled={!draft.trim()}>{t('lesson.said.submit')}</button>
        </form>
      ) : said !== null ? (
        <p className="said">{t('lesson.said', { said })}</p>
      ) : null}
      <p className="answer-slot" aria-live="polite">
        {done ? <span className="answer"><strong>{t('lesson.answer')}</strong> {ask.answer}</span> : said !== null ? t('lesson.answer.later') : ''}
      </p>
    </section>
  );
}

function ChallengeView({ challenge, startLine, since, custom }: { challenge: Challenge; startLine: number; since: number; custom: boolean }) {
  const t = useT();
  const { moreHint, hintsShown, openChallenge, openCustom, met } = useLessons();
  const file = useLessons((s) => s.custom);
  const live = useCheck(challenge.check, startLine, since);
  const check = live && latch(live, met);
  // before the first line typed, no rule shows as met: some hold on a fresh lab and would give the game away
  const started = useLab((s) => s.outputs.some((o) => o.line > startLine));
  const shown = check && !started ? { passed: false, results: check.results.map((r) => ({ says: r.says, ...(r.saysWords ? { saysWords: r.saysWords } : {}), ok: false })) } : check;
  const restart = () => (custom && file ? openCustom({ ...file, lesson: { ...file.lesson, steps: [] }, challenges: [challenge] }) : openChallenge(challenge.id));
  return (
    <div className="lesson">
      <h3>{t('lesson.challenge.title', { title: challenge.title })}</h3>
      <div className="row nav">
        <button type="button" onClick={moreHint}>{hintLabel(t, hintsShown, challenge.hints.length)}</button>
        <button type="button" onClick={() => { restart(); for (const line of challenge.solution) typeIntoLab(line); }}>{t('lesson.solution')}</button>
      </div>
      <Narration text={challenge.goal} />
      {shown && <Checks check={shown} />}
      <p className="status" aria-live="polite">{met || (check?.passed && started) ? t('lesson.challenge.solved') : ''}</p>
      <Hints hints={challenge.hints} shown={hintsShown} />
    </div>
  );
}

function ExerciseView({ exercise, seed, reveal }: { exercise: ExerciseKind; seed: number; reveal: boolean }) {
  const t = useT();
  const e = useMemo(() => generateExercise(exercise, seed), [exercise, seed]);
  const said = exerciseIn(t, e);
  const { revealAnswer, openExercise } = useLessons();
  return (
    <div className="lesson">
      <h3>{t('lesson.exercise.title', { title: t(EXERCISE_TITLES[exercise]) })} <span className="figure">#{seed}</span></h3>
      <p className="text" data-testid="exercise-question">{said.question}</p>
      <ol className="lines script">
        {e.script.map((line, i) => <li key={i}><code>{line}</code></li>)}
      </ol>
      {reveal ? (
        <p className="answer" aria-live="polite"><strong>{t('lesson.exercise.answer', { answer: said.answer })}</strong> {said.why}</p>
      ) : (
        <p className="status">{t('lesson.exercise.think')}</p>
      )}
      <div className="row">
        <button type="button" onClick={revealAnswer} disabled={reveal}>{t('lesson.exercise.reveal')}</button>
        <button type="button" onClick={() => openExercise(exercise, seed + 1)}>{t('lesson.exercise.another')}</button>
        <button type="button" onClick={() => { for (const line of e.script) typeIntoLab(line); }}>{t('lesson.exercise.run')}</button>
      </div>
    </div>
  );
}

/** A teacher's own lesson: open one from a file, take up the last one again, or make one in the builder. */
function TeachersLessons() {
  const t = useT();
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
  const lang = useLanguage((s) => s.lang);
  const shown = custom ? textIn(custom, lang).lesson : null;
  const standing = custom ? standingText(t, standingOf(progress.lessons[progressKey(custom.lesson.id, true)], custom.lesson.steps.length), custom.lesson.steps.length) : null;
  return (
    <>
      <h3>{t('lesson.own')}</h3>
      {custom && shown && (
        <p>
          <button type="button" className="link" onClick={() => openCustom(custom)}>{shown.title}</button>
          <span className="figure"> {shown.figure}</span>
          {standing && <span className="done"> {standing}</span>}
        </p>
      )}
      <div className="row">
        <label className="file-button">{t('lesson.own.open')}<input ref={input} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} /></label>
        <button type="button" onClick={() => { if (!draft) begin(); openBuilder(); }}>{draft ? t('lesson.own.back') : t('lesson.own.make')}</button>
      </div>
      {message && <p className={message.ok ? 'status' : 'status error'} role="status">{message.text}</p>}
    </>
  );
}

function Menu() {
  const t = useT();
  // the built-in lessons' own words in the reader's language (issue 23)
  const lang = useLanguage((s) => s.lang);
  const { openLesson, openChallenge, openExercise, progress, importProgress, resetProgress } = useLessons();
  const [kind, setKind] = useState<ExerciseKind>('owner');
  const [seed, setSeed] = useState('1');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const result = f.size > 1024 * 1024
      ? { ok: false, message: t('lesson.progress.tooLarge', { kib: Math.round(f.size / 1024) }) }
      : importProgress(await f.text());
    setMessage({ ok: result.ok, text: result.message });
    if (file.current) file.current.value = '';
  };
  return (
    <div className="lesson menu">
      <h3>{t('lesson.menu.lessons')}</h3>
      <ul className="menu-list">
        {lessonsIn(lang).map((l) => {
          const standing = standingText(t, standingOf(progress.lessons[l.id], l.steps.length), l.steps.length);
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
      <h3>{t('lesson.menu.challenges')}</h3>
      <ul className="menu-list">
        {challengesIn(lang).map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => openChallenge(c.id)}>{c.title}</button>
            {progress.challenges.includes(c.id) && <span className="done"> {t('lesson.menu.solved')}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('lesson.menu.exercises')}</h3>
      <div className="row">
        <label>{t('lesson.menu.kind')} <select value={kind} onChange={(e) => setKind(e.target.value as ExerciseKind)}>{EXERCISE_KINDS.map((k) => <option key={k} value={k}>{t(EXERCISE_TITLES[k])}</option>)}</select></label>
        <label>{t('lesson.menu.seed')} <input type="number" min={0} max={99999} value={seed} onChange={(e) => setSeed(e.target.value)} /></label>
        <button type="button" onClick={() => openExercise(kind, Math.max(0, Math.min(99999, Math.floor(Number(seed) || 0))))}>{t('lesson.menu.generate')}</button>
      </div>
      <h3>{t('lesson.menu.progress')}</h3>
      <div className="row">
        <button type="button" onClick={() => download('lparlab-progress.json', progressFile(progress), 'application/json')}>{t('lesson.progress.export')}</button>
        <button type="button" onClick={() => file.current?.click()}>{t('lesson.progress.import')}</button>
        <input ref={file} type="file" accept="application/json,.json" hidden onChange={(e) => void onFile(e.target.files?.[0])} aria-label={t('lesson.progress.file')} />
        <button type="button" onClick={() => { resetProgress(); setMessage({ ok: true, text: t('lesson.progress.cleared') }); }}>{t('lesson.progress.clear')}</button>
      </div>
      {message && <p className={message.ok ? 'status' : 'status error'} role="status">{message.text}</p>}
    </div>
  );
}

/** The panel's heading for what it shows. */
const PANEL_TITLES = {
  menu: 'lesson.panel.menu',
  builder: 'lesson.panel.builder',
  lesson: 'lesson.panel.lesson',
  challenge: 'lesson.panel.challenge',
  exercise: 'lesson.panel.exercise',
} as const satisfies Record<string, MessageKey>;

export function LessonPanel() {
  const t = useT();
  const opened = useLessons((s) => s.opened);
  const custom = useLessons((s) => s.custom);
  const { close, openMenu } = useLessons();
  const lang = useLanguage((s) => s.lang);
  const lesson = opened?.kind === 'lesson' ? lessonOf(opened, custom, lang) : undefined;
  const body = useRef<HTMLDivElement>(null);
  const place = opened?.kind === 'lesson' ? `${opened.id}:${opened.step}` : opened?.kind === 'challenge' ? opened.id : opened?.kind;
  // something new in the panel starts at its top, where its buttons are
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [place]);
  const challenge = opened?.kind === 'challenge' ? challengeOf(opened, custom, lang) : undefined;
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
        <h2 id="lesson-title" ref={heading} tabIndex={-1}>{t(PANEL_TITLES[opened.kind])}</h2>
        <div className="view-tools">
          {opened.kind !== 'menu' && <button type="button" onClick={openMenu}>{t('lesson.panel.all')}</button>}
          <button type="button" onClick={close} aria-label={t('lesson.panel.close.label')}>{t('lesson.panel.close')}</button>
        </div>
      </header>
      <div className="view-body" ref={body}>
        {opened.kind === 'menu' && <Menu />}
        {opened.kind === 'builder' && (
          <Suspense fallback={<p>{t('lesson.panel.builderLoading')}</p>}>
            <BuilderPanel />
          </Suspense>
        )}
        {opened.kind === 'lesson' && lesson && <LessonStepView lesson={lesson} step={opened.step} startLine={opened.startLine} since={opened.since} custom={!!opened.custom} />}
        {opened.kind === 'challenge' && challenge && <ChallengeView challenge={challenge} startLine={opened.startLine} since={opened.since} custom={!!opened.custom} />}
        {opened.kind === 'exercise' && <ExerciseView exercise={opened.exercise} seed={opened.seed} reveal={opened.reveal} />}
      </div>
    </section>
  );
}
