// Long output wraps at spaces, not mid-word: before a word that would not fit
// on the row, the row is filled with spaces, so the terminal's own wrap (a
// soft wrap, rows joined again when text is read back) starts the word on
// the next row. A word longer than a row still breaks where the row ends.

/** `text` padded so that a terminal `cols` wide, starting at column `start`, wraps it between words. */
export function wrapAtSpaces(text: string, cols: number, start = 0): string {
  if (cols < 2) return text;
  let out = '';
  let col = start % cols;
  const tokens = text.split(/( +)/).filter(Boolean);
  for (const [i, token] of tokens.entries()) {
    const len = [...token].length;
    if (token.startsWith(' ')) {
      // spaces that reach the row's end only fill it; the next word starts the next row
      if (col > 0 && col + len >= cols) {
        out += ' '.repeat(cols - col);
        col = 0;
      } else {
        out += token;
        col = (col + len) % cols;
      }
      continue;
    }
    // a word that would end exactly at the row's end with more text after it moves too, so the next row does not start with a space
    const more = i + 1 < tokens.length;
    if (col > 0 && len <= cols && (col + len > cols || (more && col + len === cols))) {
      out += ' '.repeat(cols - col);
      col = 0;
    }
    out += token;
    col = (col + len) % cols;
  }
  return out;
}

/**
 * Rows of a terminal read back as logical lines: a row the terminal wrapped
 * onto continues the line before it; a row that ended in blanks was padded
 * by `wrapAtSpaces`, so one space stands for the blanks.
 */
export function joinRows(rows: readonly { readonly text: string; readonly wrapped: boolean }[]): string[] {
  const lines: string[] = [];
  let blankEnd = false;
  for (const row of rows) {
    const text = row.text.replace(/\s+$/, '');
    if (row.wrapped && lines.length) lines[lines.length - 1] += (blankEnd ? ' ' : '') + text;
    else lines.push(text);
    blankEnd = text.length < row.text.length;
  }
  return lines;
}
