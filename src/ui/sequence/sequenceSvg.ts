// The sequence chart as one standalone SVG document: lane headers, lifelines,
// arrows, heads and labels, every colour and font inline so the file looks the
// same opened anywhere (a slide, a browser, an editor). Pure: a string from
// the view model, the layout and a theme, so it is tested without a browser.

import type { SequenceLane, SequenceModel } from '../../engine/index.ts';
import { CONTROL_COLOUR, partitionColour } from '../app/palette.ts';
import { layoutChart } from './layout.ts';

/** The page's theme colours the chart uses (the CSS variables of app.css). */
export interface SvgTheme {
  readonly bg: string;
  readonly panel: string;
  readonly ink: string;
  readonly ink2: string;
  readonly line: string;
  readonly accent: string;
  readonly tag: string;
}

/** The light theme of app.css: the default for an export made outside the page. */
export const LIGHT_SVG_THEME: SvgTheme = {
  bg: '#ffffff', panel: '#f6f6f3', ink: '#1a1a1a', ink2: '#4a4a4a', line: '#c9c7bf', accent: '#0b57a4', tag: '#00507d',
};

export const MONO_FONT = "'JetBrains Mono', ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, monospace";
export const SANS_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

/** The header swatch of a lane: the partition's Okabe-Ito colour, the control OS's grey; the kernel wears the scp's colour. */
export function laneSwatch(lane: SequenceLane): string {
  if (lane.kind === 'control') return CONTROL_COLOUR;
  if (lane.kind === 'kernel') return partitionColour(1);
  return partitionColour(lane.pid ?? 1);
}

