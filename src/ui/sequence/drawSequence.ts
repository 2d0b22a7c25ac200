// Draws the sequence chart into an <svg> with d3: row bands, lifelines, and
// one focusable group per arrow, joined by sequence number so an arrow that
// stays keeps its element (and the keyboard focus). The newly revealed arrow
// draws in along its line; everything else moves without animation.

import { easeCubicOut, select } from 'd3';
import 'd3-transition'; // side effect: adds selection.transition (the production build drops it otherwise)
import type { SequenceArrow, SequenceLane, SequenceModel } from '../../engine/index.ts';
import type { ArrowGeometry, ChartLayout, LifelineGeometry } from './layout.ts';

export interface DrawOptions {
  /** the arrow at the playhead: highlighted */
  readonly focusSeq: number | null;
  /** the arrow just revealed by a step forward: drawn in over `ms` */
  readonly animateSeq: number | null;
  readonly ms: number;
  /** the arrow that takes the Tab stop (roving tabindex) */
  readonly tabSeq: number | null;
}

interface Row {
  readonly a: SequenceArrow;
  readonly g: ArrowGeometry;
  readonly from: string;
  readonly to: string;
}

/** What a screen reader says for an arrow: the step, who acts on whom, and the trace's own words. */
export function arrowAriaLabel(a: SequenceArrow, lanes: readonly SequenceLane[]): string {
  const from = lanes[a.fromIndex]?.label ?? '?';
  const to = lanes[a.toIndex]?.label ?? '?';
  const who = a.self ? `within ${from}` : `${from} to ${to}`;
  return `${a.mark === 'lab' ? "the lab's own step" : a.tag} ${a.label}, ${who}: ${a.say}`;
}

/** The arrow each chart is drawing in, so the next draw can stop just that one. */
const animating = new WeakMap<SVGSVGElement, number>();

function ensureLayer(svg: SVGSVGElement, cls: string) {
  const root = select(svg);
  const found = root.select<SVGGElement>(`g.${cls}`);
  return found.empty() ? root.append('g').attr('class', cls) : found;
}

