// The Memory view (Figs. 4-5) as a picture for a slide or a handout, drawn
// off the page at any size by the same d3 drawers the view uses: a caption
// naming the moment on top (lesson and step, event, its patent tag), the
// legend under it (owners, colours, frame counts: it names the system
// control program in full before the grid's "scp" column), then the frames
// and address spaces. The SVG carries its font (JetBrains Mono,
// the Latin subset the app already bundles) as @font-face data, so its text
// looks the same wherever the file is opened, not in whatever font the
// slide program falls back to.

import type { LabEvent, TagStyle } from '../../engine/index.ts';
import { memoryView, narrate, SCP_PID, tagShown } from '../../engine/index.ts';
import { layoutMemory } from './layout.ts';
import { bestInk, ownerFills } from './colours.ts';
import type { Palette } from './colours.ts';
import { drawMemory } from './drawMemory.ts';
import { drawBuckets } from './drawBuckets.ts';
import { ghostsOf, highlightOf } from './plan.ts';
import { fitText, MONO } from './textFit.ts';
import type { Moment } from './moments.ts';
import { translateEnglish } from '../../i18n/translate.ts';
import mono400 from '@fontsource/jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff2?url';
import mono700 from '@fontsource/jetbrains-mono/files/jetbrains-mono-latin-700-normal.woff2?url';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The default export: a 16:9 slide at full HD. */
export const SLIDE = { width: 1920, height: 1080 } as const;

/** What the caption says about where the moment is. */
export interface MomentLabel {
  /** "Lesson 4: The flip", or null outside a lesson */
  readonly lesson: string | null;
  /** "step 4 of 6: B maps the area", or null */
  readonly step: string | null;
  /** events shown after boot, and how many were recorded after boot */
  readonly event: number;
  readonly events: number;
  /** how the reader wants the event's tag shown (default: the patent's) */
  readonly tags?: TagStyle;
}

export interface PictureRequest {
  readonly moment: Moment;
  readonly label: MomentLabel;
  readonly width: number;
  readonly height: number;
  readonly palette: Palette;
  /** the font scale of the drawing (1 = the page's 15 px) */
  readonly scale?: number;
  /** carry the font inside (default); a handout holds it once for all its pictures */
  readonly embedFont?: boolean;
}

export interface Picture {
  /** the standalone SVG document */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** the same picture as an element, to place in a document */
  readonly element?: SVGSVGElement;
}

/** The two lines of the caption: where in the lesson, then which event and its tag with its words. */
export function captionLines(label: MomentLabel, focus: LabEvent | null): [string, string] {
  const head = [label.lesson ?? 'lparlab', label.step].filter(Boolean).join(' · ');
  const at = `event ${label.event} of ${label.events}`;
  const mark = focus ? tagShown(focus.tag, label.tags) : '';
  const what = focus && label.event > 0 ? [at, mark, narrate(focus.say)].filter(Boolean).join(' · ') : `${at} · the machine has booted`;
  return [head, what];
}

let fontCss: Promise<string> | null = null;

async function dataUrl(url: string): Promise<string> {
  if (url.startsWith('data:')) return url;
  const blob = await (await fetch(url)).blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^;,]*/, 'data:font/woff2'));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The @font-face rules with the font files inlined (read once; the files are part of the build, offline too). */
