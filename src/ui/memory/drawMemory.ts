// The d3 drawers of the Memory view (Figs. 4-5). React owns the <svg>; these
// functions own everything inside it. The flip is animated from the focused
// trace event: on area.unmap the sender's line breaks and fades, on area.flip
// the frames change colour with a pulse, on area.map the receiver's line grows
// from its new block to the frames [0069]-[0071].

import { easeCubicIn, easeCubicInOut, easeCubicOut, select } from 'd3';
import type { BaseType, Selection } from 'd3';
import 'd3-transition';
import type { LabEvent } from '../../engine/index.ts';
import { KERNEL_LANE, SCP_PID } from '../../engine/index.ts';
import type { FrameCell } from '../../engine/index.ts';
import { lineKey } from '../../engine/index.ts';
import type { MappingLine, MemoryModel, RecvPortView, SpaceView } from '../../engine/index.ts';
import type { Block, ColumnBlocks, ColumnGeom, Ghost, GridGeom, MemoryLayout } from './layout.ts';
import { cellCentre, cellOrigin, columnBlocks, rowSpans, segmentsOf } from './layout.ts';
import type { Palette } from './colours.ts';
import { bestInk } from './colours.ts';
import type { Highlight } from './plan.ts';
import { DROPS, MAPS, RECOLOUR, UNMAPS } from './plan.ts';

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
  readonly highlight: Highlight | null;
  /** the event the playhead just revealed, and whether to animate it (it is new, and motion is allowed) */
  readonly event: LabEvent | null;
  readonly animate: boolean;
  /** base transition time in ms, already scaled by the playback speed */
  readonly ms: number;
  /** the roving tab stop of the grid */
  readonly cursor: number;
}

type G = Selection<SVGGElement, unknown, BaseType, unknown>;

export const hex = (n: number) => `0x${n.toString(16)}`;
const MONO = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, monospace";

function layer(root: Selection<SVGSVGElement, unknown, null, undefined>, cls: string): G {
  const found = root.select<SVGGElement>(`:scope > g.${cls}`);
  return (found.empty() ? root.append('g').attr('class', cls) : found) as unknown as G;
}

/** Cut text to what fits in `px` at `font` px (an estimate: no layout reads). */
/** The first of `texts` that fits, else the last one cut to fit. */
export function fitFirst(texts: readonly string[], px: number, font: number, mono = false, bold = false): string {
  for (const t of texts) if (fitText(t, px, font, mono, bold) === t) return t;
  return fitText(texts[texts.length - 1]!, px, font, mono, bold);
}

/** A font size at which `text` fits in `px` (no smaller than `min`). */
export function fitFont(text: string, px: number, font: number, mono = false, min = 8): number {
  const per = mono ? 0.61 : 0.56;
  return Math.max(min, Math.min(font, px / Math.max(1, text.length * per)));
}

