// The lesson builder in the page: the lesson's fields, its steps as tabs,
// the current step's recorded lines, narration, checks picked from what the
// machine just did, hints and a question for the room; what is missing and
// what comes next; preview as a student, export the file, copy a link.
// Everything a teacher types is shown as text, never as HTML. A lesson may
// have its words in a second language (issue 23): each text then has a
// second column beside the first, and the file is written as version 2.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Output, Rule, ShellState } from '../../engine/index.ts';
import { asksFor, BUILTIN_FILES, checkStep, isLessonLanguage, LESSON_LANGUAGES, lessonFileText, namesOf, suggestChecks, textIn } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { readLessonFile } from '../lessons/customLesson.ts';
import { encodeLessonLink } from '../lessons/lessonLink.ts';
import { download } from '../share/download.ts';
import { LINK_LIMITS } from '../share/shareLink.ts';
import { draftFile, idOf, missingOf } from './draft.ts';
import { useBuilder } from './builderStore.ts';
import { isTagStyle } from '../../engine/index.ts';
import { TAG_CHOICES } from '../app/prefs.ts';
import { loadFace, useLanguage, useT } from '../app/language.ts';
import { loadBuiltinLanguages } from '../app/builtinLanguages.ts';
import { isLanguage, LANGUAGES } from '../../i18n/languages.ts';
import type { Translate } from '../../i18n/translate.ts';
import { saysIn } from '../../i18n/wordsIn.ts';
import './builder.css';

