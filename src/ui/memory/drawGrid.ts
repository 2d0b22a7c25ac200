// The frame grid of the Memory view (Figs. 4-5): one cell per physical frame,
// coloured and lettered by owner. On the flip (Fig. 5) the frames change
// owner and their colour crosses over [0070]. Past 4096 frames a canvas draws
// the buckets (drawBuckets.ts) and the SVG keeps only a focusable hit area.

import { easeCubicInOut, select } from 'd3';
import 'd3-transition';
import type { FrameCell } from '../../engine/index.ts';
import { cellOrigin } from './layout.ts';
import { bestInk } from './colours.ts';
import { RECOLOUR } from './plan.ts';
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

type CellNode = SVGGElement & { __key?: string };

/** Below this cell size (px) a frame's letter is not drawn: it could not be read. */
export const LETTER_MIN_CELL = 9;

/**
 * One <g role=gridcell> per frame, in frame order, carrying data-frame and
 * data-owner (the test contract). The rows are rebuilt only when the grid's
 * shape changes; otherwise only cells whose owner, mapping, highlight or tab
 * stop changed are touched, so 4096 cells stay cheap to redraw.
 */
export function drawCells(g: G, a: DrawArgs, cells: readonly FrameCell[]): void {
  const geo = a.layout.grid;
  const e = a.event;
  const recolour = a.animate && e && RECOLOUR.has(e.kind) && e.frames ? new Set<number>(e.frames) : null;
  const ms = a.ms;
  const lit = a.highlight?.frames;
  g.attr('role', 'grid')
    .attr('aria-label', a.t('memory.grid.label', { frames: a.model.frames, free: a.model.free }))
    .attr('aria-rowcount', geo.rows).attr('aria-colcount', geo.cols);
  g.selectAll('.mem-hit').remove();

  const gnode = g.node() as SVGGElement & { __shape?: string };
  const shape = `${geo.cols}|${geo.rows}|${geo.pitch}|${geo.x}|${geo.y}|${cells.length}`;
  const rebuild = gnode.__shape !== shape;
  if (rebuild) {
    gnode.__shape = shape;
    const letterSize = Math.min(geo.cell * 0.68, 20);
    const rows = g.selectAll<SVGGElement, number>('g.mem-row')
      .data(Array.from({ length: geo.rows }, (_, r) => r), (d) => d)
      .join('g').attr('class', 'mem-row').attr('role', 'row');
    rows.each(function (r) {
      select(this)
        .selectAll<SVGGElement, FrameCell>('g.mem-cell')
        .data(cells.slice(r * geo.cols, (r + 1) * geo.cols), (d) => d.frame)
        .join((enter) => {
          const c = enter.append('g').attr('class', 'mem-cell').attr('role', 'gridcell');
          c.append('rect');
          c.append('text').attr('aria-hidden', 'true').attr('text-anchor', 'middle').attr('dominant-baseline', 'central').attr('font-weight', 700);
          return c;
        })
        .order()
        .attr('transform', (d) => {
          const [x, y] = cellOrigin(geo, d.frame);
          return `translate(${x},${y})`;
        })
        .each(function () {
          (this as CellNode).__key = undefined;
        })
        .call((sel) => sel.select('rect').attr('width', geo.cell).attr('height', geo.cell).attr('rx', Math.min(3, geo.cell / 5)))
        .call((sel) => sel.select('text').attr('x', geo.cell / 2).attr('y', geo.cell / 2 + 0.5).attr('font-size', letterSize)
          .style('display', () => (geo.cell >= LETTER_MIN_CELL ? null : 'none')));
    });
  }

  // a cell's words change with the language: its key holds one of them, so a switch relabels every cell
  const lang = a.t('memory.grid.role');
  g.selectAll<SVGGElement, FrameCell>('g.mem-cell').data(cells).each(function (d) {
    const node = this as CellNode;
    const fill = a.fill(d.owner);
    const on = !!lit?.has(d.frame);
    const tab = d.frame === a.cursor;
    const key = `${d.owner}|${fill}|${d.mappedBy.join(',')}|${on}|${tab}|${lang}`;
    const flip = !!recolour?.has(d.frame);
    if (node.__key === key && !flip) return;
    node.__key = key;
    node.setAttribute('data-frame', String(d.frame));
    node.setAttribute('data-owner', d.owner);
    node.setAttribute('tabindex', tab ? '0' : '-1');
    node.setAttribute('aria-label', cellLabel(a.t, d));
    const rect = select(node.firstElementChild as SVGRectElement);
    rect.attr('stroke', on ? a.palette.focus : d.owner === 'free' && geo.cell >= 6 ? a.palette.line : 'none').attr('stroke-width', on ? 2.5 : 1);
    const text = select(node.lastElementChild as SVGTextElement);
    const letter = d.owner === 'free' ? '' : d.owner === 'control' ? '•' : d.owner.slice(0, 1).toUpperCase();
    const ink = bestInk(fill);
    if (flip) {
      // the frames change owner: the colour crosses over, the letter turns half way [0070]
      rect.interrupt('fill').transition('fill').duration(ms * 1.2).ease(easeCubicInOut).attr('fill', fill);
      text.interrupt('letter').transition('letter').delay(ms * 0.6).duration(0).attr('fill', ink).text(letter);
    } else {
      rect.interrupt('fill').attr('fill', fill);
      text.interrupt('letter').attr('fill', ink).text(letter);
    }
  });
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