export function fitText(text: string, px: number, font: number, mono = false, bold = false): string {
  const per = font * (mono ? 0.61 : bold ? 0.62 : 0.56);
  const max = Math.max(1, Math.floor(px / per));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export function cellLabel(cell: FrameCell): string {
  const owner = cell.owner === 'control' ? 'control OS' : cell.owner;
  const maps = cell.mappedBy.map((m) => m.replace('@', ' at '));
  if (cell.owner === 'free') return `frame ${cell.frame}: free`;
  if (cell.owner === 'control') return `frame ${cell.frame}: control OS (hypervisor), not in any partition's space`;
  return `frame ${cell.frame}: ${owner}, ${maps.length ? `mapped by ${maps.join(' and ')}` : 'not mapped by anyone'}`;
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
  layer(root, 'mem-cursor');

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
    ? `${m.frames} frames · ${m.free} free`
    : `${m.frames.toLocaleString('en')} frames · ${grid.per.toLocaleString('en')} a cell`;
  const texts = [
    { key: 'title', y: fs * 1.15, text: 'physical memory', size: fs * 1.05, weight: 700, fill: a.palette.ink },
    { key: 'sub', y: fs * 2.35, text: sub, size: fs * 0.82, weight: 400, fill: a.palette.ink2 },
  ];
  g.selectAll<SVGTextElement, (typeof texts)[number]>('text')
    .data(texts, (d) => d.key)
    .join('text')
    .attr('x', cx).attr('y', (d) => d.y).attr('text-anchor', 'middle')
    .attr('font-size', (d) => d.size).attr('font-weight', (d) => d.weight).attr('fill', (d) => d.fill)
    .text((d) => fitText(d.text, grid.cols * grid.pitch + fs * 4, d.size));
}

// ------------------------------------------------------------ the frame grid, one cell per frame

type CellNode = SVGGElement & { __key?: string };

/**
 * One <g role=gridcell> per frame, in frame order, carrying data-frame and
 * data-owner (the test contract). The rows are rebuilt only when the grid's
 * shape changes; otherwise only cells whose owner, mapping, highlight or tab
 * stop changed are touched, so 4096 cells stay cheap to redraw.
 */
function drawCells(g: G, a: DrawArgs, cells: readonly FrameCell[]): void {
  const geo = a.layout.grid;
  const e = a.event;
  const recolour = a.animate && e && RECOLOUR.has(e.kind) && e.frames ? new Set<number>(e.frames) : null;
  const ms = a.ms;
  const lit = a.highlight?.frames;
  g.attr('role', 'grid')
    .attr('aria-label', `physical memory: ${a.model.frames} frames, ${a.model.free} free. Arrow keys move between frames.`)
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
          .style('display', () => (geo.cell >= 9 ? null : 'none')));
    });
  }

  g.selectAll<SVGGElement, FrameCell>('g.mem-cell').data(cells).each(function (d) {
    const node = this as CellNode;
    const fill = a.fill(d.owner);
    const on = !!lit?.has(d.frame);
    const tab = d.frame === a.cursor;
    const key = `${d.owner}|${fill}|${d.mappedBy.join(',')}|${on}|${tab}`;
    const flip = !!recolour?.has(d.frame);
    if (node.__key === key && !flip) return;
    node.__key = key;
    node.setAttribute('data-frame', String(d.frame));
    node.setAttribute('data-owner', d.owner);
    node.setAttribute('tabindex', tab ? '0' : '-1');
    node.setAttribute('aria-label', cellLabel(d));
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
function drawBucketHit(g: G, a: DrawArgs): void {
  const geo = a.layout.grid;
  g.selectAll('g.mem-row').remove();
  (g.node() as SVGGElement & { __shape?: string }).__shape = undefined;
  g.attr('role', null).attr('aria-rowcount', null).attr('aria-colcount', null).attr('aria-label', null);
  g.selectAll<SVGRectElement, number>('rect.mem-hit')
    .data([0])
    .join('rect')
    .attr('class', 'mem-hit')
    .attr('role', 'group')
    .attr('aria-roledescription', 'frame map')
    .attr('tabindex', 0)
    .attr('aria-label', `physical memory: ${a.model.frames} frames in cells of ${geo.per}, ${a.model.free} free. Arrow keys move between cells.`)
    .attr('x', geo.x).attr('y', geo.y).attr('width', geo.cols * geo.pitch).attr('height', geo.rows * geo.pitch)
    .attr('fill', 'transparent');
}

// ------------------------------------------------------------ RAM: a bracket at the grid's edge

function bracketX(geo: GridGeom, c: ColumnGeom): number {
  return c.side === 'left' ? geo.x - 5 - c.slot * 6 : geo.x + geo.cols * geo.pitch + 3 + c.slot * 6;
}

function drawRam(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
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

interface ColumnDatum {
  readonly geom: ColumnGeom;
  readonly space: SpaceView;
  readonly blocks: ColumnBlocks;
}

function drawColumns(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
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
  sel.attr('transform', (d) => `translate(${d.geom.x},0)`)
    .attr('data-pid', (d) => d.space.pid)
    .attr('aria-label', (d) => `${d.space.name}'s logical address space, ${d.space.mode} mode`);
  const sw = fs * 1.25;
  sel.select('rect.mem-backbone')
    .attr('x', 0).attr('y', head - 4).attr('width', (d) => d.geom.w).attr('height', bottom - head + 4)
    .attr('rx', 5).attr('fill', a.palette.panel)
    .attr('stroke', (d) => (a.highlight?.columns.has(d.space.pid) ? a.palette.focus : a.palette.line))
    .attr('stroke-width', (d) => (a.highlight?.columns.has(d.space.pid) ? 3 : 1));
  sel.select('rect.mem-swatch')
    .attr('x', 0).attr('y', fs * 0.15).attr('width', sw).attr('height', sw).attr('rx', 3)
    .attr('fill', (d) => a.fill(d.space.name)).attr('stroke', a.palette.ink).attr('stroke-width', 1);
  sel.select('text.mem-swatch-letter')
    .attr('x', sw / 2).attr('y', fs * 0.15 + sw / 2 + 0.5).attr('font-size', fs * 0.8).attr('font-weight', 700)
    .attr('fill', (d) => bestInk(a.fill(d.space.name))).text((d) => d.space.letter);
  sel.select('text.mem-name')
    .attr('x', sw + fs * 0.35).attr('y', fs * 1.1).attr('font-size', fs * 1.05).attr('font-weight', 700).attr('fill', a.palette.ink)
    .text((d) => fitText(d.space.name, d.geom.w - sw - fs * 0.35, fs * 1.05));
  sel.select('text.mem-mode')
    .attr('x', 0).attr('y', fs * 2.3).attr('font-size', fs * 0.78).attr('fill', a.palette.ink2)
    .text((d) => fitFirst(d.space.mode === 'supervisor' ? ['supervisor', 'superv.', 'sup.'] : ['problem', 'prob.'], d.geom.w, fs * 0.78));
  sel.each(function (d) {
    const col = select(this);
    drawPorts(col.select<SVGGElement>('g.mem-ports') as unknown as G, a, d);
    drawBreaks(col.select<SVGGElement>('g.mem-breaks') as unknown as G, a, d);
    drawBlocks(col.select<SVGGElement>('g.mem-blocks') as unknown as G, a, d);
    drawHeld(col.select<SVGGElement>('g.mem-held') as unknown as G, a, d);
  });
  sel.select('text.mem-more')
    .attr('x', (d) => d.geom.w / 2).attr('y', bottom - 4).attr('text-anchor', 'middle')
    .attr('font-size', fs * 0.72).attr('fill', a.palette.ink2)
    .text((d) => (d.blocks.hidden ? `+${d.blocks.hidden} more` : ''));
}

export function portKey(pid: number, port: number): string {
  return `${pid}:${port}`;
}

function portLabel(p: RecvPortView): string {
  return `event receive port ${p.no}: ${p.pending ? 'pending bit set' : 'pending bit clear'}${p.merged ? `, ${p.merged} more ${p.merged === 1 ? 'event' : 'events'} merged into it` : ''}`;
}

function drawPorts(g: G, a: DrawArgs, d: ColumnDatum): void {
  const { fs } = a.layout;
  const w = Math.round(fs * 1.7);
  const h = Math.round(fs * 1.3);
  const gap = Math.round(fs * 0.55);
  const fits = Math.max(1, Math.floor((d.geom.w + gap) / (w + gap)));
  const ports = d.space.ports.length > fits ? d.space.ports.slice(0, fits - 1) : d.space.ports;
  const extra = d.space.ports.length - ports.length;
  g.attr('transform', `translate(0,${Math.round(fs * 2.85)})`);
  const sel = g.selectAll<SVGGElement, RecvPortView>('g.mem-port')
    .data(ports, (p) => p.no)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'mem-port').attr('role', 'img');
      e.append('rect').attr('class', 'mem-badge');
      e.append('text').attr('class', 'mem-no').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
      e.append('circle').attr('class', 'mem-bit');
      e.append('g').attr('class', 'mem-merged');
      return e;
    });
  const p = a.palette;
  sel.attr('transform', (_, i) => `translate(${i * (w + gap)},0)`)
    .attr('data-port', (q) => portKey(d.space.pid, q.no))
    .attr('data-pending', (q) => String(q.pending))
    .attr('aria-label', (q) => `${d.space.name} ${portLabel(q)}`);
  const lit = (q: RecvPortView) => !!a.highlight?.ports.has(portKey(d.space.pid, q.no));
  sel.select('rect.mem-badge')
    .attr('width', w).attr('height', h).attr('rx', h / 2)
    .attr('fill', (q) => (q.pending ? p.accent : p.bg))
    .attr('stroke', (q) => (lit(q) ? p.focus : q.pending ? p.accent : p.ink2))
    .attr('stroke-width', (q) => (lit(q) ? 3 : 1.25))
    .attr('stroke-dasharray', (q) => (q.pending ? null : '2.5 2'));
  sel.select('text.mem-no')
    .attr('x', w * 0.4).attr('y', h / 2 + 0.5).attr('font-size', fs * 0.78).attr('font-weight', 700)
    .attr('fill', (q) => (q.pending ? p.accentInk : p.ink)).text((q) => q.no);
  // the pending bit itself: a filled dot when set, a hollow ring when clear
  sel.select('circle.mem-bit')
    .attr('cx', w * 0.77).attr('cy', h / 2).attr('r', fs * 0.22)
    .attr('fill', (q) => (q.pending ? p.accentInk : 'none'))
    .attr('stroke', (q) => (q.pending ? p.accentInk : p.ink2)).attr('stroke-width', 1.2);
  sel.select<SVGGElement>('g.mem-merged').each(function (q) {
    const m = select(this).selectAll<SVGGElement, number>('g').data(q.merged ? [q.merged] : []).join((enter) => {
      const e = enter.append('g');
      e.append('circle');
      e.append('text').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
      return e;
    });
    const r = fs * 0.52;
    m.attr('transform', `translate(${w + r * 0.15},${h * 0.2})`);
    m.select('circle').attr('r', r).attr('fill', p.ink).attr('stroke', p.bg).attr('stroke-width', 1.5);
    m.select('text').attr('font-size', fs * 0.62).attr('font-weight', 700).attr('fill', p.bg).attr('y', 0.5).text((n) => `+${n}`);
  });
  g.selectAll<SVGTextElement, number>('text.mem-extra')
    .data(extra > 0 ? [extra] : [])
    .join('text').attr('class', 'mem-extra')
    .attr('x', ports.length * (w + gap)).attr('y', h / 2).attr('dominant-baseline', 'central')
    .attr('font-size', fs * 0.72).attr('fill', p.ink2).text((n) => `+${n}`);
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

interface BlockText {
  readonly text: string;
  readonly bold: boolean;
  readonly mono: boolean;
  /** shorter forms, tried in order when the text does not fit */
  readonly alts?: readonly string[];
}

function blockTexts(b: Block, space: SpaceView): BlockText[] {
  const addr = hex(b.page * 4096);
  switch (b.kind) {
    case 'ram':
      return [{ text: 'RAM', bold: true, mono: false }, { text: addr, bold: false, mono: true }, { text: `${b.pages} pages`, bold: false, mono: false, alts: [`${b.pages} pg`, `${b.pages}p`] }];
    case 'area': {
      const r = b.region!;
      const kind = r.kind === 'message' ? 'msg' : 'shm';
      const whose = r.owner === space.name ? '' : ` · ${r.owner}`;
      return [
        { text: addr, bold: true, mono: true },
        { text: `${kind} #${r.area}${whose}`, bold: false, mono: false, alts: [`#${r.area}${whose}`, `#${r.area}`] },
        { text: `${r.pages} ${r.pages === 1 ? 'page' : 'pages'}`, bold: false, mono: false, alts: [`${r.pages} pg`, `${r.pages}p`] },
      ];
    }
    case 'ghost':
      return [{ text: addr, bold: false, mono: true }, { text: 'unmapped', bold: false, mono: false }];
    case 'fault':
      return [{ text: addr, bold: false, mono: true }, { text: 'nothing here', bold: false, mono: false, alts: ['nothing'] }];
    default:
      return [];
  }
}

function blockLabel(b: Block, space: SpaceView): string {
  const addr = hex(b.page * 4096);
  switch (b.kind) {
    case 'ram': return `${space.name}'s own memory at ${addr}, ${b.pages} pages`;
    case 'area': {
      const r = b.region!;
      return `${r.kind} area ${r.area} at ${addr} in ${space.name}, ${r.pages} ${r.pages === 1 ? 'page' : 'pages'}, owned by ${r.owner}, frames ${r.frames.join(', ')}`;
    }
    case 'ghost': return `${addr} in ${space.name}: unmapped by the control OS; touching it faults`;
    case 'fault': return `${addr} in ${space.name}: nothing mapped`;
    default: return '';
  }
}

function drawBlocks(g: G, a: DrawArgs, d: ColumnDatum): void {
  const { fs } = a.layout;
  const p = a.palette;
  const e = a.event;
  const bw = d.geom.w - 8;
  const font = fs * 0.8;
  const lineH = font * 1.2;
  const mapped = (b: Block) => a.animate && e && MAPS.has(e.kind) && e.to === d.space.pid && b.region?.area === e.area;
  const unmapped = (b: Block) => a.animate && e && e.kind === 'area.unmap' && e.to === d.space.pid && b.kind === 'ghost' && b.page === e.page;
  const sel = g.selectAll<SVGGElement, Block>('g.mem-block:not(.mem-exiting)')
    .data(d.blocks.blocks, (b) => b.key)
    .join(
      (enter) => {
        const en = enter.append('g').attr('class', 'mem-block').attr('role', 'img');
        en.append('rect');
        en.append('g').attr('class', 'mem-texts');
        en.each(function (b) {
          if (mapped(b) || unmapped(b)) {
            select(this).attr('opacity', 0).transition('enter').duration(a.ms).ease(easeCubicOut).attr('opacity', 1);
          }
        });
        return en;
      },
      (update) => update,
      (exit) => {
        const leaving = a.animate && e && DROPS.has(e.kind);
        if (!leaving) return exit.remove();
        return exit.classed('mem-exiting', true).transition('exit').duration(a.ms).attr('opacity', 0).remove();
      },
    );
  sel.attr('transform', (b) => `translate(4,${b.y})`)
    .attr('data-block', (b) => `${d.space.pid}:${b.key}`)
    .attr('data-kind', (b) => b.kind)
    .attr('aria-label', (b) => blockLabel(b, d.space));
  const fillOf = (b: Block) => (b.kind === 'ram' ? a.fill(d.space.name) : b.kind === 'area' ? a.fill(b.region!.owner) : p.bg);
  sel.select('rect')
    .attr('width', bw).attr('height', (b) => Math.max(4, b.h)).attr('rx', 4)
    .attr('fill', fillOf)
    .attr('stroke', (b) => (b.kind === 'fault' ? p.error : b.kind === 'ghost' ? p.ink2 : a.highlight?.lines.has(lineKey(d.space.pid, b.region?.area ?? null)) && b.kind === 'area' ? p.focus : p.ink))
    .attr('stroke-width', (b) => (b.kind === 'area' && a.highlight?.lines.has(lineKey(d.space.pid, b.region!.area)) ? 3 : b.kind === 'ghost' ? 1.5 : 1))
    .attr('stroke-dasharray', (b) => (b.kind === 'ghost' || b.kind === 'fault' ? '4 3' : null));
  sel.select<SVGGElement>('g.mem-texts').each(function (b) {
    const all = blockTexts(b, d.space);
    const fitN = Math.max(1, Math.floor((b.h - 3) / lineH));
    const shown = all.slice(0, fitN);
    const ink = b.kind === 'ghost' || b.kind === 'fault' ? p.ink2 : bestInk(fillOf(b));
    const top = b.h / 2 - (shown.length * lineH) / 2 + lineH / 2 + 0.5;
    select(this).selectAll<SVGTextElement, BlockText>('text')
      .data(shown)
      .join('text')
      .attr('x', bw / 2).attr('y', (_, i) => top + i * lineH).attr('text-anchor', 'middle').attr('dominant-baseline', 'central')
      // an address shrinks to fit rather than lose digits; words take a shorter form
      .attr('font-size', (t) => (t.mono ? fitFont(t.text, bw - 4, font * 0.95, true) : font))
      .attr('font-family', (t) => (t.mono ? MONO : null))
      .attr('font-weight', (t) => (t.bold ? 700 : 400))
      .attr('fill', ink)
      .attr('aria-hidden', 'true')
      .text((t) => (t.mono ? fitText(t.text, bw - 2, fitFont(t.text, bw - 4, font * 0.95, true), true, t.bold) : fitFirst([t.text, ...(t.alts ?? [])], bw - 4, font, false, t.bold)));
  });
}

function drawHeld(g: G, a: DrawArgs, d: ColumnDatum): void {
  const { fs } = a.layout;
  const p = a.palette;
  const bw = d.geom.w - 8;
  const font = fs * 0.72;
  const e = a.event;
  const sel = g.selectAll<SVGGElement, ColumnBlocks['held'][number]>('g.mem-held')
    .data(d.blocks.held, (h) => h.region.area)
    .join((enter) => {
      const en = enter.append('g').attr('class', 'mem-held').attr('role', 'img');
      en.append('rect');
      en.append('text').attr('aria-hidden', 'true').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
      if (a.animate && e && (e.kind === 'area.flip' || e.kind === 'area.reserve' || e.kind === 'area.unmap')) {
        en.attr('opacity', 0).transition('enter').duration(a.ms).attr('opacity', 1);
      }
      return en;
    });
  sel.attr('transform', (h) => `translate(4,${h.y})`)
    .attr('aria-label', (h) => `${d.space.name} owns ${h.region.kind} area ${h.region.area} (frames ${h.region.frames.join(', ')}) but has it mapped nowhere in its space`);
  sel.select('rect')
    .attr('width', bw).attr('height', (h) => h.h).attr('rx', (h) => h.h / 2)
    .attr('fill', (h) => a.fill(h.region.owner)).attr('fill-opacity', 0.35)
    .attr('stroke', p.ink).attr('stroke-dasharray', '3 2');
  sel.select('text')
    .attr('x', bw / 2).attr('y', (h) => h.h / 2 + 0.5).attr('font-size', font).attr('fill', p.ink)
    .text((h) => fitText(bw - 4 >= font * 0.56 * 17 ? `owns #${h.region.area}, unmapped` : `owns #${h.region.area}`, bw - 4, font));
}

// ------------------------------------------------------------ mapping lines from area blocks to frames

interface LineDatum {
  readonly key: string;
  readonly line: MappingLine;
  readonly d: string;
  readonly ends: string;
  readonly outline: string;
  readonly colour: string;
  readonly lit: boolean;
}

function segmentPaths(a: DrawArgs, c: ColumnGeom, block: Block, frames: readonly number[]) {
  const geo = a.layout.grid;
  const dir = c.side === 'left' ? 1 : -1;
  const x0 = c.inner - dir * 4;
  const y0 = block.y + block.h / 2;
  let d = '';
  let ends = '';
  let outline = '';
  for (const s of segmentsOf(geo, frames)) {
    const [lx, ty] = cellOrigin(geo, s.row * geo.cols + s.c0);
    const rx = lx + (s.c1 - s.c0) * geo.pitch + geo.cell;
    const y1 = ty + geo.cell / 2;
    const x1 = c.side === 'left' ? lx - 1 : rx + 1;
    const k = Math.max(20, Math.abs(x1 - x0) * 0.45);
    d += `M${x0},${y0}C${x0 + dir * k},${y0} ${x1 - dir * k},${y1} ${x1},${y1}`;
    const r = 2.5;
    ends += `M${x1 - r},${y1}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    const pad = 1.5;
    outline += `M${lx - pad},${ty - pad}h${rx - lx + 2 * pad}v${geo.cell + 2 * pad}h${-(rx - lx + 2 * pad)}Z`;
  }
  return { d, ends, outline };
}

function drawLines(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
  const e = a.event;
  const p = a.palette;
  const data: LineDatum[] = [];
  for (const line of a.model.lines) {
    if (line.kind !== 'area') continue;
    const c = a.layout.columns.find((q) => q.pid === line.pid);
    const block = blocksByPid.get(line.pid)?.blocks.find((b) => b.key === `area:${line.area}`);
    if (!c || !block) continue;
    const space = a.model.spaces.find((s) => s.pid === line.pid)!;
    data.push({ key: line.key, line, ...segmentPaths(a, c, block, line.frames), colour: a.fill(space.name), lit: !!a.highlight?.lines.has(line.key) });
  }
  const grows = (l: LineDatum) => a.animate && e && MAPS.has(e.kind) && e.area !== undefined && lineKey(e.to, e.area) === l.key;
  const sel = g.selectAll<SVGGElement, LineDatum>('g.mem-line:not(.mem-exiting)')
    .data(data, (l) => l.key)
    .join(
      (enter) => {
        const en = enter.append('g').attr('class', 'mem-line').attr('aria-hidden', 'true');
        en.append('path').attr('class', 'mem-outline');
        en.append('path').attr('class', 'mem-halo');
        en.append('path').attr('class', 'mem-casing');
        en.append('path').attr('class', 'mem-core');
        en.append('path').attr('class', 'mem-ends');
        return en;
      },
      (update) => update,
      (exit) => {
        if (!(a.animate && e && DROPS.has(e.kind))) return exit.remove();
        // [0070] the sender's mapping is removed: the line breaks and fades
        exit.classed('mem-exiting', true);
        const dash = UNMAPS.has(e.kind) ? '8 7' : null;
        exit.selectAll('path.mem-halo, path.mem-casing, path.mem-core').interrupt('grow').attr('stroke-dashoffset', null).attr('stroke-dasharray', dash);
        exit.select('path.mem-ends').attr('opacity', 0);
        return exit.transition('exit').delay(a.ms * 0.5).duration(a.ms * 1.3).ease(easeCubicIn)
          .attr('opacity', 0)
          .attr('transform', (l) => `translate(${(a.layout.columns.find((q) => q.pid === l.line.pid)?.side === 'right' ? 1 : -1) * 14},0)`)
          .remove();
      },
    );
  sel.attr('data-line', (l) => l.key).attr('transform', null).attr('opacity', 1);
  sel.select('path.mem-outline').attr('d', (l) => l.outline).attr('fill', 'none').attr('stroke', (l) => (l.lit ? p.focus : p.ink)).attr('stroke-width', (l) => (l.lit ? 3 : 2)).attr('rx', 2);
  sel.select('path.mem-halo').attr('d', (l) => l.d).attr('fill', 'none').attr('stroke', p.bg).attr('stroke-width', 7).attr('stroke-linecap', 'round');
  sel.select('path.mem-casing').attr('d', (l) => l.d).attr('fill', 'none').attr('stroke', (l) => (l.lit ? p.focus : p.ink)).attr('stroke-width', 4.5).attr('stroke-linecap', 'round');
  sel.select('path.mem-core').attr('d', (l) => l.d).attr('fill', 'none').attr('stroke', (l) => l.colour).attr('stroke-width', 2.2).attr('stroke-linecap', 'round');
  sel.select('path.mem-ends').attr('d', (l) => l.ends).attr('fill', (l) => l.colour).attr('stroke', p.ink).attr('stroke-width', 1.5);
  sel.each(function (l) {
    const paths = select(this).selectAll<SVGPathElement, unknown>('path.mem-halo, path.mem-casing, path.mem-core');
    if (grows(l)) {
      // [0070] mapped into the receiver: the line grows from its new block to the frames
      paths.each(function () {
        const len = this.getTotalLength();
        select(this).interrupt('grow').attr('stroke-dasharray', `${len} ${len}`).attr('stroke-dashoffset', len)
          .transition('grow').duration(a.ms * 1.3).ease(easeCubicOut).attr('stroke-dashoffset', 0)
          .on('end', function () {
            select(this).attr('stroke-dasharray', null).attr('stroke-dashoffset', null);
          });
      });
      select(this).selectAll('path.mem-ends, path.mem-outline').interrupt('grow').attr('opacity', 0)
        .transition('grow').delay(a.ms).duration(a.ms * 0.4).attr('opacity', 1);
    } else if (!a.animate) {
      paths.interrupt('grow').attr('stroke-dasharray', null).attr('stroke-dashoffset', null);
      select(this).selectAll('path.mem-ends, path.mem-outline').interrupt('grow').attr('opacity', 1);
    }
  });
}

// ------------------------------------------------------------ pulses, labels and the page fault

function drawEffects(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
  const geo = a.layout.grid;
  const { fs } = a.layout;
  const p = a.palette;
  const e = a.event;
  if (a.animate && e) {
    if (RECOLOUR.has(e.kind) && e.frames?.length) {
      const cells = [...new Set(e.frames.map((f) => Math.floor(f / geo.per)))].slice(0, 64);
      const strong = e.kind === 'area.flip';
      for (const i of cells) {
        const [x, y] = cellOrigin(geo, i);
        const grow = geo.pitch * (strong ? 0.9 : 0.5);
        g.append('rect').attr('class', 'mem-pulse').attr('aria-hidden', 'true')
          .attr('x', x).attr('y', y).attr('width', geo.cell).attr('height', geo.cell).attr('rx', 3)
          .attr('fill', 'none').attr('stroke', strong ? p.accent : p.ink).attr('stroke-width', strong ? 3.5 : 2.5)
          .transition('pulse').duration(a.ms * 2).ease(easeCubicOut)
          .attr('x', x - grow / 2).attr('y', y - grow / 2).attr('width', geo.cell + grow).attr('height', geo.cell + grow)
          .attrTween('opacity', () => (t) => String(1 - t * t))
          .remove();
      }
      if (strong) {
        // name the flip next to the frames: who had them, who has them now
        const from = a.model.spaces.find((s) => s.pid === e.from)?.name ?? 'sender';
        // to the system control program the event goes to its kernel's lane (-1): the frames are the scp's
        const toPid = e.to === KERNEL_LANE ? SCP_PID : e.to;
        const to = a.model.grid.kind === 'cells' ? a.model.grid.cells[e.frames[0]!]?.owner : a.model.spaces.find((s) => s.pid === toPid)?.name;
        const [cx, cy] = cellCentre(geo, cells[0]!);
        const label = `owner ${from} → ${to ?? 'receiver'}`;
        const x = Math.min(Math.max(cx, geo.x + fs * 5), geo.x + geo.cols * geo.pitch - fs * 5);
        g.append('text').attr('class', 'mem-flip-label').attr('aria-hidden', 'true')
          .attr('x', x).attr('y', cy - geo.pitch * 0.9).attr('text-anchor', 'middle')
          .attr('font-size', fs * 0.95).attr('font-weight', 700).attr('fill', p.ink)
          .attr('stroke', p.bg).attr('stroke-width', 4).attr('paint-order', 'stroke')
          .text(label)
          .transition('label').delay(a.ms * 1.4).duration(a.ms * 0.8).attr('opacity', 0).remove();
      }
    }
    if ((e.kind === 'event.merge' || e.kind === 'event.raise') && e.port !== undefined) {
      const node = select(g.node()!.ownerSVGElement).select<SVGGElement>(`g.mem-port[data-port="${portKey(e.to, e.port)}"]`);
      if (!node.empty()) {
        const box = portBox(a, e.to, node);
        if (box) {
          g.append('rect').attr('class', 'mem-pulse').attr('aria-hidden', 'true')
            .attr('x', box.x).attr('y', box.y).attr('width', box.w).attr('height', box.h).attr('rx', box.h / 2)
            .attr('fill', 'none').attr('stroke', p.accent).attr('stroke-width', 3)
            .transition('pulse').duration(a.ms * 1.5).ease(easeCubicOut)
            .attr('x', box.x - 6).attr('y', box.y - 6).attr('width', box.w + 12).attr('height', box.h + 12).attr('rx', box.h / 2 + 6)
            .attr('opacity', 0).remove();
          if (e.kind === 'event.merge') {
            // [0063] no queue, no count: the second event merges into the pending bit
            const col = a.layout.columns.find((q) => q.pid === e.to)!;
            g.append('text').attr('class', 'mem-merge-label').attr('aria-hidden', 'true')
              .attr('x', col.x + col.w / 2).attr('y', box.y + box.h + fs * 1.2).attr('text-anchor', 'middle')
              .attr('font-size', fs * 0.8).attr('font-weight', 700).attr('fill', p.ink)
              .attr('stroke', p.bg).attr('stroke-width', 4).attr('paint-order', 'stroke')
              .attr('opacity', 0)
              .text('+1 merged')
              .transition('label').duration(a.ms * 0.4).ease(easeCubicOut).attr('opacity', 1).attr('y', box.y + box.h + fs * 0.95)
              .transition().delay(a.ms * 1.2).duration(a.ms * 0.8).attr('opacity', 0)
              .remove();
          }
        }
      }
    }
  }
  drawFault(g, a, blocksByPid);
}

function portBox(a: DrawArgs, pid: number, node: Selection<SVGGElement, unknown, null, undefined>) {
  const c = a.layout.columns.find((q) => q.pid === pid);
  const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(node.attr('transform') ?? '');
  if (!c || !t) return null;
  const { fs } = a.layout;
  return { x: c.x + Number(t[1]), y: Math.round(fs * 2.85) + Number(t[2]), w: Math.round(fs * 1.7), h: Math.round(fs * 1.3) };
}

/** [0070] the sender touched its old address: flash a page fault on that page of its logical space. */
function drawFault(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
  const p = a.palette;
  const { fs } = a.layout;
  const f = a.fault;
  let box: { x: number; y: number; w: number; h: number } | null = null;
  if (f) {
    const c = a.layout.columns.find((q) => q.pid === f.pid);
    const page = Math.floor(f.addr / 4096);
    const b = blocksByPid.get(f.pid)?.blocks.find((q) => page >= q.page && page < q.page + q.pages);
    if (c && b) {
      const h = b.kind === 'ram' ? Math.max(fs * 1.4, b.h / b.pages) : b.h;
      const y = b.kind === 'ram' ? Math.min(b.y + b.h - h, b.y + (b.h * (page - b.page)) / b.pages) : b.y;
      box = { x: c.x + 2, y: y - 2, w: c.w - 4, h: h + 4 };
    }
  }
  const sel = g.selectAll<SVGGElement, { id: number; box: NonNullable<typeof box> }>('g.mem-fault')
    .data(box && f ? [{ id: f.id, box }] : [], (d) => d.id)
    .join(
      (enter) => {
        const en = enter.append('g').attr('class', 'mem-fault').attr('role', 'img');
        en.append('rect').attr('class', 'mem-outline');
        en.append('rect').attr('class', 'mem-pill');
        en.append('text').attr('aria-hidden', 'true').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
        return en;
      },
      (update) => update,
      (exit) => exit.remove(),
    );
  const pillH = fs * 1.3;
  sel.attr('aria-label', () => (f ? `page fault: ${a.model.spaces.find((s) => s.pid === f.pid)?.name ?? ''} touched ${hex(f.addr)}, where nothing is mapped` : ''));
  sel.select('rect.mem-outline')
    .attr('x', (d) => d.box.x).attr('y', (d) => d.box.y).attr('width', (d) => d.box.w).attr('height', (d) => d.box.h).attr('rx', 5)
    .attr('fill', p.error).attr('fill-opacity', 0.12).attr('stroke', p.error).attr('stroke-width', 3);
  sel.select('rect.mem-pill')
    .attr('x', (d) => d.box.x).attr('y', (d) => d.box.y - pillH * 0.55).attr('width', (d) => d.box.w).attr('height', pillH).attr('rx', pillH / 2)
    .attr('fill', p.error);
  sel.select('text')
    .attr('x', (d) => d.box.x + d.box.w / 2).attr('y', (d) => d.box.y - pillH * 0.55 + pillH / 2 + 0.5)
    .attr('font-size', fs * 0.72).attr('font-weight', 700).attr('fill', p.bg)
    .text((d) => fitText('page fault', d.box.w, fs * 0.72, false, true));
  if (a.faultIsNew) {
    sel.each(function () {
      const node = select(this);
      if (a.ms === 0) return;
      node.interrupt('flash').attr('opacity', 1)
        .transition('flash').duration(160).attr('opacity', 0.25)
        .transition().duration(160).attr('opacity', 1)
        .transition().duration(160).attr('opacity', 0.25)
        .transition().duration(160).attr('opacity', 1);
    });
  }
}
