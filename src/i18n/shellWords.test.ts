// The shell's words from the catalogs (issue 23): in English they are exactly
// the engine's own sentences, so English stays byte for byte what lparsh and
// the golden transcripts print; in every other registered language `help`
// and every error the engine has words for read in that language, with only
// the command language (calls, constants, errno names, values) left as it is.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALLS, createShell, formatOutput, LESSONS, PEOPLE_TABLE, runLine, solutionOf, type Output, type ShellState } from '../engine/index.ts';
import { LANGUAGES } from './languages.ts';
import { computedShellKeys, formatOutputIn } from './shellWords.ts';
import { englishIn } from './englishIn.ts';
import { makeTranslate, translateEnglish } from './translate.ts';
import { readCatalog } from './catalogFiles.ts';
import stringWidth from 'string-width';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

/** Lines that meet the errors students meet most, beyond those of the example scripts. */
export const MISTAKES = [
  'sned(ch)', 'frobnicate', 'x = socket(AF_LPAR, SOCK_SEQPACKET', 'x = [1, 2', 'x = "abc', 'y = 12ab', '@9', 'x = (1', 'x = 1 2', 'x = .', 'log 0', 'ls /etc', 'map Q', 'lesson nope', 'back', 'seed x', 'lpars now', 'lpar_create("lpars", 8, 1)', 'lpars = 3', 'AF_LPAR = 1', 'x = socket(AF_LPAR)', 'bind("s", 7)', '@A socket(AF_LPAR, SOCK_SEQPACKET)', '@A connect(7)',
  '@Q', 'help sned', 'help send', 'help lpars', 'interrupt A', '@A', 'help', '@scp', 'help', 'read(99)', 'close(1)',
];

function outputsOf(lines: readonly string[]): Output[] {
  let shell: ShellState = createShell();
  const out: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    out.push(...ran.out);
  }
  return out;
}

const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith('.lab')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8').split('\n'));
const lessons = LESSONS.map((lesson) => lesson.steps.flatMap((step) => solutionOf(step)));
const helpLines = [
  'help', '@A help',
  ...CALLS.map((c) => `${c.where === 'guest' ? '@A ' : ''}help ${c.name}`),
  ...PEOPLE_TABLE.map((c) => `help ${c.name}`),
];
/** Every table and listing of the commands for people, at the end of each example script, where the machine has the most in it. */
const TABLES = ['lpars', 'frames', 'map A', 'map B', 'map scp', 'channels', 'fds', 'ps', 'ls /msg', 'log 60', '@A lpars', 'lesson', 'lesson flip', 'back', 'tick(2)', 'ps', 'reset', 'seed 3'];
const corpus = [...scripts, ...scripts.map((s) => [...s, ...TABLES]), ...lessons, MISTAKES, helpLines];
const outputs = corpus.flatMap(outputsOf);
/**
 * Every line typed: a word from any of them is the user's (a reason given to refuse(r, "..."), a name), not the lab's English;
 * and the lessons' names (`lesson flip`) and own text, which `lesson` prints as the lesson's file gives it (a lesson file has its own languages).
 */
const typed = [...corpus.flat(), ...LESSONS.flatMap((l) => [l.id, l.title, l.figure, l.summary, ...l.steps.map((st) => st.title)])].join(' ');
const hasWords = (o: Output) => (o.kind === 'error' && o.words !== undefined) || (o.kind === 'text' && o.words !== undefined) || (o.kind === 'complete' && !o.result.ok && o.result.words !== undefined);

