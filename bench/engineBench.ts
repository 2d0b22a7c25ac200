// The engine side: a lab with a channel from guest A (pid 2) to guest B
// (pid 3), and one flip transfer along the full path of Fig. 6 as four
// `apply` calls: A reserves an area (S105-S106), sends it on the channel
// (S107), B receives it (S108) and frees it (S109).
//
// Only the engine's public API is used (src/engine/index.ts).

import { apply, asPid, asPort, createLab, PAGE_SIZE } from '../src/engine/index.ts';
import type { Command, LabConfig, LabState, PortNo, Step } from '../src/engine/index.ts';

export const SCP = asPid(1);
export const A = asPid(2);
export const B = asPid(3);

/** Something that carries out a command: plain `apply` on a state, or `record` on a timeline. */
export type Exec = (command: Command) => Step;

export interface Ports {
  /** A's end of the channel (the client) */
  readonly client: PortNo;
  /** B's end of the channel (the server) */
  readonly server: PortNo;
}

function must(step: Step, what: string): Step {
  if (!step.result.ok) throw new Error(`bench: ${what} failed: ${step.result.error.errno} ${step.result.error.message}`);
  return step;
}

/**
 * Lift A's and B's memory limits (so 16-page areas fit) and connect a channel
 * from A to B, the way testkit's connectGuests does: A asks, B takes the
 * control signal and permits it; A's suspended connect completes with its port.
 */
export function setUp(exec: Exec): Ports {
  for (const pid of [A, B]) must(exec({ kind: 'lpar.limit', by: SCP, pid, resource: 'mem', amount: null }), `lpar.limit(${pid}, mem, null)`);
  must(exec({ kind: 'channel.connect', by: A, target: B }), 'channel.connect');
  const taken = must(exec({ kind: 'signal.take', by: B }), 'signal.take').result;
  const sig = (taken.ok ? taken.value : null) as { sig: number } | null;
  if (!sig) throw new Error('bench: signal.take returned no signal');
  const permit = must(exec({ kind: 'signal.permit', by: B, sig: sig.sig as never }), 'signal.permit');
  const clientDone = permit.completions.find((c) => c.pid === A);
  if (!clientDone?.result.ok || !permit.result.ok) throw new Error('bench: A\'s connect did not complete');
  return { client: asPort(clientDone.result.value as number), server: asPort(permit.result.value as number) };
}

/** One transfer of a `pages`-page message along the full path, through `exec`. */
export function transferWith(exec: Exec, ports: Ports, pages: number): void {
  const reserved = exec({ kind: 'area.reserve', by: A, bytes: pages * PAGE_SIZE });
  if (!reserved.result.ok) throw new Error(`bench: area.reserve failed: ${reserved.result.error.message}`);
  const sent = exec({ kind: 'channel.send', by: A, port: ports.client, addr: reserved.result.value as number, short: 'bench' });
  if (!sent.result.ok) throw new Error(`bench: channel.send failed: ${sent.result.error.message}`);
  const got = exec({ kind: 'channel.recv', by: B, port: ports.server });
  if (!got.result.ok || got.result.value === null) throw new Error('bench: channel.recv did not return the message');
  const freed = exec({ kind: 'area.free', by: B, addr: (got.result.value as { addr: number }).addr });
  if (!freed.result.ok) throw new Error(`bench: area.free failed: ${freed.result.error.message}`);
}

/** A booted lab with its channel set up, carried as a plain evolving state. */
export class TransferLab {
  state: LabState;
  readonly ports: Ports;
  private readonly exec: Exec = (command) => {
    const step = apply(this.state, command);
    this.state = step.state;
    return step;
  };

  constructor(config: Partial<LabConfig>) {
    this.state = createLab(config).state;
    this.ports = setUp(this.exec);
  }

  /** One full-path transfer: four `apply` calls on the evolving state. */
  transfer(pages: number): void {
    transferWith(this.exec, this.ports, pages);
  }
}
