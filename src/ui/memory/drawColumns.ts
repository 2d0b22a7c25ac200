// The logical address spaces of the Memory view, one column per partition
// (Fig. 5: guest A's space left of physical memory, guest B's right of it):
// the name and mode, the event receive ports with their pending bits [0063],
// the blocks of the space (its RAM, its mapped areas, the ghost an unmap
// leaves [0070]), the areas it owns but maps nowhere, and the bracket that
// ties its RAM to its frames.

import { easeCubicOut, select } from 'd3';
import 'd3-transition';
import { lineKey } from '../../engine/index.ts';
import type { RecvPortView, Region, SpaceView } from '../../engine/index.ts';
import type { Block, ColumnBlocks, ColumnGeom, GridGeom } from './layout.ts';
import { rowSpans } from './layout.ts';
import { bestInk } from './colours.ts';
import { DROPS, MAPS } from './plan.ts';
import type { DrawArgs, G } from './drawMemory.ts';
import { fitFirst, fitFont, fitText, hex, MONO } from './textFit.ts';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
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

interface ColumnDatum {
  readonly geom: ColumnGeom;
  readonly space: SpaceView;
  readonly blocks: ColumnBlocks;
}

/** What each column was last drawn from (columnKey). */
const drawnColumns = new WeakMap<Element, string>();

/**
 * Everything a column's drawing depends on, as one string: its geometry, the
 * space's name, mode and ports, its blocks, breaks and held areas (with the
 * regions they show), the fills and palette used, and what a highlight
 * outlines in it. Its RAM's frame list is left out: drawRam draws that.
 * Blocks and chips come and go (and animate) only when these change.
 */
function columnKey(a: DrawArgs, d: ColumnDatum): string {
  const { space, blocks } = d;
  const h = a.highlight;
  const owners = [space.name, ...blocks.blocks.map((b) => b.region?.owner ?? ''), ...blocks.held.map((x) => x.region.owner)];
  const lit = h && [
    h.columns.has(space.pid),
    ...space.ports.map((q) => h.ports.has(portKey(space.pid, q.no))),
    ...blocks.blocks.map((b) => h.lines.has(lineKey(space.pid, b.region?.area ?? null))),
  ];
  return JSON.stringify([
    d.geom, a.layout.fs, a.layout.head, a.layout.bottom, a.palette, space.name, space.letter, space.mode, space.ports,
    blocks.blocks, blocks.breaks, blocks.held, blocks.hidden, owners.map(a.fill), lit,
    // the language: a request's words change with it
    a.t('memory.request.from', { from: '' }),
  ]);
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
    const key = columnKey(a, d);
    if (drawnColumns.get(this) === key) return false;
    drawnColumns.set(this, key);
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

export function portKey(pid: number, port: number): string {
  return `${pid}:${port}`;
}

function portLabel(t: Translate, p: RecvPortView): string {
  const port = p.pending ? t('memory.port.set', { no: p.no }) : t('memory.port.clear', { no: p.no });
  // [0063] the port itself keeps no count: the tally is the lab's
  return p.merged ? t('memory.port.tally', { port, count: p.merged }) : port;
}

function drawPorts(g: G, a: DrawArgs, d: ColumnDatum): void {
  const { fs } = a.layout;
  const w = Math.round(fs * 1.7);
  const h = Math.round(fs * 1.3);
  const gap = Math.round(fs * 0.3);
  // The port is one bit: it neither queues nor counts [0063]. Sends that merged
  // while it was pending are the lab's own tally, counted from the trace, so
  // the "+n" stands apart from the badge in a dashed box of the lab's ink,
  // never inside the port; the space it takes is reserved so nothing is drawn
  // outside the column.
  const tallyGap = Math.round(fs * 0.2);
  const extraW = (q: RecvPortView) => (q.merged ? Math.round(fs * (0.5 + 0.5 * String(q.merged).length)) : 0);
  const widthOf = (q: RecvPortView) => w + (q.merged ? tallyGap + extraW(q) : 0);
  const xs: number[] = [];
  let x = 0;
  let shownN = 0;
  const room = d.geom.w;
  for (const [i, q] of d.space.ports.entries()) {
    const rest = d.space.ports.length - i - 1;
    // keep room for a "+n" of the ports that do not fit
    const need = x + widthOf(q) + (rest > 0 ? gap + fs * 1.3 : 0);
    if (need > room && !(rest === 0 && x + widthOf(q) <= room)) break;
    xs.push(x);
    x += widthOf(q) + gap;
    shownN++;
  }
  const ports = d.space.ports.slice(0, Math.max(shownN, Math.min(1, d.space.ports.length)));
  if (xs.length < ports.length) xs.push(0);
  const extra = d.space.ports.length - ports.length;
  g.attr('transform', `translate(0,${Math.round(fs * 2.85)})`);
  const sel = g.selectAll<SVGGElement, RecvPortView>('g.mem-port')
    .data(ports, (p) => p.no)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'mem-port').attr('role', 'img');
      e.append('rect').attr('class', 'mem-badge');
      e.append('text').attr('class', 'mem-no').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
      e.append('circle').attr('class', 'mem-bit');
      e.append('rect').attr('class', 'mem-tally');
      e.append('text').attr('class', 'mem-merged').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
      return e;
    });
  const p = a.palette;
  sel.attr('transform', (_, i) => `translate(${xs[i] ?? 0},0)`)
    .attr('data-port', (q) => portKey(d.space.pid, q.no))
    .attr('data-pending', (q) => String(q.pending))
    .attr('aria-label', (q) => `${d.space.name} ${portLabel(a.t, q)}`);
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
  sel.select('rect.mem-tally')
    .attr('x', w + tallyGap).attr('y', h * 0.12).attr('width', extraW).attr('height', h * 0.76).attr('rx', 2)
    .attr('display', (q) => (q.merged ? null : 'none'))
    .attr('fill', p.bg).attr('stroke', p.ink2).attr('stroke-width', 1).attr('stroke-dasharray', '2 1.5');
  sel.select('text.mem-merged')
    .attr('x', (q) => w + tallyGap + extraW(q) / 2).attr('y', h / 2 + 0.5).attr('font-size', fs * 0.62).attr('font-style', 'italic')
    .attr('fill', p.ink2).text((q) => (q.merged ? `+${q.merged}` : ''));
  g.selectAll<SVGTextElement, number>('text.mem-extra')
    .data(extra > 0 ? [extra] : [])
    .join('text').attr('class', 'mem-extra')
    .attr('x', x).attr('y', h / 2).attr('dominant-baseline', 'central')
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

