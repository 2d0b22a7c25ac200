// A small driver for engine tests: run commands against a live state, keep
// every event, and check the invariants after each step. Not used by the app.

import type { Command } from '../command.js';
import type { LabEvent } from '../event.js';
import type { LabConfig, LabError, LabState, Pid, Result, Value } from '../types.js';
import { asPid } from '../types.js';
import type { Step } from '../lab.js';
import { apply, createLab } from '../lab.js';
import { assertInvariants } from '../invariants.js';

export const SCP = asPid(1);
export const A = asPid(2);
export const B = asPid(3);

type Loose<C> = C extends { by: Pid } ? Omit<C, 'by'> & { by?: Pid } : never;

export interface Session {
  state: LabState;
  readonly events: LabEvent[];
  /** run a command (by defaults to the scp); invariants are checked after it */
  run(command: Loose<Command>): Step;
  /** run and require success; returns the value */
  ok(command: Loose<Command>): Value;
  /** run and require failure; returns the errno */
  errno(command: Loose<Command>): string;
  /** run and require failure (as `errno` does); returns "ERRNO: message", what the person at the terminal reads */
  why(command: Loose<Command>): string;
  /** run and require failure (as `errno` does); returns the whole error: errno, sentence and the words a reader of another language gets */
  refusal(command: Loose<Command>): LabError;
}

export function session(config: Partial<LabConfig> = {}): Session {
  const boot = createLab(config);
  const s: Session = {
    state: boot.state,
    events: [...boot.events],
    run(command) {
      const step = apply(s.state, { by: SCP, ...command } as Command);
      s.state = step.state;
      s.events.push(...step.events);
      assertInvariants(s.state);
      return step;
    },
    ok(command) {
      const step = s.run(command);
      if (!step.result.ok) throw new Error(`${command.kind} failed: ${step.result.error.errno} ${step.result.error.message}`);
      return step.result.value;
    },
    errno(command) {
      return refused(command).errno;
    },
    why(command) {
      const error = refused(command);
      return `${error.errno}: ${error.message}`;
    },
    refusal(command) {
      return refused(command);
    },
  };
  /** run `command` and require that it failed and left the state as it was */
  function refused(command: Loose<Command>) {
    const before = s.state;
    const step = s.run(command);
    if (step.result.ok) throw new Error(`${command.kind} succeeded with ${JSON.stringify(step.result.value)}; an error was expected`);
    // a refusal the machine decided (a policy denial) keeps its events, so only the clock and the sequence move
    const same = step.state === before
      || (step.result.error.decided === true && JSON.stringify({ ...step.state, clock: 0, seq: 0 }) === JSON.stringify({ ...before, clock: 0, seq: 0 }));
    if (!same) throw new Error(`${command.kind} was rejected but changed the state`);
    if (!step.result.error.decided && step.events.length > 0) throw new Error(`${command.kind} was rejected but left events in the trace`);
    return step.result.error;
  }
  return s;
}

export const valueOf = (r: Result) => (r.ok ? r.value : undefined);

/** The tags of events since index `from`, in order. */
export const tagsSince = (s: Session, from: number) => s.events.slice(from).map((e) => e.tag);

/** Connect A (client) to B (server) through B's control signal port; returns both sides' channel ports. */
export function connectGuests(s: Session, client = A, server = B) {
  s.ok({ kind: 'channel.connect', by: client, target: server });
  const sig = s.ok({ kind: 'signal.take', by: server }) as { sig: number };
  const step = s.run({ kind: 'signal.permit', by: server, sig: sig.sig as never });
  if (!step.result.ok) throw new Error(step.result.error.message);
  const clientPort = step.completions.find((c) => c.pid === client)!.result;
  return { server: step.result.value as number, client: (clientPort as { value: number }).value };
}

/**
 * On `s`: the system control program serves service 7 (virtual files, or
 * direct map with `mode`) and answers requests for mem itself (policy.ask);
 * A connects to it there, then asks for `amount` mem past its limit of 16
 * and waits for the answer [0080], [0049]. Returns the program's fd for A.
 */
export function askPastLimit(s: Session, { mode = 'vfile', amount = 20 }: { mode?: 'vfile' | 'map'; amount?: number } = {}): number {
  const fd = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode }) as number;
  s.ok({ kind: 'sys.bind', fd, service: 7 });
  s.ok({ kind: 'sys.listen', fd, permit: true });
  s.ok({ kind: 'channel.connectService', by: A, service: 7 });
  const comm = s.ok({ kind: 'sys.accept', fd }) as number;
  s.ok({ kind: 'policy.ask', resource: 'mem', ask: true });
  s.run({ kind: 'resource.request', by: A, resource: 'mem', amount });
  return comm;
}

/** A new session in which A waits for the program's answer to 20 mem past its limit (askPastLimit). */
export function askingPastLimit(): Session {
  const s = session();
  askPastLimit(s);
  return s;
}

/**
 * The system control program serves service 7 (virtual files, its fd `fa`
 * for A) and 9 (direct map, `fb` for B), and answers requests for mem itself
 * (policy.ask); A is connected on 7, B on 9 [0080], [0049].
 */
export function programServing(): Session & { fa: number; fb: number } {
  const s = session();
  const files = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
  s.ok({ kind: 'sys.bind', fd: files, service: 7 });
  s.ok({ kind: 'sys.listen', fd: files, permit: true });
  const maps = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'map' }) as number;
  s.ok({ kind: 'sys.bind', fd: maps, service: 9 });
  s.ok({ kind: 'sys.listen', fd: maps, permit: true });
  s.ok({ kind: 'channel.connectService', by: A, service: 7 });
  const fa = s.ok({ kind: 'sys.accept', fd: files }) as number;
  s.ok({ kind: 'channel.connectService', by: B, service: 9 });
  const fb = s.ok({ kind: 'sys.accept', fd: maps }) as number;
  s.ok({ kind: 'policy.ask', resource: 'mem', ask: true });
  return Object.assign(s, { fa, fb });
}

/** `by` asks for `amount` of a resource (mem unless named). */
export const requestBy = (s: Session, by: Pid, amount: number, resource: 'mem' | 'cache' = 'mem') => s.run({ kind: 'resource.request', by, resource, amount });
