// The lab: `createLab(config)` boots the machine, `apply(state, command)`
// carries out one command and returns the next state, the events it caused
// and its result. A rejected command returns the very same state.

import type { Command } from './command.js';
import type { Completion, LabConfig, LabState, Partition, Pid, Result, Wait } from './types.js';
import { asPid, CONTROL_OS, SCP_PID } from './types.js';
import type { LabEvent } from './event.js';
import { CONTROL_LANE } from './event.js';
import { DEFAULT_COSTS, COST_PARAMS } from './costs/costModel.js';
import { claimFrames, createFrameTable } from './memory/frameTable.js';
import { createMachine, runSlice } from './machine/processors.js';
import { seedRng } from './machine/rng.js';
import type { Tx } from './tx.js';
import { emit, fail, ok, openTx, PENDING, updatePartition } from './tx.js';
import { createPartition, endPartition, limitPartition, NAME_PATTERN } from './partition/lifecycle.js';
import { releaseResource, requestResource, REQUESTABLE } from './policy/requests.js';
import { answerAsk } from './policy/asks.js';
import { createRecvPort, pollEvent, sendEvent } from './ports/eventPorts.js';
import { setSignalNotify, takeSignal } from './ports/controlSignals.js';
import { denySignal, interruptWait, permitSignal, requestChannel, requestEventConnect, requestShare } from './channels/connections.js';
import { closeChannel, freeArea, readMemory, receive, reserveArea, sendArea, writeMemory } from './channels/messages.js';
import { assertNever } from './assertNever.js';
import { settle } from './wake.js';
import { acceptSocket, bindSocket, closeFd, connectService, listenSocket, openSocket, setPermission } from './kernel/sockets.js';
import { closeFile, newMessage, openFile, readFd, selectFds, unlinkMessage, writeFd } from './kernel/io.js';
import { EMPTY_KERNEL } from './kernel/fdTable.js';
import { RESOURCE_KINDS } from './types.js';
import { callOfCommand, roleOfCommand } from './shell/calls.js';
import type { Words } from './words.js';
import { words } from './words.js';

export const DEFAULT_CONFIG: LabConfig = { seed: 1, frames: 256, groups: 3, unitsPerGroup: 8 };

export const MIN_FRAMES = 128;
export const MAX_FRAMES = 1 << 20;
/** Frames the control OS keeps for itself: its code and the page tables it manages [0050]. */
export const CONTROL_OS_FRAMES = 16;

export interface Step {
  readonly state: LabState;
  readonly events: readonly LabEvent[];
  readonly result: Result;
  /** calls of other partitions (or this one) that were suspended and have now returned */
  readonly completions: readonly Completion[];
  /** set when the command's own call suspended: it completes in a later step */
  readonly suspended: Wait | null;
}

export function checkConfig(config: LabConfig): string | null {
  if (!Number.isInteger(config.frames) || config.frames < MIN_FRAMES || config.frames > MAX_FRAMES) {
    return `frames must be a whole number from ${MIN_FRAMES} to ${MAX_FRAMES}`;
  }
  if (!Number.isInteger(config.groups) || config.groups < 2 || config.groups > 8) return 'groups must be 2 to 8 (a main group and sub-processor groups)';
  if (!Number.isInteger(config.unitsPerGroup) || config.unitsPerGroup < 2 || config.unitsPerGroup > 16) return 'units per group must be 2 to 16';
  if (!Number.isInteger(config.seed) || config.seed < 0 || config.seed > 0xffffffff) return 'the seed is a whole number from 0 to 4294967295';
  return null;
}

/**
 * Boot: the control OS takes its frames, the system control OS starts in
 * partition 1, and its program starts guests A and B in its set order [0049],
 * each with 32 pages and two logical processors. A's second processor spans
 * two units and B's two share one, so all three placements of [0054] show.
 */
