// The one adapter between xterm.js and the lab (docs/architecture.md, The
// layers; shaped after xterm's addons): it owns the line editor, renders the line being typed, hands
// finished lines to the lab, and prints what came back, errors in red.
// Loaded lazily, in its own chunk, with xterm itself.

import { Terminal } from '@xterm/xterm';
import type { ITerminalAddon } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import '@xterm/xterm/css/xterm.css';
import type { Output } from '../../engine/index.ts';
import { visible } from '../../engine/index.ts';
import type { EditorAction, EditorState } from './lineEditor.ts';
import { EMPTY_EDITOR, press, splitInput } from './lineEditor.ts';
import { joinRows, wrapAtSpaces } from './wordWrap.ts';
import stringWidth from 'string-width';
import type { Translate } from '../../i18n/translate.ts';
import { welcomeLines } from './welcome.ts';
import type { TerminalTheme } from './terminalLook.ts';
import { COLOUR, DIM, FALLBACK_FONTS, FONT, RESET, THEMES } from './terminalLook.ts';

/** What the terminal needs from the lab. */
export interface LabBridge {
  prompt(): string;
  /** run a line; returns what it printed */
  submit(line: string): readonly Output[];
  /** Ctrl-C while the context waits in a call: interrupt it; null when nothing waits */
  interrupt(): readonly Output[] | null;
  /** completions of the word before the cursor; `before` is the line up to that word */
  complete(prefix: string, before: string): readonly string[];
  /** the lines one output prints, in the reader's language (English: the engine's own, as lparsh prints them) */
  format(o: Output): readonly string[];
  /** every printed line, for the transcript export */
  note(lines: readonly string[]): void;
  /** the language of the lines printed now (the welcome's) */
  t(): Translate;
}

/** A line the terminal printed, kept so it can be wrapped again when the terminal's width changes. */
interface Printed {
  /** the colour (an SGR sequence) around the text, '' for none */
  readonly colour: string;
  /** a typed line's prompt, drawn bold before it; its text hangs under its first character */
  readonly prompt?: string;
  /** the text, already made visible (no control characters) */
  readonly text: string;
}

/** Lines kept to draw again after a resize: as many as the terminal's scrollback. */
const KEPT = 5000;

