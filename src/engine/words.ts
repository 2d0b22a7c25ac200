// Words as data, for what the shell prints besides narration: help and call
// descriptions, errors and their reasons, the tables of the commands for
// people. Like narration (narration.ts), the engine says what to print as a
// catalog message id and its values, and src/i18n makes the words in the
// reader's language (issue 23). The engine keeps its English sentence beside
// the words, which is what lparsh, the golden transcripts and `--json` print
// in English; src/i18n/shellWords.test.ts checks the English catalog says
// exactly that sentence for each, so the two cannot drift apart.

/**
 * A value of a message: text from the command language or a name (kept as it
 * is), a number (put in as its digits), words nested, a list of them, or a
 * count that chooses a plural form (`{n, plural, one {...} other {...}}`).
 */
export type WordValue = string | number | Words | Count | readonly WordValue[];

export interface Count {
  readonly count: number;
}

export interface Words {
  /** the catalog key, e.g. `error.fd.notOpen` (src/i18n/catalogs/en.json) */
  readonly id: string;
  readonly values?: Readonly<Record<string, WordValue>>;
}

export const count = (n: number): Count => ({ count: n });

export const words = (id: string, values?: Readonly<Record<string, WordValue>>): Words => (values === undefined ? { id } : { id, values });

/** "; did you mean X?" after an unknown name, or nothing when no name is near. */
export const didYouMean = (near: string | null | undefined): WordValue => (near ? words('error.didYouMean', { near }) : '');
