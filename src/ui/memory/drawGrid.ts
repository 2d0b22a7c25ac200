// The frame grid of the Memory view (Figs. 4-5): one cell per physical frame,
// coloured and lettered by owner. On the flip (Fig. 5) the frames change
// owner and their colour crosses over [0070]. On the page a canvas under the
// SVG paints the cells (paintCells.ts) and the SVG keeps one unpainted hit
// area per frame; a picture for slides (no canvas) gets the cells in its SVG.
// Past 4096 frames a canvas draws the buckets (drawBuckets.ts) and the SVG
// keeps only a focusable hit area.

import { easeCubicInOut, select } from 'd3';
import type { Selection } from 'd3';
import 'd3-transition';
import type { FrameCell } from '../../engine/index.ts';
import { cellOrigin } from './layout.ts';
import { RECOLOUR } from './plan.ts';
import { cellCanvas, cellPaint, cellRadius, flushCells, LETTER_MIN_CELL, letterSize, setCell } from './paintCells.ts';
import type { DrawArgs, G } from './drawMemory.ts';
import type { Translate } from '../../i18n/translate.ts';

/** A frame in words: its owner and who maps it where (`A@0x4000`: A at 0x4000). */
export function cellLabel(t: Translate, cell: FrameCell): string {
  if (cell.owner === 'free') return t('memory.cell.free', { frame: cell.frame });
  if (cell.owner === 'control') return t('memory.cell.control', { frame: cell.frame });
  const maps = cell.mappedBy.map((m) => {
    const at = m.indexOf('@');
    return at < 0 ? m : t('memory.cell.mapAt', { who: m.slice(0, at), at: m.slice(at + 1) });
  });
  return maps.length
    ? t('memory.cell.mapped', { frame: cell.frame, owner: cell.owner, maps: maps.join(t('memory.cell.and')) })
    : t('memory.cell.unmapped', { frame: cell.frame, owner: cell.owner });
}

/** What a cell's node was last drawn from: a redraw skips a cell whose owner, colour, mappings, highlight, tab stop and language are the same. */
interface Drawn {
  readonly owner: string;
  readonly fill: string;
  readonly mappedBy: readonly string[];
  readonly on: boolean;
  readonly tab: boolean;
  readonly lang: string;
}
type CellNode = SVGGElement & { __drawn?: Drawn };

function sameAs(was: Drawn | undefined, now: Drawn): boolean {
  if (!was || was.owner !== now.owner || was.fill !== now.fill || was.on !== now.on || was.tab !== now.tab || was.lang !== now.lang) return false;
  if (was.mappedBy === now.mappedBy) return true;
  return was.mappedBy.length === now.mappedBy.length && was.mappedBy.every((m, i) => m === now.mappedBy[i]);
}

export { LETTER_MIN_CELL } from './paintCells.ts';

/**
 * One <g role=gridcell> per frame, in frame order, carrying data-frame and
 * data-owner (the test contract). The rows are rebuilt only when the grid's
 * shape changes; otherwise only cells whose owner, mapping, highlight or tab
 * stop changed are touched, so 4096 cells stay cheap to redraw. With
 * `a.cells` (the page) each cell's rect is an unpainted hit area and the
 * canvas shows the frame; without it (a picture) the rect and a letter paint it.
 */
