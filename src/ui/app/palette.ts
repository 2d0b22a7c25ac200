// Owner colours: the Okabe-Ito palette, chosen to stay distinct for the common
// forms of colour blindness. Every cell also carries its owner's letter, so
// colour is never the only cue.

const PARTITION_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;

export const CONTROL_COLOUR = '#4D4D4D';
export const FREE_COLOUR = '#F2F2F2';

/** Colour of a partition by its id: the system control OS (1) and guests (2, 3, ...) cycle through the palette. */
export function partitionColour(pid: number): string {
  return PARTITION_COLOURS[(pid - 1) % PARTITION_COLOURS.length]!;
}

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** Black or white text, whichever has the higher contrast ratio on `background`. */
export function inkOn(background: string): string {
  const l = luminance(background);
  const onBlack = (l + 0.05) / (luminance('#111111') + 0.05);
  const onWhite = (1.05) / (l + 0.05);
  return onBlack >= onWhite ? '#111111' : '#FFFFFF';
}
