// The terminal pane: xterm.js loaded on demand (its own chunk), bridged to
// the store. The page stays usable while it loads.

import { useEffect, useRef, useState } from 'react';
import { completions, contextPid } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { usePrefs } from '../app/prefs.ts';
import type { LabBridge, MountedTerminal } from './labTerminal.ts';

declare global {
  interface Window {
    lparlab?: { terminalText(): string; typeLine(line: string): void; submit(line: string): unknown };
  }
}

const bridge: LabBridge = {
  prompt: () => `${useLab.getState().shell.ctx}$ `,
  submit: (line) => useLab.getState().submit(line),
  interrupt: () => {
    const { shell, interrupt } = useLab.getState();
    const pid = contextPid(shell, shell.ctx);
    return pid !== null && shell.timeline.current.partitions[pid]?.wait ? interrupt() : null;
  },
  complete: (prefix) => completions(useLab.getState().shell, prefix),
  note: (lines) => useLab.getState().noteTranscript(lines),
};

export function TerminalPane() {
  const host = useRef<HTMLDivElement>(null);
  const mounted = useRef<MountedTerminal | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const theme = usePrefs((p) => p.theme);
  const ctx = useLab((s) => s.shell.ctx);
  const generation = useLab((s) => s.generation);
  const notice = useLab((s) => s.notice);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    import('./labTerminal.ts')
      .then(({ mountTerminal }) => {
        if (cancelled || !host.current) return;
        const term = mountTerminal(host.current, bridge, usePrefs.getState().theme);
        mounted.current = term;
        term.lab.onEscape = () => document.querySelector<HTMLElement>('.timeline button:not([disabled])')?.focus();
        observer = new ResizeObserver(() => term.fit());
        observer.observe(host.current);
        window.lparlab = { ...window.lparlab, terminalText: () => term.lab.text(), typeLine: (line) => term.lab.typeLine(line), submit: (line) => useLab.getState().submit(line) };
        setStatus('ready');
      })
      .catch(() => setStatus('failed'));
    return () => {
      cancelled = true;
      observer?.disconnect();
      mounted.current?.dispose();
      mounted.current = null;
    };
  }, []);

  useEffect(() => mounted.current?.setTheme(theme), [theme]);
  // a moment restored from the timeline may change the context: redraw the prompt
  useEffect(() => mounted.current?.lab.refreshPrompt(), [ctx, generation]);
  useEffect(() => {
    if (notice && status === 'ready') mounted.current?.lab.printNote(notice.lines);
  }, [notice, status]);

  return (
    <div className="terminal-pane">
      {status === 'loading' && <p className="terminal-status">Loading the terminal…</p>}
      {status === 'failed' && <p className="terminal-status error">The terminal could not load. Reload the page to try again.</p>}
      <div ref={host} className="terminal-host" aria-label="terminal: type commands of the lab here" />
    </div>
  );
}
