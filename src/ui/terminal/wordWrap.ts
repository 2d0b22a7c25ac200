// Long output wraps at spaces, not mid-word: before a word that would not fit
// on the row, the row is filled with spaces, so the terminal's own wrap (a
// soft wrap, rows joined again when text is read back) starts the word on
// the next row. A line that starts indented keeps its indent on the rows it
// wraps onto (a hanging indent: `help`'s descriptions stay under each other).
// A word longer than a row still breaks where the row ends.
//
// Widths are counted in terminal cells (string-width, the East Asian widths
// xterm's Unicode 11 addon draws with): a Japanese character takes two. Japanese
// puts no spaces between words, so a row may also break between two wide
// characters; reading the rows back joins such a break without a space.

import stringWidth from 'string-width';

const isWide = (c: string | undefined): boolean => c !== undefined && stringWidth(c) === 2;

/** The pieces of a word a row may break between: two wide characters side by side (Japanese) are a break opportunity. */
function piecesOf(word: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let before: string | undefined;
  for (const c of word) {
    if (piece && isWide(before) && isWide(c)) {
      pieces.push(piece);
      piece = '';
    }
    piece += c;
    before = c;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The indent a wrapped line's later rows start with: its own leading spaces, at most half the row. */
function hangingIndent(text: string, cols: number, start: number): number {
  const lead = /^ */.exec(text)![0].length + start;
  return lead * 2 <= cols ? lead : 0;
}

/**
 * `text` padded so that a terminal `cols` wide, starting at column `start`,
 * wraps it between words; `indent` (by default the line's leading spaces,
 * counted from the row's start) begins each row it wraps onto.
 */
export function wrapAtSpaces(text: string, cols: number, start = 0, indent = hangingIndent(text, cols, start)): string {
  if (cols < 2) return text;
  const hang = indent * 2 <= cols ? indent : 0;
  let out = '';
  let col = start % cols;
  // the line's own leading spaces are its indent: they are never a place to break
  const lead = /^ */.exec(text)![0];
  out += lead;
  col = (col + lead.length) % cols;
  const tokens = text.slice(lead.length).split(/( +)/).filter(Boolean).flatMap((t) => (t.startsWith(' ') ? [t] : piecesOf(t)));
  const newRow = () => {
    out += ' '.repeat(cols - col) + ' '.repeat(hang);
    col = hang;
  };
  for (const [i, token] of tokens.entries()) {
    const len = stringWidth(token);
    if (token.startsWith(' ')) {
      // spaces that reach the row's end only fill it; the next word starts the next row
      if (col > hang && col + len >= cols) newRow();
      else {
        out += token;
        col = (col + len) % cols;
      }
      continue;
    }
    // a word that would end exactly at the row's end with more text after it moves too, so the next row does not start with a space
    // (a piece of Japanese too: the next piece then starts the next row under the indent, and reads back joined)
    const more = i + 1 < tokens.length;
    if (col > hang && len <= cols - hang && (col + len > cols || (more && col + len === cols))) newRow();
    out += token;
    col = (col + len) % cols;
  }
  return out;
}

/**
 * Rows of a terminal read back as logical lines: a row the terminal wrapped
 * onto continues the line before it; a row that ended in blanks was padded
 * by `wrapAtSpaces`, so one space stands for the blanks and the next row's
 * hanging indent.
 */
export function joinRows(rows: readonly { readonly text: string; readonly wrapped: boolean }[]): string[] {
  const lines: string[] = [];
  let blankEnd = false;
  for (const row of rows) {
    const text = row.text.replace(/\s+$/, '');
    const last = lines.at(-1);
    // a break between two wide characters was a place to break, not a space (Japanese)
    const joined = isWide([...(last ?? '')].at(-1)) && isWide([...text.trimStart()][0]);
    if (row.wrapped && last !== undefined) lines[lines.length - 1] = `${last}${blankEnd ? `${joined ? '' : ' '}${text.trimStart()}` : text}`;
    else lines.push(text);
    blankEnd = text.length < row.text.length;
  }
  return lines;
}
