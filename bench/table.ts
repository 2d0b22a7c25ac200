// The figures of a run as a plain-text table for the terminal.

import type { Figure } from './figures.ts';
import { fmt } from './stats.ts';

/** The figures as a plain-text table: median, spread over the runs, goal, met. */
export function printTable(title: string, specs: Record<string, { label: string }>, figures: Record<string, Figure>): void {
  const rows = Object.entries(specs).map(([k, spec]) => {
    const f = figures[k]!;
    const met = f.met === null ? '' : f.met ? 'yes' : 'NO';
    return [spec.label, fmt(f.value), `${fmt(f.min)} - ${fmt(f.max)} (${f.runs})`, f.unit, f.goal ?? '', met];
  });
  const head = ['measure', 'median', 'runs: low - high (n)', 'unit', 'goal', 'met'];
  const width = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 1 || c === 2 ? cell.padStart(width[c]!) : cell.padEnd(width[c]!))).join('  ').trimEnd();
  console.log('');
  console.log(title);
  console.log(line(head));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  const goals = Object.values(figures).filter((f) => f.met !== null);
  console.log(`${goals.filter((f) => f.met).length} of ${goals.length} goals met`);
}
