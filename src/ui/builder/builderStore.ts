// The lesson builder's draft: a teacher records what they type as a step's
// lines, writes its narration, picks its checks from what the machine just
// did, adds hints and a question, and previews, exports or links the lesson.
// The draft becomes a lesson file only through the validator (`draftFile`),
// so what the builder makes is exactly what a student's page will accept.
// A file opened in the builder keeps every field the builder does not edit
// (its challenges, realWorld, number, hints past the second, lines to type
// that differ from the solution): exporting it again loses nothing (issue 18).

import { create } from 'zustand';
import type { Challenge, LessonFile, Rule, ShellState, TagStyle } from '../../engine/index.ts';
import { createShell, LESSON_FORMAT, LESSON_VERSION, lessonToData, runLine, validateLesson, refusal } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';

export interface DraftStep {
  readonly title: string;
  readonly narration: string;
  readonly lines: readonly string[];
  readonly checks: readonly Rule[];
  /** the idea first, then the line */
  readonly hints: readonly [string, string];
  readonly ask: string;
  readonly answer: string;
  /** hints past the second, kept as the file had them (the builder edits two) */
  readonly moreHints: readonly string[];
  /** the lines a student is shown, when the file had them apart from the solution (`lines`); dropped once the lines change */
  readonly shown: readonly string[] | null;
}

/** What the builder does not edit, kept from the file it opened. */
export interface Kept {
  readonly number?: number;
  readonly realWorld?: string;
  readonly challenges: readonly Challenge[];
}

export interface Draft {
  readonly id: string;
  readonly title: string;
  readonly figures: string;
  readonly summary: string;
  /** how the lesson wants the patent's tags shown (issue 19 §4); null: as each reader has them */
  readonly tags: TagStyle | null;
  readonly steps: readonly DraftStep[];
  readonly kept: Kept;
}

const EMPTY_STEP: DraftStep = { title: '', narration: '', lines: [], checks: [], hints: ['', ''], ask: '', answer: '', moreHints: [], shown: null };
const EMPTY_DRAFT: Draft = { id: '', title: '', figures: '', summary: '', tags: null, steps: [EMPTY_STEP], kept: { challenges: [] } };

/** A lesson id from its title: lower-case words joined by -. */
export const idOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32).replace(/-+$/, '') || 'my-lesson';

export function draftOf(file: LessonFile): Draft {
  const { lesson } = file;
  return {
    id: lesson.id,
    title: lesson.title,
    figures: lesson.figure,
    summary: lesson.summary,
    tags: lesson.tags ?? null,
    steps: lesson.steps.map((s) => ({
      title: s.title,
      narration: s.text,
      lines: [...(s.solution ?? s.type)],
      checks: [...s.check],
      hints: [s.hints[0] ?? '', s.hints[1] ?? ''],
      ask: s.ask?.question ?? '',
      answer: s.ask?.answer ?? '',
      moreHints: s.hints.slice(2),
      shown: s.solution ? [...s.type] : null,
    })),
    kept: {
      ...(lesson.number !== undefined ? { number: lesson.number } : {}),
      ...(lesson.realWorld !== undefined ? { realWorld: lesson.realWorld } : {}),
      challenges: file.challenges,
    },
  };
}

/** The draft as a lesson file, through the validator: the file, or the field at fault. */
export function draftFile(draft: Draft): { ok: true; file: LessonFile } | { ok: false; message: string } {
  const data = {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    id: draft.id || idOf(draft.title),
    ...(draft.kept.number !== undefined ? { number: draft.kept.number } : {}),
    title: draft.title,
    figures: draft.figures || 'a teacher\'s lesson',
    summary: draft.summary || draft.title,
    ...(draft.kept.realWorld !== undefined ? { realWorld: draft.kept.realWorld } : {}),
    ...(draft.tags ? { tags: draft.tags } : {}),
    steps: draft.steps.map((s) => ({
      title: s.title,
      narration: s.narration,
      lines: s.shown ?? s.lines,
      ...(s.shown ? { solution: s.lines } : {}),
      checks: s.checks.map((r) => {
        const { kind, ...params } = r;
        return { rule: kind, ...params };
      }),
      hints: [...s.hints, ...s.moreHints].filter((h) => h.trim() !== ''),
      ...(s.ask.trim() || s.answer.trim() ? { question: { ask: s.ask, answer: s.answer } } : {}),
    })),
    // the challenges as the file had them, written the way the engine writes them
    ...(draft.kept.challenges.length ? { challenges: lessonToData({ lesson: { id: 'x', title: 'x', figure: 'x', summary: 'x', steps: [] }, challenges: draft.kept.challenges }).challenges } : {}),
  };
  const read = validateLesson(data);
  return read.ok ? { ok: true, file: read.file } : { ok: false, message: refusal(read) };
}

/** What the draft still needs, in the order a teacher would do it: the first is what comes next. */
export function missingOf(draft: Draft): string[] {
  const missing: string[] = [];
  if (!draft.title.trim()) missing.push('Give the lesson a title.');
  draft.steps.forEach((s, i) => {
    const n = `Step ${i + 1}`;
    if (s.lines.length === 0) missing.push(`${n}: record its lines (type them in the terminal while recording).`);
    if (!s.title.trim()) missing.push(`${n}: give it a title.`);
    if (!s.narration.trim()) missing.push(`${n}: write what happens and why.`);
    if (s.checks.length === 0) missing.push(`${n}: pick at least one check from what the machine just did.`);
    if (!s.hints[0].trim()) missing.push(`${n}: add a first hint (the idea: which figure, who acts).`);
    if ((s.ask.trim() === '') !== (s.answer.trim() === '')) missing.push(`${n}: a question for the room needs both the question and its answer.`);
  });
  if (missing.length === 0) {
    const made = draftFile(draft);
    if (!made.ok) missing.push(`The file is refused: ${made.message}.`);
  }
  return missing;
}

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
    const draft = file ? draftOf(file) : EMPTY_DRAFT;
    set({ draft, at: 0, recording: !file });
    if (file) get().selectStep(Math.max(0, draft.steps.length - 1));
    else {
      const shell = labWith([], '(a fresh lab for a new lesson: what you type now is recorded as step 1)');
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

  selectStep(i) {
    const draft = get().draft;
    if (!draft || i < 0 || i >= draft.steps.length) return;
    const before = draft.steps.slice(0, i).flatMap((s) => s.lines);
    const own = draft.steps[i]!.lines.length ? `, and its own ${draft.steps[i]!.lines.length} line(s) played` : '';
    const shell = labWith(before, i === 0 ? `(a fresh lab for step 1${own})` : `(a fresh lab with steps 1-${i} done, for step ${i + 1}${own})`);
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
    set({ draft: { ...draft, steps: [...draft.steps, EMPTY_STEP] }, at: draft.steps.length, stepStart: { shell, line: shell.lineNo }, lastLine: shell.lineNo, recording: true });
  },

  removeStep() {
    const { draft, at } = get();
    if (!draft || draft.steps.length <= 1) return;
    set({ draft: { ...draft, steps: draft.steps.filter((_, i) => i !== at) } });
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
