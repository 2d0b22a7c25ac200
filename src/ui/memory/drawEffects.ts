// The passing effects of the Memory view, drawn over everything else: the
// pulse on frames that change owner and the "owner A → B" label of the flip
// (Fig. 5) [0070]; the pulse on an event receive port and the "+1 merged" of
// an event that merges into its pending bit [0063]; and the page fault where
// the sender touched its old address [0070].

import { easeCubicOut, select } from 'd3';
import type { Selection } from 'd3';
import 'd3-transition';
import { KERNEL_LANE, SCP_PID } from '../../engine/index.ts';
import type { ColumnBlocks } from './layout.ts';
import { cellCentre, cellOrigin } from './layout.ts';
import { RECOLOUR } from './plan.ts';
import type { DrawArgs, G } from './drawMemory.ts';
import { portKey } from './drawPorts.ts';
import { fitText, hex } from './textFit.ts';

export function drawEffects(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
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
            // [0063] no queue, no count: the second event merges into the pending bit;
            // the note rises over the column's own mode line, never over its blocks
            const col = a.layout.columns.find((q) => q.pid === e.to)!;
            g.append('text').attr('class', 'mem-merge-label').attr('aria-hidden', 'true')
              .attr('x', col.x + col.w / 2).attr('y', box.y - fs * 0.1).attr('text-anchor', 'middle')
              .attr('font-size', fs * 0.8).attr('font-weight', 700).attr('fill', p.ink)
              .attr('stroke', p.bg).attr('stroke-width', 4).attr('paint-order', 'stroke')
              .attr('opacity', 0)
              .text('+1 merged')
              .transition('label').duration(a.ms * 0.4).ease(easeCubicOut).attr('opacity', 1).attr('y', box.y - fs * 0.35)
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
  const w = Number(node.select('rect.mem-badge').attr('width')) || Math.round(fs * 1.7);
  return { x: c.x + Number(t[1]), y: Math.round(fs * 2.85) + Number(t[2]), w, h: Math.round(fs * 1.3) };
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
  sel.attr('aria-label', () => (f ? a.t('memory.fault.label', { name: a.model.spaces.find((s) => s.pid === f.pid)?.name ?? '', addr: hex(f.addr) }) : ''));
  sel.select('rect.mem-outline')
    .attr('x', (d) => d.box.x).attr('y', (d) => d.box.y).attr('width', (d) => d.box.w).attr('height', (d) => d.box.h).attr('rx', 5)
    .attr('fill', p.error).attr('fill-opacity', 0.12).attr('stroke', p.error).attr('stroke-width', 3);
  sel.select('rect.mem-pill')
    .attr('x', (d) => d.box.x).attr('y', (d) => d.box.y - pillH * 0.55).attr('width', (d) => d.box.w).attr('height', pillH).attr('rx', pillH / 2)
    .attr('fill', p.error);
  sel.select('text')
    .attr('x', (d) => d.box.x + d.box.w / 2).attr('y', (d) => d.box.y - pillH * 0.55 + pillH / 2 + 0.5)
    .attr('font-size', fs * 0.72).attr('font-weight', 700).attr('fill', p.bg)
    .text((d) => fitText(a.t('memory.fault.pill'), d.box.w, fs * 0.72, false, true));
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
