// The terminal pane: xterm.js loaded on demand (its own chunk), bridged to
// the store. One terminal lives for the whole visit: when the layout changes
// (a lesson panel opens, presenter mode), its element moves to the new pane,
// so what was typed and the history stay.

import { useEffect, useRef, useState } from 'react';
import { contextPid } from '../../engine/index.ts';
import { completeWord } from './complete.ts';
import { useLab } from '../store/labStore.ts';
import { formatOutputNow, useLanguage, useT } from '../app/language.ts';
import type { LabStore } from '../store/labStore.ts';
import { noteTranscript } from '../store/transcript.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { usePrefs } from '../app/prefs.ts';
import { OPENING } from '../app/mode.ts';
import type { LabBridge, MountedTerminal } from './labTerminal.ts';
import { loadTerminal } from './terminalChunk.ts';

declare global {
  interface Window {
    /** installed for the end-to-end tests only: the page itself talks to the store */
    lparlab?: {
      terminalText(): string;
      typeLine(line: string): void;
      submit(line: string): unknown;
      printNote(lines: readonly string[]): void;
    };
  }
}

const bridge: LabBridge = {
  prompt: () => `${useLab.getState().shell.ctx}$ `,
  submit: (line) => {
    const { out, effect } = useLab.getState().submit(line);
    // `lesson` opens the lesson menu, `lesson flip` the lesson itself (the shell printed its outline)
    if (effect.kind === 'openLesson') {
      if (effect.id === null) useLessons.getState().openMenu();
      else useLessons.getState().openLesson(effect.id);
    }
    return out;
  },
  interrupt: () => {
    const { shell, interrupt } = useLab.getState();
    const pid = contextPid(shell, shell.ctx);
    return pid !== null && shell.timeline.current.partitions[pid]?.wait ? interrupt() : null;
  },
  // `@A con<Tab>` completes as A would; the phone input's chips ask the same question
  complete: (prefix, before) => completeWord(useLab.getState().shell, prefix, before),
  // the language at the moment a line prints: a switch applies to the lines after it
  format: formatOutputNow,
  note: noteTranscript,
  t: () => useLanguage.getState().t,
};

/**
 * The presenter's terminal text, read from the back row: 20 px at 1366 px wide, up to 26 px on a wide
 * screen (the .stage-terminal strip in app.css is sized with the same rule, for five rows).
 */
function presenterFont(): number {
  return Math.round(Math.min(26, Math.max(20, window.innerWidth * 0.0147)));
}

/** The one terminal of the page, and the element it draws into, moved between panes as the layout changes. */
let session: Promise<MountedTerminal> | null = null;
const element = typeof document === 'undefined' ? null : document.createElement('div');
let printedNotice = 0;

/** Print a notice of the store once (a loaded link's replay, a lesson's fresh lab). */
function printNotice(term: MountedTerminal, notice: LabStore['notice']): void {
  if (notice && notice.id > printedNotice) {
    printedNotice = notice.id;
    term.lab.printNote(notice.lines);
  }
}

let shown: () => void = () => {};
/**
 * Settles once the terminal has been mounted and a frame showing it painted
 * (or once it failed to load): the Memory and Sequence views wait for it
 * (lazyViews.tsx), so a cold page answers its first line without waiting for
 * every view to be drawn first.
 */
export const terminalShown = new Promise<void>((resolve) => {
  shown = resolve;
});

function startSession(): Promise<MountedTerminal> {
  session ??= loadTerminal().then(({ mountTerminal }) => {
    const term = mountTerminal(element!, bridge, usePrefs.getState().theme, OPENING.mode === 'present' ? presenterFont() : 14);
    // on a stage the text follows the window's width (a laptop plugged into a projector)
    if (OPENING.mode === 'present') window.addEventListener('resize', () => term.setFontSize(presenterFont()));
    term.lab.onEscape = () => document.querySelector<HTMLElement>('.timeline button:not([disabled])')?.focus();
    // notices print as they are set, so one stands above whatever is typed next
    printNotice(term, useLab.getState().notice);
    useLab.subscribe((s) => printNotice(term, s.notice));
    useLab.getState().attachTerminal({ typeLine: (line) => term.lab.typeLine(line) });
    window.lparlab = {
      terminalText: () => term.lab.text(),
      typeLine: (line) => term.lab.typeLine(line),
      submit: (line) => useLab.getState().submit(line).out,
      printNote: (lines) => term.lab.printNote(lines),
    };
    // a frame with the terminal in it, then a task: what waits for it runs after that paint
    requestAnimationFrame(() => setTimeout(shown, 0));
    return term;
  });
  session.catch(() => shown());
  return session;
}

export function TerminalPane() {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const [term, setTerm] = useState<MountedTerminal | null>(null);
  const [failed, setFailed] = useState(false);
  const theme = usePrefs((p) => p.theme);
  const ctx = useLab((s) => s.shell.ctx);
  const generation = useLab((s) => s.generation);

  useEffect(() => {
    const place = host.current;
    if (!place || !element) return;
    element.className = 'terminal-element';
    place.append(element);
    let live = true;
    const observer = new ResizeObserver(() => void session?.then((t) => t.fit()));
    observer.observe(place);
    startSession()
      .then((t) => {
        if (!live) return;
        t.fit();
        setTerm(t);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      observer.disconnect();
      element.remove();
    };
  }, []);

  useEffect(() => term?.setTheme(theme), [term, theme]);
  // a moment restored from the timeline may change the context: redraw the prompt
  useEffect(() => term?.lab.refreshPrompt(), [term, ctx, generation]);

  return (
    <div className="terminal-pane">
      {!term && !failed && <p className="terminal-status">{t('terminal.loading')}</p>}
      {failed && <p className="terminal-status error">{t('terminal.failed')}</p>}
      <div ref={host} className="terminal-host" aria-label={t('terminal.label')} />
    </div>
  );
}
