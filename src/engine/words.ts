// Words as data, for what the shell prints besides narration: help and call
// descriptions, errors and their reasons, the tables of the commands for
// people. Like narration (narration.ts), the engine says what to print as a
// catalog message id and its values, and src/i18n makes the words in the
// reader's language (issue 23). The engine keeps its English sentence beside
// the words, which is what lparsh, the golden transcripts and `--json` print
// in English; src/i18n/shellWords.test.ts checks the English catalog says
// exactly that sentence for each, so the two cannot drift apart.

import type { Narration } from './narration.js';

/**
 * A value of a message: text from the command language or a name (kept as it
 * is), a number (put in as its digits), words nested, a list of them, a
 * count that chooses a plural form (`{n, plural, one {...} other {...}}`), or
 * a narration of the machine (`log`: narration.ts, in the reader's language
 * by src/i18n/narrate.ts).
 */
export type WordValue = string | number | Words | Count | Narrated | readonly WordValue[];

export interface Narrated {
  readonly say: Narration;
}

/**
 * One row of a table the shell prints (`lpars`, `ps`, `log`, ...). The rows of
 * one output form one table: each column is as wide as its widest cell in the
 * reader's language, counted in terminal cells (a Japanese character takes
 * two), and at least its `min`; the last cell of a row is not padded. The
 * engine lays out its English the same way (shell/table.ts).
 */
export interface Row {
  readonly row: readonly Cell[];
}

export interface Cell {
  readonly value: WordValue;
  /** the column's least width (English headers and values fit it: the English stays as it always was) */
  readonly min?: number;
  /** padded on the left (numbers) */
  readonly end?: boolean;
}

/**
 * One printed line of a command for people: words, a row of its table, or
 * text of the command language only (a frame map, a path), the same in every
 * language.
 */
export type Line = Words | Row | string;

export interface Count {
  readonly count: number;
}

export interface Words {
  /** the catalog key, e.g. `error.fd.notOpen` (src/i18n/catalogs/en.json) */
  readonly id: string;
  readonly values?: Readonly<Record<string, WordValue>>;
}

export const count = (n: number): Count => ({ count: n });

export const narrated = (say: Narration): Narrated => ({ say });

export const words = (id: string, values?: Readonly<Record<string, WordValue>>): Words => (values === undefined ? { id } : { id, values });

/** "; did you mean X?" after an unknown name, or nothing when no name is near. */
export const didYouMean = (near: string | null | undefined): WordValue => (near ? words('error.didYouMean', { near }) : '');
