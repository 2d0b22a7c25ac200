// The assignment open in the page and the student's work on it (issue 20 §2).
// The student types their id once; each task is worked on a fresh lab, and
// while it is open the lines of the current branch (trailLines: what built
// the moment shown, without what `back` undid) are the task's lines, kept per
// task like lesson progress. Recording follows one machine: when the lab is
// replaced (another lesson opened, `reset`, a link), the task stops recording
// and "Continue" replays its lines on a fresh lab. Everything the page shows
// about a task is graded from those lines (handIn.ts), never trusted from
// storage. Nothing leaves the machine: a hand-in is a download and a code to copy.

import { create } from 'zustand';
import type { Assignment, LabEvent, Lesson, Output, ShellState } from '../../engine/index.ts';
import { createShell, parseAssignment, runLine, studentId, taskName, trailLines, visible } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { useLanguage } from '../app/language.ts';
import { pinsBuiltinHash, readyForAssignment } from '../app/builtinLanguages.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import type { Work } from './handIn.ts';
import { gradeOf } from './handIn.ts';
import { loadAssignmentText, loadHomework, saveAssignmentText, saveHomework, storedWork } from './homeworkStorage.ts';
import type { HomeworkPanel } from './homeworkShown.ts';
import { useHomeworkShown } from './homeworkShown.ts';

export type { HomeworkPanel } from './homeworkShown.ts';

interface HomeworkStore {
  readonly assignment: Assignment | null;
  /** the assignment file's text, as opened */
  readonly text: string | null;
  readonly student: string | null;
  readonly work: Work;
  /** what the right column shows: the assignment, the maker, or a lesson or challenge task in the lesson panel */
  readonly panel: HomeworkPanel | null;
  /** the task whose lines are being recorded, and the machine they are recorded from */
  readonly active: { readonly task: number; readonly boot: readonly LabEvent[] } | null;
  /** the task last opened from the assignment (an exercise shows in the assignment panel) */
  readonly focus: number | null;
  /** open an assignment's text; a refusal is a banner and changes nothing */
  load(text: string, from: 'file' | 'link' | 'maker'): boolean;
  /** the student's id: null when taken, else why it cannot be one */
  setStudent(raw: string): string | null;
  /** work on task `index`: a fresh lab with the lines kept for it replayed, then record */
  workTask(index: number): void;
  setAnswer(index: number, answer: string): void;
  show(panel: HomeworkPanel | null): void;
  /** take the lab's current branch as the active task's lines (after every change of the lab) */
  record(shell: ShellState): void;
}

const studentOrNull = (raw: string) => {
  const s = studentId(raw);
  return s.ok ? s.id : null;
};

const sameLines = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((l, i) => l === b[i]);

/** A fresh machine as the grader builds one (the default configuration), with `lines` typed. */
function replay(lines: readonly string[]): { shell: ShellState; outputs: Output[] } {
  // the line numbers go on from the page's, as a lesson's fresh lab does, so the terminal's numbering stays one story
  let shell: ShellState = { ...createShell(), lineNo: useLab.getState().shell.lineNo };
  const outputs: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
  }
  return { shell, outputs };
}

