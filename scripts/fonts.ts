// The Japanese face (BIZ UDGothic, self-hosted from @fontsource) cut to what
// the lab shows. @fontsource splits the face into ~120 unicode-range subsets;
// the browser fetches only the subsets a page's text uses, but the service
// worker precaches every file of the build and the single-file build inlines
// them all (4.3 MB a weight). So the build keeps the subsets holding a
// character of some catalog or language name, kana, CJK punctuation and
// full-width forms, and the common kanji (@fontsource numbers the subsets by
// frequency: the last ones hold the commonest characters); a rarer kanji a
// student types falls back to the system's own font.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const I18N = join(import.meta.dirname, '..', 'src', 'i18n');
const CATALOGS = join(I18N, 'catalogs');
/** Letters below this (Latin, its accents, IPA) are drawn by the page's own fonts. */
const LATIN_END = 0x370;
/** Subsets from this number on hold the commonest characters. */
export const COMMON_FROM = 70;
const FACE_CSS = /@fontsource[\\/]biz-udgothic[\\/](400|700)\.css$/;
/** Kana, CJK symbols and punctuation, full-width forms: any Japanese sentence a student types. */
const ALWAYS: readonly (readonly [number, number])[] = [[0x3000, 0x30ff], [0xff00, 0xffef]];

/** The code points of the catalogs' text beyond ASCII (Latin stays with the page's own fonts). */
export function catalogCodePoints(texts: readonly string[]): Set<number> {
  const points = new Set<number>();
  for (const text of texts) for (const ch of text) if (ch.codePointAt(0)! > 0x7f) points.add(ch.codePointAt(0)!);
  return points;
}

function parseRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}

/** `css` with only the @font-face rules whose unicode-range meets `points` or the ranges every Japanese text needs. */
export function keepSubsets(css: string, points: ReadonlySet<number>): string {
  return css.replace(/(\/\*[^*]*\*\/\s*)?@font-face\s*{[^}]*}/g, (rule) => {
    const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (range === undefined) return rule;
    const spans = parseRange(range);
    const numbered = /biz-udgothic-(\d+)-\d+-normal/.exec(rule)?.[1];
    const needed = (numbered !== undefined && Number(numbered) >= COMMON_FROM) || spans.some(([a, b]) => ALWAYS.some(([x, y]) => a <= y && x <= b)) || [...points].some((p) => spans.some(([a, b]) => a <= p && p <= b));
    if (!needed) return '';
    // Latin stays with the page's own fonts: the face is listed first for Japanese, and would otherwise draw
    // every letter in its fixed-width Latin; woff2 only: every browser that honours unicode-range reads it
    const ranges = range.split(',').map((r) => r.trim()).filter((_, i) => spans[i]![1] >= LATIN_END);
    if (ranges.length === 0) return '';
    return rule.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '').replace(range, ranges.join(','));
  });
}

export function japaneseFontSubsets(): Plugin {
  return {
    name: 'lparlab-japanese-font-subsets',
    enforce: 'pre',
    transform(code, id) {
      if (!FACE_CSS.test(id.replace(/\?.*$/, ''))) return null;
      const texts = [...readdirSync(CATALOGS).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(CATALOGS, f), 'utf8')), readFileSync(join(I18N, 'languages.ts'), 'utf8')];
      return { code: keepSubsets(code, catalogCodePoints(texts)), map: null };
    },
  };
}
