import { describe, expect, it } from 'vitest';
import { catalogCodePoints, keepSubsets } from './fonts.ts';

const face = (n: number, range: string) => `/* biz-udgothic-[${n}]-400-normal */
@font-face {
  font-family: 'BIZ UDGothic';
  src: url(./files/biz-udgothic-${n}-400-normal.woff2) format('woff2'), url(./files/biz-udgothic-${n}-400-normal.woff) format('woff');
  unicode-range: ${range};
}
`;

describe('the Japanese face cut to what the lab shows', () => {
  const css = face(1, 'U+4e00-4e0f,U+5236') + face(2, 'U+9fa0-9fa5') + face(3, 'U+30a0-30ff') + face(4, 'U+0000-00ff');
  const kept = keepSubsets(css, catalogCodePoints(['制御OS', 'plain ASCII']));

  it('keeps a subset holding a character of a catalog (制 is U+5236) and the kana, drops the rest and Latin', () => {
    expect(kept).toContain('biz-udgothic-1-400-normal.woff2');
    expect(kept).toContain('biz-udgothic-3-400-normal.woff2');
    expect(kept).not.toContain('biz-udgothic-2-');
    expect(kept).not.toContain('biz-udgothic-4-');
  });

  it('keeps the subsets of the commonest characters whatever the catalogs say', () => {
    expect(keepSubsets(face(115, 'U+9fa0-9fa5'), new Set())).toContain('biz-udgothic-115-400-normal.woff2');
  });

  it("leaves Latin to the page's fonts: a kept subset loses its Latin ranges", () => {
    const mixed = keepSubsets(face(110, 'U+23,U+3c,U+41-5a,U+2192,U+4e45'), new Set());
    expect(mixed).toMatch(/unicode-range: U\+2192,U\+4e45;/);
  });

  it('keeps only the woff2 file of each subset', () => {
    expect(kept).not.toMatch(/\.woff\)/);
  });
});
