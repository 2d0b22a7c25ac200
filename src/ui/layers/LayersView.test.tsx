// The Layers view rendered to HTML from real engine states: one column per
// partition with its state, bars labelled for screen readers, ended greyed.

import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { LabState } from '../../engine/index.ts';
import { createShell, runLine, traceOf } from '../../engine/index.ts';

const shown = vi.hoisted(() => ({ state: null as unknown, events: [] as unknown }));
vi.mock('../store/labStore.ts', () => ({
  useDisplayState: () => shown.state,
  useShownEvents: () => shown.events,
  useFocusEvent: () => null,
  useLab: (select: (s: unknown) => unknown) => select({ inside: null, position: 0, shell: { timeline: { cursor: 0 } } }),
}));

const { LayersView } = await import('./LayersView.tsx');

function render(lines: readonly string[]): string {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  shown.state = shell.timeline.current as LabState;
  shown.events = traceOf(shell.timeline);
  return renderToStaticMarkup(<LayersView />);
}

describe('LayersView', () => {
  it('draws the control OS beneath the system control OS and the guests', () => {
    const html = render([]);
    for (const name of ['scp', 'A', 'B']) expect(html).toContain(`data-partition="${name}" data-status="active"`);
    expect(html).toContain('hypervisor mode');
    expect(html).toContain('problem mode');
    expect(html).toContain('supervisor mode');
    // the control OS comes after every partition in the document, as the floor of Fig. 3
    expect(html.indexOf('Control OS')).toBeGreaterThan(html.indexOf('data-partition="B"'));
  });

  it('labels each bar with used and limit, and says when there is no limit', () => {
    const html = render(['@A a = area(8192)']);
    expect(html).toContain('aria-label="A mem 2 of 16 pages"');
    expect(html).toContain('aria-label="A cpu 0 time slices, no limit"');
  });

  it('shows an ended partition as ended, with no bars, and a waiting one with its call', () => {
    const html = render(['lpar_create("C", 32, 1)', 'lpar_end(C)', '@A ch = connect(B)']);
    const c = html.slice(html.indexOf('data-partition="C"'));
    expect(html).toContain('data-partition="C" data-status="ended"');
    expect(c.slice(0, c.indexOf('</section>'))).not.toContain('role="img"');
    expect(html).toMatch(/data-partition="A"[\s\S]*?waiting <\/span>in connect\(B\)/);
  });

  it("says who ended a partition: [0053] only for a guest that ended its own, the lab's lpar_end for the program", () => {
    const html = render(['lpar_create("C", 32, 1)', 'lpar_end(C)', '@A lpar_end()']);
    const gone = (name: string) => {
      const from = html.slice(html.indexOf(`data-partition="${name}"`));
      return from.slice(0, from.indexOf('</section>'));
    };
    expect(gone('C')).toContain("Ended by the system control program (lpar_end, the lab&#x27;s extension");
    expect(gone('C')).not.toContain('stopped [0053]');
    expect(gone('A')).toContain('Ended at its own guest OS&#x27;s request: its logical processors stopped [0053]');
  });
});