export function drawCells(g: G, a: DrawArgs, cells: readonly FrameCell[]): void {
  const geo = a.layout.grid;
  const e = a.event;
  const recolour = a.animate && e && RECOLOUR.has(e.kind) && e.frames ? new Set<number>(e.frames) : null;
  const ms = a.ms;
  const lit = a.highlight?.frames;
  const painter = a.cells ? cellCanvas(a.cells, geo) : null;
  const onCanvas = !!a.cells;
  g.attr('role', 'grid')
    .attr('aria-label', a.t('memory.grid.label', { frames: a.model.frames, free: a.model.free }))
    .attr('aria-rowcount', geo.rows).attr('aria-colcount', geo.cols);
  g.selectAll('.mem-hit').remove();

  const gnode = g.node() as SVGGElement & { __shape?: string };
  // the theme's outline colours are in the shape: a new theme repaints every cell
  const shape = `${geo.cols}|${geo.rows}|${geo.pitch}|${geo.x}|${geo.y}|${cells.length}|${onCanvas}|${a.palette.line}|${a.palette.focus}`;
  const rebuild = gnode.__shape !== shape;
  if (rebuild) {
    gnode.__shape = shape;
    const rows = g.selectAll<SVGGElement, number>('g.mem-row')
      .data(Array.from({ length: geo.rows }, (_, r) => r), (d) => d)
      .join('g').attr('class', 'mem-row').attr('role', 'row');
    if (onCanvas) {
      // hit areas only: no transform (each one is a node of the browser's paint properties), no letter, nothing painted;
      // pointer-events all keeps an invisible rect under the pointer and the finger
      rows.each(function (r) {
        rowCells(this, r, geo.cols, cells, (c) => c.append('rect').attr('visibility', 'hidden').attr('pointer-events', 'all'))
          .attr('transform', null)
          .each(function (d) {
            (this as CellNode).__drawn = undefined;
            const [x, y] = cellOrigin(geo, d.frame);
            const rect = this.firstElementChild as SVGRectElement;
            rect.setAttribute('x', String(x));
            rect.setAttribute('y', String(y));
            rect.setAttribute('width', String(geo.cell));
            rect.setAttribute('height', String(geo.cell));
          });
      });
    } else {
      const size = letterSize(geo.cell);
      rows.each(function (r) {
        rowCells(this, r, geo.cols, cells, (c) => {
          c.append('rect');
          c.append('text').attr('aria-hidden', 'true').attr('text-anchor', 'middle').attr('dominant-baseline', 'central').attr('font-weight', 700);
        })
          .attr('transform', (d) => {
            const [x, y] = cellOrigin(geo, d.frame);
            return `translate(${x},${y})`;
          })
          .each(function () {
            (this as CellNode).__drawn = undefined;
          })
          .call((sel) => sel.select('rect').attr('width', geo.cell).attr('height', geo.cell).attr('rx', cellRadius(geo.cell)))
          .call((sel) => sel.select('text').attr('x', geo.cell / 2).attr('y', geo.cell / 2 + 0.5).attr('font-size', size)
            .style('display', () => (geo.cell >= LETTER_MIN_CELL ? null : 'none')));
      });
    }
  }

  // the cells' nodes in frame order, kept from the last rebuild: a redraw walks them without a d3 selection and data join
  const gcells = gnode as typeof gnode & { __nodes?: CellNode[] };
  if (rebuild || gcells.__nodes?.length !== cells.length) gcells.__nodes = g.selectAll<CellNode, FrameCell>('g.mem-cell').nodes();
  const nodes = gcells.__nodes;
  // a cell's words change with the language: what it was drawn from holds one of them, so a switch relabels every cell
  const lang = a.t('memory.grid.role');
  for (let i = 0; i < cells.length; i++) {
    const d = cells[i]!;
    const node = nodes[i]!;
    const fill = a.fill(d.owner);
    const on = !!lit?.has(d.frame);
    const tab = d.frame === a.cursor;
    const drawn: Drawn = { owner: d.owner, fill, mappedBy: d.mappedBy, on, tab, lang };
    const flip = !!recolour?.has(d.frame);
    if (!flip && sameAs(node.__drawn, drawn)) continue;
    node.__drawn = drawn;
    node.setAttribute('data-frame', String(d.frame));
    node.setAttribute('data-owner', d.owner);
    node.setAttribute('tabindex', tab ? '0' : '-1');
    node.setAttribute('aria-label', cellLabel(a.t, d));
    const paint = cellPaint(d.owner, fill, on, a.palette, geo.cell);
    if (painter) {
      setCell(painter, d.frame, paint, flip ? ms : 0);
      continue;
    }
    const rect = select(node.firstElementChild as SVGRectElement);
    rect.attr('stroke', paint.stroke ?? 'none').attr('stroke-width', paint.strokeWidth);
    const text = select(node.lastElementChild as SVGTextElement);
    if (flip) {
      // the frames change owner: the colour crosses over, the letter turns half way [0070]
      rect.interrupt('fill').transition('fill').duration(ms * 1.2).ease(easeCubicInOut).attr('fill', fill);
      text.interrupt('letter').transition('letter').delay(ms * 0.6).duration(0).attr('fill', paint.ink).text(paint.letter);
    } else {
      rect.interrupt('fill').attr('fill', fill);
      text.interrupt('letter').attr('fill', paint.ink).text(paint.letter);
    }
  }
  if (painter) flushCells(painter);
}

/**
 * Row `r`'s cells, one <g class=mem-cell role=gridcell> per frame in frame
 * order, kept by frame across redraws; `fill` gives a new cell what it holds
 * (an unpainted hit area over the canvas, or a rect and a letter).
 */
function rowCells(row: SVGGElement, r: number, cols: number, cells: readonly FrameCell[], fill: (cell: Selection<SVGGElement, FrameCell, SVGGElement, number>) => void) {
  return select<SVGGElement, number>(row)
    .selectAll<SVGGElement, FrameCell>('g.mem-cell')
    .data(cells.slice(r * cols, (r + 1) * cols), (d) => d.frame)
    .join((enter) => {
      const cell = enter.append('g').attr('class', 'mem-cell').attr('role', 'gridcell');
      fill(cell);
      return cell;
    })
    .order();
}

/** Past 4096 frames the canvas draws the buckets; the SVG keeps one focusable hit area over them. */
export function drawBucketHit(g: G, a: DrawArgs): void {
  const geo = a.layout.grid;
  g.selectAll('g.mem-row').remove();
  (g.node() as SVGGElement & { __shape?: string }).__shape = undefined;
  g.attr('role', null).attr('aria-rowcount', null).attr('aria-colcount', null).attr('aria-label', null);
  g.selectAll<SVGRectElement, number>('rect.mem-hit')
    .data([0])
    .join('rect')
    .attr('class', 'mem-hit')
    .attr('role', 'group')
    .attr('aria-roledescription', a.t('memory.grid.role'))
    .attr('tabindex', 0)
    .attr('aria-label', a.t('memory.buckets.label', { frames: a.model.frames, per: geo.per, free: a.model.free }))
    .attr('x', geo.x).attr('y', geo.y).attr('width', geo.cols * geo.pitch).attr('height', geo.rows * geo.pitch)
    .attr('fill', 'transparent');
}
