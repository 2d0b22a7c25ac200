// Commands are events of intent (docs/architecture.md, rule 6 of the engine): what a partition asks the
// machine to do. `by` is the partition making the call; the engine checks
// that it may. Addresses are logical byte addresses in `by`'s address space.

import type { CostParam } from './costs/costModel.js';
import type { AskId, Pid, PortNo, ResourceKind, SigId, SocketMode } from './types.js';

export type Command =
  // the system control program's interface [0048]-[0049]
  | { readonly kind: 'lpar.create'; readonly by: Pid; readonly name: string; readonly memPages: number; readonly processors: number }
  | { readonly kind: 'lpar.limit'; readonly by: Pid; readonly pid: Pid; readonly resource: ResourceKind; readonly amount: number | null }
  | { readonly kind: 'lpar.end'; readonly by: Pid; readonly pid: Pid }
  | { readonly kind: 'policy.set'; readonly by: Pid; readonly resource: ResourceKind; readonly ceiling: number }
  /** policy(mem, ask): the program answers each request past a limit itself; policy(mem, auto) lets the ceiling decide [0049], [0080] */
  | { readonly kind: 'policy.ask'; readonly by: Pid; readonly resource: ResourceKind; readonly ask: boolean }
  /** grant(r) / refuse(r, "why"): the program's answer to a request it has read [0049] */
  | { readonly kind: 'resource.answer'; readonly by: Pid; readonly ask: AskId; readonly grant: boolean; readonly why: string }
  | { readonly kind: 'cost.set'; readonly by: Pid; readonly param: CostParam; readonly value: number }
  // the control OS's scheduler [0054]
  | { readonly kind: 'sched.tick'; readonly by: Pid; readonly slices: number }
  // the guest OS programming interface [0047], [0055]-[0078]
  | { readonly kind: 'resource.request'; readonly by: Pid; readonly resource: ResourceKind; readonly amount: number }
  /** give back what the guest took without asking [0055] */
  | { readonly kind: 'resource.release'; readonly by: Pid; readonly resource: ResourceKind; readonly amount: number }
  | { readonly kind: 'event.port'; readonly by: Pid }
  | { readonly kind: 'event.connect'; readonly by: Pid; readonly target: Pid; readonly port: PortNo }
  | { readonly kind: 'event.send'; readonly by: Pid; readonly port: PortNo }
  | { readonly kind: 'event.poll'; readonly by: Pid; readonly port: PortNo }
  | { readonly kind: 'signal.notify'; readonly by: Pid; readonly port: PortNo }
  | { readonly kind: 'signal.take'; readonly by: Pid }
  | { readonly kind: 'signal.permit'; readonly by: Pid; readonly sig: SigId }
  | { readonly kind: 'signal.deny'; readonly by: Pid; readonly sig: SigId }
  | { readonly kind: 'channel.connect'; readonly by: Pid; readonly target: Pid }
  | { readonly kind: 'channel.connectService'; readonly by: Pid; readonly service: number }
  | { readonly kind: 'channel.send'; readonly by: Pid; readonly port: PortNo; readonly addr: number; readonly short: string }
  | { readonly kind: 'channel.recv'; readonly by: Pid; readonly port: PortNo }
  | { readonly kind: 'channel.close'; readonly by: Pid; readonly port: PortNo }
  | { readonly kind: 'area.reserve'; readonly by: Pid; readonly bytes: number }
  | { readonly kind: 'area.free'; readonly by: Pid; readonly addr: number }
  | { readonly kind: 'mem.write'; readonly by: Pid; readonly addr: number; readonly data: string }
  | { readonly kind: 'mem.read'; readonly by: Pid; readonly addr: number; readonly length: number }
  | { readonly kind: 'shm.connect'; readonly by: Pid; readonly target: Pid; readonly bytes: number }
  // the system control OS kernel's system calls, for its program [0084]-[0108]
  | { readonly kind: 'sys.socket'; readonly by: Pid; readonly domain: string; readonly type: string; readonly mode: SocketMode }
  | { readonly kind: 'sys.bind'; readonly by: Pid; readonly fd: number; readonly service: number }
  /** [0111] connection permitted (listen(s) or listen(s, true)) or not permitted (listen(s, false)) */
  | { readonly kind: 'sys.listen'; readonly by: Pid; readonly fd: number; readonly permit: boolean }
  /** a fresh message area for the program to write and send to the guest on `fd` [0092], [0093] */
  | { readonly kind: 'sys.msgnew'; readonly by: Pid; readonly fd: number; readonly bytes: number }
  | { readonly kind: 'sys.permit'; readonly by: Pid; readonly fd: number; readonly pid: Pid }
  | { readonly kind: 'sys.deny'; readonly by: Pid; readonly fd: number; readonly pid: Pid }
  | { readonly kind: 'sys.accept'; readonly by: Pid; readonly fd: number }
  | { readonly kind: 'sys.read'; readonly by: Pid; readonly fd: number; readonly count: number | null }
  /** on a communication socket: send back the area named by a virtual file path or a mapped address (S-C); on a file: write text */
  | { readonly kind: 'sys.write'; readonly by: Pid; readonly fd: number; readonly data: string | number }
  | { readonly kind: 'sys.select'; readonly by: Pid; readonly fds: readonly number[] }
  | { readonly kind: 'sys.close'; readonly by: Pid; readonly fd: number }
  | { readonly kind: 'sys.open'; readonly by: Pid; readonly path: string }
  /** discard a received message (S-D): a virtual file path, or a mapped address in direct-map mode */
  | { readonly kind: 'sys.unlink'; readonly by: Pid; readonly target: string | number }
  // a suspended call cut short (Ctrl-C)
  | { readonly kind: 'call.interrupt'; readonly by: Pid };

export type CommandKind = Command['kind'];