function blockTexts(b: Block, space: SpaceView, t: Translate): BlockText[] {
  const addr = hex(b.page * 4096);
  switch (b.kind) {
    case 'ram':
      return [{ text: 'RAM', bold: true, mono: false }, { text: addr, bold: false, mono: true }, { text: t('memory.block.pages', { count: b.pages }), bold: false, mono: false, alts: [`${b.pages} pg`, `${b.pages}p`] }];
    case 'area': {
      const r = b.region!;
      const kind = r.kind === 'message' ? t('memory.block.message') : t('memory.block.shared');
      const whose = r.owner === space.name ? '' : ` · ${r.owner}`;
      if (r.ask) {
        // a request on its way to the program [0080]: who asks, for what and how much
        return [
          { text: addr, bold: true, mono: true },
          { text: t('memory.request.from', { from: r.ask.from }), bold: true, mono: false, alts: [t('memory.request.short', { from: r.ask.from }), t('memory.request.id', { id: r.ask.id })] },
          { text: `${r.ask.amount} ${r.ask.resource}`, bold: false, mono: false, alts: [`${r.ask.amount}`] },
        ];
      }
      return [
        { text: addr, bold: true, mono: true },
        { text: `${kind} #${r.area}${whose}`, bold: false, mono: false, alts: [`#${r.area}${whose}`, `#${r.area}`] },
        { text: t('memory.block.pages', { count: r.pages }), bold: false, mono: false, alts: [`${r.pages} pg`, `${r.pages}p`] },
      ];
    }
    case 'ghost':
      return [{ text: addr, bold: false, mono: true }, { text: t('memory.block.unmapped'), bold: false, mono: false, alts: [t('memory.block.unmapped.short'), t('memory.block.unmapped.shortest')] }];
    case 'fault':
      return [{ text: addr, bold: false, mono: true }, { text: t('memory.block.nothing'), bold: false, mono: false, alts: [t('memory.block.nothing.short')] }];
    default:
      return [];
  }
}

