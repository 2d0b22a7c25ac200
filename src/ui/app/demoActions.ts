// The buttons of the first page: each is one guest call of Fig. 6, its
// arguments read from the current state, so they work after any step back.
// The terminal and the command language replace them as the main way in.

import type { Command, LabState, MessagePort, Pid, PortNo } from '../../engine/index.ts';
import { asPid, PAGE_SIZE } from '../../engine/index.ts';

const A = asPid(2);
const B = asPid(3);

export interface DemoAction {
  readonly label: string;
  /** the patent step it shows */
  readonly step: string;
  readonly command: (state: LabState) => Command | null;
}

function messagePort(state: LabState, pid: Pid): MessagePort | undefined {
  return Object.values(state.partitions[pid]?.ports ?? {}).find((p): p is MessagePort => p.kind === 'message');
}

function firstMapping(state: LabState, pid: Pid): number | undefined {
  const pages = Object.keys(state.partitions[pid]?.mappings ?? {}).map(Number);
  return pages.length ? Math.min(...pages) * PAGE_SIZE : undefined;
}

/** A's most recently unmapped area address: where a touch after the send faults. */
function lastAreaAddress(state: LabState, pid: Pid): number | undefined {
  const next = state.partitions[pid]?.nextAreaPage;
  return next !== undefined && next > 0x100 ? 0x100 * PAGE_SIZE : undefined;
}

const when = <T,>(x: T | undefined | null | false, f: (x: T) => Command): Command | null => (x === undefined || x === null || x === false ? null : f(x));

export const DEMO_ACTIONS: readonly DemoAction[] = [
  { label: 'A asks B for a channel', step: 'S101', command: (s) => (messagePort(s, A) || s.partitions[A]?.wait ? null : { kind: 'channel.connect', by: A, target: B }) },
  { label: 'B picks up the signal', step: '[0057]', command: (s) => when(s.partitions[B]?.signalQueue.length, () => ({ kind: 'signal.take', by: B })) },
  { label: 'B permits', step: 'S103', command: (s) => when(s.partitions[B]?.signalsHeld[0], (sig) => ({ kind: 'signal.permit', by: B, sig })) },
  { label: 'A reserves a 4 KiB area', step: 'S105', command: (s) => (messagePort(s, A) && !firstMapping(s, A) ? { kind: 'area.reserve', by: A, bytes: 4096 } : null) },
  { label: 'A writes "hello"', step: '[0066]', command: (s) => when(firstMapping(s, A), (addr) => ({ kind: 'mem.write', by: A, addr, data: 'hello' })) },
  {
    label: 'A sends the area to B', step: 'S107',
    command: (s) => {
      const port = messagePort(s, A);
      const addr = firstMapping(s, A);
      return port && addr !== undefined ? { kind: 'channel.send', by: A, port: port.no as PortNo, addr, short: 'hi' } : null;
    },
  },
  { label: 'A touches its old address', step: '[0070]', command: (s) => (firstMapping(s, A) === undefined ? when(lastAreaAddress(s, A), (addr) => ({ kind: 'mem.read', by: A, addr, length: 5 })) : null) },
  { label: 'B receives', step: 'S108', command: (s) => when(messagePort(s, B)?.queue.length ? messagePort(s, B) : undefined, (p) => ({ kind: 'channel.recv', by: B, port: p.no })) },
  { label: 'B reads the message', step: 'S108', command: (s) => when(firstMapping(s, B), (addr) => ({ kind: 'mem.read', by: B, addr, length: 5 })) },
  { label: 'B discards the area', step: 'S109', command: (s) => when(firstMapping(s, B), (addr) => ({ kind: 'area.free', by: B, addr })) },
  { label: 'B closes its end', step: 'S110', command: (s) => when(messagePort(s, B), (p) => ({ kind: 'channel.close', by: B, port: p.no })) },
  { label: 'A closes its end', step: 'S112', command: (s) => when(messagePort(s, B) ? undefined : messagePort(s, A), (p) => ({ kind: 'channel.close', by: A, port: p.no })) },
];
