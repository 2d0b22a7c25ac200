// The command language's grammar (docs/architecture.md, The command language), parsed into a small tree. A
// syntax error is a value naming the column, never an exception.
//
//   line   := '@' NAME [stmt] | stmt | words      (# starts a comment)
//   stmt   := NAME '=' expr | expr
//   expr   := primary ('.' NAME)*
//   primary:= INT | STRING | NAME ['(' [expr (',' expr)*] ')'] | '[' [expr (',' expr)*] ']' | '(' expr ')'
//   words  := a command for people, like `help socket` or `ls /msg`
//
// Nesting (brackets, parentheses, calls, .field chains) stops at MAX_DEPTH.

import type { WordValue, Words } from '../words.js';
import { words } from '../words.js';
export type Expr =
  | { readonly kind: 'int'; readonly value: number; readonly col: number }
  /** a number with a fraction (0.3): only a cost parameter takes one */
  | { readonly kind: 'num'; readonly value: number; readonly col: number }
  | { readonly kind: 'str'; readonly value: string; readonly col: number }
  | { readonly kind: 'name'; readonly name: string; readonly col: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly col: number }
  | { readonly kind: 'list'; readonly items: readonly Expr[]; readonly col: number }
  | { readonly kind: 'member'; readonly of: Expr; readonly field: string; readonly col: number };

export type Statement =
  | { readonly kind: 'empty' }
  | { readonly kind: 'switch'; readonly ctx: string; readonly col: number; readonly then: Statement | null }
  | { readonly kind: 'assign'; readonly name: string; readonly expr: Expr }
  | { readonly kind: 'expr'; readonly expr: Expr }
  | { readonly kind: 'words'; readonly command: string; readonly words: readonly string[] };

export interface SyntaxError {
  readonly kind: 'syntax';
  readonly col: number;
  readonly message: string;
  /** the message as words (src/engine/words.ts), where the parser has them */
  readonly words?: Words;
}

export type Parsed = Statement | SyntaxError;

/**
 * The longest line the language reads, in UTF-16 code units (characters for
 * text in most scripts). One limit for every way a line comes in: the shell
 * refuses a longer line at once (runLine), lparsh stops reading one at this
 * length, the page's terminal will not take more, and links, rooms and
 * hand-ins refuse longer lines. Documented in the README (The command language).
 */
export const MAX_LINE = 4096;

/**
 * How deep a line may nest: brackets, parentheses and calls inside one
 * another, plus `.field`s in a chain. The parser refuses to go deeper, so a
 * hostile line can never exhaust the stack, here or in what walks the tree.
 */
export const MAX_DEPTH = 32;

type Token =
  | { readonly t: 'int'; readonly value: number; readonly col: number }
  | { readonly t: 'num'; readonly value: number; readonly col: number }
  | { readonly t: 'str'; readonly value: string; readonly col: number }
  | { readonly t: 'name'; readonly value: string; readonly col: number }
  | { readonly t: 'punct'; readonly value: string; readonly col: number }
  | { readonly t: 'end'; readonly col: number };

class Fail {
  constructor(readonly col: number, readonly message: string, readonly words?: Words) {}
}

