// "Make an assignment": the teacher's side in the page. A title,
// instructions, optional due text, a seed, and tasks picked from the built-in
// lessons, challenges and exercise kinds. What the form makes is checked by
// the same validator a student's page and the grader use, so an assignment
// that exports is one that opens; it leaves as a file or as a link.

import { useMemo, useState } from 'react';
import { ASSIGNMENT_FORMAT, ASSIGNMENT_LIMITS, ASSIGNMENT_VERSION, CHALLENGES, challengesIn, EXERCISE_KINDS, LESSONS, lessonsIn, validateAssignment } from '../../engine/index.ts';
import { download, jsonFile } from '../share/download.ts';
import { encodeAssignmentLink } from './assignmentLink.ts';
import { useHomework } from './homeworkStore.ts';
import { useLanguage, useT } from '../app/language.ts';
import { fillSlots, slot } from '../app/slots.tsx';
import { EXERCISE_TITLES } from '../lessons/exerciseTitles.ts';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import type { Words } from '../../engine/index.ts';

/** How a teacher grades the hand-ins: the command language, the same in every language. */
const GRADE_COMMAND = 'npx lparsh --grade';

type Pick = { readonly lesson: string } | { readonly challenge: string } | { readonly exercise: string };
type Group = 'lessons' | 'challenges' | 'exercises';

/** Every task the form offers, with the value its <option> carries; its label in the reader's language. */
const OFFERS: readonly { readonly value: string; readonly label: (t: Translate, lang: string) => string; readonly group: Group; readonly task: Pick }[] = [
  // a built-in lesson's and challenge's title in the reader's language, where its file gives one
  ...LESSONS.map((l) => ({ value: `lesson:${l.id}`, label: (_: Translate, lang: string) => `${l.number}. ${lessonsIn(lang).find((x) => x.id === l.id)?.title ?? l.title}`, group: 'lessons' as const, task: { lesson: l.id } })),
  ...CHALLENGES.map((c) => ({ value: `challenge:${c.id}`, label: (_: Translate, lang: string) => challengesIn(lang).find((x) => x.id === c.id)?.title ?? c.title, group: 'challenges' as const, task: { challenge: c.id } })),
  ...EXERCISE_KINDS.map((k) => ({ value: `exercise:${k}`, label: (t: Translate) => t(EXERCISE_TITLES[k]), group: 'exercises' as const, task: { exercise: k } })),
];
/** Each group's heading in the list, and the word for one task of it. */
const GROUPS: Readonly<Record<Group, { readonly heading: MessageKey; readonly one: MessageKey }>> = {
  lessons: { heading: 'lesson.menu.lessons', one: 'homework.maker.lesson' },
  challenges: { heading: 'lesson.menu.challenges', one: 'homework.maker.challenge' },
  exercises: { heading: 'lesson.menu.exercises', one: 'homework.maker.exercise' },
};
/** The form's fields, by the validator's name for each: a refusal names the field as the form labels it. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  title: 'homework.maker.title',
  instructions: 'homework.maker.instructions',
  due: 'homework.maker.due',
  seed: 'homework.maker.seed',
  tasks: 'homework.maker.tasks',
};

const labelOf = (task: Pick) => OFFERS.find((o) => JSON.stringify(o.task) === JSON.stringify(task))!;

/** An id from a title: "Week 5: flipping pages" gives "week-5-flipping-pages". */
export const idFromTitle = (title: string) => title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32).replace(/-+$/, '') || 'assignment';

/** Why the form's assignment cannot be used yet: the field as the form labels it, and the validator's words for what is wrong. */
function refusalIn(t: Translate, r: { readonly field: string; readonly message: string; readonly words?: Words }): string {
  const label = FIELD_LABELS[r.field];
  return t('homework.maker.problem', { field: label ? t(label) : r.field, problem: r.words ? wordsIn(t, r.words) : r.message });
}

