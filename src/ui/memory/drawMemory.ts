// The d3 drawers of the Memory view (Figs. 4-5). React owns the <svg>; these
// functions own everything inside it. The flip is animated from the focused
// trace event: on area.unmap the sender's line breaks and fades, on area.flip
// the frames change colour with a pulse, on area.map the receiver's line grows
// from its new block to the frames [0069]-[0071].
//
// drawMemory stacks the SVG in layers, bottom to top, and hands each to its
// drawer: the title (here), the RAM brackets and the logical address spaces
// (drawColumns.ts), the frame grid (drawGrid.ts), the mapping lines
// (drawLines.ts), and the pulses, labels and page fault (drawEffects.ts).

import { select } from 'd3';
import type { BaseType, Selection } from 'd3';
import type { LabEvent, MemoryModel } from '../../engine/index.ts';
import type { ColumnBlocks, Ghost, MemoryLayout } from './layout.ts';
import { columnBlocks } from './layout.ts';
import type { Palette } from './colours.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { Outline } from './plan.ts';
import { fitText } from './textFit.ts';
import { drawBucketHit, drawCells } from './drawGrid.ts';
import { drawColumns, drawRam } from './drawColumns.ts';
import { drawLines } from './drawLines.ts';
import { drawEffects } from './drawEffects.ts';

export { fitFirst, fitFont, fitText, hex } from './textFit.ts';
export { cellLabel } from './drawGrid.ts';
export { portKey } from './drawPorts.ts';

export interface FaultMark {
  readonly pid: number;
  readonly addr: number;
  readonly id: number;
}

export interface DrawArgs {
  readonly model: MemoryModel;
  readonly layout: MemoryLayout;
  readonly palette: Palette;
  readonly fill: (owner: string) => string;
  readonly ghosts: readonly Ghost[];
  readonly fault: FaultMark | null;
  /** the fault just happened: flash it */
  readonly faultIsNew: boolean;
  /** with reduced motion: outline what the command changed */
  readonly highlight: Outline | null;
  /** the event the playhead just revealed, and whether to animate it (it is new, and motion is allowed) */
  readonly event: LabEvent | null;
  readonly animate: boolean;
  /** base transition time in ms, already scaled by the playback speed */
  readonly ms: number;
  /** the words of the reader's language (a picture for slides: English) */
  readonly t: Translate;
  /** the roving tab stop of the grid */
  readonly cursor: number;
  /** the canvas under the SVG that paints the frames (the page); without it the SVG paints them (a picture) */
  readonly cells?: HTMLCanvasElement | null;
}

export type G = Selection<SVGGElement, unknown, BaseType, unknown>;

function layer(root: Selection<SVGSVGElement, unknown, null, undefined>, cls: string): G {
  const found = root.select<SVGGElement>(`:scope > g.${cls}`);
  return (found.empty() ? root.append('g').attr('class', cls) : found) as unknown as G;
}

export function drawMemory(svg: SVGSVGElement, a: DrawArgs): void {
  const root = select(svg);
  const { layout } = a;
  root.attr('width', layout.w).attr('height', layout.h).attr('viewBox', `0 0 ${layout.w} ${layout.h}`);
  const head = layer(root, 'mem-head');
  const ram = layer(root, 'mem-ram');
  const grid = layer(root, 'mem-grid');
  const cols = layer(root, 'mem-cols');
  const lines = layer(root, 'mem-lines');
  const fx = layer(root, 'mem-fx');

  const blocksByPid = new Map<number, ColumnBlocks>();
  const faultPage = a.fault ? Math.floor(a.fault.addr / 4096) : null;
  for (const space of a.model.spaces) {
    blocksByPid.set(space.pid, columnBlocks(space, a.ghosts, a.fault?.pid === space.pid ? faultPage : null, layout.head, layout.bottom, layout.fs));
  }

  drawHead(head, a);
  if (a.model.grid.kind === 'cells') drawCells(grid, a, a.model.grid.cells);
  else drawBucketHit(grid, a);
  drawRam(ram, a, blocksByPid);
  drawColumns(cols, a, blocksByPid);
  drawLines(lines, a, blocksByPid);
  drawEffects(fx, a, blocksByPid);
}

// ------------------------------------------------------------ title over the grid

function drawHead(g: G, a: DrawArgs): void {
  const { grid, fs } = a.layout;
  const cx = grid.x + (grid.cols * grid.pitch) / 2;
  const m = a.model;
  const sub = m.grid.kind === 'cells'
    ? a.t('memory.head.cells', { frames: m.frames, free: m.free })
    : a.t('memory.head.buckets', { frames: m.frames, per: grid.per });
  const texts = [
    { key: 'title', y: fs * 1.15, text: a.t('memory.head.title'), size: fs * 1.05, weight: 700, fill: a.palette.ink },
    { key: 'sub', y: fs * 2.35, text: sub, size: fs * 0.82, weight: 400, fill: a.palette.ink2 },
  ];
  g.selectAll<SVGTextElement, (typeof texts)[number]>('text')
    .data(texts, (d) => d.key)
    .join('text')
    .attr('x', cx).attr('y', (d) => d.y).attr('text-anchor', 'middle')
    .attr('font-size', (d) => d.size).attr('font-weight', (d) => d.weight).attr('fill', (d) => d.fill)
    .text((d) => fitText(d.text, grid.cols * grid.pitch + fs * 4, d.size));
}