/** `amount` (0..1) of colour `a` over colour `b`, both #rrggbb; `b` if either is not. */
export function mixColour(a: string, b: string, amount: number): string {
  const hex = /^#([0-9a-f]{6})$/i;
  const ma = hex.exec(a.trim());
  const mb = hex.exec(b.trim());
  if (!ma || !mb) return b;
  const ca = parseInt(ma[1]!, 16);
  const cb = parseInt(mb[1]!, 16);
  let out = '#';
  for (const shift of [16, 8, 0]) {
    const v = Math.round(((ca >> shift) & 255) * amount + ((cb >> shift) & 255) * (1 - amount));
    out += v.toString(16).padStart(2, '0');
  }
  return out;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Lane width of an exported chart, in ems. */
const EXPORT_LANE_EM = 8;

/** Split a name in two at the space nearest its middle. */
export function splitInTwo(words: string): [string, string] {
  const mid = words.length / 2;
  let best = -1;
  for (let i = words.indexOf(' '); i >= 0; i = words.indexOf(' ', i + 1)) if (best < 0 || Math.abs(i - mid) < Math.abs(best - mid)) best = i;
  return best < 0 ? [words, ''] : [words.slice(0, best), words.slice(best + 1)];
}

export interface SvgOptions {
  /** font size in px (13 reads well on a slide) */
  readonly font?: number;
  /** the narrowest the chart may be, px */
  readonly width?: number;
  readonly theme?: SvgTheme;
  /** the arrow to highlight (the one at the playhead) */
  readonly focusSeq?: number | null;
  readonly title?: string;
}

/** The chart as a standalone SVG document. */
export function sequenceSvg(model: SequenceModel, options: SvgOptions = {}): string {
  const font = options.font ?? 13;
  const theme = options.theme ?? LIGHT_SVG_THEME;
  const focus = options.focusSeq ?? null;
  // wider lanes than the live panel allows: a file has room, and a slide reads better
  const titleW = options.title ? Math.ceil(options.title.length * 0.62 * font + font) : 0;
  const layout = layoutChart(model, { font, width: Math.max(options.width ?? 0, model.lanes.length * EXPORT_LANE_EM * font, titleW) });
  const titleH = options.title ? Math.round(font * 2) : 0;
  // "scp" alone reads as secure copy: one header names the system control program over its program's and kernel's lanes
  const grouped = model.lanes.flatMap((lane, i) => (lane.kind === 'scp' || lane.kind === 'kernel' ? [i] : []));
  const groupH = grouped.length > 0 ? Math.round(font * 1.6) : 0;
  const headH = Math.round(font * 3.6);
  const top = titleH + groupH + headH;
  const W = layout.width;
  const H = top + layout.height;
  const focusFill = mixColour(theme.accent, theme.bg, 0.14);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(SANS_FONT)}" font-size="${font}">`,
    `<title>${escapeXml(options.title ?? 'Sequence chart')}</title>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="${theme.bg}"/>`,
  );
  if (options.title) {
    out.push(`<text x="${Math.round(font * 0.5)}" y="${Math.round(font * 1.4)}" font-weight="700" fill="${theme.ink}">${escapeXml(options.title)}</text>`);
  }
  // lane headers: the name centred over the lifeline, the lane's colour as a bar under it
  out.push(`<g>`);
  if (grouped.length > 0) {
    const left = layout.laneX[grouped[0]!]! - layout.laneW / 2;
    const width = layout.laneW * grouped.length;
    const y = titleH + groupH * 0.7;
    const name = 'system control program (scp)';
    // wider than its two lanes at the chart's right edge, it moves left over the row above the control OS rather than off the picture
    const half = (name.length * 0.62 * font) / 2;
    const centre = Math.max(half + font * 0.5, Math.min(left + width / 2, W - half - font * 0.5));
    out.push(
      `<text x="${centre.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-weight="700" fill="${theme.ink}">${name}</text>`,
      `<line x1="${(left + font * 0.5).toFixed(1)}" x2="${(left + width - font * 0.5).toFixed(1)}" y1="${(titleH + groupH - 0.5).toFixed(1)}" y2="${(titleH + groupH - 0.5).toFixed(1)}" stroke="${theme.line}" stroke-width="1"/>`,
    );
  }
  model.lanes.forEach((lane, i) => {
    const x = layout.laneX[i]!;
    const barW = Math.min(layout.laneW * 0.7, font * 5);
    const barH = Math.round(font * 0.45);
    const y = titleH + groupH + headH * 0.55;
    const kernel = lane.kind === 'kernel';
    // under the program's header the short names suffice, as in the page's chart
    const name = lane.kind === 'scp' ? 'program' : kernel ? 'kernel' : lane.label;
    const words = `${name}${lane.ended ? ' (ended)' : ''}`;
    // a name too wide for its lane goes on two lines, split at the space nearest its middle
    const lines = words.length * 0.6 * font > layout.laneW * 0.92 && words.includes(' ') ? splitInTwo(words) : [words];
    const text = lines.length === 1
      ? escapeXml(lines[0]!)
      : `<tspan x="${x}" dy="${(-1.1 * font).toFixed(1)}">${escapeXml(lines[0]!)}</tspan><tspan x="${x}" dy="${(1.1 * font).toFixed(1)}">${escapeXml(lines[1]!)}</tspan>`;
    out.push(
      `<g><title>${escapeXml(lane.title)}${lane.ended ? ' (ended)' : ''}</title>`,
      `<text x="${x}" y="${y.toFixed(1)}" text-anchor="middle" font-weight="600" fill="${lane.ended ? theme.ink2 : theme.ink}">${text}</text>`,
      `<rect x="${(x - barW / 2).toFixed(1)}" y="${(y + font * 0.45).toFixed(1)}" width="${barW.toFixed(1)}" height="${barH}" rx="2" fill="${laneSwatch(lane)}" stroke="${theme.ink}" stroke-width="1"${kernel ? ` stroke-dasharray="3 2"` : ''}/></g>`,
    );
  });
  out.push(`<line x1="0" x2="${W}" y1="${top - 0.5}" y2="${top - 0.5}" stroke="${theme.line}" stroke-width="1"/>`, `</g>`);

  out.push(`<g transform="translate(0,${top})">`);
  // row bands: every other command gets the panel colour, so a command's arrows read as one group
  model.arrows.forEach((a, i) => {
    const g = layout.arrows[i]!;
    const fill = a.seq === focus ? focusFill : a.group % 2 === 1 ? theme.panel : null;
    if (fill) out.push(`<rect x="0" y="${g.rowTop}" width="${W}" height="${layout.rowH}" fill="${fill}"/>`);
    if (a.groupStart && i > 0) out.push(`<line x1="0" x2="${W}" y1="${g.rowTop + 0.5}" y2="${g.rowTop + 0.5}" stroke="${theme.line}" stroke-width="1"/>`);
  });
  for (const l of layout.lifelines) {
    if (l.y2 <= l.y1) continue;
    out.push(`<line x1="${l.x}" x2="${l.x}" y1="${l.y1}" y2="${l.y2}" stroke="${theme.line}" stroke-width="2"${l.idle ? ' stroke-dasharray="4 4"' : ''}/>`);
    if (l.endY !== null) {
      const d = font * 0.45;
      out.push(`<path d="M${l.x - d},${l.endY - d}L${l.x + d},${l.endY + d}M${l.x + d},${l.endY - d}L${l.x - d},${l.endY + d}" stroke="${theme.ink}" stroke-width="2"/>`);
    }
  }
  model.arrows.forEach((a, i) => {
    const g = layout.arrows[i]!;
    const isFocus = a.seq === focus;
    const colour = isFocus ? theme.accent : a.boot ? theme.ink2 : theme.ink;
    const tagColour = isFocus ? theme.accent : theme.tag;
    const halo = isFocus ? focusFill : a.group % 2 === 1 ? theme.panel : theme.bg;
    out.push(
      `<g data-seq="${a.seq}" data-tag="${escapeXml(a.tag)}"><title>${escapeXml(a.mark ? `${a.mark}: ${a.say}` : a.say)}</title>`,
      `<path d="${g.path}" fill="none" stroke="${colour}" stroke-width="${isFocus ? 2.5 : 1.5}"/>`,
      `<path d="${g.head}" fill="${colour}"/>`,
      `<text x="${g.labelX}" y="${g.labelY}" text-anchor="${g.anchor}" paint-order="stroke" stroke="${halo}" stroke-width="4" stroke-linejoin="round" fill="${a.boot && !isFocus ? theme.ink2 : theme.ink}">`
        + (a.mark ? `<tspan font-family="${escapeXml(MONO_FONT)}" font-weight="700" fill="${tagColour}">${escapeXml(a.mark)}</tspan> ` : '')
        + `${escapeXml(a.label)}</text>`,
      `</g>`,
    );
  });
  out.push(`</g>`, `</svg>`);
  return out.join('\n') + '\n';
}
