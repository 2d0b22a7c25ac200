// The logical address spaces of the Memory view, one column per partition
// (Fig. 5: guest A's space left of physical memory, guest B's right of it):
// the name and mode, the event receive ports with their pending bits [0063],
// the blocks of the space (its RAM, its mapped areas, the ghost an unmap
// leaves [0070]), the areas it owns but maps nowhere, and the bracket that
// ties its RAM to its frames.

import { select } from 'd3';
import { lineKey } from '../../engine/index.ts';
import type { SpaceView } from '../../engine/index.ts';
import type { ColumnBlocks, ColumnGeom, GridGeom } from './layout.ts';
import type { ColumnDrawn } from './sameColumn.ts';
import { sameColumn } from './sameColumn.ts';
import { rowSpans } from './layout.ts';
import { bestInk } from './colours.ts';
import type { DrawArgs, G } from './drawMemory.ts';
import { fitFirst, fitText } from './textFit.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { drawPorts, portKey } from './drawPorts.ts';
import { drawBlocks, drawHeld } from './drawBlocks.ts';
import { MODE_WORDS } from '../app/engineWords.ts';
import type { CpuMode } from '../../engine/index.ts';

/** A processor mode's word cut shorter, for a column too narrow for the whole word. */
const MODE_SHORTER: Readonly<Record<CpuMode, readonly MessageKey[]>> = {
  supervisor: ['memory.mode.supervisor.shorter', 'memory.mode.supervisor.shortest'],
  problem: ['memory.mode.problem.shorter'],
};

// ------------------------------------------------------------ RAM: a bracket at the grid's edge

function bracketX(geo: GridGeom, c: ColumnGeom): number {
  return c.side === 'left' ? geo.x - 5 - c.slot * 6 : geo.x + geo.cols * geo.pitch + 3 + c.slot * 6;
}

export function drawRam(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
  const geo = a.layout.grid;
  const items: { key: string; bracket: string; line: string; colour: string }[] = [];
  for (const c of a.layout.columns) {
    const space = a.model.spaces.find((s) => s.pid === c.pid)!;
    const block = blocksByPid.get(c.pid)?.blocks.find((b) => b.kind === 'ram');
    if (!block || !space.ram.pages) continue;
    const bx = bracketX(geo, c);
    const dir = c.side === 'left' ? 1 : -1;
    rowSpans(geo, space.ram.frames).forEach(([r0, r1], i) => {
      const y0 = geo.y + r0 * geo.pitch + 1;
      const y1 = geo.y + r1 * geo.pitch + geo.cell - 1;
      const ym = (y0 + y1) / 2;
      const x0 = c.inner;
      const y = block.y + block.h / 2;
      const k = Math.abs(bx - x0) * 0.5;
      items.push({
        key: `${c.pid}:${i}`,
        bracket: `M${bx + dir * 4},${y0}H${bx}V${y1}H${bx + dir * 4}`,
        line: `M${x0},${y}C${x0 + dir * k},${y} ${bx - dir * k},${ym} ${bx},${ym}`,
        colour: a.fill(space.name),
      });
    });
  }
  const sel = g.selectAll<SVGGElement, (typeof items)[number]>('g.mem-ramline')
    .data(items, (d) => d.key)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'mem-ramline').attr('aria-hidden', 'true');
      e.append('path').attr('class', 'mem-wire');
      e.append('path').attr('class', 'mem-casing');
      e.append('path').attr('class', 'mem-bracket');
      return e;
    });
  sel.select('path.mem-wire').attr('d', (d) => d.line).attr('fill', 'none').attr('stroke', a.palette.ink2).attr('stroke-width', 1.25).attr('stroke-dasharray', '3 3');
  sel.select('path.mem-casing').attr('d', (d) => d.bracket).attr('fill', 'none').attr('stroke', a.palette.ink).attr('stroke-width', 4.5);
  sel.select('path.mem-bracket').attr('d', (d) => d.bracket).attr('fill', 'none').attr('stroke', (d) => d.colour).attr('stroke-width', 2.5);
}

// ------------------------------------------------------------ logical address spaces, one column each

export interface ColumnDatum {
  readonly geom: ColumnGeom;
  readonly space: SpaceView;
  readonly blocks: ColumnBlocks;
}

/** What each column was last drawn from. */
const drawnColumns = new WeakMap<Element, ColumnDrawn>();

function columnDrawn(a: DrawArgs, d: ColumnDatum): ColumnDrawn {
  const { space, blocks } = d;
  const h = a.highlight;
  const owners = [space.name, ...blocks.blocks.map((b) => b.region?.owner ?? ''), ...blocks.held.map((x) => x.region.owner)];
  const lit = h ? [
    h.columns.has(space.pid),
    ...space.ports.map((q) => h.ports.has(portKey(space.pid, q.no))),
    ...blocks.blocks.map((b) => h.lines.has(lineKey(space.pid, b.region?.area ?? null))),
  ] : [];
  // the language: a request's words change with it
  const look = [a.layout.fs, a.layout.head, a.layout.bottom, a.palette, !!h, a.t('memory.request.from', { from: '' })];
  return { geom: d.geom, space, blocks, fills: owners.map(a.fill), lit, look };
}

