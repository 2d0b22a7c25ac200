// What the learner has open (a lesson step, a challenge, an exercise) and
// their progress. Opening a lesson, or jumping to its step n, starts a fresh
// lab and replays the solutions of the steps before n, so every step starts
// from the machine its text describes. Moving on from a step that was met
// keeps the student's lab. A step is checked after every change of the lab,
// and once met it stays met (`met`), however far the student types ahead.
// A teacher's lesson (`custom`, from a file, a link or the builder) is opened
// and kept like a built-in one; its progress is kept under "~id".

import { create } from 'zustand';
import type { Challenge, ExerciseKind, Lesson, LessonFile, ShellState, StepCheck } from '../../engine/index.ts';
import { CHALLENGES, checkStep, createShell, findChallengeIn, findLessonIn, LESSONS, runLine, solutionOf, textIn } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import type { Known, Progress, SaveResult, SetAside } from './progress.ts';
import type { Said } from '../share/linkFields.ts';
import {
  afterOtherTabSaved, clearProgress, loadProgress, mergeProgress, parseProgressFile, sameProgress, saveProgress, watchOtherTabs, withChallengeSolved, withStepPassed,
} from './progress.ts';
import { loadCustomLesson, saveCustomLesson } from './customLesson.ts';
import { usePrefs } from '../app/prefs.ts';
import { useLanguage } from '../app/language.ts';

export type Opened =
  | { readonly kind: 'menu' }
  | { readonly kind: 'builder' }
  | { readonly kind: 'lesson'; readonly id: string; readonly step: number; readonly startLine: number; readonly since: number; readonly custom?: boolean }
  | { readonly kind: 'challenge'; readonly id: string; readonly startLine: number; readonly since: number; readonly custom?: boolean }
  | { readonly kind: 'exercise'; readonly exercise: ExerciseKind; readonly seed: number; readonly reveal: boolean };

export const LESSON_IDS: ReadonlySet<string> = new Set(LESSONS.map((l) => l.id));
export const CHALLENGE_IDS: ReadonlySet<string> = new Set(CHALLENGES.map((c) => c.id));
/** What a progress file may name: each lesson with its number of steps, and the challenges. */
const KNOWN: Known = { lessons: new Map(LESSONS.map((l) => [l.id, l.steps.length])), challenges: CHALLENGE_IDS };

/** Type a line into the terminal as if by keyboard, so the student sees it; without a terminal, run it directly. */
export function typeIntoLab(line: string): void {
  useLab.getState().typeLine(line);
}

/** The key a lesson's or challenge's progress is kept under: a teacher's own are marked with "~". */
export const progressKey = (id: string, custom: boolean | undefined) => (custom ? `~${id}` : id);

interface LessonStore {
  readonly opened: Opened | null;
  /** how many of the current step's hints are shown (the idea first, then the line) */
  readonly hintsShown: number;
  /** the check of the moment the open step or challenge was first met; null until then */
  readonly met: StepCheck | null;
  /** where the lab was when the open step was met: the next step's checks count what was typed from there */
  readonly metAt: { readonly startLine: number; readonly since: number } | null;
  /** the teacher's lesson open or last opened (from a file, a link or the builder) */
  readonly custom: LessonFile | null;
  readonly progress: Progress;
  /** why progress could not be stored (storage full or blocked), until dismissed: the page offers the export */
  /** why progress was not stored, in English and in words (the banner says them in the reader's language) */
  readonly storageProblem: Said | null;
  /** stored progress that could not all be read, and where its copy is kept, until dismissed */
  readonly setAside: SetAside | null;
  openMenu(): void;
  /** the lesson builder, with its draft as it was left */
  openBuilder(): void;
  close(): void;
  openLesson(id: string, step?: number): void;
  nextStep(): void;
  openChallenge(id: string): void;
  openExercise(kind: ExerciseKind, seed: number): void;
  revealAnswer(): void;
  /** show one hint more, or hide them all after the last */
  moreHint(): void;
  /** open a teacher's lesson at a step (or its first challenge when it has no steps) */
  openCustom(file: LessonFile, step?: number): void;
  /** check the open step against the lab as it is now; called after every change of the lab */
  recheck(): void;
  markStep(id: string, step: number): void;
  markChallenge(id: string): void;
  importProgress(text: string): { ok: boolean; message: string };
  resetProgress(): void;
  dismissStorageProblem(): void;
  dismissSetAside(): void;
}

/**
 * True while a lesson replaces the lab with a replayed one: the step still
 * open then is the one being left, and the replayed solution must not count
 * for it (skipping step 3 replayed step 3's solution, which then "met" step
 * 3, and a lesson of skipped steps showed as done: issue 20).
 */
let replacing = false;

