// The shell's words in the reader's language: help and call descriptions,
// errors and their reasons, the tables of the commands for people, and the
// lines lparsh and the page's terminal print around them (issue 23). The
// engine says each as a catalog id and its values (src/engine/words.ts) next
// to its English sentence; here the catalog makes the words. An output the
// engine has no words for yet is printed in its English, so nothing is lost.
// The command language itself (call names, constants, errno names, values)
// is the same in every language.

import stringWidth from 'string-width';
import { CALLS, formatOutput, layRows, PEOPLE_TABLE, paramKey, peopleKey, refWords, show, summaryWords, usageWords, visible, type Line, type Output, type Row, type Words, type WordValue } from '../engine/index.ts';
import type { Translate } from './translate.ts';
import { valueIn, wordsIn } from './wordsIn.ts';

export { wordsIn };

/** The lines a reader of `t`'s language sees for one output: `formatOutput`, with the words from the catalog. */
export function formatOutputIn(t: Translate, o: Output): string[] {
  return outputLinesIn(t, o).map(visible);
}

function outputLinesIn(t: Translate, o: Output): string[] {
  switch (o.kind) {
    // a value is the command language: the same in every language
    case 'result': return formatOutput(o);
    case 'error': {
      const [first, ...rest] = (o.words ? wordsIn(t, o.words) : o.message).split('\n');
      return [`= -1 ${o.errno}: ${first}`, ...rest];
    }
    case 'blocked': return [t('lparsh.blocked', { ctx: o.ctx, call: o.call })];
    case 'complete': {
      const r = o.result;
      const result = r.ok ? `= ${show(r.value)}` : `= -1 ${r.errno}: ${r.words ? wordsIn(t, r.words) : r.message}`;
      return [t('lparsh.completes', { ctx: o.ctx, input: o.input, result })];
    }
    case 'text': return o.words && o.words.length === o.text.length ? linesIn(t, o.words) : [...o.text];
  }
}

const isRow = (line: Line): line is Row => typeof line === 'object' && 'row' in line;

/**
 * A command's lines in the language of `t`. Its rows form one table, laid out
 * as the engine lays out its English (layRows), but measured in terminal
 * cells: a Japanese character takes two, as the page's terminal (xterm's
 * Unicode 11 widths) and a terminal under lparsh draw it.
 */
function linesIn(t: Translate, lines: readonly Line[]): string[] {
  const cells = (row: Row) => row.row.map((c) => ({ text: String(valueIn(t, c.value)), ...(c.min === undefined ? {} : { min: c.min }), ...(c.end ? { end: true } : {}) }));
  // text is made visible before it is measured: an escape shown as \x1b takes the cells of its letters
  const laid = layRows(lines.filter(isRow).map((row) => cells(row).map((c) => ({ ...c, text: visible(c.text) }))), stringWidth);
  let row = 0;
  return lines.map((line) => (typeof line === 'string' ? line : isRow(line) ? laid[row++]! : wordsIn(t, line)));
}

/**
 * The keys the shell's words name by computing them from its tables (a call's
 * description and reference, a parameter's name, a command's description and
 * usage), which the catalog test cannot find written out in the code.
 */
export function computedShellKeys(): string[] {
  const ids = (v: WordValue): string[] => (typeof v === 'object' && !Array.isArray(v) ? [(v as Words).id] : []);
  return [...new Set([
    ...CALLS.flatMap((c) => [summaryWords(c).id, ...ids(refWords(c)), ...c.params.map((q) => paramKey(q.name))]),
    ...PEOPLE_TABLE.flatMap((c) => [peopleKey(c.name), ...ids(usageWords(c))]),
  ])];
}
