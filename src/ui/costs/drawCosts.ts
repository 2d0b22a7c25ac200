// The cost plot: simulated cost of flip, copy and shared memory against
// message size (log-log), the crossover where the flip starts to win, and,
// once measured, the browser's own transfer and clone times beside them.

import { select } from 'd3-selection';
import { scaleLog } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { line } from 'd3-shape';
import type { CostPoint } from '../../engine/index.ts';
import type { Measurement } from './measureTransfer.ts';
import type { Translate } from '../../i18n/translate.ts';

export interface CostPlot {
  readonly curve: readonly CostPoint[];
  /** cycles per microsecond, to put the model in the same unit as the measurements */
  readonly cyclesPerUs: number;
  readonly crossover: number | null;
  readonly measured: readonly Measurement[];
  readonly width: number;
  readonly height: number;
  /** the reader's language, for the axes, the crossover and the points' titles */
  readonly t: Translate;
}

export const SERIES = [
  { key: 'flip', label: 'costs.series.flip', dash: '', className: 'flip' },
  { key: 'copy', label: 'costs.series.copy', dash: '6 4', className: 'copy' },
  { key: 'shared', label: 'costs.series.shared', dash: '2 3', className: 'shared' },
] as const;

export function formatBytes(bytes: number): string {
  return bytes >= 1 << 20 ? `${bytes / (1 << 20)} MiB` : bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} B`;
}

export function drawCosts(svgElement: SVGSVGElement, plot: CostPlot): void {
  const margin = { top: 12, right: 16, bottom: 40, left: 58 };
  const w = Math.max(160, plot.width) - margin.left - margin.right;
  const h = Math.max(80, plot.height) - margin.top - margin.bottom;
  const us = (cycles: number) => cycles / plot.cyclesPerUs;
  const all = [...plot.curve.flatMap((p) => [us(p.flip), us(p.copy), us(p.shared)]), ...plot.measured.flatMap((m) => [m.transferUs, m.cloneUs])].filter((v) => v > 0);
  const x = scaleLog().base(2).domain([plot.curve[0]!.bytes, plot.curve.at(-1)!.bytes]).range([0, w]);
  const y = scaleLog().domain([Math.min(...all) / 1.5, Math.max(...all) * 1.5]).range([h, 0]).nice();
  const svg = select(svgElement).attr('viewBox', `0 0 ${w + margin.left + margin.right} ${h + margin.top + margin.bottom}`).attr('preserveAspectRatio', 'xMidYMid meet');
  svg.selectAll('*').remove();
  const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${h})`)
    .call(axisBottom(x).tickValues(plot.curve.filter((_, i) => i % 2 === 0).map((p) => p.bytes)).tickFormat((d) => formatBytes(Number(d))));
  g.append('g').attr('class', 'axis').call(axisLeft(y).ticks(5, '~g'));
  g.append('text').attr('class', 'axis-label').attr('x', w / 2).attr('y', h + 34).attr('text-anchor', 'middle').text(plot.t('costs.axis.size'));
  g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -h / 2).attr('y', -46).attr('text-anchor', 'middle').text(plot.t('costs.axis.us'));
  for (const s of SERIES) {
    const path = line<CostPoint>().x((p) => x(p.bytes)).y((p) => y(Math.max(us(p[s.key]), y.domain()[0]!)));
    g.append('path').attr('class', `series ${s.className}`).attr('d', path([...plot.curve])).attr('stroke-dasharray', s.dash);
  }
  if (plot.crossover !== null && plot.crossover >= plot.curve[0]!.bytes && plot.crossover <= plot.curve.at(-1)!.bytes) {
    const cx = x(plot.crossover);
    g.append('line').attr('class', 'crossover').attr('x1', cx).attr('x2', cx).attr('y1', 0).attr('y2', h);
    g.append('text').attr('class', 'crossover-label').attr('x', cx + 4).attr('y', 12).text(plot.t('costs.flipWins', { size: formatBytes(plot.crossover).replace(/\.\d+/, '') }));
  }
  for (const [key, className] of [['transferUs', 'measured-transfer'], ['cloneUs', 'measured-clone']] as const) {
    g.append('g').selectAll('circle').data(plot.measured).join('circle')
      .attr('class', className).attr('r', 4).attr('cx', (m) => x(m.bytes)).attr('cy', (m) => y(Math.max(m[key], y.domain()[0]!)))
      .append('title').text((m) => plot.t('costs.point', { size: formatBytes(m.bytes), us: m[key].toFixed(1) }));
  }
}
