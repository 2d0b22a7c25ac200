// What the learner has open (a lesson step, a challenge, an exercise) and
// their progress. Opening a lesson, or jumping to its step n, starts a fresh
// lab and replays the solutions of the steps before n, so every step starts
// from the machine its text describes.

import { create } from 'zustand';
import type { ExerciseKind, ShellState } from '../../engine/index.ts';
import { CHALLENGES, createShell, findChallenge, findLesson, LESSONS, runLine, solutionOf } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import type { Progress } from './progress.ts';
import { EMPTY_PROGRESS, loadProgress, parseProgressFile, saveProgress, withChallengeSolved, withStepPassed } from './progress.ts';

export type Opened =
  | { readonly kind: 'menu' }
  | { readonly kind: 'lesson'; readonly id: string; readonly step: number; readonly startLine: number; readonly since: number }
  | { readonly kind: 'challenge'; readonly id: string; readonly startLine: number; readonly since: number }
  | { readonly kind: 'exercise'; readonly exercise: ExerciseKind; readonly seed: number; readonly reveal: boolean };

export const LESSON_IDS: ReadonlySet<string> = new Set(LESSONS.map((l) => l.id));
export const CHALLENGE_IDS: ReadonlySet<string> = new Set(CHALLENGES.map((c) => c.id));

interface LessonStore {
  readonly opened: Opened | null;
  readonly showHint: boolean;
  readonly progress: Progress;
  openMenu(): void;
  close(): void;
  openLesson(id: string, step?: number): void;
  nextStep(): void;
  openChallenge(id: string): void;
  openExercise(kind: ExerciseKind, seed: number): void;
  revealAnswer(): void;
  toggleHint(): void;
  markStep(id: string, step: number): void;
  markChallenge(id: string): void;
  importProgress(text: string): { ok: boolean; message: string };
  resetProgress(): void;
}

/** A fresh lab with `lines` already typed; the terminal is told what was replayed. */
function freshLab(lines: readonly string[], note: string): ShellState {
  const lab = useLab.getState();
  let shell = { ...createShell({ ...lab.shell.timeline.config }), lineNo: lab.shell.lineNo };
  for (const line of lines) shell = runLine(shell, line).shell;
  // the terminal prints the note as the lab is replaced, so it stands above whatever is typed next (a solution)
  lab.replaceShell(shell, [note]);
  return shell;
}

const here = () => ({ startLine: useLab.getState().shell.lineNo, since: useLab.getState().shell.timeline.current.seq });

export const useLessons = create<LessonStore>()((set, get) => ({
  opened: null,
  showHint: false,
  // loadProgress copes with storage that is missing or blocked (an embed in a sandboxed frame)
  progress: loadProgress(LESSON_IDS, CHALLENGE_IDS),

  openMenu: () => set({ opened: { kind: 'menu' }, showHint: false }),
  close: () => {
    set({ opened: null, showHint: false });
    useLab.getState().setHighlight(null);
  },

  openLesson(id, step = 0) {
    const lesson = findLesson(id);
    if (!lesson) return;
    const at = Math.max(0, Math.min(step, lesson.steps.length - 1));
    const before = lesson.steps.slice(0, at).flatMap((s) => [...solutionOf(s)]);
    freshLab(before, at === 0 ? `(a fresh lab for lesson ${lesson.number}: ${lesson.title})` : `(a fresh lab for lesson ${lesson.number}, with steps 1-${at} already done)`);
    // (the fresh lab has no highlight)
    set({ opened: { kind: 'lesson', id: lesson.id, step: at, ...here() }, showHint: false });
  },

  nextStep() {
    const opened = get().opened;
    if (opened?.kind !== 'lesson') return;
    const lesson = findLesson(opened.id)!;
    if (opened.step + 1 >= lesson.steps.length) return;
    set({ opened: { ...opened, step: opened.step + 1, ...here() }, showHint: false });
    useLab.getState().setHighlight(null);
  },

  openChallenge(id) {
    const challenge = findChallenge(id);
    if (!challenge) return;
    freshLab([], `(a fresh lab for the challenge: ${challenge.title})`);
    set({ opened: { kind: 'challenge', id, ...here() }, showHint: false });
  },

  openExercise: (exercise, seed) => set({ opened: { kind: 'exercise', exercise, seed, reveal: false }, showHint: false }),
  revealAnswer: () => {
    const opened = get().opened;
    if (opened?.kind === 'exercise') set({ opened: { ...opened, reveal: true } });
  },
  toggleHint: () => set({ showHint: !get().showHint }),

  markStep(id, step) {
    const progress = withStepPassed(get().progress, id, step);
    if (progress !== get().progress) {
      set({ progress });
      saveProgress(progress);
    }
  },
  markChallenge(id) {
    const progress = withChallengeSolved(get().progress, id);
    if (progress !== get().progress) {
      set({ progress });
      saveProgress(progress);
    }
  },
  importProgress(text) {
    const result = parseProgressFile(text, LESSON_IDS, CHALLENGE_IDS);
    if (!result.ok) return { ok: false, message: result.message };
    set({ progress: result.progress });
    saveProgress(result.progress);
    const steps = Object.values(result.progress.lessons).reduce((n, s) => n + s.length, 0);
    return { ok: true, message: `Progress loaded: ${steps} lesson steps and ${result.progress.challenges.length} challenges passed.` };
  },
  resetProgress() {
    set({ progress: EMPTY_PROGRESS });
    saveProgress(EMPTY_PROGRESS);
  },
}));