describe('the shell in English from the catalog', () => {
  it('says exactly what the engine says, line for line', () => {
    const differ = outputs.filter((o) => formatOutputIn(translateEnglish, o).join('\n') !== formatOutput(o).join('\n')).map((o) => [formatOutput(o), formatOutputIn(translateEnglish, o)]);
    expect(differ).toEqual([]);
    expect(outputs.filter(hasWords).length).toBeGreaterThan(130);
    // every command for people that prints a table or a note has words, so it reads in any language
    const said = new Set(outputs.filter((o) => o.kind === 'text' && o.words).map((o) => o.input.replace(/^@\w+ /, '').split(' ')[0]));
    expect(PEOPLE_TABLE.map((c) => c.name).filter((c) => c !== 'interrupt' && !said.has(c))).toEqual([]);
  });

  it('names only keys the English catalog has, wherever the engine names one', () => {
    const en = readCatalog('en');
    const source = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? source(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
    const named = source(join(ROOT, 'src', 'engine')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'((?:help|error|table|lparsh)\.[\w.]+)'/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(10);
    expect([...named, ...computedShellKeys()].filter((k) => !(k in en))).toEqual([]);
  });
});

for (const lang of Object.keys(LANGUAGES).filter((l) => l !== 'en')) {
  describe(`the shell in ${lang}`, () => {
    const t = makeTranslate(lang, readCatalog(lang));

    it('finds English words, and not the command language (the check itself works)', () => {
      expect(englishIn('= -1 EBADF: fd 3 is not ready')).toEqual(['is', 'not', 'ready']);
      expect(englishIn('sned という呼び出しもコマンドもありません', 'help sned')).toEqual([]);
      expect(englishIn('  send(チャネル, 領域, [ショートメッセージ])    （ゲスト、S107, [0070]）')).toEqual([]);
      expect(englishIn('  例: send(ch, a, "short text")')).toEqual([]);
    });

    it('has help in the language, every call and command of it', () => {
      const help = outputsOf(helpLines);
      expect(help.every((o) => o.kind === 'text' && o.words)).toBe(true);
      const english = help.flatMap((o) => formatOutputIn(t, o)).filter((line) => englishIn(line).length > 0);
      expect(english).toEqual([]);
    });

    it('lines its tables up in terminal cells, a wide character taking two, whatever the names', () => {
      // a partition with a Japanese name and one longer than the English column: every column still starts where its header does
      const out = outputsOf(['lpar_create("データ", 8, 1)', 'lpar_create("worker", 8, 1)', '@A ch = connect(7)', 'lpars', 'ps', 'fds', 'log 4']).filter((o) => o.kind === 'text');
      for (const o of out) {
        const lines = formatOutputIn(t, o);
        const rows = lines.filter((_, i) => o.kind === 'text' && typeof o.words?.[i] === 'object' && 'row' in o.words[i]);
        expect(rows.length, o.input).toBeGreaterThan(1);
        // the cell where each column starts, counted in terminal cells
        const starts = (line: string) => [...line.matchAll(/(?<=^| )[^ ]/g)].map((m) => stringWidth(line.slice(0, m.index)));
        // every column of lpars and ps; the first two of fds and log, whose last cell is a sentence
        const whole = o.input === 'lpars' || o.input === 'ps';
        const columns = (line: string) => (whole ? starts(line) : starts(line).slice(0, 2));
        for (const row of rows.slice(1)) expect(columns(row), `${o.input}: ${row}`).toEqual(columns(rows[0]!));
      }
    });

    it('lists the lessons, and a lesson\'s title, summary and steps, in the language the line is run in', () => {
      // only the lines to type and the lessons' ids (lesson flip) are the command language: the lesson's own text comes from its file in the reader's language
      const typedLines = LESSONS.flatMap((l) => [l.id, ...l.steps.flatMap((st) => [...st.type])]).join(' ');
      for (const line of ['lesson', 'lesson flip', 'lesson 1', 'lesson decide']) {
        const out = runLine(createShell(), line, { lang }).out;
        expect(out.every((o) => o.kind === 'text' && o.words && o.words.length === o.text.length), line).toBe(true);
        const printed = out.flatMap((o) => formatOutputIn(t, o));
        expect(printed.length, line).toBeGreaterThan(3);
        expect(printed.filter((l) => englishIn(l, typedLines).length > 0), line).toEqual([]);
        // and in English, with the option or without, exactly as before
        expect(runLine(createShell(), line, { lang: 'en' }).out.flatMap((o) => formatOutputIn(translateEnglish, o))).toEqual(runLine(createShell(), line).out.flatMap(formatOutput));
      }
    });

    it('says every error and note it has words for in the language', () => {
      const english = outputs.filter(hasWords).flatMap((o) => formatOutputIn(t, o).filter((line) => englishIn(line, typed).length > 0));
      expect(english).toEqual([]);
    });
  });
}
