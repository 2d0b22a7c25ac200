// The terminal pane: xterm.js loaded on demand (its own chunk), bridged to
// the store. One terminal lives for the whole visit: when the layout changes
// (a lesson panel opens, presenter mode), its element moves to the new pane,
// so what was typed and the history stay.

import { useEffect, useRef, useState } from 'react';
import { completions, contextPid, findLesson } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { usePrefs } from '../app/prefs.ts';
import { OPENING } from '../app/mode.ts';
import type { LabBridge, MountedTerminal } from './labTerminal.ts';

declare global {
  interface Window {
    lparlab?: {
      terminalText(): string;
      typeLine(line: string): void;
      submit(line: string): unknown;
      printNote(lines: readonly string[]): void;
    };
  }
}

/** `lesson` opens the lesson menu, `lesson flip` the lesson itself (the terminal printed its outline already). */
function openLessonsFor(line: string): void {
  const m = /^\s*lesson\s*(\S*)\s*$/.exec(line);
  if (!m) return;
  const lesson = m[1] ? findLesson(m[1]) : undefined;
  if (lesson) useLessons.getState().openLesson(lesson.id);
  else if (!m[1]) useLessons.getState().openMenu();
}

const bridge: LabBridge = {
  prompt: () => `${useLab.getState().shell.ctx}$ `,
  submit: (line) => {
    const out = useLab.getState().submit(line);
    openLessonsFor(line);
    return out;
  },
  interrupt: () => {
    const { shell, interrupt } = useLab.getState();
    const pid = contextPid(shell, shell.ctx);
    return pid !== null && shell.timeline.current.partitions[pid]?.wait ? interrupt() : null;
  },
  complete: (prefix, before) => {
    const shell = useLab.getState().shell;
    // `@A con<Tab>` completes as A would
    const ctx = /^\s*@(\w+)\s+/.exec(before)?.[1];
    return completions(ctx && contextPid(shell, ctx) !== null ? { ...shell, ctx } : shell, prefix);
  },
  note: (lines) => useLab.getState().noteTranscript(lines),
};

/** The one terminal of the page, and the element it draws into, moved between panes as the layout changes. */
let session: Promise<MountedTerminal> | null = null;
const element = typeof document === 'undefined' ? null : document.createElement('div');
let printedNotice = 0;

function startSession(): Promise<MountedTerminal> {
  session ??= import('./labTerminal.ts').then(({ mountTerminal }) => {
    const term = mountTerminal(element!, bridge, usePrefs.getState().theme, OPENING.mode === 'present' ? 22 : 14);
    term.lab.onEscape = () => document.querySelector<HTMLElement>('.timeline button:not([disabled])')?.focus();
    window.lparlab = {
      terminalText: () => term.lab.text(),
      typeLine: (line) => term.lab.typeLine(line),
      submit: (line) => useLab.getState().submit(line),
      printNote: (lines) => term.lab.printNote(lines),
    };
    return term;
  });
  return session;
}

export function TerminalPane() {
  const host = useRef<HTMLDivElement>(null);
  const [term, setTerm] = useState<MountedTerminal | null>(null);
  const [failed, setFailed] = useState(false);
  const theme = usePrefs((p) => p.theme);
  const ctx = useLab((s) => s.shell.ctx);
  const generation = useLab((s) => s.generation);
  const notice = useLab((s) => s.notice);

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
  useEffect(() => {
    if (notice && term && notice.id > printedNotice) {
      printedNotice = notice.id;
      term.lab.printNote(notice.lines);
    }
  }, [notice, term]);

  return (
    <div className="terminal-pane">
      {!term && !failed && <p className="terminal-status">Loading the terminal…</p>}
      {failed && <p className="terminal-status error">The terminal could not load. Reload the page to try again.</p>}
      <div ref={host} className="terminal-host" aria-label="terminal: type commands of the lab here" />
    </div>
  );
}
