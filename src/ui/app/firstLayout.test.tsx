// The lab's panes in their first frame (issue 22 §1). react-resizable-panels
// lays a group's panels out only once it has measured them in the browser; a
// group without its first layout draws its panels unsized until then, and
// restyling them after the measurement made the next group's measurement lay
// the whole page out again. Given their first layout, the panels come out of
// the very first render at their sizes: what the server renderer writes here
// is what the browser's first layout sees.

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { useLanguage } from './language.ts';
import { makeTranslate } from '../../i18n/translate.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';

/** Each panel's id and the flex-grow it is first drawn with, in document order. */
function firstSizes(html: string): [string, number | null][] {
  return [...html.matchAll(/<div[^>]*data-panel="true"[^>]*>/g)].map((m) => {
    const id = /\sid="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const grow = /flex-grow:\s*([\d.]+)/.exec(/style="([^"]*)"/.exec(m[0])?.[1] ?? '')?.[1];
    return [id, grow === undefined ? null : Number(grow)];
  });
}

describe("the lab's panes before anything is measured", () => {
  it('draws every panel at its first size: the views beside the terminal, Memory beside Sequence, the upper views above the tabs', () => {
    const sizes = firstSizes(renderToStaticMarkup(<App />));
    expect(sizes).toEqual([
      ['lab-views', 66],
      ['lab-upper', 61],
      ['lab-memory', 55],
      ['lab-sequence', 45],
      ['lab-lower', 39],
      ['lab-right', 34],
    ]);
  });

  it("each group's sizes add up to the whole group", () => {
    const grow = new Map(firstSizes(renderToStaticMarkup(<App />)));
    expect(grow.get('lab-views')! + grow.get('lab-right')!).toBe(100);
    expect(grow.get('lab-upper')! + grow.get('lab-lower')!).toBe(100);
    expect(grow.get('lab-memory')! + grow.get('lab-sequence')!).toBe(100);
  });

  it('gives the terminal more of the width in Japanese, where the lpars table takes 59 cells (issue 23)', () => {
    const before = useLanguage.getState();
    useLanguage.setState({ lang: 'ja', t: makeTranslate('ja', readCatalog('ja')) });
    try {
      const grow = new Map(firstSizes(renderToStaticMarkup(<App />)));
      expect([grow.get('lab-views'), grow.get('lab-right')]).toEqual([61, 39]);
    } finally {
      useLanguage.setState(before);
    }
  });
});
