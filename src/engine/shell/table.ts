// The tables of the commands for people (`lpars`, `ps`, `fds`, `log`, ...),
// laid out in one place for every language: the engine lays out its English
// with it, and src/i18n/shellWords.ts the same rows in the reader's language,
// measuring with a display width (a Japanese character takes two cells of
// the terminal, as xterm's Unicode 11 widths and a terminal under lparsh draw
// it). Each column is as wide as its widest cell and at least its least
// width; cells are joined by one space; the last cell of a row is not padded,
// so no line ends in blanks.

export interface LaidCell {
  readonly text: string;
  readonly min?: number;
  /** padded on the left (numbers) */
  readonly end?: boolean;
}

/** The lines of a table of `rows`, with `width` the number of terminal cells a text takes. */
export function layRows(rows: readonly (readonly LaidCell[])[], width: (text: string) => number): string[] {
  const columns: number[] = [];
  for (const row of rows) {
    row.forEach((c, i) => {
      columns[i] = Math.max(columns[i] ?? 0, c.min ?? 0, width(c.text));
    });
  }
  return rows.map((row) => row.map((c, i) => {
    if (i === row.length - 1 && !c.end) return c.text;
    const pad = ' '.repeat(Math.max(0, columns[i]! - width(c.text)));
    return c.end ? `${pad}${c.text}` : `${c.text}${pad}`;
  }).join(' '));
}

/** The width of text in the engine's own English: one cell a character (code point). */
export const codePoints = (text: string): number => [...text].length;
