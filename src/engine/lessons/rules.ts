// Checks for lessons and challenges, written as rules over the machine and
// the names the student bound: plain data, so a lesson is data too, and each
// failing rule can say in plain words what is wrong and what to look at.
//
// A check tests what the machine did, not what the student called things
// (docs/lesson-format.md): "an accepted communication socket exists", "a read
// answered with a virtual file", "the program's deny refused B". The rules
// that read a name the student bound (`bound`, `mapped`, `pending` with a
// name, `typed`) are kept for a lesson whose narration asks for that name;
// `NAME_PARAMS` says which parameters those are, so the builder can warn and
// a test can hold every built-in lesson to it.

import type { LabState, Pid, ResourceKind } from '../types.js';
import { SCP_PID } from '../types.js';
import { assertNever } from '../assertNever.js';
import type { Output, ShellState } from '../shell/shell.js';
import { framesOf, ownerOfFrame } from '../views/inspect.js';
import { usageOf } from '../partition/partitions.js';
import { resolveAddress } from '../memory/areas.js';
import { traceOf } from '../timeline/timeline.js';
import type { EventKind } from '../event.js';
import { show } from '../shell/values.js';

export type Compare = '==' | '>=' | '<=' | '>';

/** What a `count` rule counts. */
export const COUNT_WHAT = ['framesOf', 'framesFree', 'channels', 'files', 'fds', 'queued', 'accepted', 'listening', 'areas', 'shared'] as const;
export type CountWhat = (typeof COUNT_WHAT)[number];
/** The counts that are of one partition: they need its name, and a partition that does not exist fails them. */
const COUNT_OF_ONE: ReadonlySet<CountWhat> = new Set(['framesOf', 'queued', 'areas', 'shared']);

/**
 * The parameters that hold a name the student types (a variable, the start of
 * a line): a check with one passes only if the student used that name, so the
 * step's narration must ask for it. The rest of every rule reads the machine.
 */
export const NAME_PARAMS: { readonly [K in Rule['kind']]?: readonly string[] } = {
  bound: ['name'],
  mapped: ['name'],
  pending: ['name'],
  typed: ['start'],
};

/** Does a text (a step's narration, a challenge's goal) name this name as a word of its own? */
export function asksFor(text: string, name: string): boolean {
  if (name === '') return false;
  const word = /[A-Za-z0-9_]/;
  // a boundary is needed only where the name itself ends in a letter: "compare(" is asked for by "compare(bytes)"
  const head = word.test(name[0]!) ? '(^|[^A-Za-z0-9_])' : '';
  const tail = word.test(name[name.length - 1]!) ? '($|[^A-Za-z0-9_])' : '';
  return new RegExp(`${head}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${tail}`).test(text);
}

/** The names a rule depends on (empty for a rule that reads only the machine). */
export function namesOf(rule: Rule): string[] {
  const keys = NAME_PARAMS[rule.kind] ?? [];
  return keys.flatMap((k) => {
    const v = (rule as unknown as Record<string, unknown>)[k];
    return typeof v === 'string' ? [v] : [];
  });
}

/**
 * The call a line makes, as typed: `conn = accept(sock)` and `@A accept(s)`
 * both call accept; a bare word (`lpars`) is its own call.
 */
export function callOfLine(input: string): string | null {
  const line = afterContext(input).replace(/^[A-Za-z_]\w*\s*=(?!=)\s*/, '');
  return /^([A-Za-z_]\w*)/.exec(line)?.[1] ?? null;
}

function callOfOutput(o: Output): string | null {
  return o.kind === 'complete' ? o.call : callOfLine(o.input);
}