function Offers() {
  const t = useT();
  const stepStart = useBuilder((s) => s.stepStart);
  const addCheck = useBuilder((s) => s.addCheck);
  const shell = useLab((s) => s.shell);
  const outputs = useLab((s) => s.outputs);
  const offers = useMemo(
    () => (stepStart ? suggestChecks(stepStart.shell, shell, outputs.filter((o) => o.line > stepStart.line)) : []),
    [stepStart, shell, outputs],
  );
  if (offers.length === 0) return <p className="note">{t('builder.offers.none')}</p>;
  return (
    <ul className="offers" aria-label={t('builder.offers.label')}>
      {offers.map((o) => (
        <li key={o.says} className={o.names.length ? 'named' : ''}>
          <button type="button" className="link" onClick={() => addCheck(o.rule)} aria-label={t('builder.offers.add.label', { says: saysIn(t, o) })}>{t('builder.offers.add')}</button> {saysIn(t, o)}
          {o.names.length > 0 && <span className="note"> {t('builder.offers.readsName', { names: o.names.join(', ') })}</span>}
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

/** The name a language goes by in its own words (the builder's column heads). */
const nameOf = (lang: string | undefined) => (lang && isLessonLanguage(lang) ? LANGUAGES[lang].name : '');

interface TwinProps {
  readonly label: string;
  readonly first: string;
  readonly onFirst: (value: string) => void;
  /** the second language's text, and how to change it; absent while the lesson has one language */
  readonly second?: { readonly value: string; readonly onChange: (value: string) => void; readonly same?: boolean } | null;
  readonly max: number;
  readonly rows?: number;
  readonly placeholder?: string;
}

/**
 * One text of the lesson: a field, or with a second language two fields side
 * by side, each named with its language. A second text that may be left
 * empty (`same`: figures, the hint that is a line) shows what it will be.
 */
function Twin({ label, first, onFirst, second, max, rows, placeholder }: TwinProps) {
  const t = useT();
  const languages = useBuilder((s) => s.draft?.languages ?? []);
  const field = (value: string, onChange: (v: string) => void, props: { 'aria-label'?: string; placeholder?: string }) => (rows
    ? <textarea value={value} onChange={(e) => onChange(e.target.value)} rows={rows} maxLength={max} {...props} />
    : <input value={value} onChange={(e) => onChange(e.target.value)} maxLength={max} {...props} />);
  if (!second) return <label>{label} {field(first, onFirst, placeholder ? { placeholder } : {})}</label>;
  const [one, two] = [nameOf(languages[0]), nameOf(languages[1])];
  return (
    <div className="twin" role="group" aria-label={label}>
      <span className="twin-label">{label}</span>
      <div className="twin-cols">
        <label lang={languages[0]}>
          <span className="lang">{one}</span>
          {field(first, onFirst, { 'aria-label': t('builder.inLanguage', { label, language: one }), ...(placeholder ? { placeholder } : {}) })}
        </label>
        <label lang={languages[1]}>
          <span className="lang">{two}</span>
          {field(second.value, second.onChange, { 'aria-label': t('builder.inLanguage', { label, language: two }), ...(second.same ? { placeholder: first || t('builder.sameAs', { language: one }) } : {}) })}
        </label>
      </div>
    </div>
  );
}

/** Which languages the lesson's words are in: add a second one, or remove it. */
function LanguagesField() {
  const t = useT();
  const languages = useBuilder((s) => s.draft?.languages ?? []);
  const setSecondLanguage = useBuilder((s) => s.setSecondLanguage);
  const key = languages.join(' ');
  // a column in a language the page is not shown in still needs its face (Japanese on an English page draws empty boxes without it)
  useEffect(() => {
    for (const lang of key.split(' ')) if (isLanguage(lang)) void loadFace(lang);
  }, [key]);
  const others = LESSON_LANGUAGES.filter((l) => !languages.includes(l));
  return (
    <div className="row builder-languages" title={t('builder.languages.title')}>
      <span>{t('builder.languages')} {languages.map(nameOf).join(' + ')}</span>
      {languages.length < 2 && others.length > 0 && (
        <select aria-label={t('builder.addLanguage.label')} value="" onChange={(e) => { if (isLessonLanguage(e.target.value)) setSecondLanguage(e.target.value); }}>
          <option value="">{t('builder.addLanguage')}</option>
          {others.map((l) => <option key={l} value={l}>{nameOf(l)}</option>)}
        </select>
      )}
      {languages.length > 1 && <button type="button" onClick={() => setSecondLanguage(null)}>{t('builder.removeLanguage', { language: nameOf(languages[1]) })}</button>}
    </div>
  );
}

function StepEditor() {
  const t = useT();
  const { draft, at, recording, setStep, setSecondStep, removeLine, removeCheck, setRecording } = useBuilder();
  const step = draft!.steps[at]!;
  const words = draft!.second?.steps[at];
  const shell = useLab((s) => s.shell);
  const outputs = useLab((s) => s.outputs);
  const stepStart = useBuilder((s) => s.stepStart);
  // each chosen check in plain words, as the student will see it
  const chosen = useMemo(() => {
    const since = stepStart ? outputs.filter((o) => o.line > stepStart.line) : [];
    return step.checks.map((r) => suggestSays(t, r, shell, since, stepStart?.shell.timeline.current.seq ?? 0));
  }, [t, step.checks, shell, outputs, stepStart]);
  // checks that read a name the narration does not ask the student to type (issue 20: checks test the machine, not the names)
  const unasked = step.checks
    .map((r, i) => ({ says: chosen[i]?.says ?? '', names: namesOf(r).filter((n) => !asksFor(step.narration, n)) }))
    .filter((u) => u.names.length > 0);
  const both = (value: (w: NonNullable<typeof words>) => string, patch: (v: string) => Parameters<typeof setSecondStep>[0], same = false) =>
    (words ? { value: value(words), onChange: (v: string) => setSecondStep(patch(v)), same } : null);
  return (
    <div className="builder-step">
      <Twin label={t('builder.step.title')} first={step.title} onFirst={(v) => setStep({ title: v })} second={both((w) => w.title, (v) => ({ title: v }))} max={120} />
      <Twin label={t('builder.step.narration')} first={step.narration} onFirst={(v) => setStep({ narration: v })} second={both((w) => w.narration, (v) => ({ narration: v }))} max={3000} rows={4} />
      <div className="row">
        <strong>{t('builder.lines')}</strong>
        <button type="button" className={recording ? 'primary' : ''} aria-pressed={recording} onClick={() => setRecording(!recording)}>
          {recording ? t('builder.record.on') : t('builder.record.off')}
        </button>
      </div>
      {step.lines.length === 0 ? <p className="note">{t('builder.lines.none')}</p> : (
        <ol className="lines" aria-label={t('builder.lines.label')}>
          {step.lines.map((line, i) => (
            <li key={i}><code>{line}</code> <button type="button" className="link" onClick={() => removeLine(i)} aria-label={t('builder.line.remove.label', { line })}>{t('builder.remove')}</button></li>
          ))}
        </ol>
      )}
      <strong>{t('builder.checks')}</strong>
      {step.checks.length === 0 ? <p className="note">{t('builder.checks.none')}</p> : (
        <ul className="checks chosen" aria-label={t('builder.checks.label')}>
          {chosen.map((c, i) => (
            <li key={i} className={c.ok ? 'ok' : 'todo'}>
              <span className="mark" aria-hidden="true">{c.ok ? '✓' : '○'}</span>{c.says}
              <button type="button" className="link" onClick={() => removeCheck(i)} aria-label={t('builder.check.remove.label', { says: c.says })}>{t('builder.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      {unasked.length > 0 && (
        <p className="name-warning" role="status">
          {t('builder.nameWarning', {
            checks: unasked.map(({ says, names }) => t('builder.nameWarning.check', { says, count: names.length, names: names.join(', ') })).join('; '),
            names: unasked.flatMap((u) => u.names).join(', '),
          })}
        </p>
      )}
      <details open>
        <summary>{t('builder.offered')}</summary>
        <Offers />
      </details>
      <Twin label={t('builder.hint1')} first={step.hints[0]} onFirst={(v) => setStep({ hints: [v, step.hints[1]] })} second={both((w) => w.hints[0], (v) => ({ hints: [v, words!.hints[1]] }))} max={600} />
      <Twin label={t('builder.hint2')} first={step.hints[1]} onFirst={(v) => setStep({ hints: [step.hints[0], v] })} second={both((w) => w.hints[1], (v) => ({ hints: [words!.hints[0], v] }), true)} max={600} />
      <Twin label={t('builder.ask')} first={step.ask} onFirst={(v) => setStep({ ask: v })} second={both((w) => w.ask, (v) => ({ ask: v }))} max={600} />
      <Twin label={t('builder.answer')} first={step.answer} onFirst={(v) => setStep({ answer: v })} second={both((w) => w.answer, (v) => ({ answer: v }))} max={600} />
    </div>
  );
}

/** A chosen check as the student will see it, in the builder's language. */
function suggestSays(t: Translate, rule: Rule, shell: ShellState, outputs: readonly Output[], since: number) {
  const r = checkStep([rule], shell, outputs, since).results[0]!;
  return { ok: r.ok, says: saysIn(t, r) };
}

export function BuilderPanel() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const { draft, at, setLesson, setSecond, selectStep, addStep, removeStep, begin } = useBuilder();
  const openCustom = useLessons((s) => s.openCustom);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!draft) return null;
  const missing = missingOf(draft);
  const made = missing.length === 0 ? draftFile(draft) : null;
  const file = made?.ok ? made.file : null;
  const second = draft.second;
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const read = await readLessonFile(f);
    if (read.ok) {
      begin(read.file);
      setStatus({ ok: true, text: t('builder.opened', { title: textIn(read.file, lang).lesson.title }) });
    } else setStatus({ ok: false, text: read.message });
    if (fileInput.current) fileInput.current.value = '';
  };
  const copyLink = async () => {
    if (!file) return;
    const fragment = await encodeLessonLink(file);
    if (fragment.length > LINK_LIMITS.fragment) {
      setStatus({ ok: false, text: t('builder.link.tooLarge', { length: fragment.length, max: LINK_LIMITS.fragment }) });
      return;
    }
    const url = `${location.origin}${location.pathname}${location.search}#${fragment}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ ok: true, text: t('builder.link.copied') });
    } catch {
      setStatus({ ok: true, text: t('builder.link.copyBelow') });
    }
  };
  const current = draft.steps[at]!;
  return (
    <div className="lesson builder">
      <div className="row">
        <label>{t('builder.editBuiltin')} <select aria-label={t('builder.editBuiltin.label')} value="" onChange={(e) => { const id = e.target.value; void loadBuiltinLanguages().catch(() => undefined).then(() => { const f = BUILTIN_FILES.find((b) => b.lesson.id === id); if (f) begin(f); }); }}>
          <option value="">{t('builder.choose')}</option>
          {BUILTIN_FILES.filter((f) => f.lesson.steps.length).map((f) => <option key={f.lesson.id} value={f.lesson.id}>{f.lesson.number}. {textIn(f, lang).lesson.title}</option>)}
        </select></label>
        <label className="file-button">{t('builder.openFile')}<input ref={fileInput} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} /></label>
        <button type="button" onClick={() => begin()}>{t('builder.new')}</button>
      </div>
      <LanguagesField />
      <Twin label={t('builder.lessonTitle')} first={draft.title} onFirst={(v) => setLesson({ title: v, id: idOf(v) })} second={second && { value: second.title, onChange: (v) => setSecond({ title: v }) }} max={120} />
      <div className={second ? '' : 'row'}>
        <Twin label={t('builder.figures')} first={draft.figures} onFirst={(v) => setLesson({ figures: v })} second={second && { value: second.figures, onChange: (v) => setSecond({ figures: v }), same: true }} max={120} placeholder={t('builder.figures.placeholder')} />
        <Twin label={t('builder.summary')} first={draft.summary} onFirst={(v) => setLesson({ summary: v })} second={second && { value: second.summary, onChange: (v) => setSecond({ summary: v }) }} max={3000} />
        <TagsField />
      </div>
      <div className="row steps-tabs" role="group" aria-label={t('builder.steps.label')}>
        {draft.steps.map((s, i) => (
          <button key={i} type="button" aria-pressed={i === at} className={i === at ? 'primary' : ''} onClick={() => selectStep(i)} title={s.title || undefined}>{t('builder.stepTab', { n: i + 1 })}</button>
        ))}
        <button type="button" onClick={addStep}>{t('builder.addStep')}</button>
        <button type="button" onClick={removeStep} disabled={draft.steps.length <= 1}>{t('builder.removeStep')}</button>
      </div>
      <p className="step-count">{current.title ? t('builder.stepCount.titled', { n: at + 1, count: draft.steps.length, title: current.title }) : t('builder.stepCount', { n: at + 1, count: draft.steps.length })}</p>
      <StepEditor />
      <div className="missing" aria-live="polite">
        {missing.length ? (
          <>
            <p><strong>{t('builder.next')}</strong> {t(missing[0]!.key, missing[0]!.values)}</p>
            {missing.length > 1 && <details><summary>{t('builder.stillMissing', { count: missing.length })}</summary><ul>{missing.map((m, i) => <li key={i}>{t(m.key, m.values)}</li>)}</ul></details>}
          </>
        ) : <p><strong>{t('builder.ready')}</strong> {t('builder.ready.more')}</p>}
      </div>
      <div className="row">
        <button type="button" disabled={!file} onClick={() => file && openCustom(file)}>{t('builder.preview')}</button>
        <button type="button" disabled={!file} onClick={() => file && download(`${file.lesson.id}.lesson.json`, lessonFileText(file), 'application/json')}>{t('builder.export')}</button>
        <button type="button" disabled={!file} onClick={() => void copyLink()}>{t('builder.copyLink')}</button>
      </div>
      {status && <p className={status.ok ? 'status' : 'status error'} role="status">{status.text}</p>}
      {link && <label>{t('builder.link')} <input readOnly value={link} aria-label={t('builder.link.label')} onFocus={(e) => e.target.select()} /></label>}
    </div>
  );
}
