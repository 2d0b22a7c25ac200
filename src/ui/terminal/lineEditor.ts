// The terminal's line discipline, as a pure function: keystrokes in, the new
// line and what to do out. Editing (left/right, home/end, Ctrl-A/E/U/W/K,
// backspace/delete), history (up/down), tab completion, Ctrl-C and Ctrl-L.
// Kept free of xterm so it can be tested without a browser.

import { MAX_LINE } from '../../engine/index.ts';

export interface EditorState {
  readonly buffer: string;
  readonly cursor: number;
  readonly history: readonly string[];
  /** index into history while browsing it with up/down, else null */
  readonly browsing: number | null;
  /** the line being typed before browsing started */
  readonly draft: string;
}

export type EditorAction =
  | { readonly kind: 'submit'; readonly line: string }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'options'; readonly items: readonly string[] }
  | { readonly kind: 'bell' }
  /** text that was not put in the line, and why (a paste longer than a line may be) */
  | { readonly kind: 'refused'; readonly message: string };

export const EMPTY_EDITOR: EditorState = { buffer: '', cursor: 0, history: [], browsing: null, draft: '' };

export const MAX_HISTORY = 500;
/** the language's limit (the engine's one constant): a longer line would only be refused */
export { MAX_LINE };

/** Keys as xterm.js reports them in onData. */
const KEYS: Record<string, string> = {
  '\r': 'enter', '\n': 'enter', '\x7f': 'backspace', '\b': 'backspace', '\x1b[3~': 'delete',
  '\x1b[D': 'left', '\x1b[C': 'right', '\x1b[A': 'up', '\x1b[B': 'down', '\x1bOD': 'left', '\x1bOC': 'right', '\x1bOA': 'up', '\x1bOB': 'down',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end',
  '\x01': 'home', '\x05': 'end', '\x15': 'kill-start', '\x17': 'kill-word', '\x0b': 'kill-end', '\x03': 'cancel', '\x0c': 'clear',
  '\t': 'tab', '\x02': 'left', '\x06': 'right', '\x10': 'up', '\x0e': 'down',
};

/** Split what xterm delivered (one key, or a whole paste) into keys and runs of printable text. */
export function splitInput(data: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < data.length) {
    const sequence = Object.keys(KEYS).filter((k) => k.length > 1 && data.startsWith(k, i)).sort((a, b) => b.length - a.length)[0];
    if (sequence) {
      parts.push(sequence);
      i += sequence.length;
      continue;
    }
    const ch = data[i]!;
    if (ch === '\x1b') {
      // an escape sequence we do not handle: skip it whole
      // eslint-disable-next-line no-control-regex -- escape sequences start with ESC by definition
      const m = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|.)?/.exec(data.slice(i))!;
      i += m[0].length;
      continue;
    }
    if (KEYS[ch] !== undefined || ch < ' ') {
      parts.push(ch);
      i++;
      continue;
    }
    let j = i;
    while (j < data.length && data[j]! >= ' ' && data[j] !== '\x7f' && data[j] !== '\x1b') j++;
    parts.push(data.slice(i, j));
    i = j;
  }
  return parts;
}

const at = (s: EditorState, buffer: string, cursor: number): EditorState => ({ ...s, buffer, cursor, browsing: null });

/** Where the word before the cursor starts (for Ctrl-W and tab completion). */
function wordStart(buffer: string, cursor: number, wordChars = /[A-Za-z0-9_]/): number {
  let i = cursor;
  while (i > 0 && buffer[i - 1] === ' ' && wordChars.source.includes(' ')) i--;
  while (i > 0 && wordChars.test(buffer[i - 1]!)) i--;
  return i;
}