function blockLabel(t: Translate, b: Block, space: SpaceView): string {
  const addr = hex(b.page * 4096);
  switch (b.kind) {
    case 'ram': return t('memory.block.ram.label', { name: space.name, addr, count: b.pages });
    case 'area': {
      const r = b.region!;
      const area = t('memory.block.area.label', { kind: r.kind, area: r.area, addr, name: space.name, count: r.pages, owner: r.owner, frames: r.frames.join(', ') });
      return r.ask ? t('memory.block.area.asks', { area, id: r.ask.id, from: r.ask.from, amount: r.ask.amount, resource: r.ask.resource }) : area;
    }
    case 'ghost': return t('memory.block.ghost.label', { addr, name: space.name });
    case 'fault': return t('memory.block.fault.label', { addr, name: space.name });
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
    .attr('aria-label', (b) => blockLabel(a.t, b, d.space));
  const fillOf = (b: Block) => (b.kind === 'ram' ? a.fill(d.space.name) : b.kind === 'area' ? a.fill(b.region!.owner) : p.bg);
  sel.select('rect')
    .attr('width', bw).attr('height', (b) => Math.max(4, b.h)).attr('rx', 4)
    .attr('fill', fillOf)
    .attr('stroke', (b) => (b.kind === 'fault' ? p.error : b.kind === 'ghost' ? p.ink2 : a.highlight?.lines.has(lineKey(d.space.pid, b.region?.area ?? null)) && b.kind === 'area' ? p.focus : p.ink))
    .attr('stroke-width', (b) => (b.kind === 'area' && a.highlight?.lines.has(lineKey(d.space.pid, b.region!.area)) ? 3 : b.kind === 'ghost' ? 1.5 : 1))
    .attr('stroke-dasharray', (b) => (b.kind === 'ghost' || b.kind === 'fault' ? '4 3' : null));
  sel.select<SVGGElement>('g.mem-texts').each(function (b) {
    const all = blockTexts(b, d.space, a.t);
    const fitN = Math.max(1, Math.floor((b.h - 3) / lineH));
    const shown = all.slice(0, fitN);
    const ink = b.kind === 'ghost' || b.kind === 'fault' ? p.ink2 : bestInk(fillOf(b));
    const top = b.h / 2 - (shown.length * lineH) / 2 + lineH / 2 + 0.5;
    select(this).selectAll<SVGTextElement, BlockText>('text')
      .data(shown)
      .join('text')
      .attr('x', bw / 2).attr('y', (_, i) => top + i * lineH).attr('text-anchor', 'middle').attr('dominant-baseline', 'central')
      // an address shrinks to fit rather than lose digits; words take a shorter form, clear of the block's border
      .attr('font-size', (t) => (t.mono ? fitFont(t.text, bw - 4, font * 0.95, true) : font))
      .attr('font-family', (t) => (t.mono ? MONO : null))
      .attr('font-weight', (t) => (t.bold ? 700 : 400))
      .attr('fill', ink)
      .attr('aria-hidden', 'true')
      .text((t) => (t.mono ? fitText(t.text, bw - 2, fitFont(t.text, bw - 4, font * 0.95, true), true, t.bold) : fitFirst([t.text, ...(t.alts ?? [])], bw - 12, font, false, t.bold)));
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
    .attr('aria-label', (h) => (h.region.ask
      ? a.t('memory.held.ask.label', { name: d.space.name, id: h.region.ask.id, from: h.region.ask.from, amount: h.region.ask.amount, resource: h.region.ask.resource, area: h.region.area, frames: h.region.frames.join(', ') })
      : a.t('memory.held.label', { name: d.space.name, kind: h.region.kind, area: h.region.area, frames: h.region.frames.join(', ') })));
  sel.select('rect')
    .attr('width', bw).attr('height', (h) => h.h).attr('rx', (h) => h.h / 2)
    .attr('fill', (h) => a.fill(h.region.owner)).attr('fill-opacity', 0.35)
    .attr('stroke', p.ink).attr('stroke-dasharray', '3 2');
  sel.select('text')
    .attr('x', bw / 2).attr('y', (h) => h.h / 2 + 0.5).attr('font-size', font).attr('fill', p.ink)
    .text((h) => heldText(h.region, bw - 4, font, a.t));
}

/** A held area's chip: a request waiting at the program says who asks for how much [0080]; any other, that it is unmapped. */
function heldText(r: Region, width: number, font: number, t: Translate): string {
  const roomy = width >= font * 0.56 * 17;
  if (r.ask) return fitText(roomy ? t('memory.request.held', { from: r.ask.from, amount: r.ask.amount, resource: r.ask.resource }) : t('memory.request.short', { from: r.ask.from }), width, font);
  return fitText(t(roomy ? 'memory.held' : 'memory.held.short', { area: r.area }), width, font);
}
