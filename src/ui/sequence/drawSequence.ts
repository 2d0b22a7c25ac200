// Draws the sequence chart into an <svg> with d3: row bands, lifelines, and
// one focusable group per arrow, joined by sequence number so an arrow that
// stays keeps its element (and the keyboard focus). The newly revealed arrow
// draws in along its line; everything else moves without animation.

import { easeCubicOut, select } from 'd3';
import 'd3-transition'; // side effect: adds selection.transition (the production build drops it otherwise)
import type { SequenceArrow, SequenceModel } from '../../engine/index.ts';
import type { Translate } from '../../i18n/translate.ts';
import { arrowAriaLabel } from './arrowWords.ts';
import { rowGeometry } from './layout.ts';
import type { ArrowGeometry, ChartLayout, LifelineGeometry } from './layout.ts';

export interface DrawOptions {
  /** the arrow at the playhead: highlighted */
  readonly focusSeq: number | null;
  /** the arrow just revealed by a step forward: drawn in over `ms` */
  readonly animateSeq: number | null;
  readonly ms: number;
  /** the arrow that takes the Tab stop (roving tabindex) */
  readonly tabSeq: number | null;
  /** the reader's language: an arrow's accessible name is said in it */
  readonly t: Translate;
}

interface Row {
  readonly a: SequenceArrow;
  readonly g: ArrowGeometry;
  readonly from: string;
  readonly to: string;
}

/** What each row element was last drawn for (a key of its shape and words), so a row that stays is not written again. */
const drawn = new WeakMap<Element, string>();

/** Set an attribute (null: remove it) only when it differs: every write makes the browser restyle and lay out the element again. */
function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
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

  // Each row is drawn in its own coordinates and placed by one transform: its
  // place in the whole trace, under a layer shifted up by the rows not drawn.
  // When the window slides by an event, only the layers' shift changes, one
  // row comes and one goes; the rows that stay are not written to again.
  const rowAt = (i: number) => `translate(0,${(model.earlier + i) * layout.rowH})`;
  const shift = `translate(0,${-model.earlier * layout.rowH})`;
  const sizeKey = `${layout.width} ${layout.rowH}`;
  const shapeKey = `${sizeKey} ${layout.font} ${layout.laneX.join(',')}`;

  // row bands under the lifelines: every other command shaded, the playhead's row tinted
  setAttr(bandLayer.node()!, 'transform', shift);
  bandLayer
    .selectAll<SVGGElement, Row>('g.seq-row')
    .data(rows, (r) => String(r.a.seq))
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('class', 'seq-band').attr('x', 0).attr('y', 0);
      g.append('line').attr('class', 'seq-rule').attr('x1', 0).attr('y1', 0.5).attr('y2', 0.5);
      return g;
    })
    .each(function (r, i) {
      setAttr(this, 'class', `seq-row ${bandClass(r)}`);
      setAttr(this, 'transform', rowAt(i));
      const rect = this.firstElementChild!;
      const rule = rect.nextElementSibling!;
      if (drawn.get(this) !== sizeKey) {
        drawn.set(this, sizeKey);
        rect.setAttribute('width', String(layout.width));
        rect.setAttribute('height', String(layout.rowH));
        rule.setAttribute('x2', String(layout.width));
      }
      setAttr(rule, 'visibility', r.a.groupStart && i > 0 ? null : 'hidden');
    });

  setAttr(arrowLayer.node()!, 'transform', shift);
  // the words of a row change with the language: its key holds one of them
  const lang = opts.t('sequence.arrow.call');
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
      g.append('rect').attr('class', 'seq-hit').attr('x', 1.5).attr('y', 1.5);
      return g;
    });

  groups.each(function (r, i) {
    setAttr(this, 'class', ['seq-arrow', bandClass(r), r.a.boot ? 'is-boot' : ''].filter(Boolean).join(' '));
    setAttr(this, 'transform', rowAt(i));
    setAttr(this, 'tabindex', r.a.seq === opts.tabSeq ? '0' : '-1');
    setAttr(this, 'aria-current', r.a.seq === opts.focusSeq ? 'step' : null);
    // what the row shows: written only when the arrow (after a branch, a seq can be another event) or the lanes change
    const key = `${shapeKey} ${r.a.seq} ${r.a.tag} ${r.a.mark} ${r.a.kind} ${r.a.fromIndex} ${r.a.toIndex} ${r.from} ${r.to} ${r.a.label} ${r.a.say} ${lang}`;
    if (drawn.get(this) === key) return;
    drawn.set(this, key);
    const g = rowGeometry(r.a, layout);
    const [line, head, text, title, hit] = this.children as unknown as [SVGPathElement, SVGPathElement, SVGTextElement, SVGTitleElement, SVGRectElement];
    this.setAttribute('data-seq', String(r.a.seq));
    this.setAttribute('data-tag', r.a.tag);
    this.setAttribute('aria-label', arrowAriaLabel(opts.t, r.a, model.lanes));
    hit.setAttribute('width', String(Math.max(0, layout.width - 3)));
    hit.setAttribute('height', String(layout.rowH - 3));
    line.setAttribute('d', g.path);
    head.setAttribute('d', g.head);
    text.setAttribute('x', String(g.labelX));
    text.setAttribute('y', String(g.labelY));
    text.setAttribute('text-anchor', g.anchor);
    // the tag as the reader chose to see it (tagShown): none at all leaves no gap before the label
    text.firstElementChild!.textContent = r.a.mark;
    text.lastElementChild!.textContent = r.a.mark ? ` ${r.a.label}` : r.a.label;
    title.textContent = r.a.mark ? `${r.a.mark}: ${r.a.say}` : r.a.say;
  });

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
