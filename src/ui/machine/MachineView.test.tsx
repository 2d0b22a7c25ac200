// The Machine view rendered to HTML from real engine states: every unit with
// the partition running on it now, and main memory by owner.

import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { LabState } from '../../engine/index.ts';
import { createShell, runLine } from '../../engine/index.ts';

const shown = vi.hoisted(() => ({ state: null as unknown }));
vi.mock('../store/labStore.ts', () => ({
  useDisplayState: () => shown.state,
  useFocusEvent: () => null,
  useLab: (select: (s: unknown) => unknown) => select({ inside: null, position: 0, shell: { timeline: { cursor: 0 } } }),
}));

const { MachineView } = await import('./MachineView.tsx');

function render(lines: readonly string[]): string {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  shown.state = shell.timeline.current as LabState;
  return renderToStaticMarkup(<MachineView />);
}

const running = (html: string) => [...html.matchAll(/data-unit="(\d+)" data-running="([^"]*)"/g)].map((m) => [Number(m[1]), m[2]] as const);

describe('MachineView', () => {
  it('draws 24 idle units before the first time slice', () => {
    const units = running(render([]));
    expect(units).toHaveLength(24);
    expect(units.every(([, who]) => who === '')).toBe(true);
  });

  it('names the partition running on each unit after tick', () => {
    const units = new Map(running(render(['tick(1)'])));
    expect(units.get(0)).toBe('scp');
    expect(units.get(1)).toBe('A');
    expect(units.get(2)).toBe('B');
    expect(units.get(8)).toBe('A');
    expect(units.get(3)).toBe('');
  });

  it('splits DRAM by owner and lists the placements of [0054]', () => {
    const html = render(['lpar_create("C", 20, 1)']);
    expect(html).toMatch(/data-owner="C"[^>]*>.*?<b>20<\/b>/);
    expect(html).toContain('one logical on several physical');
    expect(html).toContain('several logical on one physical');
  });
});