export function createLab(partial: Partial<LabConfig> = {}): { state: LabState; events: readonly LabEvent[] } {
  const config = { ...DEFAULT_CONFIG, ...partial };
  const problem = checkConfig(config);
  if (problem) throw new Error(`invalid lab configuration: ${problem}`);
  const control = claimFrames(createFrameTable(config.frames), CONTROL_OS_FRAMES, CONTROL_OS, 0)!;
  const empty: LabState = {
    config,
    clock: 0,
    rng: seedRng(config.seed),
    seq: 0,
    machine: createMachine(config.groups, config.unitsPerGroup),
    frames: control.table,
    partitions: {},
    nextPid: 1,
    channels: {},
    nextChan: 1,
    areas: {},
    signals: {},
    nextSig: 1,
    policy: { ceiling: { mem: 64, devices: 2, cache: 4, bus: 50 }, ask: [] },
    asks: {},
    nextAsk: 1,
    costs: DEFAULT_COSTS,
    kernel: EMPTY_KERNEL,
  };
  const tx = openTx(empty);
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: '[0050]', kind: 'resource.alloc', from: CONTROL_LANE, to: CONTROL_LANE, frames: control.frames,
    say: ['boot.control', CONTROL_OS_FRAMES - 1],
  });
  const u = config.unitsPerGroup;
  const boot = [
    createPartition(tx, 'scp', 'system', 16, 1, [[0]]),
    createPartition(tx, 'A', 'guest', 32, 2, [[1], [u, u + 1]]),
    createPartition(tx, 'B', 'guest', 32, 2, [[2], [2]]),
  ];
  if (boot.some((r) => !r.ok)) throw new Error('invariant: the default machine failed to boot');
  for (const pid of [asPid(2), asPid(3)]) {
    limitPartition(tx, pid, 'mem', 16);
    limitPartition(tx, pid, 'events', 16);
  }
  return { state: tx.s, events: tx.events };
}

/** Carry out one command. Pure: `state` is not changed, and a rejected command returns it as it was. */
export function apply(state: LabState, command: Command): Step {
  return applyWith(openTx(state), state, command);
}

/**
 * The same, also giving the state right after each of its events, so a view
 * can show the command's micro-steps one at a time (moments[i] follows events[i]).
 */
export function applyTraced(state: LabState, command: Command): Step & { readonly moments: readonly LabState[] } {
  const tx = openTx(state, true);
  const step = applyWith(tx, state, command);
  return { ...step, moments: step.result.ok || step.events.length > 0 ? tx.moments! : [] };
}

function applyWith(tx: Tx, state: LabState, command: Command): Step {
  const { result, suspended } = run(tx, command);
  if (!result.ok && result.error.decided) {
    // the machine decided to refuse: nothing changes but the clock and the trace
    return { state: { ...state, clock: tx.s.clock, seq: tx.s.seq }, events: tx.events, result, completions: [], suspended: null };
  }
  if (!result.ok) return { state, events: [], result, completions: [], suspended: null };
  return { state: tx.s, events: tx.events, result, completions: tx.completions, suspended };
}

function run(tx: Tx, command: Command): { result: Result; suspended: Wait | null } {
  const by = tx.s.partitions[command.by];
  if (!by) return done(fail('ESRCH', `there is no partition ${command.by}`, words('error.lab.thereNoPartition', { by: command.by })));
  if (by.status !== 'active') return done(fail('ESRCH', `${by.name} has ended: it can no longer make calls`, words('error.lab.hasEndedCan', { name: by.name })));
  if (by.wait && command.kind !== 'call.interrupt') {
    return done(fail('EAGAIN', `${by.name} is suspended in ${by.wait.call}; interrupt it (Ctrl-C) or let it complete first`, words('error.lab.suspendedInterruptCtrl', { name: by.name, call: by.wait.call })));
  }
  const result = dispatch(tx, by, command);
  if (!result.ok) return done(result);
  settle(tx);
  const after = tx.s.partitions[by.pid];
  const suspended = after?.wait && !by.wait ? after.wait : null;
  return { result, suspended };
}

const done = (result: Result) => ({ result, suspended: null });

function scpOnly(by: Partition, what: string, whatWords: Words): Result | null {
  return by.pid === SCP_PID ? null : fail('EACCES', `only the system control program may ${what}; ${by.name} is a guest`, words('error.lab.onlySystemControl', { what: whatWords, name: by.name }));
}

/** The guest OS programming interface [0047] is for guests; the system control program uses sockets. */
function guestOnly(by: Partition, call: string): Result | null {
  return by.role === 'guest' ? null : fail('EACCES', `${call} is a guest call; the system control program talks to guests through sockets`, words('error.lab.guestCallSystem', { call }));
}

/** What a guest may not do, for the commands only the system control program may make that are not socket calls. */
const SCP_WORK: Partial<Record<Command['kind'], string>> = {
  'lpar.create': 'create partitions', 'lpar.limit': 'set limits', 'policy.set': 'set the policy', 'policy.ask': 'set the policy',
  'resource.answer': 'answer resource requests',
};
const SCP_WORK_KEY: Partial<Record<Command['kind'], string>> = {
  'lpar.create': 'error.scpWork.create', 'lpar.limit': 'error.scpWork.limit', 'policy.set': 'error.scpWork.policy', 'policy.ask': 'error.scpWork.policy',
  'resource.answer': 'error.scpWork.answer',
};

