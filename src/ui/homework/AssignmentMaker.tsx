// "Make an assignment": the teacher's side in the page. A title,
// instructions, optional due text, a seed, and tasks picked from the built-in
// lessons, challenges and exercise kinds. What the form makes is checked by
// the same validator a student's page and the grader use, so an assignment
// that exports is one that opens; it leaves as a file or as a link.

import { useMemo, useState } from 'react';
import { ASSIGNMENT_FORMAT, ASSIGNMENT_LIMITS, ASSIGNMENT_VERSION, CHALLENGES, EXERCISE_KINDS, LESSONS, validateAssignment } from '../../engine/index.ts';
import { download, jsonFile } from '../share/download.ts';
import { encodeAssignmentLink } from './assignmentLink.ts';
import { useHomework } from './homeworkStore.ts';

type Pick = { readonly lesson: string } | { readonly challenge: string } | { readonly exercise: string };

/** Every task the form offers, with the value its <option> carries. */
const OFFERS: readonly { readonly value: string; readonly label: string; readonly group: string; readonly task: Pick }[] = [
  ...LESSONS.map((l) => ({ value: `lesson:${l.id}`, label: `${l.number}. ${l.title}`, group: 'Lessons', task: { lesson: l.id } })),
  ...CHALLENGES.map((c) => ({ value: `challenge:${c.id}`, label: c.title, group: 'Challenges', task: { challenge: c.id } })),
  ...EXERCISE_KINDS.map((k) => ({ value: `exercise:${k}`, label: k === 'owner' ? 'who owns the frame?' : 'what does select return?', group: 'Exercises', task: { exercise: k } })),
];
const GROUPS = ['Lessons', 'Challenges', 'Exercises'] as const;

const labelOf = (t: Pick) => OFFERS.find((o) => JSON.stringify(o.task) === JSON.stringify(t))!;

/** An id from a title: "Week 5: flipping pages" gives "week-5-flipping-pages". */
export const idFromTitle = (title: string) => title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32).replace(/-+$/, '') || 'assignment';

export function AssignmentMaker() {
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [due, setDue] = useState('');
  const [seed, setSeed] = useState('1');
  const [tasks, setTasks] = useState<readonly Pick[]>([]);
  const [choice, setChoice] = useState(OFFERS[0]!.value);
  const [link, setLink] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useHomework((s) => s.load);

  const data = useMemo(() => ({
    format: ASSIGNMENT_FORMAT,
    version: ASSIGNMENT_VERSION,
    id: idFromTitle(title),
    title: title.trim(),
    instructions: instructions.trim(),
    ...(due.trim() ? { due: due.trim() } : {}),
    seed: /^\d{1,10}$/.test(seed) ? Number(seed) : -1,
    tasks,
  }), [title, instructions, due, seed, tasks]);
  const checked = useMemo(() => validateAssignment(data), [data]);
  const text = jsonFile(data);
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setLink(null);
    setMessage(null);
  };
  const move = (i: number, by: -1 | 1) => change(setTasks)(tasks.map((t, j) => (j === i ? tasks[i + by]! : j === i + by ? tasks[i]! : t)));

  const copyLink = async () => {
    const url = `${location.origin}${location.pathname}#${await encodeAssignmentLink(text)}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setMessage('The link is copied: send it to your students.');
    } catch {
      setMessage('Copy the link below and send it to your students.');
    }
  };

  return (
    <div className="lesson builder homework-maker">
      <p className="note">Pick the tasks; each student gets their own numbers in an exercise (from the seed and their id). Grade the hand-ins with <code>npx lparsh --grade</code>.</p>
      <label>Title <input value={title} maxLength={ASSIGNMENT_LIMITS.title} onChange={(e) => change(setTitle)(e.currentTarget.value)} /></label>
      <label>Instructions <textarea value={instructions} maxLength={ASSIGNMENT_LIMITS.text} rows={3} onChange={(e) => change(setInstructions)(e.currentTarget.value)} /></label>
      <div className="row">
        <label>Due (optional) <input value={due} maxLength={ASSIGNMENT_LIMITS.due} onChange={(e) => change(setDue)(e.currentTarget.value)} placeholder="Friday, 23:59" /></label>
        <label>Seed <input value={seed} inputMode="numeric" onChange={(e) => change(setSeed)(e.currentTarget.value.trim())} /></label>
      </div>
      <div className="row">
        <label>Task to add <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          {GROUPS.map((g) => (
            <optgroup key={g} label={g}>
              {OFFERS.filter((o) => o.group === g).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </optgroup>
          ))}
        </select></label>
        <button type="button" disabled={tasks.length >= ASSIGNMENT_LIMITS.tasks} onClick={() => change(setTasks)([...tasks, OFFERS.find((o) => o.value === choice)!.task])}>Add the task</button>
      </div>
      <ol className="homework-tasks" aria-label="the assignment's tasks">
        {tasks.map((t, i) => {
          const offer = labelOf(t);
          return (
            <li key={`${i}:${offer.value}`}>
              <span className="task-title"><span className="task-no">{i + 1}.</span> {offer.group.replace(/s$/, '')}: {offer.label}</span>
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`move task ${i + 1} up`}>Up</button>
              <button type="button" onClick={() => change(setTasks)(tasks.filter((_, j) => j !== i))} aria-label={`remove task ${i + 1}`}>Remove</button>
            </li>
          );
        })}
      </ol>
      {checked.ok
        ? <p className="note" data-testid="assignment-id">Assignment id: <code>{checked.assignment.id}</code> (it names the hand-in files).</p>
        : <p className="status error" data-testid="assignment-problem">Not ready: {checked.field} {checked.message}.</p>}
      <div className="row">
        <button type="button" disabled={!checked.ok} onClick={() => checked.ok && download(`${checked.assignment.id}.assignment.json`, text, 'application/json')}>Export the file</button>
        <button type="button" disabled={!checked.ok} onClick={() => void copyLink()}>Copy the link</button>
        <button type="button" disabled={!checked.ok} onClick={() => load(text, 'maker')}>Try it as a student</button>
      </div>
      {message && <p className="status" role="status">{message}</p>}
      {link && <input className="assignment-link" readOnly value={link} aria-label="the assignment's link" data-testid="assignment-link" onFocus={(e) => e.currentTarget.select()} />}
    </div>
  );
}
