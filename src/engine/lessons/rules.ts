// Checks for lessons and challenges, written as rules over the machine and
// the names the student bound: plain data, so a lesson is data too, and each
// failing rule can say in plain words what is wrong and what to look at.

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

export type Rule =
  /** a name the student bound holds a value (of a kind, with a field) */
  | { readonly kind: 'bound'; readonly name: string; readonly field?: string }
  /** a context is suspended in a call, or (call null) not suspended at all */
  | { readonly kind: 'waiting'; readonly ctx: string; readonly call: string | null }
  /** an address held by a name is, or is not, mapped in a context's space */
  | { readonly kind: 'mapped'; readonly ctx: string; readonly name: string; readonly field?: string; readonly mapped: boolean }
  /** a number of the machine compared with a value */
  | { readonly kind: 'count'; readonly what: 'framesOf' | 'framesFree' | 'channels' | 'files' | 'fds' | 'queued'; readonly ctx?: string; readonly op: Compare; readonly value: number }
  /** a partition is active or has ended */
  | { readonly kind: 'status'; readonly ctx: string; readonly status: 'active' | 'ended' }
  /** a partition's use of a resource or its limit; without ctx, any guest's (a goal that says "a guest") */
  | { readonly kind: 'resource'; readonly ctx?: string; readonly resource: ResourceKind; readonly of: 'used' | 'limit'; readonly op: Compare; readonly value: number }
  /** an event with this patent tag (and of this kind, if given) happened since the step began */
  | { readonly kind: 'tag'; readonly tag: string; readonly event?: EventKind }
  /** since the step began, a call in a context answered with this errno, or printed this value (`= value`), or one containing `text` */
  | { readonly kind: 'answer'; readonly ctx?: string; readonly errno?: string; readonly value?: string; readonly text?: string }
  /** the student typed a line starting with this text, after any @ctx (for steps that ask to look at something) */
  | { readonly kind: 'typed'; readonly start: string; readonly says: string }
  /** the pending bit of an event receive port held by a name */
  | { readonly kind: 'pending'; readonly ctx: string; readonly name: string; readonly pending: boolean }
  /** a physical frame's owner: a partition's name, "control" or "free" */
  | { readonly kind: 'owner'; readonly frame: number; readonly ctx: string }
  /** an fd of the system control program's kernel is open, or not */
  | { readonly kind: 'fd'; readonly fd: number; readonly open: boolean };

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
      let value = 0;
      if (rule.what === 'framesOf') value = pid === null ? 0 : framesOf(state, pid);
      if (rule.what === 'framesFree') value = state.frames.free;
      if (rule.what === 'channels') value = Object.keys(state.channels).length;
      if (rule.what === 'files') value = Object.keys(state.kernel.files).length;
      if (rule.what === 'fds') value = Object.keys(state.kernel.fds).length;
      if (rule.what === 'queued' && pid !== null) {
        for (const port of Object.values(state.partitions[pid]!.ports)) if (port.kind === 'message') value += port.queue.length;
      }
      const subject = { framesOf: `frames owned by ${rule.ctx}`, framesFree: 'free frames', channels: 'message channels', files: 'virtual files under /msg', fds: 'open fds of the kernel', queued: `messages waiting at ${rule.ctx}'s ports` }[rule.what];
      const says = `${subject} ${rule.op === '==' ? 'is' : rule.op} ${rule.value}`;
      const view = rule.what === 'files' || rule.what === 'fds' ? 'sockets' : 'memory';
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
      const says = `the machine has done ${rule.tag}${rule.event ? ` (${rule.event})` : ''}`;
      const seen = traceOf(c.shell.timeline).some((e) => e.seq >= c.since && e.tag === rule.tag && (!rule.event || e.kind === rule.event));
      return seen ? { ok: true, says } : { ok: false, says, why: `no ${rule.tag} event yet`, highlight: { view: 'sequence' } };
    }
    case 'answer': {
      const wanted = rule.errno ?? (rule.value !== undefined ? `= ${rule.value}` : `something with "${rule.text}"`);
      const says = `${rule.ctx ?? 'a call'} got ${wanted}`;
      const seen = c.outputs.some((o) => {
        if (rule.ctx && o.ctx !== rule.ctx) return false;
        if (rule.errno) return (o.kind === 'error' && o.errno === rule.errno) || (o.kind === 'complete' && !o.result.ok && o.result.errno === rule.errno);
        const value = o.kind === 'result' ? o.value : o.kind === 'complete' && o.result.ok ? o.result.value : null;
        if (value === null) return false;
        if (rule.value !== undefined) return show(value) === rule.value;
        return rule.text !== undefined && show(value).includes(rule.text);
      });
      return seen ? { ok: true, says } : { ok: false, says, why: 'not seen in the terminal yet', highlight: { view: 'terminal' } };
    }
    case 'typed': {
      const ok = c.outputs.some((o) => afterContext(o.input).startsWith(rule.start));
      return ok ? { ok, says: rule.says } : { ok, says: rule.says, why: 'not typed yet', highlight: { view: 'terminal' } };
    }
    case 'pending': {
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
    default:
      return assertNever(rule);
  }
}

