import { describe, expect, it } from 'vitest';
import { createShell, runLine } from '../shell/shell.js';
import type { LabState } from '../types.js';
import { SCP_PID, asPort } from '../types.js';
import { framesView, messagePortAt } from './inspect.js';

function stateAfter(lines: readonly string[]): LabState {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell.timeline.current;
}

describe('the message port a channel end names', () => {
  const state = stateAfter(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fd = accept(s)', '@A a = area(64)', '@A send(ch, a, "hi")']);
  const channel = Object.values(state.channels)[0]!;
  const scpEnd = channel.client.pid === SCP_PID ? channel.client : channel.server;

  it('is found with what waits in it', () => {
    const port = messagePortAt(state, scpEnd.pid, scpEnd.port!);
    expect(port.chan).toBe(channel.id);
    expect(port.queue.map((a) => a.short)).toEqual(['hi']);
  });

  it('is a broken state when the number leads to an event port or to nothing', () => {
    const scp = state.partitions[SCP_PID]!;
    const eventPort = Object.values(scp.ports).find((p) => p.kind === 'eventRecv')!;
    expect(() => messagePortAt(state, SCP_PID, eventPort.no)).toThrow(`broken state: port ${eventPort.no} of partition ${SCP_PID} is not a channel's message port`);
    expect(() => messagePortAt(state, SCP_PID, asPort(99))).toThrow(/broken state: port 99/);
  });
});

describe('the cells of the frame grid', () => {
  const lines = ['limit(A, mem, unlimited)', 'limit(B, mem, unlimited)', '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)'];
  // two moments of one lab: the cells are kept per lab
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  const before = shell.timeline.current;
  for (const line of ['@A send(ch, a, "hi")', '@B r = recv(chb)']) shell = runLine(shell, line).shell;
  const after = shell.timeline.current;
  // the same states under a lab of their own: cells built from nothing
  const fresh = (state: LabState) => framesView({ ...state, config: { ...state.config } });

  it('are those of a fresh build, state after state', () => {
    const first = framesView(before);
    const second = framesView(after);
    expect(first).toEqual(fresh(before));
    expect(second).toEqual(fresh(after));
  });

  it('keep the objects of the frames a step did not change, and give the same cells for the same memory', () => {
    const first = framesView(before);
    const second = framesView(after);
    const area = Object.values(after.areas)[0]!;
    const moved = new Set<number>(area.frames);
    expect(moved.size).toBeGreaterThan(0);
    for (const cell of second) {
      if (moved.has(cell.frame)) expect(cell).not.toBe(first[cell.frame]);
      else expect(cell).toBe(first[cell.frame]);
    }
    expect(framesView(after)).toBe(second);
  });
});
