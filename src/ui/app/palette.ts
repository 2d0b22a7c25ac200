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

/** Black or white text, whichever reads better on `background`. */
export function inkOn(background: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16) / 255);
  const lum = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const l = 0.2126 * lum(r!) + 0.7152 * lum(g!) + 0.0722 * lum(b!);
  return l > 0.35 ? '#111111' : '#FFFFFF';
}
