import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonText, visible } from './visible.js';
import { formatOutput, jsonLine, transcript } from './format.js';
import { createShell, runLine } from './shell.js';
import type { ShellState } from './shell.js';

/** Any C0 control, DEL or C1 control (what a terminal may act on), or a bidirectional formatting character (which reorders what is shown). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/; // eslint-disable-line no-control-regex

const BIDI = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c)), fc.constantFrom(...BIDI));
const hostileText = fc.array(fc.oneof(controlChar, fc.string({ maxLength: 4 }), fc.constantFrom('\x1b[2J', '\x1b]8;;https://example.com\x07CLICK\x1b]8;;\x07', '\x1b]52;c;aGk=\x07', '\u009b2J', '\x1b[2A\x1b[2K', 'free(\u202e)a(kaep')), { maxLength: 12 }).map((parts) => parts.join(''));

function typeLines(lines: readonly string[]) {
  let shell: ShellState = createShell();
  const printed: string[] = [];
  const json: string[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    for (const o of ran.out) {
      printed.push(...formatOutput(o));
      json.push(jsonLine(o));
    }
  }
  return { printed, json };
}

describe('visible: control characters shown as text', () => {
  it('writes ESC, BEL, DEL and C1 controls as escapes, and the common ones by name', () => {
    expect(visible('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(visible('\x07\x00\x7f')).toBe('\\x07\\x00\\x7f');
    expect(visible('\u009b2J\u0085')).toBe('\\u009b2J\\u0085');
    expect(visible('tab\there\r\nnext')).toBe('tab\\there\\r\\nnext');
  });

  // issue 18: U+202E made `free(‮)a(kaep` read as `free(peak(a)`
  it('writes the bidirectional formatting characters as escapes, every one of them', () => {
    expect(visible('free(\u202e)a(kaep')).toBe('free(\\u202e)a(kaep');
    expect(BIDI.map((c) => visible(c))).toEqual(['\\u061c', '\\u200e', '\\u200f', '\\u202a', '\\u202b', '\\u202c', '\\u202d', '\\u202e', '\\u2066', '\\u2067', '\\u2068', '\\u2069']);
    expect(jsonText('\u2067x\u2069')).toBe('"\\u2067x\\u2069"');
    // the neighbours of those ranges are ordinary text
    for (const c of ['\u061b', '\u200d', '\u2010', '\u2029', '\u202f', '\u2065', '\u206a']) expect(visible(c)).toBe(c);
  });

  it('leaves text without controls as it is (the same string), unicode included', () => {
    const plain = 'scp$ poke(a, "ünï©ødé 🚀 ≠ ∞ \u00a0")';
    expect(visible(plain)).toBe(plain);
  });

  it('never lets a control character through, and hides nothing else', () => {
    const unescape = (shown: string) => shown.replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[tnr])/g, (_m, code: string) =>
      code === 't' ? '\t' : code === 'n' ? '\n' : code === 'r' ? '\r' : String.fromCharCode(parseInt(code.slice(1), 16)));
    fc.assert(fc.property(hostileText.filter((t) => !t.includes('\\')), (text) => {
      const shown = visible(text);
      expect(shown).not.toMatch(CONTROL);
      expect(unescape(shown)).toBe(text);
    }));
  });

  it('jsonText is the same JSON value with DEL and C1 escaped as well', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const json = jsonText({ text, list: [text] });
      expect(json).not.toMatch(CONTROL);
      expect(JSON.parse(json)).toEqual({ text, list: [text] });
    }));
    expect(jsonText('\u009b')).toBe('"\\u009b"');
  });
});

describe('what the shell prints carries no control sequence', () => {
  it('help with an OSC 52 clipboard write prints the escape as text', () => {
    const { printed, json } = typeLines(['help \x1b]52;c;aGVsbG8=\x07']);
    expect(printed.join('\n')).toContain('\\x1b]52;c;aGVsbG8=\\x07');
    for (const line of [...printed, ...json]) expect(line).not.toMatch(CONTROL);
  });

  it('string values, errors that quote input and syntax errors show C0 and C1 controls visibly', () => {
    const { printed, json } = typeLines(['x = "a\x1b[2J\u009b2Jb"', 'x', 'open("/msg/\x1b[H")', '@A\x1b[2J', 'oops\u009b(', 'lpar_create("Z\x1b[1m", 4, 1)']);
    for (const line of [...printed, ...json]) expect(line).not.toMatch(CONTROL);
    expect(printed[0]).toBe('= "a\\u001b[2J\\u009b2Jb"');
    expect(json[0]).toContain('\\u009b');
    expect(JSON.parse(json[0]!).value).toBe('a\x1b[2J\u009b2Jb');
  });

  it('keeps the caret of a syntax error under the column, counting the escapes', () => {
    const { printed } = typeLines(['x = "\x1b[1m\u009b" +']);
    expect(printed.slice(1)).toEqual(['  x = "\\x1b[1m\\u009b" +', `  ${' '.repeat('x = "\\x1b[1m\\u009b" '.length)}^`]);
  });

  it('string values, names in errors, syntax errors and JSON show bidirectional overrides visibly', () => {
    const { printed, json } = typeLines(['x = "\u202egnp.exe"', 'x', 'y\u202e', 'z = 1 \u2066', 'help \u202e']);
    for (const line of [...printed, ...json]) expect(line).not.toMatch(CONTROL);
    expect(printed[0]).toBe('= "\\u202egnp.exe"');
    expect(JSON.parse(json[0]!).value).toBe('\u202egnp.exe');
  });

  it('transcripts show typed control characters and comments visibly', () => {
    const text = transcript('# \x1b]8;;https://example.com\x07CLICK HERE\x1b]8;;\x07\nx = "\u009b"\nx');
    for (const line of text.split('\n')) expect(line).not.toMatch(CONTROL);
    expect(text).toContain('# \\x1b]8;;https://example.com\\x07CLICK HERE');
  });
});
