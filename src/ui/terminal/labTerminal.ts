// The one adapter between xterm.js and the lab (docs/architecture.md, The
// layers; shaped after xterm's addons): it owns the line editor, renders the line being typed, hands
// finished lines to the lab, and prints what came back, errors in red.
// Loaded lazily, in its own chunk, with xterm itself.

import { Terminal } from '@xterm/xterm';
import type { ITerminalAddon, ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { Output } from '../../engine/index.ts';
import { formatOutput, visible } from '../../engine/index.ts';
import type { EditorAction, EditorState } from './lineEditor.ts';
import { EMPTY_EDITOR, press, splitInput } from './lineEditor.ts';
import { joinRows, wrapAtSpaces } from './wordWrap.ts';

/** What the terminal needs from the lab. */
export interface LabBridge {
  prompt(): string;
  /** run a line; returns what it printed */
  submit(line: string): readonly Output[];
  /** Ctrl-C while the context waits in a call: interrupt it; null when nothing waits */
  interrupt(): readonly Output[] | null;
  /** completions of the word before the cursor; `before` is the line up to that word */
  complete(prefix: string, before: string): readonly string[];
  /** every printed line, for the transcript export */
  note(lines: readonly string[]): void;
}

export type TerminalTheme = 'light' | 'dark';

// ANSI colours chosen for at least 4.5:1 contrast on each background
const THEMES: Record<TerminalTheme, ITheme> = {
  light: {
    background: '#fbfbf8', foreground: '#1c1c1c', cursor: '#1c1c1c', selectionBackground: '#b5d5ff',
    red: '#b3261e', green: '#1d6b2f', yellow: '#805300', blue: '#0b4f9c', cyan: '#00626f', magenta: '#8e2a7b', brightBlack: '#5c5c5c',
  },
  dark: {
    background: '#15171a', foreground: '#e8e6e3', cursor: '#e8e6e3', selectionBackground: '#3b5a85',
    red: '#ff8a80', green: '#8fdc97', yellow: '#f2cc60', blue: '#8ab4f8', cyan: '#7fd8e6', magenta: '#e6a1d8', brightBlack: '#a0a0a0',
  },
};

const COLOUR: Record<Output['kind'], string> = { result: '', error: '\x1b[31m', blocked: '\x1b[33m', complete: '\x1b[36m', text: '' };
const RESET = '\x1b[0m';

export const WELCOME = [
  'Welcome to lparlab. You are the system',
  'control program (scp$). Type help, or:',
  '  s = socket(AF_LPAR, SOCK_SEQPACKET)',
  '  bind(s, 7)   listen(s)   fd = accept(s)',
  '  @A ch = connect(7)',
  'Tab completes, up/down recall, Ctrl-C',
  'interrupts a waiting call, Esc leaves.',
];

export class LabTerminal implements ITerminalAddon {
  private terminal: Terminal | null = null;
  private editor: EditorState = EMPTY_EDITOR;
  /** rows the prompt and line took when last drawn, and the row of the cursor within them */
  private drawnRows = 1;
  private cursorRow = 0;

  /** called when Escape is pressed: the page moves the focus out of the terminal */
  onEscape: (() => void) | null = null;

  constructor(private readonly bridge: LabBridge) {}

  activate(terminal: Terminal): void {
    this.terminal = terminal;
    terminal.onData((data) => this.input(data));
    terminal.attachCustomKeyEventHandler((e) => {
      // Tab completes inside the terminal, so Escape is the way out for keyboard users (no keyboard trap)
      if (e.type === 'keydown' && e.key === 'Escape') {
        this.onEscape?.();
        return false;
      }
      // Ctrl-C with a selection copies it, as people expect, instead of interrupting
      if (e.type === 'keydown' && e.ctrlKey && (e.key === 'c' || e.key === 'C') && terminal.hasSelection()) {
        void navigator.clipboard?.writeText(terminal.getSelection()).catch(() => undefined);
        return false;
      }
      return true;
    });
    for (const line of WELCOME) terminal.writeln(`\x1b[90m${this.printable(line)}${RESET}`);
    this.drawLine(true);
  }

  dispose(): void {
    this.terminal = null;
  }

  /** Text shown in the terminal, one string per logical line: rows the terminal wrapped are joined again. */
  text(): string {
    const t = this.terminal;
    if (!t) return '';
    const rows: { text: string; wrapped: boolean }[] = [];
    const buffer = t.buffer.active;
    for (let i = 0; i < buffer.length; i++) {
      const row = buffer.getLine(i);
      if (row) rows.push({ text: row.translateToString(false), wrapped: row.isWrapped });
    }
    return joinRows(rows).join('\n').replace(/\s+$/, '');
  }

  /** Type a line as if by keyboard (used by lesson "show solution" buttons later). */
  typeLine(line: string): void {
    this.input(`${line}\r`);
  }

  /** Print lines that no typed line produced (a replayed lesson, a loaded link), dimmed, above the prompt. */
  printNote(lines: readonly string[]): void {
    const t = this.terminal;
    if (!t) return;
    this.moveToEnd();
    t.write('\r\x1b[J');
    for (const line of lines) t.write(`\x1b[90m${this.printable(line)}${RESET}\r\n`);
    this.bridge.note(lines.map(visible));
    this.drawLine(true);
  }

  /** The prompt may change without typing (a moment restored): draw it again. */
  refreshPrompt(): void {
    this.drawLine(false);
  }

  private input(data: string): void {
    for (const part of splitInput(data)) {
      const { state, actions } = press(this.editor, part, (prefix, before) => this.bridge.complete(prefix, before));
      this.editor = state;
      if (actions.length === 0) this.drawLine(false);
      for (const action of actions) this.act(action);
    }
  }

  private act(action: EditorAction): void {
    const t = this.terminal!;
    switch (action.kind) {
      case 'submit': {
        this.moveToEnd();
        t.write('\r\n');
        const out = this.bridge.submit(action.line);
        this.print(`${this.lastPrompt}${action.line}`, out);
        this.drawLine(true);
        break;
      }
      case 'cancel': {
        this.moveToEnd();
        t.write('^C\r\n');
        const out = this.bridge.interrupt();
        if (out) this.print(`${this.lastPrompt}^C`, out);
        this.drawLine(true);
        break;
      }
      case 'clear':
        t.clear();
        t.write('\x1b[2J\x1b[H');
        this.drawLine(true);
        break;
      case 'options':
        this.moveToEnd();
        t.write(`\r\n${this.printable(action.items.join('  '))}\r\n`);
        this.drawLine(true);
        break;
      case 'bell':
        this.drawLine(false);
        break;
    }
  }

  private lastPrompt = '';

  private print(echo: string, out: readonly Output[]): void {
    const t = this.terminal!;
    const lines: string[] = [visible(echo)];
    for (const o of out) {
      for (const line of formatOutput(o)) {
        lines.push(visible(line));
        t.write(`${COLOUR[o.kind]}${this.printable(line)}${COLOUR[o.kind] ? RESET : ''}\r\n`);
      }
    }
    this.bridge.note(lines);
  }

  /**
   * The one way a line of text reaches the terminal. Whatever a person typed,
   * a link or a stored file held, or the lab printed, its control characters
   * are written out visibly (\x1b, \u009b: the engine's `visible`), so none
   * can act as a control sequence (clear the screen, move the cursor, open a
   * hyperlink); then it is wrapped at spaces to the terminal's width. The
   * lab's own colours are put around the result, after this.
   */
  private printable(text: string): string {
    return wrapAtSpaces(visible(text), this.terminal?.cols ?? 80);
  }

  /** Move the terminal cursor to the end of the drawn line, so output starts below it. */
  private moveToEnd(): void {
    const down = this.drawnRows - 1 - this.cursorRow;
    if (down > 0) this.terminal!.write(`\x1b[${down}B`);
  }

  /** Draw the prompt and the line being edited, wrapped to the terminal's width, and place the cursor. */
  private drawLine(fresh: boolean): void {
    const t = this.terminal;
    if (!t) return;
    const prompt = this.bridge.prompt();
    this.lastPrompt = prompt;
    const cols = Math.max(10, t.cols);
    let seq = '';
    if (!fresh && this.cursorRow > 0) seq += `\x1b[${this.cursorRow}A`;
    seq += '\r\x1b[J';
    // the line being typed is text like any other: a pasted control character shows as \x1b, and
    // the cursor is placed by the lengths of what is shown
    const shownPrompt = visible(prompt);
    const shownLine = visible(this.editor.buffer);
    seq += `\x1b[1m${shownPrompt}${RESET}${shownLine}`;
    const total = shownPrompt.length + shownLine.length;
    const endRow = Math.floor(total / cols);
    const target = shownPrompt.length + visible(this.editor.buffer.slice(0, this.editor.cursor)).length;
    const targetRow = Math.floor(target / cols);
    const targetCol = target % cols;
    // a line that exactly fills its last row leaves the cursor pending: make the wrap real
    if (total > 0 && total % cols === 0) seq += '\r\n';
    const rowsUp = endRow - targetRow;
    if (rowsUp > 0) seq += `\x1b[${rowsUp}A`;
    seq += `\r${targetCol > 0 ? `\x1b[${targetCol}C` : ''}`;
    t.write(seq);
    this.drawnRows = endRow + 1;
    this.cursorRow = targetRow;
  }
}

export interface MountedTerminal {
  readonly lab: LabTerminal;
  setTheme(theme: TerminalTheme): void;
  fit(): void;
  focus(): void;
  dispose(): void;
}

/** The bundled face first (app.css loads it), so every machine draws the same glyphs. */
const FONT = '"JetBrains Mono"';
const FALLBACK_FONTS = 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace';

export function mountTerminal(element: HTMLElement, bridge: LabBridge, theme: TerminalTheme, fontSize = 14): MountedTerminal {
  // xterm measures its cell from the font it is given: until the bundled face has loaded, measure a fallback, then switch
  const fontReady = typeof document !== 'undefined' && document.fonts?.check(`${fontSize}px ${FONT}`);
  const terminal = new Terminal({
    theme: THEMES[theme],
    fontFamily: fontReady ? `${FONT}, ${FALLBACK_FONTS}` : FALLBACK_FONTS,
    fontSize,
    // a cell taller than the glyphs keeps the underscore's row inside the cell at any device pixel ratio
    lineHeight: 1.2,
    cursorBlink: true,
    convertEol: false,
    scrollback: 5000,
    screenReaderMode: false,
  });
  const fit = new FitAddon();
  const lab = new LabTerminal(bridge);
  terminal.loadAddon(fit);
  terminal.open(element);
  const refit = () => {
    try {
      fit.fit();
    } catch {
      // not laid out yet (hidden pane): the next resize fits it
    }
  };
  // fitted before the welcome is printed, so it wraps between words at the pane's width
  refit();
  terminal.loadAddon(lab);
  let disposed = false;
  if (!fontReady && typeof document !== 'undefined' && document.fonts) {
    void document.fonts.load(`400 ${fontSize}px ${FONT}`).then(() => {
      if (disposed) return;
      terminal.options.fontFamily = `${FONT}, ${FALLBACK_FONTS}`;
      refit();
    }, () => undefined);
  }
  return {
    lab,
    setTheme: (t) => {
      terminal.options.theme = THEMES[t];
    },
    fit: refit,
    focus: () => terminal.focus(),
    dispose: () => {
      disposed = true;
      terminal.dispose();
    },
  };
}
