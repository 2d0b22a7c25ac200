// Colours of the Memory view, resolved to concrete values so d3 can
// interpolate them: partitions take the Okabe-Ito palette (colour-blind safe),
// the control OS and free memory take the theme's --control and --free.

import type { MemoryModel } from '../../engine/index.ts';
import { partitionColour } from '../app/palette.ts';

export interface Palette {
  readonly bg: string;
  readonly panel: string;
  readonly panel2: string;
  readonly ink: string;
  readonly ink2: string;
  readonly line: string;
  readonly accent: string;
  readonly accentInk: string;
  readonly error: string;
  readonly focus: string;
  readonly free: string;
  readonly control: string;
  readonly dark: boolean;
}

/** The light theme's colours: what printed pages and handouts use, whatever the page's theme. */
export const LIGHT: Palette = {
  bg: '#ffffff', panel: '#f6f6f3', panel2: '#ecebe6', ink: '#1a1a1a', ink2: '#4a4a4a', line: '#c9c7bf', accent: '#0b57a4',
  accentInk: '#ffffff', error: '#a3261b', focus: '#0b57a4', free: '#f2f2f2', control: '#4d4d4d', dark: false,
};

/** Read the theme's colours from CSS variables on `el` (falling back to the light theme). */
export function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const bg = v('--bg', LIGHT.bg);
  return {
    bg, panel: v('--panel', LIGHT.panel), panel2: v('--panel-2', LIGHT.panel2), ink: v('--ink', LIGHT.ink), ink2: v('--ink-2', LIGHT.ink2),
    line: v('--line', LIGHT.line), accent: v('--accent', LIGHT.accent), accentInk: v('--accent-ink', LIGHT.accentInk),
    error: v('--error', LIGHT.error), focus: v('--focus', LIGHT.focus), free: v('--free', LIGHT.free), control: v('--control', LIGHT.control),
    dark: luminance(bg) < 0.2,
  };
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** Contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** Inks already chosen, by background: a page has a dozen colours, and every cell and block asks on each draw. */
const inks = new Map<string, string>();

/** Near-black or white, whichever has more contrast on `background`. */
export function bestInk(background: string): string {
  let ink = inks.get(background);
  if (ink === undefined) {
    ink = contrast('#111111', background) >= contrast('#ffffff', background) ? '#111111' : '#ffffff';
    if (inks.size < 256) inks.set(background, ink);
  }
  return ink;
}

/** A lookup from owner name (as in data-owner) to its fill colour. */
export function ownerFills(model: MemoryModel, p: Palette): (owner: string) => string {
  const byName = new Map<string, string>();
  for (const o of model.owners) {
    byName.set(o.owner, o.owner === 'free' ? p.free : o.owner === 'control' ? p.control : partitionColour(o.code));
  }
  for (const s of model.spaces) byName.set(s.name, partitionColour(s.pid));
  return (owner) => byName.get(owner) ?? p.free;
}