export function drawSequence(svg: SVGSVGElement, model: SequenceModel, layout: ChartLayout, opts: DrawOptions): void {
  const root = select(svg).attr('width', layout.width).attr('height', layout.height).attr('viewBox', `0 0 ${layout.width} ${layout.height}`);
  root.style('font-size', `${layout.font}px`);
  const bandLayer = ensureLayer(svg, 'seq-bands');
  const lifeLayer = ensureLayer(svg, 'seq-lifelines');
  const arrowLayer = ensureLayer(svg, 'seq-arrows');

  const lifelines = layout.lifelines.filter((l) => l.y2 > l.y1);
  lifeLayer
    .selectAll<SVGLineElement, LifelineGeometry>('line.seq-lifeline')
    .data(lifelines, (l) => String(l.lane))
    .join('line')
    .attr('class', (l) => `seq-lifeline${l.idle ? ' is-idle' : ''}`)
    .attr('x1', (l) => l.x).attr('x2', (l) => l.x)
    .attr('y1', (l) => l.y1).attr('y2', (l) => l.y2);
  const d = layout.font * 0.45;
  lifeLayer
    .selectAll<SVGPathElement, LifelineGeometry>('path.seq-end')
    .data(layout.lifelines.filter((l) => l.endY !== null), (l) => String(l.lane))
    .join('path')
    .attr('class', 'seq-end')
    .attr('d', (l) => `M${l.x - d},${l.endY! - d}L${l.x + d},${l.endY! + d}M${l.x + d},${l.endY! - d}L${l.x - d},${l.endY! + d}`);

  const rows: Row[] = model.arrows.map((a, i) => ({
    a, g: layout.arrows[i]!, from: model.lanes[a.fromIndex]?.label ?? '', to: model.lanes[a.toIndex]?.label ?? '',
  }));
  const bandClass = (r: Row) => [r.a.group % 2 === 1 ? 'is-odd' : '', r.a.seq === opts.focusSeq ? 'is-focus' : ''].filter(Boolean).join(' ');

  // row bands under the lifelines: every other command shaded, the playhead's row tinted
  const bands = bandLayer
    .selectAll<SVGGElement, Row>('g.seq-row')
    .data(rows, (r) => String(r.a.seq))
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('class', 'seq-band');
      g.append('line').attr('class', 'seq-rule');
      return g;
    })
    .attr('class', (r) => `seq-row ${bandClass(r)}`);
  bands.select('rect.seq-band')
    .attr('x', 0).attr('width', layout.width)
    .attr('y', (r) => r.g.rowTop).attr('height', layout.rowH);
  bands.select('line.seq-rule')
    .attr('x1', 0).attr('x2', layout.width)
    .attr('y1', (r) => r.g.rowTop + 0.5).attr('y2', (r) => r.g.rowTop + 0.5)
    .attr('visibility', (r, i) => (r.a.groupStart && i > 0 ? null : 'hidden'));

  const groups = arrowLayer
    .selectAll<SVGGElement, Row>('g.seq-arrow')
    .data(rows, (r) => String(r.a.seq))
    .join((enter) => {
      const g = enter.append('g').attr('role', 'button');
      g.append('path').attr('class', 'seq-line');
      g.append('path').attr('class', 'seq-head');
      const text = g.append('text').attr('class', 'seq-label');
      text.append('tspan').attr('class', 'seq-tag');
      text.append('tspan').attr('class', 'seq-desc');
      g.append('title');
      // on top: the whole row is the click target, and carries the hover tint and the focus ring
      g.append('rect').attr('class', 'seq-hit');
      return g;
    });

  groups
    .attr('class', (r) => ['seq-arrow', bandClass(r), r.a.boot ? 'is-boot' : ''].filter(Boolean).join(' '))
    .attr('data-seq', (r) => r.a.seq)
    .attr('data-tag', (r) => r.a.tag)
    .attr('tabindex', (r) => (r.a.seq === opts.tabSeq ? 0 : -1))
    .attr('aria-label', (r) => arrowAriaLabel(r.a, model.lanes))
    .attr('aria-current', (r) => (r.a.seq === opts.focusSeq ? 'step' : null));
  groups.select('rect.seq-hit')
    .attr('x', 1.5).attr('width', Math.max(0, layout.width - 3))
    .attr('y', (r) => r.g.rowTop + 1.5).attr('height', layout.rowH - 3);
  groups.select('path.seq-line').attr('d', (r) => r.g.path);
  groups.select('path.seq-head').attr('d', (r) => r.g.head);
  groups.select('text.seq-label')
    .attr('x', (r) => r.g.labelX).attr('y', (r) => r.g.labelY).attr('text-anchor', (r) => r.g.anchor);
  groups.select('tspan.seq-tag').text((r) => r.a.mark);
  groups.select('tspan.seq-desc').text((r) => ` ${r.a.label}`);
  groups.select('title').text((r) => `${r.a.tag}: ${r.a.say}`);

  // stop a draw-in still running and show that arrow whole
  const running = animating.get(svg);
  if (running !== undefined) {
    groups.filter((r) => r.a.seq === running)
      .selectAll<SVGElement, unknown>('path, text')
      .interrupt()
      .style('stroke-dasharray', null).style('stroke-dashoffset', null).style('opacity', null);
    animating.delete(svg);
  }

  if (opts.animateSeq !== null && opts.ms > 0) {
    const fresh = groups.filter((r) => r.a.seq === opts.animateSeq);
    const len = fresh.empty() ? 0 : fresh.datum().g.length;
    if (len > 0) {
      animating.set(svg, opts.animateSeq);
      const draw = opts.ms * 0.75;
      fresh.select('path.seq-line')
        .style('stroke-dasharray', `${len} ${len}`)
        .style('stroke-dashoffset', `${len}`)
        .transition().duration(draw).ease(easeCubicOut)
        .style('stroke-dashoffset', '0')
        .on('end', function () { select(this).style('stroke-dasharray', null).style('stroke-dashoffset', null); });
      fresh.select('path.seq-head')
        .style('opacity', '0')
        .transition().delay(draw * 0.8).duration(opts.ms - draw * 0.8)
        .style('opacity', '1');
      fresh.select('text.seq-label')
        .style('opacity', '0')
        .transition().duration(opts.ms * 0.5)
        .style('opacity', '1');
    }
  }
}
