// Text on a coloured background: black or white, whichever contrasts more
// (WCAG relative luminance). The palette's own `inkOn` uses a fixed threshold
// that picks white on the Okabe-Ito green and sky blue, below 4.5:1 there.

const DARK = '#111111';
const LIGHT = '#ffffff';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function textOn(background: string): string {
  return contrast(background, DARK) >= contrast(background, LIGHT) ? DARK : LIGHT;
}
