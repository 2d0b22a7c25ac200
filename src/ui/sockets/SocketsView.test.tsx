// The Sockets view rendered to HTML from real engine states: the data
// attributes the end-to-end tests and lessons rely on, and the program state.

import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { LabState } from '../../engine/index.ts';
import { createShell, runLine } from '../../engine/index.ts';

const shown = vi.hoisted(() => ({ state: null as unknown }));
vi.mock('../store/labStore.ts', () => ({
  useDisplayState: () => shown.state,
  useFocusEvent: () => null,
  // the booted timeline: nothing came before, so nothing is marked as new
  useLab: (select: (s: unknown) => unknown) => select({ inside: null, position: 0, shell: { timeline: { cursor: 0 } } }),
}));

const { SocketsView } = await import('./SocketsView.tsx');

function render(lines: readonly string[]): string {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  shown.state = shell.timeline.current as LabState;
  return renderToStaticMarkup(<SocketsView />);
}

const FIG9 = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)', '@A ch = connect(7)', '@A a = area(4096)', '@A send(ch, a, "mem request")'];

describe('SocketsView', () => {
  it('shows the program running and an empty kernel at boot', () => {
    const html = render([]);
    expect(html).toMatch(/data-testid="scp-state"[^>]*>.*running/);
    expect(html).toContain('data-fd="0-2"');
    expect(html).not.toContain('data-vfile');
  });

  it('shows the program suspended in accept', () => {
    expect(render(FIG9.slice(0, 4))).toMatch(/data-testid="scp-state"[^>]*>.*suspended in <b[^>]*>accept\(3\)<\/b>/);
  });

  it('lists the fds, the virtual file and the channel of Fig. 9', () => {
    const html = render([...FIG9, 'r = read(fd)', 'v = open(r.vfile)']);
    for (const fd of [3, 4, 5]) expect(html).toContain(`data-fd="${fd}"`);
    expect(html).toContain('data-vfile="/msg/A.1"');
    expect(html).toContain('data-channel-fd="4"');
    expect(html).toContain('open as fd 5');
  });

  it('lists an area mapped into the program in direct-map mode', () => {
    const html = render(['m = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)', '@B a = area(100)', '@B send(ch, a, "q")', 'r = read(fd)']);
    expect(html).toContain('data-mapping="0x100000"');
    expect(html).toContain('direct map');
  });
});
