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

/** What each element's attributes that change from draw to draw were last set to (null: removed). */
const writtenAttrs = new WeakMap<Element, Map<string, string | null>>();

/**
 * Set an attribute (null: remove it) only when it differs from what was last
 * written: every write makes the browser restyle and lay out the element
 * again. For the chart's own elements (its layers and rows), which only this
 * file writes, so the last write is compared rather than the DOM read back
 * (150 rows, several attributes each, every draw).
 */
function setAttr(el: Element, name: string, value: string | null): void {
  let attrs = writtenAttrs.get(el);
  if (!attrs) {
    attrs = new Map();
    writtenAttrs.set(el, attrs);
  }
  if (attrs.has(name) && attrs.get(name) === value) return;
  attrs.set(name, value);
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** The arrow each chart is drawing in, so the next draw can stop just that one. */
const animating = new WeakMap<SVGSVGElement, number>();

function ensureLayer(svg: SVGSVGElement, cls: string) {
  const root = select(svg);
  const found = root.select<SVGGElement>(`g.${cls}`);
  return found.empty() ? root.append('g').attr('class', cls) : found;
}

/** Each layer's row elements by sequence number, as last drawn. */
const rowElements = new WeakMap<SVGGElement, Map<number, SVGGElement>>();

/**
 * The layer's element for each row, in row order, kept by sequence number: a
 * row that stays keeps its element (and the keyboard focus: no element that
 * stays is moved), a new row gets one from `make`, a row gone loses its own.
 * A d3 data join would key every row and every element again at each draw.
 */
function joinRows(layer: SVGGElement, rows: readonly Row[], make: () => SVGGElement): SVGGElement[] {
  const before = rowElements.get(layer) ?? new Map<number, SVGGElement>();
  const now = new Map<number, SVGGElement>();
  for (const r of rows) {
    const el = before.get(r.a.seq);
    if (el) now.set(r.a.seq, el);
  }
  for (const [seq, el] of before) if (now.get(seq) !== el) el.remove();
  // rows stay in sequence order, so the kept elements already are; a new one goes in after the row before it
  const els: SVGGElement[] = [];
  let prev: SVGGElement | null = null;
  for (const r of rows) {
    let el = now.get(r.a.seq);
    if (!el) {
      el = make();
      layer.insertBefore(el, prev ? prev.nextSibling : layer.firstChild);
      now.set(r.a.seq, el);
    }
    els.push(el);
    prev = el;
  }
  rowElements.set(layer, now);
  return els;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgChild<K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, cls: string | null): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  if (cls) el.setAttribute('class', cls);
  parent.appendChild(el);
  return el;
}

/** A row's band: its tint, and the rule above a command's first row. */
function newBand(): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  const rect = svgChild(g, 'rect', 'seq-band');
  rect.setAttribute('x', '0');
  rect.setAttribute('y', '0');
  const rule = svgChild(g, 'line', 'seq-rule');
  rule.setAttribute('x1', '0');
  rule.setAttribute('y1', '0.5');
  rule.setAttribute('y2', '0.5');
  return g;
}

/** A row's arrow: its line, head, label and title, under the hit area that takes the clicks. */
function newArrow(): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('role', 'button');
  svgChild(g, 'path', 'seq-line');
  svgChild(g, 'path', 'seq-head');
  const text = svgChild(g, 'text', 'seq-label');
  svgChild(text, 'tspan', 'seq-tag');
  svgChild(text, 'tspan', 'seq-desc');
  svgChild(g, 'title', null);
  // on top: the whole row is the click target, and carries the hover tint and the focus ring
  const hit = svgChild(g, 'rect', 'seq-hit');
  hit.setAttribute('x', '1.5');
  hit.setAttribute('y', '1.5');
  return g;
}