export function AssignmentMaker() {
  const t = useT();
  const lang = useLanguage((l) => l.lang);
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
  const move = (i: number, by: -1 | 1) => change(setTasks)(tasks.map((task, j) => (j === i ? tasks[i + by]! : j === i + by ? tasks[i]! : task)));

  const copyLink = async () => {
    const url = `${location.origin}${location.pathname}#${await encodeAssignmentLink(text)}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('homework.maker.copied'));
    } catch {
      setMessage(t('homework.maker.copyBelow'));
    }
  };

  return (
    <div className="lesson builder homework-maker">
      <p className="note">{fillSlots(t('homework.maker.about', { command: slot(0) }), [<code key="grade">{GRADE_COMMAND}</code>])}</p>
      <label>{t('homework.maker.title')} <input value={title} maxLength={ASSIGNMENT_LIMITS.title} onChange={(e) => change(setTitle)(e.currentTarget.value)} /></label>
      <label>{t('homework.maker.instructions')} <textarea value={instructions} maxLength={ASSIGNMENT_LIMITS.text} rows={3} onChange={(e) => change(setInstructions)(e.currentTarget.value)} /></label>
      <div className="row">
        <label>{t('homework.maker.due.optional')} <input value={due} maxLength={ASSIGNMENT_LIMITS.due} onChange={(e) => change(setDue)(e.currentTarget.value)} placeholder={t('homework.maker.due.example')} /></label>
        <label>{t('homework.maker.seed')} <input value={seed} inputMode="numeric" onChange={(e) => change(setSeed)(e.currentTarget.value.trim())} /></label>
      </div>
      <div className="row">
        <label>{t('homework.maker.pick')} <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          {(Object.keys(GROUPS) as Group[]).map((g) => (
            <optgroup key={g} label={t(GROUPS[g].heading)}>
              {OFFERS.filter((o) => o.group === g).map((o) => <option key={o.value} value={o.value}>{o.label(t, lang)}</option>)}
            </optgroup>
          ))}
        </select></label>
        <button type="button" disabled={tasks.length >= ASSIGNMENT_LIMITS.tasks} onClick={() => change(setTasks)([...tasks, OFFERS.find((o) => o.value === choice)!.task])}>{t('homework.maker.add')}</button>
      </div>
      <ol className="homework-tasks" aria-label={t('homework.maker.list')}>
        {tasks.map((task, i) => {
          const offer = labelOf(task);
          return (
            <li key={`${i}:${offer.value}`}>
              <span className="task-title"><span className="task-no">{i + 1}.</span> {t(GROUPS[offer.group].one, { title: offer.label(t, lang) })}</span>
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('homework.maker.up.label', { n: i + 1 })}>{t('homework.maker.up')}</button>
              <button type="button" onClick={() => change(setTasks)(tasks.filter((_, j) => j !== i))} aria-label={t('homework.maker.remove.label', { n: i + 1 })}>{t('homework.maker.remove')}</button>
            </li>
          );
        })}
      </ol>
      {checked.ok
        ? <p className="note" data-testid="assignment-id">{fillSlots(t('homework.maker.id', { id: slot(0) }), [<code key="id">{checked.assignment.id}</code>])}</p>
        : <p className="status error" data-testid="assignment-problem">{t('homework.maker.notReady', { problem: refusalIn(t, checked) })}</p>}
      <div className="row">
        <button type="button" disabled={!checked.ok} onClick={() => checked.ok && download(`${checked.assignment.id}.assignment.json`, text, 'application/json')}>{t('homework.maker.export')}</button>
        <button type="button" disabled={!checked.ok} onClick={() => void copyLink()}>{t('homework.maker.copy')}</button>
        <button type="button" disabled={!checked.ok} onClick={() => load(text, 'maker')}>{t('homework.maker.try')}</button>
      </div>
      {message && <p className="status" role="status">{message}</p>}
      {link && <input className="assignment-link" readOnly value={link} aria-label={t('homework.maker.link')} data-testid="assignment-link" onFocus={(e) => e.currentTarget.select()} />}
    </div>
  );
}
