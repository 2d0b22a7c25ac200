import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { joinRows, wrapAtSpaces } from './wordWrap.ts';

/** What a terminal `cols` wide shows for `text`: its rows, each marked when the terminal wrapped onto it. */
function rowsOf(text: string, cols: number): { text: string; wrapped: boolean }[] {
  const chars = [...text];
  const rows: { text: string; wrapped: boolean }[] = [];
  for (let i = 0; i < chars.length; i += cols) rows.push({ text: chars.slice(i, i + cols).join('').padEnd(cols), wrapped: i > 0 });
  return rows.length ? rows : [{ text: ''.padEnd(cols), wrapped: false }];
}

describe('wrapAtSpaces', () => {
  it('moves a word that would be cut to the next row', () => {
    const rows = rowsOf(wrapAtSpaces('fd = accept(s) completes: = 4', 20), 20);
    expect(rows.map((r) => r.text.trimEnd())).toEqual(['fd = accept(s)', 'completes: = 4']);
  });

  it('does not start a row with the space after a word that filled the row before', () => {
    const rows = rowsOf(wrapAtSpaces('stay usable (@A, @B)', 11), 11);
    expect(rows.map((r) => r.text.trimEnd())).toEqual(['stay', 'usable', '(@A, @B)']);
    expect(joinRows(rows)).toEqual(['stay usable (@A, @B)']);
  });

  it('still breaks a word longer than a row where the row ends', () => {
    const rows = rowsOf(wrapAtSpaces('go /msg/A.1/very/long/path', 10), 10);
    expect(rows.map((r) => r.text.trimEnd())).toEqual(['go /msg/A.', '1/very/lon', 'g/path']);
  });

  it('reads back as the text it wrapped, for words separated by single spaces', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9_=(),.:"]{1,14}$/);
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), fc.integer({ min: 10, max: 60 }), (words, cols) => {
      const text = words.join(' ');
      const wrapped = wrapAtSpaces(text, cols);
      expect(joinRows(rowsOf(wrapped, cols))).toEqual([text]);
      // no word is cut unless it is longer than a row
      const rows = rowsOf(wrapped, cols);
      for (let i = 1; i < rows.length; i++) {
        const cut = /\S$/.test(rows[i - 1]!.text) && /^\S/.test(rows[i]!.text);
        if (cut) expect(words.some((w) => w.length > cols - 1)).toBe(true);
      }
    }));
  });

  it('keeps an indented line indented on the rows it wraps onto', () => {
    const rows = rowsOf(wrapAtSpaces('      discard a received message: its frames go back to free memory', 30), 30);
    expect(rows.map((r) => r.text.trimEnd())).toEqual([
      '      discard a received',
      '      message: its frames go',
      '      back to free memory',
    ]);
    expect(joinRows(rows)).toEqual(['      discard a received message: its frames go back to free memory']);
  });

  it('hangs a typed line under its first character, after the prompt', () => {
    const text = wrapAtSpaces('s = socket(AF_LPAR, SOCK_SEQPACKET)', 24, 5, 5);
    const rows = rowsOf(`scp$ ${text}`, 24);
    expect(rows.map((r) => r.text.trimEnd())).toEqual(['scp$ s =', '     socket(AF_LPAR,', '     SOCK_SEQPACKET)']);
    expect(joinRows(rows)).toEqual(['scp$ s = socket(AF_LPAR, SOCK_SEQPACKET)']);
  });

  it('reads back as the text it wrapped, indented or not, and never cuts a word that fits a row', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9_=(),.:"]{1,14}$/);
    fc.assert(fc.property(fc.nat(8), fc.array(word, { minLength: 1, maxLength: 20 }), fc.integer({ min: 20, max: 60 }), (indent, words, cols) => {
      const text = ' '.repeat(indent) + words.join(' ');
      const rows = rowsOf(wrapAtSpaces(text, cols), cols);
      expect(joinRows(rows)).toEqual([text]);
      for (let i = 1; i < rows.length; i++) {
        // every row it wraps onto starts at the indent, unless a word as long as a row (less the indent) filled or broke it
        const cut = /\S$/.test(rows[i - 1]!.text);
        if (cut) expect(words.some((w) => w.length >= cols - indent)).toBe(true);
        else expect(rows[i]!.text.slice(0, indent).trim()).toBe('');
      }
    }));
  });
});

/** What a terminal drawing East Asian wide characters in two cells shows (xterm with Unicode 11 widths): a wide character that does not fit in a row's last cell starts the next row. */
function cellRowsOf(text: string, cols: number): { text: string; wrapped: boolean }[] {
  const rows: { text: string; wrapped: boolean }[] = [{ text: '', wrapped: false }];
  let col = 0;
  for (const c of text) {
    const w = stringWidth(c);
    if (col + w > cols) {
      rows.at(-1)!.text += ' '.repeat(cols - col);
      rows.push({ text: '', wrapped: true });
      col = 0;
    }
    rows.at(-1)!.text += c;
    col += w;
  }
  return rows;
}

describe('wrapAtSpaces with Japanese', () => {
  const line = '   40 [0064]   Bのポート2へのイベント（空のメッセージポート3にメッセージが届いた）は、すでに立っているペンディングビットに合流する';

  it('counts a wide character as two cells, breaks between wide characters, and hangs the rest under the indent', () => {
    for (const cols of [24, 31, 40, 57]) {
      const rows = cellRowsOf(wrapAtSpaces(line, cols), cols);
      for (const row of rows) expect(stringWidth(row.text), row.text).toBeLessThanOrEqual(cols);
      // every row after the first starts at the hanging indent (none at cols 24: the indent would be more than half)
      if (cols > 24) for (const row of rows.slice(1)) expect(row.text.startsWith('   ') && !row.text.startsWith('    '), row.text).toBe(true);
      // no row but the last is left half empty: the text flows on at wide characters, not only at spaces
      for (const row of rows.slice(0, -1)) expect(stringWidth(row.text.trimEnd()), row.text).toBeGreaterThan(cols - 8);
    }
  });

  it('reads back as the text it wrapped, with no space where it broke between Japanese characters', () => {
    for (const cols of [24, 31, 40, 57, 80]) expect(joinRows(cellRowsOf(wrapAtSpaces(line, cols), cols)), `cols ${cols}`).toEqual([line]);
    const mixed = 'Aは accept で止まっています。他のコンテキストはそのまま使えます (@A, @B, @scp)';
    for (const cols of [20, 33, 47]) expect(joinRows(cellRowsOf(wrapAtSpaces(mixed, cols), cols)), `cols ${cols}`).toEqual([mixed]);
  });
});