export type Rule =
  /** a name the student bound holds a value (of a kind, with a field) */
  | { readonly kind: 'bound'; readonly name: string; readonly field?: string }
  /** a context is suspended in a call, or (call null) not suspended at all */
  | { readonly kind: 'waiting'; readonly ctx: string; readonly call: string | null }
  /** an address held by a name is, or is not, mapped in a context's space */
  | { readonly kind: 'mapped'; readonly ctx: string; readonly name: string; readonly field?: string; readonly mapped: boolean }
  /** a number of the machine compared with a value */
  | { readonly kind: 'count'; readonly what: CountWhat; readonly ctx?: string; readonly op: Compare; readonly value: number }
  /** a partition is active or has ended */
  | { readonly kind: 'status'; readonly ctx: string; readonly status: 'active' | 'ended' }
  /** a partition's use of a resource or its limit; without ctx, any guest's (a goal that says "a guest") */
  | { readonly kind: 'resource'; readonly ctx?: string; readonly resource: ResourceKind; readonly of: 'used' | 'limit'; readonly op: Compare; readonly value: number }
  /**
   * an event with this patent tag (and of this kind, if given; to or from this partition, if given)
   * happened since the step began: at least `times` times (default once), and after an event of kind `after`, if given
   */
  | { readonly kind: 'tag'; readonly tag: string; readonly event?: EventKind; readonly ctx?: string; readonly times?: number; readonly after?: EventKind }
  /**
   * since the step began, a call (in a context; of this name, if given) answered with this errno,
   * or printed this value (`= value`), or one containing `text`, or a record with this `field`
   */
  | { readonly kind: 'answer'; readonly ctx?: string; readonly call?: string; readonly errno?: string; readonly value?: string; readonly text?: string; readonly field?: string }
  /** since the step began, a select answered with the communication socket to this partition among those ready */
  | { readonly kind: 'selected'; readonly ctx: string }
  /** the student typed a line starting with this text, after any @ctx (for steps that ask to look at something) */
  | { readonly kind: 'typed'; readonly start: string; readonly says: string }
  /**
   * the pending bit of the event receive port a name holds; without a name, of
   * the context's own receive ports (not those tied to a message port or to the
   * control signal port): pending, some of them is; not pending, none is
   */
  | { readonly kind: 'pending'; readonly ctx: string; readonly name?: string; readonly pending: boolean }
  /** a physical frame's owner: a partition's name, "control" or "free" */
  | { readonly kind: 'owner'; readonly frame: number; readonly ctx: string }
  /** an fd of the system control program's kernel is open, or not */
  | { readonly kind: 'fd'; readonly fd: number; readonly open: boolean }
  /** the policy's ceiling for a resource compared with a value; with `ask`, whether the program answers its requests itself [0049], [0080] */
  | { readonly kind: 'policy'; readonly resource: ResourceKind; readonly op: Compare; readonly value: number; readonly ask?: boolean };

/** What a check looks at: the shell, and what the step has seen since it began. */
export interface CheckContext {
  readonly shell: ShellState;
  /** outputs printed since the step began */
  readonly outputs: readonly Output[];
  /** the trace sequence number where the step began */
  readonly since: number;
}

/** What a view outlines to show a learner where to look: the page's one highlight type. */
export interface Highlight {
  readonly view: 'memory' | 'sockets' | 'layers' | 'sequence' | 'terminal';
  readonly frames?: readonly number[];
  readonly ctx?: string;
}

export interface RuleResult {
  readonly ok: boolean;
  /** the rule in plain words */
  readonly says: string;
  /** when it fails: what is true instead */
  readonly why?: string;
  /** what a view should highlight to show the problem */
  readonly highlight?: Highlight;
}

const compare = (a: number, op: Compare, b: number) => (op === '==' ? a === b : op === '>=' ? a >= b : op === '<=' ? a <= b : a > b);

function pidOf(state: LabState, ctx: string): Pid | null {
  return Object.values(state.partitions).find((p) => p.name === ctx)?.pid ?? null;
}