export function embeddedFontCss(): Promise<string> {
  fontCss ??= Promise.all([dataUrl(mono400), dataUrl(mono700)])
    .then(([regular, bold]) => [
      `@font-face{font-family:'JetBrains Mono';font-style:normal;font-weight:400;src:url(${regular}) format('woff2');}`,
      `@font-face{font-family:'JetBrains Mono';font-style:normal;font-weight:700;src:url(${bold}) format('woff2');}`,
    ].join(''))
    .catch((e: unknown) => {
      fontCss = null;
      throw e;
    });
  return fontCss;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

/** One legend entry placed: its owner, text and where it goes. */
interface LegendItem {
  readonly owner: string;
  readonly letter: string;
  readonly frames: number;
  readonly text: string;
  readonly x: number;
  readonly row: number;
}

/** The legend's entries in rows that fit `width` (a picture as small as the view on a phone wraps them). */
function legendRows(owners: readonly { owner: string; code: number; letter: string; frames: number }[], width: number, pad: number, fs: number): { items: LegendItem[]; rows: number } {
  const chip = Math.round(fs * 1.3);
  const items: LegendItem[] = [];
  let x = pad;
  let row = 0;
  for (const o of owners) {
    // "scp" reads as secure copy to students: a picture shown on its own names the system control program in full
    const name = o.owner === 'control' ? 'control OS' : o.code === SCP_PID ? `system control program (${o.owner})` : o.owner;
    const text = `${name} ${o.frames.toLocaleString('en')}`;
    const w = chip + fs * 0.45 + text.length * fs * 0.61;
    if (x > pad && x + w > width - pad) {
      row++;
      x = pad;
    }
    items.push({ owner: o.owner, letter: o.letter, frames: o.frames, text, x, row });
    x += w + fs * 1.4;
  }
  return { items, rows: row + 1 };
}

/**
 * The picture as a standalone SVG document. The text size follows the picture
 * (a slide's 1080 px get the page's fonts at about 1.5 times), so it reads from
 * the back of a room as the view does on a projector.
 */
export async function memoryPicture(req: PictureRequest): Promise<Picture> {
  const { moment, label, width, height, palette } = req;
  const scale = req.scale ?? Math.max(1, Math.min(width / 1250, height / 700));
  const fs = Math.round(15 * scale * 10) / 10;
  const pad = Math.round(fs * 1.2);
  const model = memoryView(moment.state, moment.events);
  const fill = ownerFills(model, palette);
  // the caption's two lines, smaller in a narrow picture so more of them fits
  const headFs = Math.min(fs * 1.35, width / 32);
  const whatFs = Math.min(fs * 1.05, width / 40);
  const captionH = Math.round(headFs * 1.5 + whatFs * 1.9);
  const legend = legendRows(model.owners, width, pad, fs);
  const rowH = Math.round(fs * 1.9);
  const legendH = legend.rows * rowH + Math.round(fs * 0.7);
  const drawH = Math.max(80, height - captionH - legendH);
  const layout = layoutMemory(model, width, drawH, scale);

  const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': MONO, 'font-size': fs });
  el('title', {}, root).textContent = `lparlab: memory (Figs. 4-5), ${captionLines(label, moment.focus).join('; ')}`;
  if (req.embedFont !== false) el('style', {}, root).textContent = await embeddedFontCss();
  el('rect', { width: '100%', height: '100%', fill: palette.bg }, root);

  // the caption: where the moment is, then the event with its tag and its words
  const [head, what] = captionLines(label, moment.focus);
  const caption = el('g', { class: 'caption', 'data-caption': '' }, root);
  el('text', { x: pad, y: Math.round(headFs * 1.3), 'font-size': headFs, 'font-weight': 700, fill: palette.ink }, caption)
    .textContent = fitText(head, width - 2 * pad, headFs, true, true);
  el('text', { x: pad, y: Math.round(headFs * 1.5 + whatFs * 1.2), 'font-size': whatFs, fill: palette.ink2 }, caption)
    .textContent = fitText(what, width - 2 * pad, whatFs, true);
  el('line', { x1: pad, x2: width - pad, y1: captionH - 1, y2: captionH - 1, stroke: palette.line, 'stroke-width': 1 }, caption);

  // the view, drawn by its own drawers into a detached <svg>, then moved under the caption and the legend
  const drawn = el('svg', {});
  const highlight = highlightOf(moment.command);
  drawMemory(drawn, {
    model, layout, palette, fill, ghosts: ghostsOf(moment.command), fault: null, faultIsNew: false,
    highlight, event: moment.focus, animate: false, ms: 0, cursor: -1, t: translateEnglish,
  });
  // under the legend: the legend names the system control program in full before the grid's "scp" column does
  const body = el('g', { transform: `translate(0,${captionH + legendH})` }, root);
  if (model.grid.kind === 'buckets') {
    // past 4096 frames the grid is a canvas on the page: carry it as an image
    const canvas = document.createElement('canvas');
    drawBuckets(canvas, model, layout.grid, layout.w, layout.h, palette, fill);
    el('image', { href: canvas.toDataURL('image/png'), width: layout.w, height: layout.h }, body);
  }
  body.append(...drawn.childNodes);
  body.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));

  // the legend: each owner's colour, letter, name and how many frames it has
  const g = el('g', { class: 'legend', 'data-legend': '' }, root);
  const top = captionH;
  el('line', { x1: pad, x2: width - pad, y1: top + legendH - 1, y2: top + legendH - 1, stroke: palette.line, 'stroke-width': 1 }, g);
  const chip = Math.round(fs * 1.3);
  for (const it of legend.items) {
    const bg = fill(it.owner);
    const cy = top + Math.round(fs * 0.35) + it.row * rowH + rowH / 2;
    const item = el('g', { 'data-owner': it.owner, 'data-frames': it.frames }, g);
    el('rect', { x: it.x, y: cy - chip / 2, width: chip, height: chip, rx: 3, fill: bg, stroke: palette.line, 'stroke-width': 1 }, item);
    if (it.letter) el('text', { x: it.x + chip / 2, y: cy + fs * 0.35, 'text-anchor': 'middle', 'font-weight': 700, fill: bestInk(bg) }, item).textContent = it.letter;
    el('text', { x: it.x + chip + fs * 0.45, y: cy + fs * 0.35, fill: palette.ink }, item).textContent = it.text;
  }
  // what the counts are, where the last row leaves room for it
  const last = legend.items.at(-1);
  const note = 'frames by owner';
  const end = last ? last.x + chip + fs * 0.45 + last.text.length * fs * 0.61 : pad;
  if (end + fs * 1.5 + note.length * fs * 0.85 * 0.61 < width - pad) {
    const cy = top + Math.round(fs * 0.35) + (legend.rows - 1) * rowH + rowH / 2;
    el('text', { x: width - pad, y: cy + fs * 0.35, 'text-anchor': 'end', fill: palette.ink2, 'font-size': fs * 0.85 }, g).textContent = note;
  }

  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`, width, height, element: root };
}

/** A picture drawn onto a canvas `scale` times its size (the embedded font is in the SVG, so it draws as saved). */
export async function rasterise(picture: Picture, scale = 1, canvas = document.createElement('canvas')): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas as PNG bytes. */
export function pngOf(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
}