/** A fresh lab with `lines` already typed; the terminal is told what was replayed. */
function freshLab(lines: readonly string[], note: string): ShellState {
  const lab = useLab.getState();
  let shell = { ...createShell({ ...lab.shell.timeline.config }), lineNo: lab.shell.lineNo };
  for (const line of lines) shell = runLine(shell, line).shell;
  // the terminal prints the note as the lab is replaced, so it stands above whatever is typed next (a solution)
  replacing = true;
  try {
    lab.replaceShell(shell, [note]);
  } finally {
    replacing = false;
  }
  return shell;
}

/** Open a lesson at a step on a fresh lab where the steps before it are done. */
function openAt(lesson: Lesson, step: number, custom: boolean): void {
  const at = Math.max(0, Math.min(step, lesson.steps.length - 1));
  const before = lesson.steps.slice(0, at).flatMap((s) => [...solutionOf(s)]);
  // the note in the reader's language, naming the lesson by its number, or a teacher's by its title
  const { t } = useLanguage.getState();
  const numbered = lesson.number !== undefined;
  const values = { number: String(lesson.number), title: lesson.title, done: String(at) };
  freshLab(before, at === 0 ? t(numbered ? 'lesson.fresh.numbered' : 'lesson.fresh.custom', values) : t(numbered ? 'lesson.fresh.numberedDone' : 'lesson.fresh.customDone', values));
  // (the fresh lab has no highlight)
  useLessons.setState({ opened: { kind: 'lesson', id: lesson.id, step: at, ...here(), ...(custom ? { custom } : {}) }, ...fresh });
  // the lesson's way of showing the patent's tags, for this visit (prefs.ts says who wins)
  if (lesson.tags) usePrefs.getState().askTags(lesson.tags);
}

function openChallengeOf(challenge: Challenge, custom: boolean): void {
  freshLab([], useLanguage.getState().t('lesson.fresh.challenge', { title: challenge.title }));
  useLessons.setState({ opened: { kind: 'challenge', id: challenge.id, ...here(), ...(custom ? { custom } : {}) }, ...fresh });
}

const here = () => ({ startLine: useLab.getState().shell.lineNo, since: useLab.getState().shell.timeline.current.seq });

/**
 * The lesson an opened step belongs to: the teacher's, or a built-in one, in
 * the reader's language (issue 23; the file's first language where it has
 * none in theirs). Lines and checks are the same in every language, so only
 * what is shown depends on `lang`; a component passes the language it
 * subscribed to, so it draws again when the reader changes it.
 */
export function lessonOf(opened: { id: string; custom?: boolean }, custom: LessonFile | null, lang: string = useLanguage.getState().lang): Lesson | undefined {
  return opened.custom ? (custom?.lesson.id === opened.id ? textIn(custom, lang).lesson : undefined) : findLessonIn(opened.id, lang);
}

const EMPTY: LessonFile = { lesson: { id: '', title: '', figure: '', summary: '', steps: [] }, challenges: [] };

export function challengeOf(opened: { id: string; custom?: boolean }, custom: LessonFile | null, lang: string = useLanguage.getState().lang): Challenge | undefined {
  return opened.custom ? textIn(custom ?? EMPTY, lang).challenges.find((c) => c.id === opened.id) : findChallengeIn(opened.id, lang);
}

const fresh = { hintsShown: 0, met: null, metAt: null } as const;

