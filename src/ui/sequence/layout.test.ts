import { describe, expect, it } from 'vitest';
import { createShell, runLine, traceOf } from '../../engine/index.ts';
import type { ShellState } from '../../engine/index.ts';
import { sequenceView } from '../../engine/index.ts';
import type { SequenceModel } from '../../engine/index.ts';
import { labelWidth, layoutChart, MIN_LANE_EM, ROW_EM, scrollToShow } from './layout.ts';
import { commandStartsOf } from './exportSequenceSvg.ts';

function modelOf(lines: readonly string[], limit?: number): SequenceModel {
  let shell: ShellState = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  const t = shell.timeline;
  return sequenceView(traceOf(t), t.current, {
    bootEvents: t.bootEvents.length, commandStarts: commandStartsOf(t), ...(limit === undefined ? {} : { limit }),
  });
}

const FIG9 = [
  's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)',
  '@A ch = connect(7)', '@A a = area(4096)', '@A send(ch, a, "req")',
  'r = read(fd)', 'v = open(r.vfile)', 'write(fd, r.vfile)',
];

/** The estimated horizontal extent of an arrow's label. */
function labelSpan(model: SequenceModel, i: number, layout: ReturnType<typeof layoutChart>): [number, number] {
  const a = model.arrows[i]!;
  const g = layout.arrows[i]!;
  const w = labelWidth(a.mark, a.label, layout.font);
  if (g.anchor === 'start') return [g.labelX, g.labelX + w];
  if (g.anchor === 'end') return [g.labelX - w, g.labelX];
  return [g.labelX - w / 2, g.labelX + w / 2];
}

describe('layoutChart', () => {
  const model = modelOf(FIG9);

  it('spreads the lanes evenly over the width it is given', () => {
    const layout = layoutChart(model, { font: 13, width: 600 });
    expect(layout.width).toBe(600);
    expect(layout.laneX).toEqual([60, 180, 300, 420, 540]);
    expect(layout.rowH).toBe(Math.round(ROW_EM * 13));
    expect(layout.height).toBeGreaterThanOrEqual(model.arrows.length * layout.rowH);
  });

  it('grows past a narrow panel rather than squeezing lanes (the panel scrolls sideways)', () => {
    const layout = layoutChart(model, { font: 13, width: 200 });
    expect(layout.width).toBe(Math.ceil(5 * MIN_LANE_EM * 13));
    expect(layout.laneW).toBeCloseTo(MIN_LANE_EM * 13, 0);
  });

  it('keeps five lanes inside the ~390 px panel of a 1280x720 screen', () => {
    expect(layoutChart(model, { font: 12.75, width: 389 }).width).toBe(389);
  });

  it.each([
    ['1280x720', 12.75, 389],
    ['1920x1080', 14.45, 590],
  ])('keeps every label inside the chart at %s, one row per arrow', (_name, font, width) => {
    const layout = layoutChart(model, { font, width });
    model.arrows.forEach((_a, i) => {
      const [x0, x1] = labelSpan(model, i, layout);
      expect(x0, model.arrows[i]!.tag).toBeGreaterThanOrEqual(0);
      expect(x1, model.arrows[i]!.tag).toBeLessThanOrEqual(layout.width);
    });
    const tops = layout.arrows.map((g) => g.rowTop);
    expect(new Set(tops).size).toBe(tops.length);
    // a label sits inside its own row, above its line
    for (const g of layout.arrows) {
      expect(g.labelY).toBeGreaterThan(g.rowTop + font * 0.7);
      expect(g.labelY).toBeLessThanOrEqual(g.y + font);
      expect(g.y).toBeLessThan(g.rowTop + layout.rowH);
    }
  });

  it('draws a self-arrow as a loop to the right of its lifeline, its head pointing back at it', () => {
    const layout = layoutChart(model, { font: 13, width: 600 });
    const i = model.arrows.findIndex((a) => a.tag === 'S204(d)');
    const a = model.arrows[i]!;
    const g = layout.arrows[i]!;
    const x = layout.laneX[a.fromIndex]!;
    expect(a.self).toBe(true);
    expect(g.path.startsWith(`M${x},`)).toBe(true);
    expect(g.head.startsWith(`M${x},${g.y}`)).toBe(true);
    expect(g.length).toBeGreaterThan(0);
    // on the rightmost lane the label goes to the left of the lifeline
    const k = model.arrows.findIndex((b) => b.tag === 'S-A(a)');
    expect(model.arrows[k]!.toIndex).toBe(4);
    expect(layout.arrows[k]!.anchor).toBe('end');
    expect(layout.arrows[k]!.labelX).toBeLessThan(layout.laneX[4]!);
  });

  it('points the head of an ordinary arrow at the lane it acts on', () => {
    const layout = layoutChart(model, { font: 13, width: 600 });
    const i = model.arrows.findIndex((a) => a.tag === 'S311(a)' && a.kind === 'area.flip');
    const g = layout.arrows[i]!;
    // scp program (x 420) to A (x 60): the line runs left and the head's tip is on A's lifeline
    expect(g.path).toBe(`M420,${g.y}H${60 + 0.6 * 13}`);
    expect(g.head.startsWith(`M60,${g.y}`)).toBe(true);
    expect(g.anchor).toBe('middle');
    expect(g.labelX).toBe(240);
  });

  it('starts a new partition\'s lifeline at its first arrow and ends it where the partition ends', () => {
    const m = modelOf(['lpar_create("C", 16, 1)', '@C ch = connect(B)', 'lpar_end(C)']);
    const layout = layoutChart(m, { font: 13, width: 600 });
    const c = m.lanes.findIndex((l) => l.label === 'C');
    const line = layout.lifelines[c]!;
    const first = m.arrows.findIndex((a) => a.seq === m.lanes[c]!.firstSeq);
    const end = m.arrows.findIndex((a) => a.kind === 'lpar.end');
    expect(line.y1).toBeGreaterThan(layout.arrows[first]!.rowTop);
    expect(line.y1).toBeLessThan(layout.arrows[first]!.y);
    expect(line.endY).toBeGreaterThan(layout.arrows[end]!.y);
    expect(line.endY).toBeLessThan(layout.arrows[end]!.rowTop + layout.rowH);
    expect(line.y2).toBe(line.endY);
    // the kernel takes no part yet: its lifeline is idle (drawn faint)
    expect(layout.lifelines.at(-1)!.idle).toBe(true);
    // in a window that starts after the end, the ended lane has no lifeline at all
    const later = modelOf(['lpar_create("C", 16, 1)', 'lpar_end(C)', '@A a = area(64)'], 2);
    const gone = layoutChart(later, { font: 13, width: 600 }).lifelines[later.lanes.findIndex((l) => l.label === 'C')]!;
    expect(gone.y2).toBeLessThanOrEqual(gone.y1);
  });
});

describe('scrollToShow', () => {
  it('leaves a row that is in view alone', () => {
    expect(scrollToShow(200, 28, 100, 300, 40)).toBeNull();
  });
  it('scrolls up to a row hidden under the sticky header', () => {
    expect(scrollToShow(120, 28, 100, 300, 40)).toBe(66);
  });
  it('scrolls down to a row below the fold', () => {
    expect(scrollToShow(500, 28, 100, 300, 40)).toBe(242);
  });
  it('never scrolls above the top', () => {
    expect(scrollToShow(10, 28, 50, 300, 40)).toBe(0);
  });
});
