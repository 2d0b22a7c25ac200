// The lesson builder in the page: the lesson's fields, its steps as tabs,
// the current step's recorded lines, narration, checks picked from what the
// machine just did, hints and a question for the room; what is missing and
// what comes next; preview as a student, export the file, copy a link.
// Everything a teacher types is shown as text, never as HTML.

import { useMemo, useRef, useState } from 'react';
import type { Output, Rule, ShellState } from '../../engine/index.ts';
import { asksFor, BUILTIN_FILES, checkStep, lessonFileText, namesOf, suggestChecks } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { readLessonFile } from '../lessons/customLesson.ts';
import { encodeLessonLink } from '../lessons/lessonLink.ts';
import { download } from '../share/download.ts';
import { LINK_LIMITS } from '../share/shareLink.ts';
import { draftFile, idOf, missingOf, useBuilder } from './builderStore.ts';
import { isTagStyle } from '../../engine/index.ts';
import { TAG_CHOICES } from '../app/prefs.ts';
import { useT } from '../app/language.ts';
import './builder.css';

function Offers() {
  const stepStart = useBuilder((s) => s.stepStart);
  const addCheck = useBuilder((s) => s.addCheck);
  const shell = useLab((s) => s.shell);
  const outputs = useLab((s) => s.outputs);
  const offers = useMemo(
    () => (stepStart ? suggestChecks(stepStart.shell, shell, outputs.filter((o) => o.line > stepStart.line)) : []),
    [stepStart, shell, outputs],
  );
  if (offers.length === 0) return <p className="note">Type the step's lines: checks will be offered from what the machine does.</p>;
  return (
    <ul className="offers" aria-label="checks offered from what the machine just did">
      {offers.map((o) => (
        <li key={o.says} className={o.names.length ? 'named' : ''}>
          <button type="button" className="link" onClick={() => addCheck(o.rule)} aria-label={`add check: ${o.says}`}>add</button> {o.says}
          {o.names.length > 0 && <span className="note"> (reads the name {o.names.join(', ')})</span>}
        </li>
      ))}
    </ul>
  );
}

/** The lesson file's "tags": how the lesson wants the patent's tags shown, or as each reader has them (issue 19 §4). */
function TagsField() {
  const t = useT();
  const tags = useBuilder((s) => s.draft?.tags ?? null);
  const setLesson = useBuilder((s) => s.setLesson);
  return (
    <label className="builder-tags">
      {t('builder.tagsField')}{' '}
      <select value={tags ?? ''} title={t('builder.tagsField.title')} onChange={(e) => setLesson({ tags: isTagStyle(e.target.value) ? e.target.value : null })}>
        <option value="">{t('builder.tagsField.reader')}</option>
        {TAG_CHOICES.map((c) => <option key={c.style} value={c.style}>{t(c.label)}</option>)}
      </select>
    </label>
  );
}

function StepEditor() {
  const { draft, at, recording, setStep, removeLine, removeCheck, setRecording } = useBuilder();
  const step = draft!.steps[at]!;
  const shell = useLab((s) => s.shell);
  const outputs = useLab((s) => s.outputs);
  const stepStart = useBuilder((s) => s.stepStart);
  // each chosen check in plain words, as the student will see it
  const chosen = useMemo(() => {
    const since = stepStart ? outputs.filter((o) => o.line > stepStart.line) : [];
    return step.checks.map((r) => suggestSays(r, shell, since, stepStart?.shell.timeline.current.seq ?? 0));
  }, [step.checks, shell, outputs, stepStart]);
  // checks that read a name the narration does not ask the student to type (issue 20: checks test the machine, not the names)
  const unasked = step.checks
    .map((r, i) => ({ says: chosen[i]?.says ?? '', names: namesOf(r).filter((n) => !asksFor(step.narration, n)) }))
    .filter((u) => u.names.length > 0);
  return (
    <div className="builder-step">
      <label>Step title <input value={step.title} onChange={(e) => setStep({ title: e.target.value })} maxLength={120} /></label>
      <label>Narration (what happens and why; a blank line starts a paragraph, `backticks` mark code)
        <textarea value={step.narration} onChange={(e) => setStep({ narration: e.target.value })} rows={4} maxLength={3000} />
      </label>
      <div className="row">
        <strong>Lines</strong>
        <button type="button" className={recording ? 'primary' : ''} aria-pressed={recording} onClick={() => setRecording(!recording)}>
          {recording ? '● Recording: type in the terminal' : 'Record lines'}
        </button>
      </div>
      {step.lines.length === 0 ? <p className="note">No lines yet.</p> : (
        <ol className="lines" aria-label="recorded lines">
          {step.lines.map((line, i) => (
            <li key={i}><code>{line}</code> <button type="button" className="link" onClick={() => removeLine(i)} aria-label={`remove line ${line}`}>remove</button></li>
          ))}
        </ol>
      )}
      <strong>Checks</strong>
      {step.checks.length === 0 ? <p className="note">No checks yet: pick them below.</p> : (
        <ul className="checks chosen" aria-label="chosen checks">
          {chosen.map((c, i) => (
            <li key={i} className={c.ok ? 'ok' : 'todo'}>
              <span className="mark" aria-hidden="true">{c.ok ? '✓' : '○'}</span>{c.says}
              <button type="button" className="link" onClick={() => removeCheck(i)} aria-label={`remove check ${c.says}`}>remove</button>
            </li>
          ))}
        </ul>
      )}
      {unasked.length > 0 && (
        <p className="name-warning" role="status">
          {unasked.map(({ says, names }) => `"${says}" reads the name${names.length === 1 ? '' : 's'} ${names.join(', ')}`).join('; ')}: a student who names things their own way will not pass. Say in the narration that they must type {unasked.flatMap((u) => u.names).join(', ')}, or pick a check that reads the machine (offered first).
        </p>
      )}
      <details open>
        <summary>Offered from what the machine just did</summary>
        <Offers />
      </details>
      <label>First hint: the idea (which figure, who acts) <input value={step.hints[0]} onChange={(e) => setStep({ hints: [e.target.value, step.hints[1]] })} maxLength={600} /></label>
      <label>Second hint: the line <input value={step.hints[1]} onChange={(e) => setStep({ hints: [step.hints[0], e.target.value] })} maxLength={600} /></label>
      <label>Question for the room (optional) <input value={step.ask} onChange={(e) => setStep({ ask: e.target.value })} maxLength={600} /></label>
      <label>Its answer <input value={step.answer} onChange={(e) => setStep({ answer: e.target.value })} maxLength={600} /></label>
    </div>
  );
}

