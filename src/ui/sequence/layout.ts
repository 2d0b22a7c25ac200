// Geometry of the sequence chart: where each lane's lifeline stands and where
// each arrow, its head and its label go. Pure arithmetic over the view model,
// shared by the live chart (drawn with d3) and the SVG export, so both look
// alike. Everything scales with the chart's font size, so a projector or the
// presenter mode's larger text gets a larger chart, not overlapping labels.

import type { SequenceArrow, SequenceModel } from '../../engine/index.ts';

export interface ChartMetrics {
  /** font size of the chart's text, px */
  readonly font: number;
  /** width available for the chart, px; it grows past this (and scrolls) when lanes would get too narrow */
  readonly width: number;
}

export type Anchor = 'start' | 'middle' | 'end';

export interface ArrowGeometry {
  readonly seq: number;
  /** index of the arrow's row in the drawn window */
  readonly row: number;
  readonly rowTop: number;
  /** y of the arrow's line */
  readonly y: number;
  /** the line (or a self-loop), ending where the head starts */
  readonly path: string;
  /** length of `path`, for drawing it in */
  readonly length: number;
  /** the arrowhead, a closed triangle */
  readonly head: string;
  readonly labelX: number;
  readonly labelY: number;
  readonly anchor: Anchor;
}

export interface LifelineGeometry {
  readonly lane: number;
  readonly x: number;
  readonly y1: number;
  readonly y2: number;
  /** the lane has had no event yet: drawn faint */
  readonly idle: boolean;
  /** the partition ended inside the window: a cross marks where */
  readonly endY: number | null;
}

export interface ChartLayout {
  readonly font: number;
  readonly rowH: number;
  readonly laneW: number;
  readonly width: number;
  readonly height: number;
  readonly laneX: readonly number[];
  readonly arrows: readonly ArrowGeometry[];
  readonly lifelines: readonly LifelineGeometry[];
}

/** Narrowest lane, in ems: a two-word header ("scp kernel") on two lines fits, so five lanes fit a 1024 px page. */
export const MIN_LANE_EM = 4.4;
/** Row height, in ems: a label line above the arrow line. */
export const ROW_EM = 2.15;
const PAD_EM = 0.3;
const HEAD_LEN_EM = 0.6;
const HEAD_HALF_EM = 0.32;
const LOOP_W_EM = 1.3;

/** Estimated width of "<tag> <label>": the tag in bold monospace, the label in the sans-serif face. */
export function labelWidth(tag: string, label: string, font: number): number {
  // a Japanese character (kana, kanji, full-width forms) is about a whole em wide
  const wide = label.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return tag.length * 0.64 * font + (tag ? 0.3 * font : 0) + (label.length - wide) * 0.56 * font + wide * font;
}

const r = (n: number) => Math.round(n * 10) / 10;

function headPath(tipX: number, y: number, dir: 1 | -1, font: number): string {
  const len = HEAD_LEN_EM * font;
  const half = HEAD_HALF_EM * font;
  return `M${r(tipX)},${r(y)}L${r(tipX - dir * len)},${r(y - half)}L${r(tipX - dir * len)},${r(y + half)}Z`;
}