function numberOf(shell: ShellState, name: string, field?: string): number | null {
  const v = shell.vars[name];
  const inner = field && v?.t === 'rec' ? v.fields[field] : v;
  if (!inner) return null;
  return inner.t === 'int' || inner.t === 'addr' || inner.t === 'handle' ? inner.n : null;
}

/** A typed line without its leading spaces and `@ctx`: what the `typed` rule compares with. */
export const afterContext = (input: string) => input.replace(/^\s*@\w+\s+/, '').trimStart();

/** The pending bits of a partition's own event receive ports: not a message port's, not the control signal port's. */
function anyPending(state: LabState, ctx: string, pending: boolean): RuleResult {
  const says = pending ? `an event is pending at a receive port of ${ctx}` : `no event is pending at ${ctx}'s receive ports`;
  const pid = pidOf(state, ctx);
  if (pid === null) return { ok: false, says, why: `there is no partition ${ctx}`, highlight: { view: 'layers' } };
  const p = state.partitions[pid]!;
  const tied = new Set<number>(Object.values(p.ports).flatMap((q) => (q.kind === 'message' ? [q.eventPort] : [])));
  if (p.signalNotify !== null) tied.add(p.signalNotify);
  const own = Object.values(p.ports).filter((q) => q.kind === 'eventRecv' && !tied.has(q.no));
  const set = own.filter((q) => q.kind === 'eventRecv' && q.pending).length;
  if (pending) return set > 0 ? { ok: true, says } : { ok: false, says, why: own.length ? 'every bit is clear' : `${ctx} has no event receive port`, highlight: { view: 'memory', ctx } };
  return set === 0 ? { ok: true, says } : { ok: false, says, why: `${set} bit${set === 1 ? ' is' : 's are'} still set`, highlight: { view: 'memory', ctx } };
}