function lex(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    const col = i + 1;
    if (ch === ' ' || ch === '\t') { i++; continue; }
    if (ch === '#') break;
    if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(line[i + 1] ?? ''))) {
      const m = /^-?(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(line.slice(i))!;
      const text = m[0];
      if (/[A-Za-z_]/.test(line[i + text.length] ?? '')) throw new Fail(col, `a number cannot run into letters: ${line.slice(i, i + text.length + 1)}…`, words('error.syntax.numberLetters', { text: line.slice(i, i + text.length + 1) }));
      // a fraction in decimal digits (0.3, 12.75): costs per byte are less than a cycle; no exponent (1e3) anywhere
      const fraction = /^-?[0-9]+\.[0-9]+/.exec(line.slice(i));
      if (fraction && !/^-?0[xX]/.test(text)) {
        if (/[A-Za-z_.]/.test(line[i + fraction[0].length] ?? '')) throw new Fail(col, `a number cannot run into letters or another point: ${line.slice(i, i + fraction[0].length + 1)}…`, words('error.syntax.numberPoint', { text: line.slice(i, i + fraction[0].length + 1) }));
        const value = Number(fraction[0]);
        if (Math.abs(value) > Number.MAX_SAFE_INTEGER) throw new Fail(col, `the number ${fraction[0].slice(0, 24)}… is too large`, words('error.syntax.numberLargeCut', { text: fraction[0].slice(0, 24) }));
        tokens.push({ t: 'num', value, col });
        i += fraction[0].length;
        continue;
      }
      const negative = text.startsWith('-');
      const digits = negative ? text.slice(1) : text;
      const value = digits.startsWith('0x') || digits.startsWith('0X') ? parseInt(digits.slice(2), 16) : Number(digits);
      if (!Number.isSafeInteger(value)) throw new Fail(col, `the number ${text} is too large`, words('error.syntax.numberLarge', { text }));
      tokens.push({ t: 'int', value: negative ? -value : value, col });
      i += text.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= line.length) throw new Fail(col, 'this string is never closed: add the closing quote', words('error.syntax.unclosed'));
        const c = line[j]!;
        if (c === ch) break;
        if (c === '\\') {
          const next = line[j + 1];
          if (next === undefined) throw new Fail(j + 1, 'a backslash at the end of the line escapes nothing', words('error.syntax.backslash'));
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next === '0' ? '\0' : next;
          j += 2;
          continue;
        }
        value += c;
        j++;
      }
      tokens.push({ t: 'str', value, col });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i))!;
      tokens.push({ t: 'name', value: m[0], col });
      i += m[0].length;
      continue;
    }
    if ('()[],.=@'.includes(ch)) {
      tokens.push({ t: 'punct', value: ch, col });
      i++;
      continue;
    }
    throw new Fail(col, `unexpected character ${JSON.stringify(ch)}`, words('error.syntax.character', { ch: JSON.stringify(ch) }));
  }
  tokens.push({ t: 'end', col: Math.min(line.length, line.indexOf('#') >= 0 ? line.indexOf('#') : line.length) + 1 });
  return tokens;
}

const describe = (t: Token) => (t.t === 'end' ? 'the end of the line' : t.t === 'str' ? 'a string' : JSON.stringify(String(t.value)));
const describeWords = (t: Token): WordValue => (t.t === 'end' ? words('error.syntax.end') : t.t === 'str' ? words('error.syntax.string') : JSON.stringify(String(t.value)));

class Parser {
  private at = 0;
  /** brackets, parentheses and calls open around the current token */
  private depth = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (t.t !== 'end') this.at++;
    return t;
  }
  isPunct(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.t === 'punct' && t.value === value;
  }
  expect(value: string, what: string, whatWords: WordValue): void {
    const t = this.next();
    if (t.t !== 'punct' || t.value !== value) throw new Fail(t.col, `expected ${what} but found ${describe(t)}`, words('error.syntax.expected', { what: whatWords, found: describeWords(t) }));
  }

  expr(): Expr {
    let e = this.primary();
    let chain = 0;
    while (this.isPunct('.')) {
      const dot = this.next();
      if (this.depth + ++chain > MAX_DEPTH) throw new Fail(dot.col, `this chain of .fields goes deeper than ${MAX_DEPTH} levels`, words('error.syntax.chain', { max: MAX_DEPTH }));
      const field = this.next();
      if (field.t !== 'name') throw new Fail(field.col, `expected a field name after "." but found ${describe(field)}`, words('error.syntax.field', { found: describeWords(field) }));
      e = { kind: 'member', of: e, field: field.value, col: dot.col };
    }
    return e;
  }

  /** Parse what `open` (a bracket, parenthesis or call at `col`) holds, one level deeper. */
  nested<T>(col: number, inside: () => T): T {
    if (this.depth >= MAX_DEPTH) throw new Fail(col, `brackets, parentheses and calls nest deeper than ${MAX_DEPTH} levels here`, words('error.syntax.nest', { max: MAX_DEPTH }));
    this.depth++;
    const result = inside();
    this.depth--;
    return result;
  }

  items(close: string, what: string, whatWords: WordValue): Expr[] {
    const items: Expr[] = [];
    if (this.isPunct(close)) {
      this.next();
      return items;
    }
    for (;;) {
      items.push(this.expr());
      if (this.isPunct(',')) { this.next(); continue; }
      this.expect(close, what, whatWords);
      return items;
    }
  }

  primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'int': return { kind: 'int', value: t.value, col: t.col };
      case 'num': return { kind: 'num', value: t.value, col: t.col };
      case 'str': return { kind: 'str', value: t.value, col: t.col };
      case 'name':
        if (this.isPunct('(')) {
          const open = this.next();
          return { kind: 'call', name: t.value, args: this.nested(open.col, () => this.items(')', `"," or ")" to end the arguments of ${t.value}`, words('error.syntax.endArguments', { call: t.value }))), col: t.col };
        }
        return { kind: 'name', name: t.value, col: t.col };
      case 'punct':
        if (t.value === '[') return { kind: 'list', items: this.nested(t.col, () => this.items(']', '"," or "]" to end the list', words('error.syntax.endList'))), col: t.col };
        if (t.value === '(') {
          return this.nested(t.col, () => {
            const inner = this.expr();
            this.expect(')', '")"', '")"');
            return inner;
          });
        }
        throw new Fail(t.col, `expected a value but found ${describe(t)}`, words('error.syntax.value', { found: describeWords(t) }));
      case 'end': throw new Fail(t.col, 'the line ends where a value was expected', words('error.syntax.endValue'));
    }
  }

  statement(): Statement {
    const first = this.peek();
    if (first.t === 'end') return { kind: 'empty' };
    if (first.t === 'name' && this.isPunct('=', 1)) {
      this.next();
      this.next();
      const expr = this.expr();
      this.end();
      return { kind: 'assign', name: first.value, expr };
    }
    const expr = this.expr();
    this.end();
    return { kind: 'expr', expr };
  }

  end(): void {
    const t = this.peek();
    if (t.t !== 'end') throw new Fail(t.col, `unexpected ${describe(t)} after a complete command`, words('error.syntax.after', { found: describeWords(t) }));
  }
}