/** One key or one run of typed text. `complete(prefix, before)` gives the completions of the word before the cursor. */
export function press(s: EditorState, part: string, complete: (prefix: string, before: string) => readonly string[]): { state: EditorState; actions: EditorAction[] } {
  const key = KEYS[part];
  const none: EditorAction[] = [];
  switch (key) {
    case 'enter': {
      const line = s.buffer;
      const history = line.trim() && line !== s.history.at(-1) ? [...s.history, line].slice(-MAX_HISTORY) : s.history;
      return { state: { ...EMPTY_EDITOR, history }, actions: [{ kind: 'submit', line }] };
    }
    case 'backspace':
      return s.cursor === 0 ? { state: s, actions: [{ kind: 'bell' }] } : { state: at(s, s.buffer.slice(0, s.cursor - 1) + s.buffer.slice(s.cursor), s.cursor - 1), actions: none };
    case 'delete':
      return { state: at(s, s.buffer.slice(0, s.cursor) + s.buffer.slice(s.cursor + 1), s.cursor), actions: none };
    case 'left': return { state: { ...s, cursor: Math.max(0, s.cursor - 1) }, actions: none };
    case 'right': return { state: { ...s, cursor: Math.min(s.buffer.length, s.cursor + 1) }, actions: none };
    case 'home': return { state: { ...s, cursor: 0 }, actions: none };
    case 'end': return { state: { ...s, cursor: s.buffer.length }, actions: none };
    case 'kill-start': return { state: at(s, s.buffer.slice(s.cursor), 0), actions: none };
    case 'kill-end': return { state: at(s, s.buffer.slice(0, s.cursor), s.cursor), actions: none };
    case 'kill-word': {
      let start = s.cursor;
      while (start > 0 && s.buffer[start - 1] === ' ') start--;
      while (start > 0 && s.buffer[start - 1] !== ' ') start--;
      return { state: at(s, s.buffer.slice(0, start) + s.buffer.slice(s.cursor), start), actions: none };
    }
    case 'up': {
      if (s.history.length === 0) return { state: s, actions: [{ kind: 'bell' }] };
      const index = s.browsing === null ? s.history.length - 1 : Math.max(0, s.browsing - 1);
      const line = s.history[index]!;
      return { state: { ...s, buffer: line, cursor: line.length, browsing: index, draft: s.browsing === null ? s.buffer : s.draft }, actions: none };
    }
    case 'down': {
      if (s.browsing === null) return { state: s, actions: [{ kind: 'bell' }] };
      const index = s.browsing + 1;
      const line = index >= s.history.length ? s.draft : s.history[index]!;
      return { state: { ...s, buffer: line, cursor: line.length, browsing: index >= s.history.length ? null : index }, actions: none };
    }
    case 'cancel': return { state: { ...EMPTY_EDITOR, history: s.history }, actions: [{ kind: 'cancel' }] };
    case 'clear': return { state: s, actions: [{ kind: 'clear' }] };
    case 'tab': {
      const start = wordStart(s.buffer, s.cursor);
      const prefix = s.buffer.slice(start, s.cursor);
      const options = complete(prefix, s.buffer.slice(0, start));
      if (options.length === 0) return { state: s, actions: [{ kind: 'bell' }] };
      const common = options.reduce((a, b) => {
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i]) i++;
        return a.slice(0, i);
      });
      const insert = common.slice(prefix.length);
      const next = at(s, s.buffer.slice(0, s.cursor) + insert + s.buffer.slice(s.cursor), s.cursor + insert.length);
      return { state: next, actions: options.length > 1 && insert === '' ? [{ kind: 'options', items: options }] : none };
    }
    case undefined: {
      if (part.length === 1 && part < ' ') return { state: s, actions: [{ kind: 'bell' }] };
      if (s.buffer.length + part.length > MAX_LINE) {
        // a key at the end of a full line rings; a paste is not cut to fit (the cut line would run as
        // something else): it is left out whole, and the terminal says why
        if (part.length === 1) return { state: s, actions: [{ kind: 'bell' }] };
        return { state: s, actions: [{ kind: 'refused', message: `not pasted: a line holds at most ${MAX_LINE} characters, and this text (${part.length}) would make it ${s.buffer.length + part.length}` }] };
      }
      return { state: at(s, s.buffer.slice(0, s.cursor) + part + s.buffer.slice(s.cursor), s.cursor + part.length), actions: none };
    }
    default: return { state: s, actions: none };
  }
}