export const useHomework = create<HomeworkStore>()((set, get) => ({
  assignment: null,
  text: null,
  student: null,
  work: {},
  panel: null,
  active: null,
  focus: null,

  load(text, from) {
    const read = parseAssignment(text);
    const lab = useLab.getState();
    if (!read.ok) {
      const t = useLanguage.getState().t;
      const where = from === 'link' ? t('homework.refused.link') : from === 'file' ? t('homework.refused.file') : t('homework.refused.maker');
      // the field is the file's own name for it (`tasks[0].lesson`), the same in every language
      lab.setBanner({ kind: 'error', text: t('homework.refused', { where, field: read.field, message: read.words ? wordsIn(t, read.words) : read.message }) });
      return false;
    }
    const assignment = read.assignment;
    saveAssignmentText(text);
    const kept = loadHomework(assignment, studentOrNull);
    set({ assignment, text, student: kept.student, work: kept.work, panel: 'assignment', active: null, focus: null });
    if (lab.banner?.kind === 'error') lab.setBanner(null);
    return true;
  },

  setStudent(raw) {
    const { assignment } = get();
    const s = studentId(raw);
    const t = useLanguage.getState().t;
    if (!s.ok) return wordsIn(t, s.words);
    if (!assignment) return t('homework.student.noAssignment');
    const work = storedWork(assignment, s.id);
    saveHomework(assignment, s.id, work);
    set({ student: s.id, work, active: null });
    return null;
  },

  workTask(index) {
    const { assignment, student, work } = get();
    const task = assignment?.tasks[index];
    if (!assignment || !task || !student) return;
    const lines = work[index]?.lines ?? [];
    const { shell, outputs } = replay(lines);
    // the task's name is the command that opens it (`lesson flip`), the same in every language
    const t = useLanguage.getState().t;
    const said = { n: index + 1, name: taskName(task) };
    const note = lines.length === 0
      ? [t('homework.replay.fresh', said)]
      : [t('homework.replay.lines', { ...said, count: lines.length, lines: String(lines.length) }), ...lines.slice(-40).map((l) => `  ${visible(l)}`)];
    // the lesson panel's state first, counting from after the replay, so the replayed lines
    // do not tick a step of whatever was open before (nor of this one twice)
    const here = { startLine: shell.lineNo, since: shell.timeline.current.seq };
    const lessons = useLessons.getState();
    switch (task.kind) {
      case 'lesson': {
        const custom = task.source === 'file';
        const lesson: Lesson = task.lesson;
        const met = lines.length === 0 ? 0 : gradeOf(assignment, student, work, index).stepsMet;
        if (custom) useLessons.setState({ custom: { lesson, challenges: [] } });
        useLessons.setState({ opened: { kind: 'lesson', id: lesson.id, step: Math.min(met, lesson.steps.length - 1), ...here, ...(custom ? { custom } : {}) }, met: null, metAt: null, hintsShown: 0 });
        break;
      }
      case 'challenge': {
        const custom = task.source === 'file';
        // a teacher's challenge opens as the lesson panel opens one from a file: a lesson of no steps around it
        if (custom) useLessons.setState({ custom: { lesson: { id: task.challenge.id, title: task.challenge.title, figure: '', summary: '', steps: [] }, challenges: [task.challenge] } });
        useLessons.setState({ opened: { kind: 'challenge', id: task.challenge.id, ...here, ...(custom ? { custom } : {}) }, met: null, metAt: null, hintsShown: 0 });
        break;
      }
      case 'exercise':
        lessons.close();
        break;
    }
    useLab.getState().replaceShell(shell, note, outputs);
    set({ active: { task: index, boot: shell.timeline.bootEvents }, focus: index, panel: task.kind === 'exercise' ? 'assignment' : 'task' });
  },

  setAnswer(index, answer) {
    const { assignment, student, work } = get();
    if (!assignment || !student || assignment.tasks[index]?.kind !== 'exercise') return;
    const next = { ...work, [index]: { lines: work[index]?.lines ?? [], answer } };
    saveHomework(assignment, student, next);
    set({ work: next });
  },

  show: (panel) => set({ panel }),

  record(shell) {
    const { active, assignment, student, work } = get();
    if (!active || !assignment || !student) return;
    // another machine (a lesson reopened, reset, a link): this task's lines stay as they were
    if (shell.timeline.bootEvents !== active.boot) {
      set({ active: null });
      return;
    }
    const lines = trailLines(shell).filter((l) => l.trim() !== '');
    const before = work[active.task];
    if (before && sameLines(before.lines, lines)) return;
    const next = { ...work, [active.task]: { ...before, lines } };
    saveHomework(assignment, student, next);
    set({ work: next });
  },
}));

// the first screen draws the right column from the panel shown (homeworkShown.ts)
useHomework.subscribe((now) => {
  if (useHomeworkShown.getState().panel !== now.panel) useHomeworkShown.setState({ panel: now.panel });
});

// the assignment opened here last comes back after a reload, with the student's work on it
if (typeof window !== 'undefined') {
  const text = loadAssignmentText();
  const restore = (text: string) => {
    const read = parseAssignment(text);
    if (!read.ok) return;
    const kept = loadHomework(read.assignment, studentOrNull);
    useHomework.setState({ assignment: read.assignment, text, student: kept.student, work: kept.work });
  };
  // a hash pins the full built-in file, which the page fetches first (issue 23)
  if (text && pinsBuiltinHash(text)) void readyForAssignment(text).then(() => restore(text));
  else if (text) restore(text);
}

// every change of the lab: the open task's lines follow the current branch
useLab.subscribe((now, before) => {
  if (now.shell !== before.shell) useHomework.getState().record(now.shell);
});