export function checkRule(rule: Rule, c: CheckContext): RuleResult {
  const state = c.shell.timeline.current;
  switch (rule.kind) {
    case 'bound': {
      const v = c.shell.vars[rule.name];
      const says = rule.field ? `${rule.name} holds a record with ${rule.field}` : `${rule.name} holds a value`;
      if (!v) return { ok: false, says, why: `${rule.name} is not bound yet`, highlight: { view: 'terminal' } };
      if (rule.field && (v.t !== 'rec' || !v.fields[rule.field])) return { ok: false, says, why: `${rule.name} has no field ${rule.field}`, highlight: { view: 'terminal' } };
      return { ok: true, says };
    }
    case 'waiting': {
      const pid = pidOf(state, rule.ctx);
      const says = rule.call ? `${rule.ctx} is suspended in ${rule.call}` : `${rule.ctx} is not suspended in any call`;
      // a partition that does not exist is not "not suspended": a misspelt name must not pass
      if (pid === null) return { ok: false, says, why: `there is no partition ${rule.ctx}`, highlight: { view: 'layers' } };
      const wait = state.partitions[pid]!.wait;
      const ok = rule.call ? wait?.call === rule.call : wait === null;
      return ok ? { ok, says } : { ok, says, why: wait ? `${rule.ctx} is suspended in ${wait.call}` : `${rule.ctx} is running`, highlight: { view: rule.ctx === 'scp' ? 'sockets' : 'layers', ctx: rule.ctx } };
    }
    case 'mapped': {
      const pid = pidOf(state, rule.ctx);
      const addr = numberOf(c.shell, rule.name, rule.field);
      const what = `${rule.name}${rule.field ? `.${rule.field}` : ''}`;
      const says = `${rule.ctx} ${rule.mapped ? 'has' : 'has no'} mapping at ${what}`;
      if (pid === null || addr === null) return { ok: false, says, why: `${what} is not an address yet`, highlight: { view: 'terminal' } };
      const at = resolveAddress(state, state.partitions[pid]!, addr);
      const frames = at ? [...at.area.frames] : [];
      return !!at === rule.mapped ? { ok: true, says } : { ok: false, says, why: at ? `${rule.ctx} still maps frames ${frames.join(', ')} at 0x${addr.toString(16)}` : `nothing is mapped at 0x${addr.toString(16)} in ${rule.ctx}`, highlight: { view: 'memory', frames, ctx: rule.ctx } };
    }
    case 'count': {
      const pid = rule.ctx ? pidOf(state, rule.ctx) : null;
      const subject = {
        framesOf: `frames owned by ${rule.ctx}`, framesFree: 'free frames', channels: 'message channels', files: 'virtual files under /msg', fds: 'open fds of the kernel',
        queued: `messages waiting at ${rule.ctx}'s ports`, accepted: `accepted communication sockets${rule.ctx ? ` to ${rule.ctx}` : ''}`, listening: 'listening connection sockets',
        areas: `message areas mapped in ${rule.ctx}`, shared: `shared areas mapped in ${rule.ctx}`,
      }[rule.what];
      const says = `${subject} ${rule.op === '==' ? 'is' : rule.op} ${rule.value}`;
      // a count of a partition that does not exist is not 0: a misspelt name must not pass "== 0" (issue 18)
      if (rule.ctx !== undefined && pid === null) return { ok: false, says, why: `there is no partition ${rule.ctx}`, highlight: { view: 'layers' } };
      if (COUNT_OF_ONE.has(rule.what) && pid === null) return { ok: false, says, why: 'the check names no partition', highlight: { view: 'layers' } };
      let value = 0;
      if (rule.what === 'framesOf') value = pid === null ? 0 : framesOf(state, pid);
      if (rule.what === 'framesFree') value = state.frames.free;
      if (rule.what === 'channels') value = Object.keys(state.channels).length;
      if (rule.what === 'files') value = Object.keys(state.kernel.files).length;
      if (rule.what === 'fds') value = Object.keys(state.kernel.fds).length;
      if (rule.what === 'queued' && pid !== null) {
        for (const port of Object.values(state.partitions[pid]!.ports)) if (port.kind === 'message') value += port.queue.length;
      }
      const fds = Object.values(state.kernel.fds);
      // a communication socket is what accept made (S204 (b)); its peer is the guest at the other end
      if (rule.what === 'accepted') value = fds.filter((e) => e.kind === 'comm' && (pid === null || e.peer === pid)).length;
      if (rule.what === 'listening') value = fds.filter((e) => e.kind === 'socket' && e.listening && e.service !== null).length;
      if ((rule.what === 'areas' || rule.what === 'shared') && pid !== null) {
        const kind = rule.what === 'areas' ? 'message' : 'shared';
        value = Object.values(state.areas).filter((a) => a.kind === kind && a.maps.some((m) => m.pid === pid)).length;
      }
      const view = rule.what === 'files' || rule.what === 'fds' || rule.what === 'accepted' || rule.what === 'listening' ? 'sockets' : 'memory';
      return compare(value, rule.op, rule.value) ? { ok: true, says } : { ok: false, says, why: `it is ${value}`, highlight: { view, ...(rule.ctx ? { ctx: rule.ctx } : {}) } };
    }
    case 'status': {
      const pid = pidOf(state, rule.ctx);
      const status = pid === null ? 'missing' : state.partitions[pid]!.status;
      const says = `${rule.ctx} is ${rule.status}`;
      return status === rule.status ? { ok: true, says } : { ok: false, says, why: pid === null ? `there is no partition ${rule.ctx}` : `${rule.ctx} is ${status}`, highlight: { view: 'layers', ctx: rule.ctx } };
    }
    case 'resource': {
      const says = `${rule.ctx ?? 'a guest'}'s ${rule.resource} ${rule.of} ${rule.op === '==' ? 'is' : rule.op} ${rule.value}`;
      const valueOf = (pid: Pid) => (rule.of === 'used' ? usageOf(state, pid)[rule.resource] : state.partitions[pid]!.limits[rule.resource]);
      if (rule.ctx === undefined) {
        // any active guest will do: the goal names no one
        const guests = Object.values(state.partitions).filter((p) => p.status === 'active' && p.pid !== SCP_PID);
        const seen = guests.map((p) => `${p.name}: ${valueOf(p.pid) ?? 'unlimited'}`);
        return guests.some((p) => { const v = valueOf(p.pid); return v !== null && compare(v, rule.op, rule.value); })
          ? { ok: true, says }
          : { ok: false, says, why: `no guest has it (${seen.join(', ')})`, highlight: { view: 'layers' } };
      }
      const pid = pidOf(state, rule.ctx);
      if (pid === null || state.partitions[pid]!.status !== 'active') return { ok: false, says, why: `${rule.ctx} is not an active partition`, highlight: { view: 'layers' } };
      const value = valueOf(pid);
      return value !== null && compare(value, rule.op, rule.value) ? { ok: true, says } : { ok: false, says, why: `it is ${value ?? 'unlimited'}`, highlight: { view: 'layers', ctx: rule.ctx } };
    }
    case 'tag': {
      const times = rule.times ?? 1;
      const says = `the machine has done ${rule.tag}${rule.event ? ` (${rule.event})` : ''}${rule.ctx ? ` with ${rule.ctx}` : ''}${times > 1 ? ` ${times} times` : ''}${rule.after ? ` after ${rule.after}` : ''}`;
      const pid = rule.ctx === undefined ? null : pidOf(state, rule.ctx);
      if (rule.ctx !== undefined && pid === null) return { ok: false, says, why: `there is no partition ${rule.ctx}`, highlight: { view: 'layers' } };
      let seen = 0;
      let started = rule.after === undefined;
      for (const e of traceOf(c.shell.timeline)) {
        if (e.seq < c.since) continue;
        if (e.tag === rule.tag && (!rule.event || e.kind === rule.event) && (pid === null || e.from === pid || e.to === pid) && started) seen += 1;
        // the order is the machine's: an event counts only once the one it must follow has happened
        if (!started && e.kind === rule.after) started = true;
      }
      if (seen >= times) return { ok: true, says };
      const why = seen === 0 ? `no ${rule.tag} event${rule.ctx ? ` with ${rule.ctx}` : ''}${rule.after ? ` after ${rule.after}` : ''} yet` : `only ${seen} so far`;
      return { ok: false, says, why, highlight: { view: 'sequence' } };
    }
    case 'answer': {
      const wanted = rule.errno ?? (rule.value !== undefined ? `= ${rule.value}` : rule.field !== undefined ? `a record with ${rule.field}` : `something with "${rule.text}"`);
      const says = `${rule.call ? `${rule.call} in ${rule.ctx ?? 'some context'}` : rule.ctx ?? 'a call'} got ${wanted}`;
      const seen = c.outputs.some((o) => {
        if (rule.ctx && o.ctx !== rule.ctx) return false;
        if (rule.call && callOfOutput(o) !== rule.call) return false;
        if (rule.errno) return (o.kind === 'error' && o.errno === rule.errno) || (o.kind === 'complete' && !o.result.ok && o.result.errno === rule.errno);
        const value = o.kind === 'result' ? o.value : o.kind === 'complete' && o.result.ok ? o.result.value : null;
        if (value === null) return false;
        if (rule.value !== undefined) return show(value) === rule.value;
        if (rule.field !== undefined) return value.t === 'rec' && value.fields[rule.field] !== undefined;
        return rule.text !== undefined && show(value).includes(rule.text);
      });
      return seen ? { ok: true, says } : { ok: false, says, why: 'not seen in the terminal yet', highlight: { view: 'terminal' } };
    }
    case 'selected': {
      const says = `select answered with the socket to ${rule.ctx}`;
      const pid = pidOf(state, rule.ctx);
      if (pid === null) return { ok: false, says, why: `there is no partition ${rule.ctx}`, highlight: { view: 'layers' } };
      // the fds select named, read against the kernel's table as it is: which guest each one talks to
      const toPeer = (n: number) => { const e = state.kernel.fds[n]; return e?.kind === 'comm' && e.peer === pid; };
      const seen = c.outputs.some((o) => {
        if (o.ctx !== 'scp' || callOfOutput(o) !== 'select') return false;
        const value = o.kind === 'result' ? o.value : o.kind === 'complete' && o.result.ok ? o.result.value : null;
        return value?.t === 'list' && value.items.some((v) => (v.t === 'int' || v.t === 'handle') && toPeer(v.n));
      });
      return seen ? { ok: true, says } : { ok: false, says, why: `no select has named the socket to ${rule.ctx} yet`, highlight: { view: 'sockets' } };
    }
    case 'typed': {
      const ok = c.outputs.some((o) => afterContext(o.input).startsWith(rule.start));
      return ok ? { ok, says: rule.says } : { ok, says: rule.says, why: 'not typed yet', highlight: { view: 'terminal' } };
    }
    case 'pending': {
      if (rule.name === undefined) return anyPending(state, rule.ctx, rule.pending);
      const pid = pidOf(state, rule.ctx);
      const port = numberOf(c.shell, rule.name);
      const says = `${rule.ctx}'s port ${rule.name} ${rule.pending ? 'has' : 'has no'} event pending`;
      const p = pid === null || port === null ? undefined : state.partitions[pid]!.ports[port as never];
      if (!p || p.kind !== 'eventRecv') return { ok: false, says, why: `${rule.name} is not an event receive port of ${rule.ctx}`, highlight: { view: 'memory', ctx: rule.ctx } };
      return p.pending === rule.pending ? { ok: true, says } : { ok: false, says, why: `the bit is ${p.pending ? 'set' : 'clear'}`, highlight: { view: 'memory', ctx: rule.ctx } };
    }
    case 'owner': {
      const says = rule.ctx === 'free' ? `frame ${rule.frame} is free` : `frame ${rule.frame} is owned by ${rule.ctx}`;
      const owner = ownerOfFrame(state, rule.frame);
      if (owner === null) return { ok: false, says, why: `there is no frame ${rule.frame} (the machine has ${state.frames.count})`, highlight: { view: 'memory' } };
      return owner === rule.ctx ? { ok: true, says } : { ok: false, says, why: owner === 'free' ? 'it is free' : `${owner} owns it`, highlight: { view: 'memory', frames: [rule.frame] } };
    }
    case 'fd': {
      const says = `fd ${rule.fd} ${rule.open ? 'is open' : 'is closed'}`;
      const entry = state.kernel.fds[rule.fd];
      return !!entry === rule.open ? { ok: true, says } : { ok: false, says, why: entry ? `fd ${rule.fd} is an open ${entry.kind}` : `there is no fd ${rule.fd}`, highlight: { view: 'sockets' } };
    }
    case 'policy': {
      const ceiling = state.policy.ceiling[rule.resource];
      const asks = state.policy.ask.includes(rule.resource);
      const mode = rule.ask === undefined ? '' : rule.ask ? ', answered by the program itself' : ', answered by the ceiling';
      const says = `the policy's ceiling for ${rule.resource} ${rule.op === '==' ? 'is' : rule.op} ${rule.value}${mode}`;
      const why = `the ceiling is ${ceiling ?? 'not set'} and requests are answered by ${asks ? 'the program itself' : 'the ceiling'}`;
      const ok = ceiling !== undefined && compare(ceiling, rule.op, rule.value) && (rule.ask === undefined || rule.ask === asks);
      return ok ? { ok, says } : { ok, says, why, highlight: { view: 'layers', ctx: 'scp' } };
    }
    default:
      return assertNever(rule);
  }
}