function dispatch(tx: Tx, by: Partition, command: Command): Result {
  // who may make which command is read from the table of calls, where each call declares its side once
  const role = roleOfCommand(command.kind);
  if (role === 'guest') {
    const denied = guestOnly(by, command.kind);
    if (denied) return denied;
  }
  if (role === 'scp') {
    const key = SCP_WORK_KEY[command.kind];
    const denied = scpOnly(by, SCP_WORK[command.kind] ?? `make the system call ${callOfCommand(command.kind)}()`, key ? words(key) : words('error.scpWork.call', { call: callOfCommand(command.kind) }));
    if (denied) return denied;
  }
  switch (command.kind) {
    case 'lpar.create':
      if (!NAME_PATTERN.test(command.name)) {
        return fail('EINVAL', `a partition name starts with a capital letter and has at most 16 letters or digits; ${JSON.stringify(command.name)} does not`, words('error.lab.partitionNameStarts', { name: JSON.stringify(command.name) }));
      }
      return createPartition(tx, command.name, 'guest', command.memPages, command.processors);
    case 'lpar.limit':
      if (!RESOURCE_KINDS.includes(command.resource)) return fail('EINVAL', `unknown resource ${String(command.resource)}`, words('error.lab.unknownResource', { resource: String(command.resource) }));
      return limitPartition(tx, command.pid, command.resource, command.amount);
    case 'lpar.end':
      // [0053] a partition ends at the request of its own guest OS; the system
      // control program ending another one is the lab's extension
      if (command.pid !== by.pid) {
        const denied = scpOnly(by, 'end another partition', words('error.scpWork.end'));
        if (denied) return denied;
      }
      return endPartition(tx, command.pid, command.pid === by.pid ? '[0053]' : 'lab:end');
    case 'policy.set': {
      if (!RESOURCE_KINDS.includes(command.resource)) return fail('EINVAL', `unknown resource ${String(command.resource)}`, words('error.lab.unknownResource', { resource: String(command.resource) }));
      if (!Number.isInteger(command.ceiling) || command.ceiling < 0) return fail('EINVAL', `a ceiling is a whole number of at least 0`, words('error.lab.ceilingWholeNumber'));
      tx.s.policy = { ...tx.s.policy, ceiling: { ...tx.s.policy.ceiling, [command.resource]: command.ceiling } };
      emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: '[0049]', kind: 'policy.set', from: SCP_PID, to: SCP_PID, say: ['policy.set', command.ceiling, command.resource] });
      return ok(0);
    }
    case 'policy.ask': {
      if (!(REQUESTABLE as readonly string[]).includes(command.resource)) {
        return fail('EINVAL', `requests are made for ${REQUESTABLE.join(', ')}; ${String(command.resource)} is not one`, words('error.lab.requestsAreMade', { REQUESTABLE: REQUESTABLE.join(', '), resource: String(command.resource) }));
      }
      const rest = tx.s.policy.ask.filter((r) => r !== command.resource);
      tx.s.policy = { ...tx.s.policy, ask: command.ask ? [...rest, command.resource] : rest };
      emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: '[0049]', kind: 'policy.set', from: SCP_PID, to: SCP_PID, say: ['policy.ask', command.resource, command.ask] });
      return ok(0);
    }
    case 'resource.answer': return answerAsk(tx, command.ask, command.grant, command.why);
    case 'cost.set': {
      if (!COST_PARAMS.includes(command.param)) return fail('EINVAL', `unknown cost parameter ${String(command.param)}; known: ${COST_PARAMS.join(', ')}`, words('error.lab.unknownCostParameter', { param: String(command.param), COST_PARAMS: COST_PARAMS.join(', ') }));
      if (!Number.isFinite(command.value) || command.value < 0 || command.value > 1e9) return fail('EINVAL', 'a cost is a number of cycles from 0 to 1e9', words('error.lab.costNumberCycles'));
      tx.s.costs = { ...tx.s.costs, [command.param]: command.value };
      emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'lab:cost', kind: 'cost.set', from: by.pid, to: by.pid, say: ['cost.set', command.param, command.value] });
      return ok(0);
    }
    case 'sched.tick': return tick(tx, command.slices);
    case 'resource.request': return requestResource(tx, by, command.resource, command.amount);
    case 'resource.release': return releaseResource(tx, by, command.resource, command.amount);
    case 'event.port': {
      const port = createRecvPort(tx, by.pid);
      if (port === null) return fail('ENOMEM', `${by.name} is at its event-port or management-memory limit`, words('error.lab.eventPortManagement', { name: by.name }));
      emit(tx, { seq: PENDING, at: PENDING, tag: '[0063]', kind: 'event.port', from: by.pid, to: CONTROL_LANE, port, cost: tx.s.costs.hypercall, say: ['event.port', by.name, port] });
      return ok(port);
    }
    case 'event.connect': return requestEventConnect(tx, by, command.target, command.port);
    case 'event.send': return sendEvent(tx, by, command.port);
    case 'event.poll': return pollEvent(tx, by, command.port);
    case 'signal.notify': return setSignalNotify(tx, by, command.port);
    case 'signal.take': return takeSignal(tx, by);
    case 'signal.permit': return permitSignal(tx, by, command.sig);
    case 'signal.deny': return denySignal(tx, by, command.sig);
    case 'channel.connect': return requestChannel(tx, by, command.target);
    case 'channel.send': return sendArea(tx, by, command.port, command.addr, command.short);
    case 'channel.recv': return receive(tx, by, command.port);
    case 'channel.close': return closeChannel(tx, by, command.port);
    case 'area.reserve': return reserveArea(tx, by, command.bytes);
    case 'area.free': return freeArea(tx, by, command.addr);
    case 'mem.write': return writeMemory(tx, by, command.addr, command.data);
    case 'mem.read': return readMemory(tx, by, command.addr, command.length);
    case 'shm.connect': return requestShare(tx, by, command.target, command.bytes);
    case 'channel.connectService': return connectService(tx, by, command.service);
    case 'sys.socket': return openSocket(tx, command.domain, command.type, command.mode);
    case 'sys.bind': return bindSocket(tx, command.fd, command.service);
    case 'sys.listen': return listenSocket(tx, command.fd, command.permit);
    case 'sys.msgnew': return newMessage(tx, command.fd, command.bytes);
    case 'sys.permit': return setPermission(tx, command.fd, command.pid, true);
    case 'sys.deny': return setPermission(tx, command.fd, command.pid, false);
    case 'sys.accept': return acceptSocket(tx, command.fd);
    case 'sys.read': return readFd(tx, command.fd, command.count);
    case 'sys.write': return writeFd(tx, command.fd, command.data);
    case 'sys.select': return selectFds(tx, command.fds);
    case 'sys.close': {
      const entry = tx.s.kernel.fds[command.fd];
      return entry?.kind === 'file' ? closeFile(tx, entry) : closeFd(tx, command.fd);
    }
    case 'sys.open': return openFile(tx, command.path);
    case 'sys.unlink': return unlinkMessage(tx, command.target);
    case 'call.interrupt': return interruptWait(tx, by);
    default: return assertNever(command);
  }
}

