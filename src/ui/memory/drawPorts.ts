// A column's event receive ports [0063]: one badge per port, its pending
// bit a dot, and the sends that merged while it was pending as the lab's own
// tally beside it. Drawn by drawColumns.ts into each column.

import type { RecvPortView } from '../../engine/index.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { ColumnDatum } from './drawColumns.ts';
import type { DrawArgs, G } from './drawMemory.ts';

export function portKey(pid: number, port: number): string {
  return `${pid}:${port}`;
}

function portLabel(t: Translate, p: RecvPortView): string {
  const port = p.pending ? t('memory.port.set', { no: p.no }) : t('memory.port.clear', { no: p.no });
  // [0063] the port itself keeps no count: the tally is the lab's
  return p.merged ? t('memory.port.tally', { port, count: p.merged }) : port;
}

export function drawPorts(g: G, a: DrawArgs, d: ColumnDatum): void {
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

