// The line of a phone: a native text field (the phone's own keyboard, its
// autocorrect turned off), Run, the lines typed before (up and down, as in
// the terminal: the same line editor, lineEditor.ts), and the calls as chips
// to tap. A line runs exactly as if typed into the terminal: through the
// store's typeLine, which types it into the page's one terminal, whose
// bridge submits it to the shell; the terminal keeps the transcript. Below,
// what the last line printed, so the result shows without the terminal.

import { useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, SyntheticEvent } from 'react';
import { useLab } from '../store/labStore.ts';
import { EMPTY_EDITOR, MAX_LINE, press } from './lineEditor.ts';
import type { EditorState } from './lineEditor.ts';
import { lastLineOf, splitWord, suggestionsFor } from './complete.ts';
import type { Suggestion } from './complete.ts';
import { useLanguage, useT } from '../app/language.ts';
import { fillSlots, slot } from '../app/slots.tsx';

/** A line of a table the shell printed: two cells apart by a run of spaces. */
const TABLE_ROW = /\S {2,}\S/;
const KEY_UP = '\x1b[A';
const KEY_DOWN = '\x1b[B';
const noCompletions = () => [];
/** A line to try, in the command language: the same in every language. */
const EXAMPLE_LINE = '@A ch = connect(B)';

/** Keep the focus (and the phone's keyboard) in the field while a chip or a history button is tapped. */
const keepFocus = (e: SyntheticEvent) => e.preventDefault();

export function PhoneInput() {
  const t = useT();
  const ctx = useLab((s) => s.shell.ctx);
  const shell = useLab((s) => s.shell);
  const outputs = useLab((s) => s.outputs);
  const [editor, setEditor] = useState<EditorState>(EMPTY_EDITOR);
  const field = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const suggestions = useMemo(() => suggestionsFor(shell, editor.buffer), [shell, editor.buffer]);
  const format = useLanguage((s) => s.formatOutput);
  const last = useMemo(() => lastLineOf(outputs, format), [outputs, format]);

  const key = (part: string) => setEditor((s) => press(s, part, noCompletions).state);
  const run = () => {
    if (!editor.buffer.trim()) return;
    const { state, actions } = press(editor, '\r', noCompletions);
    setEditor(state);
    for (const action of actions) if (action.kind === 'submit') useLab.getState().typeLine(action.line);
  };
  const insert = (s: Suggestion) => {
    const buffer = splitWord(editor.buffer).before + s.text;
    setEditor({ ...editor, buffer, cursor: buffer.length, browsing: null });
    field.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      key(e.key === 'ArrowUp' ? KEY_UP : KEY_DOWN);
    }
  };

  return (
    <section className="phone-console" aria-label={t('phone.label')}>
      <form className="phone-line" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <span className="phone-prompt" aria-hidden="true">{ctx}$</span>
        <input
          ref={field} type="text" value={editor.buffer} maxLength={MAX_LINE} aria-label={t('phone.line', { ctx })} aria-describedby={hintId}
          autoCapitalize="off" autoCorrect="off" autoComplete="off" spellCheck={false} enterKeyHint="go" placeholder={t('phone.placeholder')}
          onChange={(e) => setEditor({ ...editor, buffer: e.currentTarget.value, cursor: e.currentTarget.value.length, browsing: null })}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="phone-history" aria-label={t('phone.previous')} title={t('phone.previous.hint')}
          onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={() => key(KEY_UP)} disabled={editor.history.length === 0}>↑</button>
        <button type="button" className="phone-history" aria-label={t('phone.next')} title={t('phone.next.hint')}
          onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={() => key(KEY_DOWN)} disabled={editor.browsing === null}>↓</button>
        <button type="submit" className="primary phone-run" disabled={!editor.buffer.trim()}>{t('phone.run')}</button>
      </form>
      <div className="phone-suggest" role="group" aria-label={t('phone.suggest')}>
        {suggestions.map((s) => (
          <button key={s.text} type="button" className={`chip ${s.kind}`} onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={() => insert(s)}>
            {s.text.trimEnd()}
          </button>
        ))}
      </div>
      <div className="phone-result" data-testid="phone-result" id={hintId}>
        {last ? (
          <>
            {last.echo && <p className="echo">{last.echo}</p>}
            {/* a row of a table (lpars, fds, ps, log: cells apart by runs of spaces) keeps its spaces and its one line */}
            {last.lines.map((l, i) => <p key={i} className={l.error ? 'error' : TABLE_ROW.test(l.text) ? 'row' : undefined}>{l.text}</p>)}
          </>
        ) : (
          <p className="hint">{fillSlots(t('phone.hint', { example: slot(0) }), [<code key="example">{EXAMPLE_LINE}</code>])}</p>
        )}
      </div>
    </section>
  );
}