export const MAX_SLICES = 1000;

/**
 * Run the lab's round-robin scheduler for `slices` time slices, counting
 * processor time per partition [0051] a). [0054] places logical processors
 * on units; how a unit is shared over time is the lab's own choice.
 */
function tick(tx: Tx, slices: number): Result {
  if (!Number.isInteger(slices) || slices < 1 || slices > MAX_SLICES) return fail('EINVAL', `slices must be 1 to ${MAX_SLICES}`, words('error.lab.slicesMust', { maxSlices: MAX_SLICES }));
  for (let i = 0; i < slices; i++) {
    const windowStart = tx.s.machine.tick % tx.s.machine.window === 0;
    if (windowStart) {
      for (const p of Object.values(tx.s.partitions)) if (p.cpuUsed) updatePartition(tx, p.pid, (q) => ({ ...q, cpuUsed: 0 }));
    }
    const ranBy = new Map<Pid, number>();
    const slice = runSlice(tx.s, (pid) => {
      const p = tx.s.partitions[pid]!;
      const limit = p.limits.cpu;
      return limit === null || p.cpuUsed + (ranBy.get(pid) ?? 0) < limit;
    }, ranBy);
    tx.s.machine = slice.machine;
    for (const [pid, n] of ranBy) updatePartition(tx, pid, (p) => ({ ...p, cpuUsed: p.cpuUsed + n }));
    const running = slice.ran
      .map((lp, unit) => (lp === null ? null : `${tx.s.partitions[tx.s.machine.lps[lp]!.pid]!.name}.${lp}@${unit}`))
      .filter((x) => x !== null);
    emit(tx, {
      seq: PENDING, at: PENDING,
      tag: 'lab:sched', kind: 'sched.slice', from: CONTROL_LANE, to: CONTROL_LANE, cost: slice.switches * tx.s.costs.contextSwitch,
      say: ['sched.slice', tx.s.machine.tick, running],
    });
  }
  return ok(tx.s.machine.tick);
}