export const useLessons = create<LessonStore>()((set, get) => ({
  opened: null,
  hintsShown: 0,
  met: null,
  metAt: null,
  // the teacher's lesson last opened here, if any
  custom: loadCustomLesson(),
  // loadProgress copes with storage that is missing or blocked (an embed in a sandboxed frame)
  // and reads as much of what is stored as it can, keeping a copy of what it cannot
  ...loadProgress(KNOWN),
  storageProblem: null,

  openMenu: () => set({ opened: { kind: 'menu' }, ...fresh }),
  openBuilder: () => set({ opened: { kind: 'builder' }, ...fresh }),
  close: () => {
    set({ opened: null, ...fresh });
    useLab.getState().setHighlight(null);
  },

  openLesson(id, step = 0) {
    // the terminal's note names the lesson in the reader's language
    const lesson = findLessonIn(id, useLanguage.getState().lang);
    if (!lesson) return;
    openAt(lesson, step, false);
  },

  openCustom(file, step = 0) {
    set({ custom: file });
    saveCustomLesson(file);
    const shown = textIn(file, useLanguage.getState().lang);
    if (shown.lesson.steps.length > 0) openAt(shown.lesson, step, true);
    else if (shown.challenges[0]) {
      openChallengeOf(shown.challenges[0], true);
      if (file.lesson.tags) usePrefs.getState().askTags(file.lesson.tags);
    }
  },

  nextStep() {
    const opened = get().opened;
    if (opened?.kind !== 'lesson') return;
    const lesson = lessonOf(opened, get().custom);
    if (!lesson || opened.step + 1 >= lesson.steps.length) return;
    // the student's lab goes on as it is: nothing they typed is thrown away, and
    // what they typed ahead after this step was met counts for the next one
    set({ opened: { ...opened, step: opened.step + 1, ...(get().metAt ?? here()) }, ...fresh });
    useLab.getState().setHighlight(null);
    get().recheck();
  },

  openChallenge(id) {
    const challenge = findChallengeIn(id, useLanguage.getState().lang);
    if (challenge) openChallengeOf(challenge, false);
  },

  openExercise: (exercise, seed) => set({ opened: { kind: 'exercise', exercise, seed, reveal: false }, ...fresh }),
  revealAnswer: () => {
    const opened = get().opened;
    if (opened?.kind === 'exercise') set({ opened: { ...opened, reveal: true } });
  },
  moreHint() {
    const opened = get().opened;
    const custom = get().custom;
    const hints = opened?.kind === 'lesson' ? lessonOf(opened, custom)?.steps[opened.step]?.hints : opened?.kind === 'challenge' ? challengeOf(opened, custom)?.hints : undefined;
    const shown = get().hintsShown;
    set({ hintsShown: hints && shown < hints.length ? shown + 1 : 0 });
  },

  recheck() {
    const { opened, custom, met } = get();
    if (replacing || met || (opened?.kind !== 'lesson' && opened?.kind !== 'challenge')) return;
    const rules = opened.kind === 'lesson' ? lessonOf(opened, custom)?.steps[opened.step]?.check : challengeOf(opened, custom)?.check;
    if (!rules) return;
    const { shell, outputs } = useLab.getState();
    const since = outputs.filter((o) => o.line > opened.startLine);
    // before the first line typed, nothing counts: some rules hold on a fresh lab and would give the game away
    if (since.length === 0) return;
    const check = checkStep(rules, shell, since, opened.since);
    if (!check.passed) return;
    set({ met: check, metAt: here() });
    if (opened.kind === 'lesson') get().markStep(progressKey(opened.id, opened.custom), opened.step);
    else get().markChallenge(progressKey(opened.id, opened.custom));
  },

  markStep(id, step) {
    const progress = withStepPassed(get().progress, id, step);
    if (progress !== get().progress) set(afterSave(saveProgress(progress, KNOWN)));
  },
  markChallenge(id) {
    const progress = withChallengeSolved(get().progress, id);
    if (progress !== get().progress) set(afterSave(saveProgress(progress, KNOWN)));
  },
  importProgress(text) {
    const { t } = useLanguage.getState();
    const result = parseProgressFile(text, KNOWN, t);
    if (!result.ok) return { ok: false, message: result.message };
    // a file adds to what is passed here: an older file does not take newer ticks away
    const saved = saveProgress(mergeProgress(get().progress, result.progress), KNOWN);
    set(afterSave(saved));
    const steps = Object.values(result.progress.lessons).reduce((n, s) => n + s.length, 0);
    const read = t('progress.read', { steps: String(steps), challenges: String(result.progress.challenges.length) });
    return saved.ok
      ? { ok: true, message: t('progress.loaded', { read }) }
      : { ok: false, message: `The file was read (${read}), but ${saved.message.replace(/^Your progress was not saved: /, 'it was not saved: ')}` };
  },
  resetProgress() {
    set(afterSave(clearProgress()));
  },
  dismissStorageProblem: () => set({ storageProblem: null }),
  dismissSetAside: () => set({ setAside: null }),
}));

/** The store after a save: the progress as saved (merged with other tabs'), any trouble storing it, and anything set aside. */
function afterSave(saved: SaveResult): Pick<LessonStore, 'progress'> & Partial<Pick<LessonStore, 'storageProblem' | 'setAside'>> {
  if (!saved.ok) return { progress: saved.progress, storageProblem: { message: saved.message, words: saved.words } };
  return saved.setAside ? { progress: saved.progress, setAside: saved.setAside } : { progress: saved.progress };
}

// another tab of the lab saved its progress: take in what it passed, never dropping ours
if (typeof window !== 'undefined') {
  watchOtherTabs(KNOWN, (theirs) => {
    const ours = useLessons.getState().progress;
    const after = afterOtherTabSaved(ours, theirs, KNOWN);
    if (!after.ok || !sameProgress(after.progress, ours)) useLessons.setState(afterSave(after));
  });
}

// every change of the lab is checked against the open step, so a step met for a moment counts even if the next line undoes it
useLab.subscribe((now, before) => {
  if (now.shell !== before.shell || now.outputs !== before.outputs) useLessons.getState().recheck();
});