/** A row's classes: every other command shaded, the playhead's row tinted. */
function rowClass(base: string, r: Row, focusSeq: number | null): string {
  const odd = r.a.group % 2 === 1;
  const focus = r.a.seq === focusSeq;
  return odd ? (focus ? `${base} is-odd is-focus` : `${base} is-odd`) : focus ? `${base} is-focus` : base;
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

  // Each row is drawn in its own coordinates and placed by one transform: its
  // place in the whole trace, under a layer shifted up by the rows not drawn.
  // When the window slides by an event, only the layers' shift changes, one
  // row comes and one goes; the rows that stay are not written to again.
  const rowAt = (i: number) => `translate(0,${(model.earlier + i) * layout.rowH})`;
  const shift = `translate(0,${-model.earlier * layout.rowH})`;
  const sizeKey = `${layout.width} ${layout.rowH}`;
  const shapeKey = `${sizeKey} ${layout.font} ${layout.laneX.join(',')}`;

  // row bands under the lifelines: every other command shaded, the playhead's row tinted
  const bandNode = bandLayer.node()!;
  setAttr(bandNode, 'transform', shift);
  const bands = joinRows(bandNode, rows, newBand);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const band = bands[i]!;
    setAttr(band, 'class', rowClass('seq-row', r, opts.focusSeq));
    setAttr(band, 'transform', rowAt(i));
    const rect = band.firstElementChild!;
    const rule = rect.nextElementSibling!;
    if (drawn.get(band) !== sizeKey) {
      drawn.set(band, sizeKey);
      rect.setAttribute('width', String(layout.width));
      rect.setAttribute('height', String(layout.rowH));
      rule.setAttribute('x2', String(layout.width));
    }
    setAttr(rule, 'visibility', r.a.groupStart && i > 0 ? null : 'hidden');
  }

  const arrowNode = arrowLayer.node()!;
  setAttr(arrowNode, 'transform', shift);
  // the words of a row change with the language: its key holds one of them
  const lang = opts.t('sequence.arrow.call');
  const arrows = joinRows(arrowNode, rows, newArrow);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const el = arrows[i]!;
    setAttr(el, 'class', r.a.boot ? `${rowClass('seq-arrow', r, opts.focusSeq)} is-boot` : rowClass('seq-arrow', r, opts.focusSeq));
    setAttr(el, 'transform', rowAt(i));
    setAttr(el, 'tabindex', r.a.seq === opts.tabSeq ? '0' : '-1');
    setAttr(el, 'aria-current', r.a.seq === opts.focusSeq ? 'step' : null);
    // what the row shows: written only when the arrow (after a branch, a seq can be another event) or the lanes change
    const key = `${shapeKey} ${r.a.seq} ${r.a.tag} ${r.a.mark} ${r.a.kind} ${r.a.fromIndex} ${r.a.toIndex} ${r.from} ${r.to} ${r.a.label} ${r.a.say} ${lang}`;
    if (drawn.get(el) === key) continue;
    drawn.set(el, key);
    const g = rowGeometry(r.a, layout);
    const [line, head, text, title, hit] = el.children as unknown as [SVGPathElement, SVGPathElement, SVGTextElement, SVGTitleElement, SVGRectElement];
    el.setAttribute('data-seq', String(r.a.seq));
    el.setAttribute('data-tag', r.a.tag);
    el.setAttribute('aria-label', arrowAriaLabel(opts.t, r.a, model.lanes));
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
  }
  const arrowOf = (seq: number) => {
    const i = rows.findIndex((r) => r.a.seq === seq);
    return i < 0 ? null : { row: rows[i]!, el: select(arrows[i]!) };
  };

  // stop a draw-in still running and show that arrow whole
  const running = animating.get(svg);
  if (running !== undefined) {
    arrowOf(running)?.el
      .selectAll<SVGElement, unknown>('path, text')
      .interrupt()
      .style('stroke-dasharray', null).style('stroke-dashoffset', null).style('opacity', null);
    animating.delete(svg);
  }

  const { animateSeq } = opts;
  const drawIn = animateSeq !== null && opts.ms > 0 ? arrowOf(animateSeq) : null;
  if (drawIn) {
    const fresh = drawIn.el;
    const len = drawIn.row.g.length;
    if (len > 0) {
      animating.set(svg, drawIn.row.a.seq);
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