function arrowGeometry(a: SequenceArrow, row: number, laneX: readonly number[], width: number, font: number, rowH: number): ArrowGeometry {
  const rowTop = row * rowH;
  const y = Math.round(rowTop + rowH * 0.74);
  const pad = PAD_EM * font;
  const w = labelWidth(a.mark, a.label, font);
  const x1 = laneX[a.fromIndex]!;
  const x2 = laneX[a.toIndex]!;
  const head = HEAD_LEN_EM * font;
  if (a.self) {
    // a small loop to the right of the lifeline, coming back with the head pointing at it
    const loopW = LOOP_W_EM * font;
    const top = Math.round(rowTop + rowH * 0.3);
    const path = `M${r(x1)},${r(top)}H${r(x1 + loopW)}V${r(y)}H${r(x1 + head)}`;
    const mid = (top + y) / 2 + 0.35 * font;
    const right = x1 + loopW + 0.4 * font;
    const left = x1 - 0.4 * font;
    let labelX = right;
    let anchor: Anchor = 'start';
    if (right + w > width - pad) {
      if (left - w >= pad) {
        labelX = left;
        anchor = 'end';
      } else {
        labelX = pad;
      }
    }
    return {
      seq: a.seq, row, rowTop, y, path, length: r(2 * loopW - head + (y - top)), head: headPath(x1, y, -1, font),
      labelX: r(labelX), labelY: r(mid), anchor,
    };
  }
  const dir = x2 > x1 ? 1 : -1;
  const path = `M${r(x1)},${r(y)}H${r(x2 - dir * head)}`;
  // the label sits above the line, centred on it, kept inside the chart
  let labelX = (x1 + x2) / 2;
  let anchor: Anchor = 'middle';
  if (w > width - 2 * pad) {
    labelX = pad;
    anchor = 'start';
  } else {
    labelX = Math.min(Math.max(labelX, pad + w / 2), width - pad - w / 2);
  }
  return {
    seq: a.seq, row, rowTop, y, path, length: r(Math.abs(x2 - x1) - head), head: headPath(x2, y, dir, font),
    labelX: r(labelX), labelY: r(y - 0.42 * font), anchor,
  };
}

/**
 * An arrow's geometry within its own row (the row's top at y = 0): the live
 * chart places each row with one transform, so a row keeps its drawing while
 * the window of rows slides. `layout.arrows` holds the same shapes placed in the chart.
 */
export function rowGeometry(a: SequenceArrow, layout: ChartLayout): ArrowGeometry {
  return arrowGeometry(a, 0, layout.laneX, layout.width, layout.font, layout.rowH);
}

export function layoutChart(model: SequenceModel, metrics: ChartMetrics): ChartLayout {
  const font = metrics.font;
  const n = Math.max(1, model.lanes.length);
  const width = Math.max(Math.floor(metrics.width), Math.ceil(n * MIN_LANE_EM * font));
  const laneW = width / n;
  const laneX = model.lanes.map((_, i) => r((i + 0.5) * laneW));
  const rowH = Math.round(ROW_EM * font);
  const arrows = model.arrows.map((a, i) => arrowGeometry(a, i, laneX, width, font, rowH));
  const height = Math.max(rowH, arrows.length * rowH + Math.round(0.5 * font));
  const rowOf = new Map(model.arrows.map((a, i) => [a.seq, i]));
  const lifelines = model.lanes.map((lane, i): LifelineGeometry => {
    const startRow = lane.firstSeq === null ? undefined : rowOf.get(lane.firstSeq);
    const endRow = lane.endSeq === null ? undefined : rowOf.get(lane.endSeq);
    // the cross that ends a lifeline goes just under the arrow that ended it, clear of its head
    const endY = endRow === undefined ? null : arrows[endRow]!.y + Math.round(0.45 * font);
    // a lane born inside the window starts at its first arrow; one that ended before the window is not drawn
    const endedEarlier = lane.endSeq !== null && endRow === undefined;
    return {
      lane: lane.lane, x: laneX[i]!,
      y1: startRow === undefined ? 0 : arrows[startRow]!.rowTop + rowH * 0.3,
      y2: endedEarlier ? 0 : endY ?? height,
      idle: lane.firstSeq === null, endY,
    };
  });
  return { font, rowH, laneW, width, height, laneX, arrows, lifelines };
}

/**
 * Where to scroll a container so that a row (its top at `rowTop` in the
 * container's content) shows below a sticky header `header` px tall; null if
 * it is in view already.
 */
export function scrollToShow(rowTop: number, rowH: number, scrollTop: number, viewH: number, header: number): number | null {
  const margin = rowH * 0.5;
  if (rowTop < scrollTop + header) return Math.max(0, Math.round(rowTop - header - margin));
  if (rowTop + rowH > scrollTop + viewH) return Math.max(0, Math.round(rowTop + rowH + margin - viewH));
  return null;
}
