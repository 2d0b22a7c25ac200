// The mapping lines of the Memory view (Figs. 4-5), from an area's block in
// a logical space to its frames. The flip (Fig. 5) moves a line
// [0069]-[0070]: on an unmap the sender's line breaks and fades, on a map the
// receiver's line grows from its new block to the frames.

import { easeCubicIn, easeCubicOut, select } from 'd3';
import 'd3-transition';
import { lineKey } from '../../engine/index.ts';
import type { MappingLine } from '../../engine/index.ts';
import type { Block, ColumnBlocks, ColumnGeom } from './layout.ts';
import { cellOrigin, segmentsOf } from './layout.ts';
import { DROPS, MAPS, UNMAPS } from './plan.ts';
import type { DrawArgs, G } from './drawMemory.ts';

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

export function drawLines(g: G, a: DrawArgs, blocksByPid: Map<number, ColumnBlocks>): void {
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
  // the same lines in the same colours as last drawn, and none to grow: nothing to write (lines leave only when the set changes)
  const key = JSON.stringify([p.bg, p.ink, p.focus, data.map((l) => [l.key, l.d, l.ends, l.outline, l.colour, l.lit])]);
  const node = g.node() as (SVGGElement & { __drawn?: string }) | null;
  if (node && node.__drawn === key && !data.some(grows)) return;
  if (node) node.__drawn = key;
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
        exit.selectAll('path.mem-halo, path.mem-casing, path.mem-core').interrupt('grow').attr('pathLength', null).attr('stroke-dashoffset', null).attr('stroke-dasharray', dash);
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
      // dashes measured in pathLength units (the whole line is 1), so nothing asks the browser for the
      // line's length, which would lay out the page in the middle of the draw
      paths.interrupt('grow').attr('pathLength', 1).attr('stroke-dasharray', '1 1').attr('stroke-dashoffset', 1)
        .transition('grow').duration(a.ms * 1.3).ease(easeCubicOut).attr('stroke-dashoffset', 0)
        .on('end', function () {
          select(this).attr('pathLength', null).attr('stroke-dasharray', null).attr('stroke-dashoffset', null);
        });
      select(this).selectAll('path.mem-ends, path.mem-outline').interrupt('grow').attr('opacity', 0)
        .transition('grow').delay(a.ms).duration(a.ms * 0.4).attr('opacity', 1);
    } else if (!a.animate) {
      paths.interrupt('grow').attr('pathLength', null).attr('stroke-dasharray', null).attr('stroke-dashoffset', null);
      select(this).selectAll('path.mem-ends, path.mem-outline').interrupt('grow').attr('opacity', 1);
    }
  });
}
