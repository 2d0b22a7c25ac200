// What the learner has open (a lesson step, a challenge, an exercise) and
// their progress. Opening a lesson, or jumping to its step n, starts a fresh
// lab and replays the solutions of the steps before n, so every step starts
// from the machine its text describes.

import { create } from 'zustand';
import type { ExerciseKind, ShellState } from '../../engine/index.ts';
import { CHALLENGES, createShell, findChallenge, findLesson, LESSONS, runLine, solutionOf } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import type { Known, Progress, SaveResult } from './progress.ts';
import {
  clearProgress, loadProgress, mergeProgress, parseProgressFile, sameProgress, saveProgress, watchOtherTabs, withChallengeSolved, withStepPassed,
} from './progress.ts';

export type Opened =
  | { readonly kind: 'menu' }
  | { readonly kind: 'lesson'; readonly id: string; readonly step: number; readonly startLine: number; readonly since: number }
  | { readonly kind: 'challenge'; readonly id: string; readonly startLine: number; readonly since: number }
  | { readonly kind: 'exercise'; readonly exercise: ExerciseKind; readonly seed: number; readonly reveal: boolean };

export const LESSON_IDS: ReadonlySet<string> = new Set(LESSONS.map((l) => l.id));
export const CHALLENGE_IDS: ReadonlySet<string> = new Set(CHALLENGES.map((c) => c.id));
/** What a progress file may name: each lesson with its number of steps, and the challenges. */
const KNOWN: Known = { lessons: new Map(LESSONS.map((l) => [l.id, l.steps.length])), challenges: CHALLENGE_IDS };

interface LessonStore {
  readonly opened: Opened | null;
  readonly showHint: boolean;
  readonly progress: Progress;
  /** why progress could not be stored (storage full or blocked), until dismissed: the page offers the export */
  readonly storageProblem: string | null;
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
  dismissStorageProblem(): void;
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
  progress: loadProgress(KNOWN),
  storageProblem: null,

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
    if (progress !== get().progress) set(afterSave(saveProgress(progress, KNOWN)));
  },
  markChallenge(id) {
    const progress = withChallengeSolved(get().progress, id);
    if (progress !== get().progress) set(afterSave(saveProgress(progress, KNOWN)));
  },
  importProgress(text) {
    const result = parseProgressFile(text, KNOWN);
    if (!result.ok) return { ok: false, message: result.message };
    // a file adds to what is passed here: an older file does not take newer ticks away
    const saved = saveProgress(mergeProgress(get().progress, result.progress), KNOWN);
    set(afterSave(saved));
    const steps = Object.values(result.progress.lessons).reduce((n, s) => n + s.length, 0);
    const read = `${steps} lesson steps and ${result.progress.challenges.length} challenges passed`;
    return saved.ok
      ? { ok: true, message: `Progress loaded: ${read}.` }
      : { ok: false, message: `The file was read (${read}), but ${saved.message.replace(/^Your progress was not saved: /, 'it was not saved: ')}` };
  },
  resetProgress() {
    set(afterSave(clearProgress()));
  },
  dismissStorageProblem: () => set({ storageProblem: null }),
}));

/** The store after a save: the progress as saved (merged with other tabs'), and any trouble storing it. */
function afterSave(saved: SaveResult): Pick<LessonStore, 'progress'> & Partial<Pick<LessonStore, 'storageProblem'>> {
  return saved.ok ? { progress: saved.progress } : { progress: saved.progress, storageProblem: saved.message };
}

// another tab of the lab saved its progress: take in what it passed, never dropping ours
if (typeof window !== 'undefined') {
  watchOtherTabs(KNOWN, (theirs) => {
    const ours = useLessons.getState().progress;
    const merged = mergeProgress(ours, theirs);
    if (!sameProgress(merged, ours)) useLessons.setState({ progress: merged });
  });
}
