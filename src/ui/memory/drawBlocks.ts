// A column's blocks (its RAM, its mapped areas, the ghost an unmap leaves
// [0070], the fault marker) and the chips of the areas it owns but maps
// nowhere. Drawn by drawColumns.ts into each column; a block drawn from the
// same things as last time is not written again.

import { easeCubicOut, select } from 'd3';
import 'd3-transition';
import { lineKey } from '../../engine/index.ts';
import type { Region, SpaceView } from '../../engine/index.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { Block, ColumnBlocks } from './layout.ts';
import { bestInk } from './colours.ts';
import { DROPS, MAPS } from './plan.ts';
import type { ColumnDatum } from './drawColumns.ts';
import { sameBlock } from './sameColumn.ts';
import type { Palette } from './colours.ts';
import type { DrawArgs, G } from './drawMemory.ts';
import { fitFirst, fitFont, fitText, hex, MONO } from './textFit.ts';

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

/** What a block was drawn from: the block, its space's name, its fill and outline, and the look (sizes, palette, language). */
interface BlockDrawn {
  readonly block: Block;
  readonly name: string;
  readonly fill: string;
  readonly lit: boolean;
  readonly bw: number;
  readonly fs: number;
  readonly palette: Palette;
  readonly lang: string;
}

const drawnBlocks = new WeakMap<Element, BlockDrawn>();

function sameBlockDrawn(was: BlockDrawn | undefined, now: BlockDrawn): boolean {
  return !!was && was.name === now.name && was.fill === now.fill && was.lit === now.lit && was.bw === now.bw && was.fs === now.fs
    && was.palette === now.palette && was.lang === now.lang && sameBlock(was.block, now.block);
}

export function drawBlocks(g: G, a: DrawArgs, d: ColumnDatum): void {
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
  const fillOf = (b: Block) => (b.kind === 'ram' ? a.fill(d.space.name) : b.kind === 'area' ? a.fill(b.region!.owner) : p.bg);
  // a block drawn from the same things as last time is left alone: a step changes a block or two of a column
  const lang = a.t('memory.request.from', { from: '' });
  const changed = sel.filter(function (b) {
    const now: BlockDrawn = { block: b, name: d.space.name, fill: fillOf(b), lit: !!a.highlight?.lines.has(lineKey(d.space.pid, b.region?.area ?? null)), bw, fs, palette: p, lang };
    if (sameBlockDrawn(drawnBlocks.get(this), now)) return false;
    drawnBlocks.set(this, now);
    return true;
  });
  changed.attr('transform', (b) => `translate(4,${b.y})`)
    .attr('data-block', (b) => `${d.space.pid}:${b.key}`)
    .attr('data-kind', (b) => b.kind)
    .attr('aria-label', (b) => blockLabel(a.t, b, d.space));
  changed.select('rect')
    .attr('width', bw).attr('height', (b) => Math.max(4, b.h)).attr('rx', 4)
    .attr('fill', fillOf)
    .attr('stroke', (b) => (b.kind === 'fault' ? p.error : b.kind === 'ghost' ? p.ink2 : a.highlight?.lines.has(lineKey(d.space.pid, b.region?.area ?? null)) && b.kind === 'area' ? p.focus : p.ink))
    .attr('stroke-width', (b) => (b.kind === 'area' && a.highlight?.lines.has(lineKey(d.space.pid, b.region!.area)) ? 3 : b.kind === 'ghost' ? 1.5 : 1))
    .attr('stroke-dasharray', (b) => (b.kind === 'ghost' || b.kind === 'fault' ? '4 3' : null));
  changed.select<SVGGElement>('g.mem-texts').each(function (b) {
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

export function drawHeld(g: G, a: DrawArgs, d: ColumnDatum): void {
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