export function drawColumns(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
  const { fs, head, bottom } = a.layout;
  const data: ColumnDatum[] = a.layout.columns.map((geom) => ({
    geom, space: a.model.spaces.find((s) => s.pid === geom.pid)!, blocks: blocksByPid.get(geom.pid)!,
  }));
  const sel = g.selectAll<SVGGElement, ColumnDatum>('g.mem-col')
    .data(data, (d) => d.geom.pid)
    .join((enter) => {
      const c = enter.append('g').attr('class', 'mem-col').attr('role', 'group');
      c.append('rect').attr('class', 'mem-backbone');
      c.append('rect').attr('class', 'mem-swatch');
      c.append('text').attr('class', 'mem-swatch-letter').attr('aria-hidden', 'true').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
      c.append('text').attr('class', 'mem-name');
      c.append('text').attr('class', 'mem-mode');
      c.append('g').attr('class', 'mem-ports');
      c.append('g').attr('class', 'mem-breaks');
      c.append('g').attr('class', 'mem-blocks');
      c.append('g').attr('class', 'mem-held');
      c.append('text').attr('class', 'mem-more');
      return c;
    });
  // a column whose space, blocks and look are as last drawn is left alone: most steps change one column or none
  const changed = sel.filter(function (d) {
    const now = columnDrawn(a, d);
    if (sameColumn(drawnColumns.get(this), now)) return false;
    drawnColumns.set(this, now);
    return true;
  });
  changed.attr('transform', (d) => `translate(${d.geom.x},0)`)
    .attr('data-pid', (d) => d.space.pid)
    .attr('aria-label', (d) => a.t('memory.space.label', { name: d.space.name, mode: a.t(MODE_WORDS[d.space.mode].long) }));
  const sw = fs * 1.25;
  changed.select('rect.mem-backbone')
    .attr('x', 0).attr('y', head - 4).attr('width', (d) => d.geom.w).attr('height', bottom - head + 4)
    .attr('rx', 5).attr('fill', a.palette.panel)
    .attr('stroke', (d) => (a.highlight?.columns.has(d.space.pid) ? a.palette.focus : a.palette.line))
    .attr('stroke-width', (d) => (a.highlight?.columns.has(d.space.pid) ? 3 : 1));
  changed.select('rect.mem-swatch')
    .attr('x', 0).attr('y', fs * 0.15).attr('width', sw).attr('height', sw).attr('rx', 3)
    .attr('fill', (d) => a.fill(d.space.name)).attr('stroke', a.palette.ink).attr('stroke-width', 1);
  changed.select('text.mem-swatch-letter')
    .attr('x', sw / 2).attr('y', fs * 0.15 + sw / 2 + 0.5).attr('font-size', fs * 0.8).attr('font-weight', 700)
    .attr('fill', (d) => bestInk(a.fill(d.space.name))).text((d) => d.space.letter);
  changed.select('text.mem-name')
    .attr('x', sw + fs * 0.35).attr('y', fs * 1.1).attr('font-size', fs * 1.05).attr('font-weight', 700).attr('fill', a.palette.ink)
    .text((d) => fitText(d.space.name, d.geom.w - sw - fs * 0.35, fs * 1.05));
  changed.select('text.mem-mode')
    .attr('x', 0).attr('y', fs * 2.3).attr('font-size', fs * 0.78).attr('fill', a.palette.ink2)
    // the mode's word [0050], shorter forms for a narrow column
    .text((d) => fitFirst([a.t(MODE_WORDS[d.space.mode].short), ...MODE_SHORTER[d.space.mode].map((k) => a.t(k))], d.geom.w, fs * 0.78));
  changed.each(function (d) {
    const col = select(this);
    drawPorts(col.select<SVGGElement>('g.mem-ports') as unknown as G, a, d);
    drawBreaks(col.select<SVGGElement>('g.mem-breaks') as unknown as G, a, d);
    drawBlocks(col.select<SVGGElement>('g.mem-blocks') as unknown as G, a, d);
    drawHeld(col.select<SVGGElement>('g.mem-held') as unknown as G, a, d);
  });
  changed.select('text.mem-more')
    .attr('x', (d) => d.geom.w / 2).attr('y', bottom - 4).attr('text-anchor', 'middle')
    .attr('font-size', fs * 0.72).attr('fill', a.palette.ink2)
    .text((d) => (d.blocks.hidden ? a.t('memory.space.more', { count: d.blocks.hidden }) : ''));
}

function drawBreaks(g: G, a: DrawArgs, d: ColumnDatum): void {
  const w = d.geom.w;
  const z = a.layout.fs * 0.3;
  g.selectAll<SVGPathElement, number>('path')
    .data(d.blocks.breaks)
    .join('path')
    .attr('d', (y) => {
      let s = `M6,${y}`;
      for (let x = 6; x < w - 6; x += z * 2) s += `l${z},${-z}l${z},${z}`;
      s += `M6,${y + z}`;
      for (let x = 6; x < w - 6; x += z * 2) s += `l${z},${-z}l${z},${z}`;
      return s;
    })
    .attr('fill', 'none').attr('stroke', a.palette.ink2).attr('stroke-width', 1.2)
    .attr('aria-hidden', 'true');
}

