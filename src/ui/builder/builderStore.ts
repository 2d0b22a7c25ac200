// The lesson builder's state: a teacher records what they type as a step's
// lines, writes its narration, picks its checks from what the machine just
// did, adds hints and a question, and previews, exports or links the lesson.
// Each step is edited on a lab where the steps before it are done. The
// draft itself and its reading and writing as a lesson file are draft.ts.

import { create } from 'zustand';
import type { LessonFile, LessonLanguage, Rule, ShellState } from '../../engine/index.ts';
import { createShell, runLine } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { useLanguage } from '../app/language.ts';
import type { Draft, DraftStep, DraftWords, StepWords } from './draft.ts';
import { draftOf, emptyDraft, EMPTY_STEP, EMPTY_WORDS, withSecond } from './draft.ts';

interface BuilderStore {
  readonly draft: Draft | null;
  /** the step being edited and recorded */
  readonly at: number;
  readonly recording: boolean;
  /** the lab as the current step began: checks are offered from what changed since */
  readonly stepStart: { readonly shell: ShellState; readonly line: number } | null;
  /** the last terminal line already taken into the draft */
  readonly lastLine: number;
  /** start a new lesson, or edit a file (built-in or a teacher's) */
  begin(file?: LessonFile): void;
  setLesson(patch: Partial<Omit<Draft, 'steps'>>): void;
  setStep(patch: Partial<DraftStep>): void;
  /** add a second language (its words to be written beside the first's), or remove it with null */
  setSecondLanguage(lang: LessonLanguage | null): void;
  /** the lesson's words in the second language */
  setSecond(patch: Partial<Omit<DraftWords, 'steps'>>): void;
  /** the current step's words in the second language */
  setSecondStep(patch: Partial<StepWords>): void;
  /** edit step i on a lab where steps before it are done and its own lines played */
  selectStep(i: number): void;
  addStep(): void;
  removeStep(): void;
  removeLine(i: number): void;
  addCheck(rule: Rule): void;
  removeCheck(i: number): void;
  setRecording(on: boolean): void;
  /** take lines typed since the last look into the current step, while recording */
  record(): void;
}

/** A fresh lab with lines run, the terminal told what was done; returns the shell. */
function labWith(lines: readonly string[], note: string): ShellState {
  const lab = useLab.getState();
  let shell = { ...createShell({ ...lab.shell.timeline.config }), lineNo: lab.shell.lineNo };
  for (const line of lines) shell = runLine(shell, line).shell;
  lab.replaceShell(shell, [note]);
  return useLab.getState().shell;
}

export const useBuilder = create<BuilderStore>()((set, get) => ({
  draft: null,
  at: 0,
  recording: false,
  stepStart: null,
  lastLine: 0,

  begin(file) {
    // a new lesson is written first in the teacher's own language
    const draft = file ? draftOf(file) : emptyDraft(useLanguage.getState().lang);
    set({ draft, at: 0, recording: !file });
    if (file) get().selectStep(Math.max(0, draft.steps.length - 1));
    else {
      const shell = labWith([], useLanguage.getState().t('builder.fresh.new'));
      set({ stepStart: { shell, line: shell.lineNo }, lastLine: shell.lineNo });
    }
  },

  setLesson(patch) {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, ...patch } });
  },

  setStep(patch) {
    const { draft, at } = get();
    if (!draft) return;
    set({ draft: { ...draft, steps: draft.steps.map((s, i) => (i === at ? { ...s, ...patch } : s)) } });
  },

  setSecondLanguage(lang) {
    const draft = get().draft;
    if (draft) set({ draft: withSecond(draft, lang) });
  },

  setSecond(patch) {
    const draft = get().draft;
    if (draft?.second) set({ draft: { ...draft, second: { ...draft.second, ...patch } } });
  },

  setSecondStep(patch) {
    const { draft, at } = get();
    if (!draft?.second) return;
    set({ draft: { ...draft, second: { ...draft.second, steps: draft.second.steps.map((w, i) => (i === at ? { ...w, ...patch } : w)) } } });
  },

  selectStep(i) {
    const draft = get().draft;
    if (!draft || i < 0 || i >= draft.steps.length) return;
    const before = draft.steps.slice(0, i).flatMap((s) => s.lines);
    const played = String(draft.steps[i]!.lines.length);
    const shell = labWith(before, useLanguage.getState().t(i === 0 ? 'builder.fresh.first' : 'builder.fresh.step', { done: String(i), step: String(i + 1), played }));
    const start = { shell, line: shell.lineNo };
    // the step's own lines, played where the student will, so the offered checks speak of them
    for (const line of draft.steps[i]!.lines) useLab.getState().submit(line);
    set({ at: i, stepStart: start, lastLine: useLab.getState().shell.lineNo, recording: false });
  },

  addStep() {
    const draft = get().draft;
    if (!draft) return;
    const shell = useLab.getState().shell;
    // the new step goes on from the lab as it is
    const second = draft.second && { ...draft.second, steps: [...draft.second.steps, EMPTY_WORDS] };
    set({ draft: { ...draft, steps: [...draft.steps, EMPTY_STEP], second }, at: draft.steps.length, stepStart: { shell, line: shell.lineNo }, lastLine: shell.lineNo, recording: true });
  },

  removeStep() {
    const { draft, at } = get();
    if (!draft || draft.steps.length <= 1) return;
    const second = draft.second && { ...draft.second, steps: draft.second.steps.filter((_, i) => i !== at) };
    set({ draft: { ...draft, steps: draft.steps.filter((_, i) => i !== at), second } });
    get().selectStep(Math.min(at, draft.steps.length - 2));
  },

  removeLine(i) {
    const step = get().draft?.steps[get().at];
    if (step) get().setStep({ lines: step.lines.filter((_, j) => j !== i), shown: null });
  },

  addCheck(rule) {
    const step = get().draft?.steps[get().at];
    if (step && !step.checks.some((r) => JSON.stringify(r) === JSON.stringify(rule))) get().setStep({ checks: [...step.checks, rule] });
  },

  removeCheck(i) {
    const step = get().draft?.steps[get().at];
    if (step) get().setStep({ checks: step.checks.filter((_, j) => j !== i) });
  },

  setRecording(on) {
    set({ recording: on, lastLine: on ? useLab.getState().shell.lineNo : get().lastLine });
  },

  record() {
    const { recording, draft, lastLine } = get();
    if (!recording || !draft) return;
    const fresh = useLab.getState().outputs.filter((o) => o.line > lastLine && o.kind !== 'complete' && o.input.trim() !== '');
    if (fresh.length === 0) return;
    const lines: string[] = [];
    let last = lastLine;
    for (const o of fresh) {
      if (o.line <= last) continue;
      last = o.line;
      lines.push(o.input);
    }
    const step = draft.steps[get().at]!;
    set({ lastLine: last });
    get().setStep({ lines: [...step.lines, ...lines], shown: null });
  },
}));

// while recording, every line the teacher types becomes a line of the step
useLab.subscribe((now, before) => {
  if (now.outputs !== before.outputs) useBuilder.getState().record();
});