/** Columns of a statement parsed from the rest of an `@A ...` line, moved to the whole line's columns. */
function shift(s: Statement, by: number): Statement {
  const e = (x: Expr): Expr => {
    switch (x.kind) {
      case 'call': return { ...x, col: x.col + by, args: x.args.map(e) };
      case 'list': return { ...x, col: x.col + by, items: x.items.map(e) };
      case 'member': return { ...x, col: x.col + by, of: e(x.of) };
      default: return { ...x, col: x.col + by };
    }
  };
  switch (s.kind) {
    case 'assign': return { ...s, expr: e(s.expr) };
    case 'expr': return { ...s, expr: e(s.expr) };
    // words and an empty rest have no columns; a second switch is refused before it gets here
    default: return s;
  }
}

/** A command for people: its first word is one of `words` and is not followed by "(" or "=". */
function wordsOf(raw: string, words: ReadonlySet<string>): Statement | null {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(raw);
  if (!m || !words.has(m[1]!) || /^\s*[(=]/.test(m[2]!)) return null;
  const body = m[2]!.replace(/#.*$/, '').trim();
  return { kind: 'words', command: m[1]!, words: body ? body.split(/\s+/) : [] };
}

/** Parse one line. `people` are the commands for people that take bare words (help, ls, map...). */
export function parseLine(line: string, people: ReadonlySet<string>): Parsed {
  if (line.length > MAX_LINE) return { kind: 'syntax', col: MAX_LINE + 1, message: `the line is longer than ${MAX_LINE} characters`, words: words('error.syntax.long', { max: MAX_LINE }) };
  const at = /^(\s*)@(\S*)(\s*)(.*)$/s.exec(line);
  if (at) {
    const [, lead, name, gap, rest] = at as unknown as [string, string, string, string, string];
    const col = lead.length + 2;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      return { kind: 'syntax', col, message: `expected a context name after "@" (scp, A, B, ...)${name ? ` but found ${JSON.stringify(name)}` : ''}`, words: words('error.syntax.context', { found: name ? words('error.syntax.butFound', { name: JSON.stringify(name) }) : '' }) };
    }
    const offset = col - 1 + name.length + gap.length;
    if (rest.trim() === '' || rest.trim().startsWith('#')) return { kind: 'switch', ctx: name, col, then: null };
    if (rest.trim().startsWith('@')) return { kind: 'syntax', col: offset + 1, message: 'one context switch per line', words: words('error.syntax.oneSwitch') };
    const then = parseLine(rest, people);
    if (then.kind === 'syntax') return { ...then, col: then.col + offset };
    return { kind: 'switch', ctx: name, col, then: shift(then, offset) };
  }
  const bare = wordsOf(line, people);
  if (bare) return bare;
  try {
    return new Parser(lex(line)).statement();
  } catch (e) {
    if (e instanceof Fail) return { kind: 'syntax', col: e.col, message: e.message, ...(e.words ? { words: e.words } : {}) };
    throw e;
  }
}