export class LabTerminal implements ITerminalAddon {
  private terminal: Terminal | null = null;
  private editor: EditorState = EMPTY_EDITOR;
  /** every line printed above the prompt, in order */
  private printed: Printed[] = [];
  private cols = 0;
  /** rows the prompt and line took when last drawn, and the row of the cursor within them */
  private drawnRows = 1;
  private cursorRow = 0;
  /** what a key press writes, gathered while it is handled (see `input`); null outside one */
  private pending: string | null = null;

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
    this.cols = terminal.cols;
    // the text was wrapped at spaces for the old width: xterm's reflow would put the padding mid-line,
    // so everything printed is wrapped again for the new width
    terminal.onResize(({ cols }) => {
      if (cols === this.cols) return;
      this.cols = cols;
      this.redraw();
    });
    this.printDim(welcomeLines(this.bridge.t()));
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
    if (!this.terminal) return;
    this.eraseLine();
    this.printDim(lines);
    this.bridge.note(lines.map(visible));
    this.drawLine(true);
  }

  /** The prompt may change without typing (a moment restored): draw it again. */
  refreshPrompt(): void {
    this.drawLine(false);
  }

  // All a key writes (line echoed, answer, new prompt) is one xterm write: xterm parses the first write after a key
  // at once, later ones in a timer task, after a frame drew the views first; so the answer is in the next frame.
  private input(data: string): void {
    const outer = this.pending === null;
    if (outer) this.pending = '';
    try {
      for (const part of splitInput(data)) {
        const typed = this.editor.buffer;
        const { state, actions } = press(this.editor, part, (prefix, before) => this.bridge.complete(prefix, before));
        this.editor = state;
        if (actions.length === 0) this.drawLine(false);
        for (const action of actions) this.act(action, typed);
      }
    } finally {
      if (outer) this.flush();
    }
  }

  /** Write to the terminal, or add to what the key being handled writes. */
  private write(seq: string): void {
    if (this.pending !== null) this.pending += seq;
    else this.terminal?.write(seq);
  }

  /** Write what the key gathered so far (also before the terminal is acted on directly: cleared). */
  private flush(): void {
    if (this.pending) this.terminal?.write(this.pending);
    this.pending = null;
  }

  /** `typed`: the line as it was before the key that made the action */
  private act(action: EditorAction, typed: string): void {
    const t = this.terminal!;
    switch (action.kind) {
      case 'submit': {
        // the line stays above as typed, now wrapped between words like the rest
        const prompt = this.lastPrompt;
        this.eraseLine();
        this.emit({ colour: '', prompt: visible(prompt), text: visible(action.line) });
        const out = this.bridge.submit(action.line);
        this.print(`${prompt}${action.line}`, out);
        this.drawLine(true);
        break;
      }
      case 'cancel': {
        const prompt = this.lastPrompt;
        this.eraseLine();
        this.emit({ colour: '', prompt: visible(prompt), text: `${visible(typed)}^C` });
        const out = this.bridge.interrupt();
        if (out) this.print(`${prompt}^C`, out);
        this.drawLine(true);
        break;
      }
      case 'clear':
        this.printed = [];
        this.flush();
        t.clear();
        this.pending = '';
        this.write('\x1b[2J\x1b[H');
        this.drawLine(true);
        break;
      case 'options':
        this.moveToEnd();
        this.write('\r\n');
        this.emit({ colour: '', text: visible(action.items.join('  ')) });
        this.drawLine(true);
        break;
      case 'refused':
        this.moveToEnd();
        this.write('\r\n');
        this.emit({ colour: '', text: visible(action.message) });
        this.drawLine(true);
        break;
      case 'bell':
        this.drawLine(false);
        break;
    }
  }

  private lastPrompt = '';

  /** Print what a line gave back, and note the line and its output for the transcript. */
  private print(echo: string, out: readonly Output[]): void {
    const lines: string[] = [visible(echo)];
    for (const o of out) {
      for (const line of this.bridge.format(o)) {
        lines.push(visible(line));
        this.emit({ colour: COLOUR[o.kind], text: visible(line) });
      }
    }
    this.bridge.note(lines);
  }

  /** Print one line above the prompt and keep it, to wrap it again when the width changes. */
  private emit(line: Printed): void {
    this.write(this.keep(line));
  }

  /**
   * Lines the lab prints itself (the welcome, a notice), dimmed, in one write:
   * xterm parses its writes in slices of about 12 ms, checking the clock
   * between writes, and draws the screen between slices, so a 300-line link's
   * notice written line by line was drawn again (every row) once per slice as
   * it scrolled in, before the page could paint the replayed moment.
   */
  private printDim(lines: readonly string[]): void {
    let out = '';
    for (const line of lines) out += this.keep({ colour: DIM, text: visible(line) });
    this.write(out);
  }

  /** Keep a line to wrap it again when the width changes; returns it as written, wrapped for the width now. */
  private keep(line: Printed): string {
    this.printed.push(line);
    if (this.printed.length > KEPT * 1.2) this.printed = this.printed.slice(-KEPT);
    return `${this.render(line)}\r\n`;
  }

  /**
   * The one way a line of text reaches the terminal. Whatever a person typed,
   * a link or a stored file held, or the lab printed, its control characters
   * were written out visibly (\x1b, \u009b: the engine's `visible`) before it
   * was kept, so none can act as a control sequence (clear the screen, move
   * the cursor, open a hyperlink); here it is wrapped at spaces to the
   * terminal's width, with a hanging indent. The lab's own colours and the
   * bold prompt are put around the result, after this.
   */
  private render(line: Printed): string {
    const cols = this.terminal?.cols ?? 80;
    const colour = (text: string) => (line.colour ? `${line.colour}${text}${RESET}` : text);
    if (line.prompt === undefined) return colour(wrapAtSpaces(line.text, cols));
    const start = stringWidth(line.prompt);
    return `\x1b[1m${line.prompt}${RESET}${colour(wrapAtSpaces(line.text, cols, start, start))}`;
  }

  /** Clear the screen and the scrollback and print every kept line again, wrapped for the terminal's width. */
  private redraw(): void {
    const t = this.terminal;
    if (!t) return;
    let seq = '\x1b[H\x1b[2J\x1b[3J';
    for (const line of this.printed) seq += `${this.render(line)}\r\n`;
    this.write(seq);
    this.drawnRows = 1;
    this.cursorRow = 0;
    this.drawLine(true);
  }

  /** Move the terminal cursor to the end of the drawn line, so output starts below it. */
  private moveToEnd(): void {
    const down = this.drawnRows - 1 - this.cursorRow;
    if (down > 0) this.write(`\x1b[${down}B`);
  }

  /** Take the prompt and the line being edited off the screen: what is printed next starts where the prompt was. */
  private eraseLine(): void {
    this.write(`${this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : ''}\r\x1b[J`);
    this.drawnRows = 1;
    this.cursorRow = 0;
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
    // in terminal cells: a Japanese name or string takes two a character
    const total = stringWidth(shownPrompt) + stringWidth(shownLine);
    const endRow = Math.floor(total / cols);
    const target = stringWidth(shownPrompt) + stringWidth(visible(this.editor.buffer.slice(0, this.editor.cursor)));
    const targetRow = Math.floor(target / cols);
    const targetCol = target % cols;
    // a line that exactly fills its last row leaves the cursor pending: make the wrap real
    if (total > 0 && total % cols === 0) seq += '\r\n';
    const rowsUp = endRow - targetRow;
    if (rowsUp > 0) seq += `\x1b[${rowsUp}A`;
    seq += `\r${targetCol > 0 ? `\x1b[${targetCol}C` : ''}`;
    this.write(seq);
    this.drawnRows = endRow + 1;
    this.cursorRow = targetRow;
  }
}

export interface MountedTerminal {
  readonly lab: LabTerminal;
  setTheme(theme: TerminalTheme): void;
  setFontSize(px: number): void;
  fit(): void;
  focus(): void;
  dispose(): void;
}

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
    // the Unicode 11 width tables below: needed before their version can be chosen
    allowProposedApi: true,
  });
  const fit = new FitAddon();
  const lab = new LabTerminal(bridge);
  terminal.loadAddon(fit);
  // East Asian wide characters take two cells (Unicode 11 widths): Japanese in names, results and narration lines up
  terminal.loadAddon(new Unicode11Addon());
  terminal.unicode.activeVersion = '11';
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
    setFontSize: (px) => {
      if (terminal.options.fontSize === px) return;
      terminal.options.fontSize = px;
      refit();
    },
    fit: refit,
    focus: () => terminal.focus(),
    dispose: () => {
      disposed = true;
      terminal.dispose();
    },
  };
}
