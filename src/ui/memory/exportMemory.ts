// Slide-ready exports of the Memory view (Figs. 4-5): the view at the
// playhead as a standalone SVG or a PNG at twice its size, and the flip as
// an animated GIF of the current command's micro-steps (one frame per
// event, as the player shows them), which plays in PowerPoint, Keynote and
// Google Slides. They read the drawn view, so they show what the room sees.

import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import { totalEvents, useLab } from '../store/labStore.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function liveSvg(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('[data-testid=memory-view] svg.mem-svg:not(.mem-overlay)');
}

/** The Memory view as drawn now, as a standalone SVG document (null when it is not on the page). */
export function memorySvg(): { text: string; width: number; height: number } | null {
  const svg = liveSvg();
  if (!svg) return null;
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const css = getComputedStyle(document.documentElement);
  const page = getComputedStyle(svg);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', page.fontFamily || 'sans-serif');
  copy.setAttribute('font-size', page.fontSize || '15px');
  copy.removeAttribute('class');
  // what only the live page needs: the pointer's ring, focus stops, pending fades
  copy.querySelectorAll('g.mem-cursor, .mem-exiting').forEach((n) => n.remove());
  copy.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', css.getPropertyValue('--bg').trim() || '#ffffff');
  copy.insertBefore(bg, copy.firstChild);
  // past 4096 frames the grid is a canvas under the SVG: carry it as an image
  const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=memory-view] canvas.mem-canvas');
  if (canvas && canvas.width > 0) {
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', canvas.toDataURL('image/png'));
    image.setAttribute('width', String(width));
    image.setAttribute('height', String(height));
    bg.after(image);
  }
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = 'lparlab: memory (Figs. 4-5)';
  copy.insertBefore(title, copy.firstChild);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`, width, height };
}

/** An SVG document drawn onto a canvas `scale` times its size. */
async function rasterise(svg: { text: string; width: number; height: number }, scale: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The Memory view at the playhead as a PNG, `scale` times its size on screen. */
export async function memoryPng(scale = 2): Promise<Blob | null> {
  const svg = memorySvg();
  if (!svg) return null;
  const canvas = await rasterise(svg, scale);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Wait until the view has drawn the playhead and its transitions (d3 keeps them on the nodes) have ended. */
async function settled(svg: SVGSVGElement): Promise<void> {
  await nextFrame();
  await nextFrame();
  for (let i = 0; i < 120; i++) {
    const moving = [...svg.querySelectorAll('*')].some((n) => (n as Element & { __transition?: object }).__transition);
    if (!moving) return;
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** The events of the command at the playhead: [first, last] positions of the player, or null before any command. */
export function currentCommandSpan(): { from: number; to: number } | null {
  const s = useLab.getState();
  const t = s.shell.timeline;
  let start = t.bootEvents.length;
  for (let i = 0; i < t.length; i++) {
    const entry = t.entries[i]!;
    const count = entry.step.events.length;
    const end = start + count;
    if (count > 0 && s.position > start && s.position <= end) return { from: start, to: end };
    start = end;
  }
  return null;
}

export type FlipGif = { ok: true; bytes: Uint8Array; frames: number } | { ok: false; message: string };

/**
 * The current command as an animated GIF: the view before it, then after each
 * of its events, held a moment, looping. The playhead is moved through the
 * command and put back where it was.
 */
export async function flipGif(): Promise<FlipGif> {
  const svg = liveSvg();
  const span = currentCommandSpan();
  if (!svg) return { ok: false, message: 'The Memory view is not on the page.' };
  if (!span) return { ok: false, message: 'Move the playhead into a command first (the flip is @A send(ch, a, "hi")).' };
  const lab = useLab.getState();
  const { position, playing } = lab;
  lab.setPlaying(false);
  const gif = GIFEncoder();
  let frames = 0;
  try {
    for (let p = span.from; p <= Math.min(span.to, totalEvents(lab.shell)); p++) {
      useLab.getState().seek(p);
      await settled(svg);
      const drawn = memorySvg();
      if (!drawn) break;
      const canvas = await rasterise(drawn, 1);
      const rgba = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const palette = quantize(rgba, 256);
      // the first and the last pictures stay longest: before and after the command
      const delay = p === span.from ? 1500 : p === span.to ? 2500 : 900;
      gif.writeFrame(applyPalette(rgba, palette), canvas.width, canvas.height, { palette, delay, repeat: 0 });
      frames++;
    }
  } finally {
    useLab.getState().seek(position);
    useLab.getState().setPlaying(playing);
  }
  gif.finish();
  return { ok: true, bytes: gif.bytes(), frames };
}