function suggestSays(rule: Rule, shell: ShellState, outputs: readonly Output[], since: number) {
  const r = checkStep([rule], shell, outputs, since).results[0]!;
  return { ok: r.ok, says: r.says };
}

export function BuilderPanel() {
  const { draft, at, setLesson, selectStep, addStep, removeStep, begin } = useBuilder();
  const openCustom = useLessons((s) => s.openCustom);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!draft) return null;
  const missing = missingOf(draft);
  const made = missing.length === 0 ? draftFile(draft) : null;
  const file = made?.ok ? made.file : null;
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const read = await readLessonFile(f);
    if (read.ok) {
      begin(read.file);
      setStatus({ ok: true, text: `Opened ${read.file.lesson.title} to edit.` });
    } else setStatus({ ok: false, text: read.message });
    if (fileInput.current) fileInput.current.value = '';
  };
  const copyLink = async () => {
    if (!file) return;
    const fragment = await encodeLessonLink(file);
    if (fragment.length > LINK_LIMITS.fragment) {
      setStatus({ ok: false, text: `This lesson is too large for a link (${fragment.length} characters; at most ${LINK_LIMITS.fragment}). Export the file instead.` });
      return;
    }
    const url = `${location.origin}${location.pathname}${location.search}#${fragment}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ ok: true, text: 'The link to this lesson is copied. It opens the lesson for a student; add ?present or ?embed before # for those modes.' });
    } catch {
      setStatus({ ok: true, text: 'Copy the link below: it opens the lesson for a student.' });
    }
  };
  return (
    <div className="lesson builder">
      <div className="row">
        <label>Edit a built-in lesson <select aria-label="edit a built-in lesson" value="" onChange={(e) => { const f = BUILTIN_FILES.find((b) => b.lesson.id === e.target.value); if (f) begin(f); }}>
          <option value="">choose…</option>
          {BUILTIN_FILES.filter((f) => f.lesson.steps.length).map((f) => <option key={f.lesson.id} value={f.lesson.id}>{f.lesson.number}. {f.lesson.title}</option>)}
        </select></label>
        <label className="file-button">Open a lesson file to edit<input ref={fileInput} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} /></label>
        <button type="button" onClick={() => begin()}>Start a new lesson</button>
      </div>
      <label>Lesson title <input value={draft.title} onChange={(e) => setLesson({ title: e.target.value, id: idOf(e.target.value) })} maxLength={120} /></label>
      <div className="row">
        <label>Figures <input value={draft.figures} onChange={(e) => setLesson({ figures: e.target.value })} maxLength={120} placeholder="Fig. 5" /></label>
        <label>Summary <input value={draft.summary} onChange={(e) => setLesson({ summary: e.target.value })} maxLength={3000} /></label>
        <TagsField />
      </div>
      <div className="row steps-tabs" role="group" aria-label="steps">
        {draft.steps.map((s, i) => (
          <button key={i} type="button" aria-pressed={i === at} className={i === at ? 'primary' : ''} onClick={() => selectStep(i)} title={s.title || undefined}>Step {i + 1}</button>
        ))}
        <button type="button" onClick={addStep}>New step</button>
        <button type="button" onClick={removeStep} disabled={draft.steps.length <= 1}>Remove this step</button>
      </div>
      <p className="step-count">Step {at + 1} of {draft.steps.length}{draft.steps[at]!.title ? `: ${draft.steps[at]!.title}` : ''}</p>
      <StepEditor />
      <div className="missing" aria-live="polite">
        {missing.length ? (
          <>
            <p><strong>Next:</strong> {missing[0]}</p>
            {missing.length > 1 && <details><summary>Still missing ({missing.length})</summary><ul>{missing.map((m, i) => <li key={i}>{m}</li>)}</ul></details>}
          </>
        ) : <p><strong>Ready.</strong> Preview it as a student, then export the file or copy a link.</p>}
      </div>
      <div className="row">
        <button type="button" disabled={!file} onClick={() => file && openCustom(file)}>Preview as a student</button>
        <button type="button" disabled={!file} onClick={() => file && download(`${file.lesson.id}.lesson.json`, lessonFileText(file), 'application/json')}>Export the file</button>
        <button type="button" disabled={!file} onClick={() => void copyLink()}>Copy a link</button>
      </div>
      {status && <p className={status.ok ? 'status' : 'status error'} role="status">{status.text}</p>}
      {link && <label>Link <input readOnly value={link} aria-label="link to this lesson" onFocus={(e) => e.target.select()} /></label>}
    </div>
  );
}
