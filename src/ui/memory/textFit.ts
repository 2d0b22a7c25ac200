// Text that fits in the Memory view: labels are sized and cut by estimate
// (characters times an average glyph width), never by reading layout, so
// drawing them does no layout reads.

export { hex } from '../../engine/index.ts';
export const MONO = "'JetBrains Mono', ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, monospace";

/** The first of `texts` that fits, else the last one cut to fit. */
export function fitFirst(texts: readonly string[], px: number, font: number, mono = false, bold = false): string {
  for (const t of texts) if (fitText(t, px, font, mono, bold) === t) return t;
  return fitText(texts[texts.length - 1]!, px, font, mono, bold);
}

/** A font size at which `text` fits in `px` (no smaller than `min`). */
export function fitFont(text: string, px: number, font: number, mono = false, min = 8): number {
  const per = mono ? 0.61 : 0.56;
  return Math.max(min, Math.min(font, px / Math.max(1, text.length * per)));
}

/** Cut text to what fits in `px` at `font` px (an estimate: no layout reads). */
export function fitText(text: string, px: number, font: number, mono = false, bold = false): string {
  const per = font * (mono ? 0.61 : bold ? 0.62 : 0.56);
  const max = Math.max(1, Math.floor(px / per));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
