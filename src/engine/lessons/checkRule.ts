// Judging a lesson's rule (rules.ts says what a rule is) against the machine
// and the names the student bound, and saying it in plain words: what the
// rule asks, what is true instead when it fails, and where to look.

import type { LabState, Pid } from '../types.js';
import { SCP_PID } from '../types.js';
import { assertNever } from '../assertNever.js';
import type { Output, ShellState } from '../shell/shell.js';
import { framesOf, ownerOfFrame } from '../views/inspect.js';
import { usageOf } from '../partition/partitions.js';
import { resolveAddress } from '../memory/areas.js';
import { traceOf } from '../timeline/timeline.js';
import { show } from '../shell/values.js';
import type { WordValue, Words } from '../words.js';
import { count, words } from '../words.js';
import type { CheckContext, Compare, CountWhat, Highlight, Rule, RuleResult } from './rules.js';
import { afterContext, callOfLine } from './rules.js';

/** The counts that are of one partition: they need its name, and a partition that does not exist fails them. */
const COUNT_OF_ONE: ReadonlySet<CountWhat> = new Set(['framesOf', 'queued', 'areas', 'shared']);

function callOfOutput(o: Output): string | null {
  return o.kind === 'complete' ? o.call : callOfLine(o.input);
}

/**
 * A sentence of a check: its English, which lparsh and the tests read, and
 * its words, from which src/i18n makes it in the reader's language (issue
 * 23). src/i18n/rulesWords.test.ts checks the English catalog says exactly
 * the English for every rule, so the two cannot drift apart.
 */
interface Said extends Part {
  readonly words: Words;
}

/** A part of a sentence: words, or text of the command language (an errno, a value, a name) the same in every language. */
interface Part {
  readonly text: string;
  readonly words: WordValue;
}

/** Text of the command language, or nothing: the same in every language. */
const asIs = (text: string): Part => ({ text, words: text });

const said = (text: string, id: string, values?: Readonly<Record<string, WordValue>>): Said => ({ text, words: words(id, values) });

/** A rule met: what it says. */
const met = (says: Said): RuleResult => ({ ok: true, says: says.text, saysWords: says.words });

/** A rule not met: what it says, what is true instead, and where to look. */
const unmet = (says: Said, why: Said, highlight: Highlight): RuleResult => ({ ok: false, says: says.text, why: why.text, highlight, saysWords: says.words, whyWords: why.words });

const judged = (ok: boolean, says: Said, why: () => Said, highlight: () => Highlight): RuleResult => (ok ? met(says) : unmet(says, why(), highlight()));

/** A comparison as the checks say it: "free frames >= 1", "A's mem limit is 16". */
function compared(subject: Said, op: Compare, value: number): Said {
  const name = ({ '==': 'eq', '>=': 'ge', '<=': 'le', '>': 'gt' } as const)[op];
  return said(`${subject.text} ${op === '==' ? 'is' : op} ${value}`, 'lesson.rule.compare', { subject: subject.words, op: name, value });
}

const noPartition = (ctx: string) => said(`there is no partition ${ctx}`, 'lesson.rule.why.noPartition', { ctx });

/** A value of the machine, or the constant `unlimited` (the command language's own word, the same in every language). */
const limitValue = (v: number | null | undefined): WordValue => v ?? 'unlimited';

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

/** The pending bits of a partition's own event receive ports: not a message port's, not the control signal port's. */
function anyPending(state: LabState, ctx: string, pending: boolean): RuleResult {
  const says = pending
    ? said(`an event is pending at a receive port of ${ctx}`, 'lesson.rule.pending.any', { ctx })
    : said(`no event is pending at ${ctx}'s receive ports`, 'lesson.rule.pending.none', { ctx });
  const pid = pidOf(state, ctx);
  if (pid === null) return unmet(says, noPartition(ctx), { view: 'layers' });
  const p = state.partitions[pid]!;
  const tied = new Set<number>(Object.values(p.ports).flatMap((q) => (q.kind === 'message' ? [q.eventPort] : [])));
  if (p.signalNotify !== null) tied.add(p.signalNotify);
  const own = Object.values(p.ports).filter((q) => q.kind === 'eventRecv' && !tied.has(q.no));
  const set = own.filter((q) => q.kind === 'eventRecv' && q.pending).length;
  const where: Highlight = { view: 'memory', ctx };
  if (pending) return judged(set > 0, says, () => (own.length ? said('every bit is clear', 'lesson.rule.why.allClear') : said(`${ctx} has no event receive port`, 'lesson.rule.why.noRecvPort', { ctx })), () => where);
  return judged(set === 0, says, () => said(`${set} bit${set === 1 ? ' is' : 's are'} still set`, 'lesson.rule.why.bitsSet', { n: set, count: count(set) }), () => where);
}

const itIs = (value: number | null) => said(`it is ${value ?? 'unlimited'}`, 'lesson.rule.why.itIs', { value: limitValue(value) });

/** What a `count` rule counts, in words. */
function countSubject(what: CountWhat, ctx: string | undefined): Said {
  // a count of one partition with none named reads "undefined", as it always did: the check fails and says the check names none
  const of = String(ctx);
  switch (what) {
    case 'framesOf': return said(`frames owned by ${of}`, 'lesson.rule.count.framesOf', { ctx: of });
    case 'framesFree': return said('free frames', 'lesson.rule.count.framesFree');
    case 'channels': return said('message channels', 'lesson.rule.count.channels');
    case 'files': return said('virtual files under /msg', 'lesson.rule.count.files');
    case 'fds': return said('open fds of the kernel', 'lesson.rule.count.fds');
    case 'queued': return said(`messages waiting at ${of}'s ports`, 'lesson.rule.count.queued', { ctx: of });
    case 'accepted': return ctx ? said(`accepted communication sockets to ${ctx}`, 'lesson.rule.count.acceptedTo', { ctx }) : said('accepted communication sockets', 'lesson.rule.count.accepted');
    case 'listening': return said('listening connection sockets', 'lesson.rule.count.listening');
    case 'areas': return said(`message areas mapped in ${of}`, 'lesson.rule.count.areas', { ctx: of });
    case 'shared': return said(`shared areas mapped in ${of}`, 'lesson.rule.count.shared', { ctx: of });
    default: return assertNever(what);
  }
}

export function checkRule(rule: Rule, c: CheckContext): RuleResult {
  const state = c.shell.timeline.current;
  switch (rule.kind) {
    case 'bound': {
      const v = c.shell.vars[rule.name];
      const says = rule.field
        ? said(`${rule.name} holds a record with ${rule.field}`, 'lesson.rule.bound.field', { name: rule.name, field: rule.field })
        : said(`${rule.name} holds a value`, 'lesson.rule.bound', { name: rule.name });
      if (!v) return unmet(says, said(`${rule.name} is not bound yet`, 'lesson.rule.why.notBound', { name: rule.name }), { view: 'terminal' });
      if (rule.field && (v.t !== 'rec' || !v.fields[rule.field])) return unmet(says, said(`${rule.name} has no field ${rule.field}`, 'lesson.rule.why.noField', { name: rule.name, field: rule.field }), { view: 'terminal' });
      return met(says);
    }
    case 'waiting': {
      const pid = pidOf(state, rule.ctx);
      const suspended = (call: string) => said(`${rule.ctx} is suspended in ${call}`, 'lesson.rule.waiting', { ctx: rule.ctx, call });
      const says = rule.call ? suspended(rule.call) : said(`${rule.ctx} is not suspended in any call`, 'lesson.rule.waiting.none', { ctx: rule.ctx });
      // a partition that does not exist is not "not suspended": a misspelt name must not pass
      if (pid === null) return unmet(says, noPartition(rule.ctx), { view: 'layers' });
      const wait = state.partitions[pid]!.wait;
      const ok = rule.call ? wait?.call === rule.call : wait === null;
      return judged(ok, says, () => (wait ? suspended(wait.call) : said(`${rule.ctx} is running`, 'lesson.rule.why.running', { ctx: rule.ctx })), () => ({ view: rule.ctx === 'scp' ? 'sockets' : 'layers', ctx: rule.ctx }));
    }
    case 'mapped': {
      const pid = pidOf(state, rule.ctx);
      const addr = numberOf(c.shell, rule.name, rule.field);
      const what = `${rule.name}${rule.field ? `.${rule.field}` : ''}`;
      const says = said(`${rule.ctx} ${rule.mapped ? 'has' : 'has no'} mapping at ${what}`, rule.mapped ? 'lesson.rule.mapped' : 'lesson.rule.mapped.not', { ctx: rule.ctx, what });
      if (pid === null || addr === null) return unmet(says, said(`${what} is not an address yet`, 'lesson.rule.why.notAddress', { what }), { view: 'terminal' });
      const at = resolveAddress(state, state.partitions[pid]!, addr);
      const frames = at ? [...at.area.frames] : [];
      const hex = `0x${addr.toString(16)}`;
      const why = () => (at
        ? said(`${rule.ctx} still maps frames ${frames.join(', ')} at ${hex}`, 'lesson.rule.why.stillMaps', { ctx: rule.ctx, frames, addr: hex })
        : said(`nothing is mapped at ${hex} in ${rule.ctx}`, 'lesson.rule.why.nothingMapped', { ctx: rule.ctx, addr: hex }));
      return judged(!!at === rule.mapped, says, why, () => ({ view: 'memory', frames, ctx: rule.ctx }));
    }
    case 'count': {
      const pid = rule.ctx ? pidOf(state, rule.ctx) : null;
      const says = compared(countSubject(rule.what, rule.ctx), rule.op, rule.value);
      // a count of a partition that does not exist is not 0: a misspelt name must not pass "== 0" (issue 18)
      if (rule.ctx !== undefined && pid === null) return unmet(says, noPartition(rule.ctx), { view: 'layers' });
      if (COUNT_OF_ONE.has(rule.what) && pid === null) return unmet(says, said('the check names no partition', 'lesson.rule.why.namesNone'), { view: 'layers' });
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
      return judged(compare(value, rule.op, rule.value), says, () => itIs(value), () => ({ view, ...(rule.ctx ? { ctx: rule.ctx } : {}) }));
    }
    case 'status': {
      const pid = pidOf(state, rule.ctx);
      const status = pid === null ? 'missing' : state.partitions[pid]!.status;
      const is = (s: string) => said(`${rule.ctx} is ${s}`, 'lesson.rule.status', { ctx: rule.ctx, status: s });
      return judged(status === rule.status, is(rule.status), () => (pid === null ? noPartition(rule.ctx) : is(status)), () => ({ view: 'layers', ctx: rule.ctx }));
    }
    case 'resource': {
      const who = rule.ctx === undefined ? said('a guest', 'lesson.rule.aGuest') : null;
      const subject = said(`${rule.ctx ?? who!.text}'s ${rule.resource} ${rule.of}`, 'lesson.rule.resource', { who: rule.ctx ?? who!.words, resource: rule.resource, of: rule.of });
      const says = compared(subject, rule.op, rule.value);
      const valueOf = (pid: Pid) => (rule.of === 'used' ? usageOf(state, pid)[rule.resource] : state.partitions[pid]!.limits[rule.resource]);
      if (rule.ctx === undefined) {
        // any active guest will do: the goal names no one
        const guests = Object.values(state.partitions).filter((p) => p.status === 'active' && p.pid !== SCP_PID);
        const seen = guests.map((p) => said(`${p.name}: ${valueOf(p.pid) ?? 'unlimited'}`, 'lesson.rule.guestValue', { name: p.name, value: limitValue(valueOf(p.pid)) }));
        const why = () => said(`no guest has it (${seen.map((g) => g.text).join(', ')})`, 'lesson.rule.why.noGuest', { seen: seen.map((g) => g.words) });
        return judged(guests.some((p) => { const v = valueOf(p.pid); return v !== null && compare(v, rule.op, rule.value); }), says, why, () => ({ view: 'layers' }));
      }
      const ctx = rule.ctx;
      const pid = pidOf(state, ctx);
      if (pid === null || state.partitions[pid]!.status !== 'active') return unmet(says, said(`${ctx} is not an active partition`, 'lesson.rule.why.notActive', { ctx }), { view: 'layers' });
      const value = valueOf(pid);
      return judged(value !== null && compare(value, rule.op, rule.value), says, () => itIs(value), () => ({ view: 'layers', ctx }));
    }
    case 'tag': {
      const times = rule.times ?? 1;
      // each part the rule may leave out is words of its own, or nothing: each language puts the parts in its own order
      const none = asIs('');
      const event: Part = rule.event ? said(` (${rule.event})`, 'lesson.rule.tag.event', { event: rule.event }) : none;
      const withCtx: Part = rule.ctx ? said(` with ${rule.ctx}`, 'lesson.rule.tag.with', { ctx: rule.ctx }) : none;
      const timesPart: Part = times > 1 ? said(` ${times} times`, 'lesson.rule.tag.times', { n: times, count: count(times) }) : none;
      const after: Part = rule.after ? said(` after ${rule.after}`, 'lesson.rule.tag.after', { after: rule.after }) : none;
      const says = said(`the machine has done ${rule.tag}${event.text}${withCtx.text}${timesPart.text}${after.text}`, 'lesson.rule.tag', { tag: rule.tag, event: event.words, ctx: withCtx.words, times: timesPart.words, after: after.words });
      const pid = rule.ctx === undefined ? null : pidOf(state, rule.ctx);
      if (rule.ctx !== undefined && pid === null) return unmet(says, noPartition(rule.ctx), { view: 'layers' });
      let seen = 0;
      let started = rule.after === undefined;
      for (const e of traceOf(c.shell.timeline)) {
        if (e.seq < c.since) continue;
        if (e.tag === rule.tag && (!rule.event || e.kind === rule.event) && (pid === null || e.from === pid || e.to === pid) && started) seen += 1;
        // the order is the machine's: an event counts only once the one it must follow has happened
        if (!started && e.kind === rule.after) started = true;
      }
      const why = () => (seen === 0
        ? said(`no ${rule.tag} event${withCtx.text}${after.text} yet`, 'lesson.rule.why.noTag', { tag: rule.tag, ctx: withCtx.words, after: after.words })
        : said(`only ${seen} so far`, 'lesson.rule.why.onlySoFar', { n: seen, count: count(seen) }));
      return judged(seen >= times, says, why, () => ({ view: 'sequence' }));
    }
    case 'answer': {
      // an errno and a value are the command language, the same in every language
      const wanted: Part = rule.errno !== undefined ? asIs(rule.errno)
        : rule.value !== undefined ? asIs(`= ${rule.value}`)
          : rule.field !== undefined ? said(`a record with ${rule.field}`, 'lesson.rule.answer.field', { field: rule.field })
            : said(`something with "${rule.text}"`, 'lesson.rule.answer.text', { text: rule.text ?? '' });
      const where = rule.ctx === undefined ? said('some context', 'lesson.rule.answer.someContext') : null;
      const who: Part = rule.call
        ? said(`${rule.call} in ${rule.ctx ?? where!.text}`, 'lesson.rule.answer.callIn', { call: rule.call, ctx: rule.ctx ?? where!.words })
        : rule.ctx === undefined ? said('a call', 'lesson.rule.answer.aCall') : asIs(rule.ctx);
      const says = said(`${who.text} got ${wanted.text}`, 'lesson.rule.answer', { who: who.words, wanted: wanted.words });
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
      return judged(seen, says, () => said('not seen in the terminal yet', 'lesson.rule.why.notSeen'), () => ({ view: 'terminal' }));
    }
    case 'selected': {
      const says = said(`select answered with the socket to ${rule.ctx}`, 'lesson.rule.selected', { ctx: rule.ctx });
      const pid = pidOf(state, rule.ctx);
      if (pid === null) return unmet(says, noPartition(rule.ctx), { view: 'layers' });
      // the fds select named, read against the kernel's table as it is: which guest each one talks to
      const toPeer = (n: number) => { const e = state.kernel.fds[n]; return e?.kind === 'comm' && e.peer === pid; };
      const seen = c.outputs.some((o) => {
        if (o.ctx !== 'scp' || callOfOutput(o) !== 'select') return false;
        const value = o.kind === 'result' ? o.value : o.kind === 'complete' && o.result.ok ? o.result.value : null;
        return value?.t === 'list' && value.items.some((v) => (v.t === 'int' || v.t === 'handle') && toPeer(v.n));
      });
      return judged(seen, says, () => said(`no select has named the socket to ${rule.ctx} yet`, 'lesson.rule.why.notSelected', { ctx: rule.ctx }), () => ({ view: 'sockets' }));
    }
    case 'typed': {
      const ok = c.outputs.some((o) => afterContext(o.input).startsWith(rule.start));
      const why = () => said('not typed yet', 'lesson.rule.why.notTyped');
      if (rule.says === undefined) return judged(ok, said(`you typed ${rule.start}`, 'lesson.rule.typed', { start: rule.start }), why, () => ({ view: 'terminal' }));
      // the lesson's own sentence is shown as written, in whatever language its author wrote it
      return ok ? { ok, says: rule.says } : { ok, says: rule.says, why: why().text, highlight: { view: 'terminal' }, whyWords: why().words };
    }
    case 'pending': {
      if (rule.name === undefined) return anyPending(state, rule.ctx, rule.pending);
      const pid = pidOf(state, rule.ctx);
      const port = numberOf(c.shell, rule.name);
      const says = said(`${rule.ctx}'s port ${rule.name} ${rule.pending ? 'has' : 'has no'} event pending`, rule.pending ? 'lesson.rule.pending.port' : 'lesson.rule.pending.portNot', { ctx: rule.ctx, name: rule.name });
      const p = pid === null || port === null ? undefined : state.partitions[pid]!.ports[port as never];
      const where: Highlight = { view: 'memory', ctx: rule.ctx };
      if (!p || p.kind !== 'eventRecv') return unmet(says, said(`${rule.name} is not an event receive port of ${rule.ctx}`, 'lesson.rule.why.notRecvPort', { name: rule.name, ctx: rule.ctx }), where);
      return judged(p.pending === rule.pending, says, () => said(`the bit is ${p.pending ? 'set' : 'clear'}`, 'lesson.rule.why.bit', { set: String(p.pending) }), () => where);
    }
    case 'owner': {
      const says = rule.ctx === 'free'
        ? said(`frame ${rule.frame} is free`, 'lesson.rule.owner.free', { frame: rule.frame })
        : said(`frame ${rule.frame} is owned by ${rule.ctx}`, 'lesson.rule.owner', { frame: rule.frame, ctx: rule.ctx });
      const owner = ownerOfFrame(state, rule.frame);
      if (owner === null) return unmet(says, said(`there is no frame ${rule.frame} (the machine has ${state.frames.count})`, 'lesson.rule.why.noFrame', { frame: rule.frame, frames: state.frames.count }), { view: 'memory' });
      const why = () => (owner === 'free' ? said('it is free', 'lesson.rule.why.isFree') : said(`${owner} owns it`, 'lesson.rule.why.owns', { owner }));
      return judged(owner === rule.ctx, says, why, () => ({ view: 'memory', frames: [rule.frame] }));
    }
    case 'fd': {
      const says = said(`fd ${rule.fd} ${rule.open ? 'is open' : 'is closed'}`, 'lesson.rule.fd', { fd: rule.fd, open: String(rule.open) });
      const entry = state.kernel.fds[rule.fd];
      const why = () => (entry
        ? said(`fd ${rule.fd} is an open ${entry.kind}`, 'lesson.rule.why.fdOpen', { fd: rule.fd, kind: entry.kind })
        : said(`there is no fd ${rule.fd}`, 'lesson.rule.why.noFd', { fd: rule.fd }));
      return judged(!!entry === rule.open, says, why, () => ({ view: 'sockets' }));
    }
    case 'policy': {
      const ceiling = state.policy.ceiling[rule.resource];
      const asks = state.policy.ask.includes(rule.resource);
      const mode = rule.ask === undefined ? '' : rule.ask ? ', answered by the program itself' : ', answered by the ceiling';
      const ceilingOf = compared(said(`the policy's ceiling for ${rule.resource}`, 'lesson.rule.policy.subject', { resource: rule.resource }), rule.op, rule.value);
      const says = said(`${ceilingOf.text}${mode}`, 'lesson.rule.policy', { compare: ceilingOf.words, mode: rule.ask === undefined ? 'any' : rule.ask ? 'self' : 'ceiling' });
      const notSet = said('not set', 'lesson.rule.notSet');
      const why = () => said(`the ceiling is ${ceiling ?? notSet.text} and requests are answered by ${asks ? 'the program itself' : 'the ceiling'}`, 'lesson.rule.why.policy', { ceiling: ceiling ?? notSet.words, asks: String(asks) });
      const ok = ceiling !== undefined && compare(ceiling, rule.op, rule.value) && (rule.ask === undefined || rule.ask === asks);
      return judged(ok, says, why, () => ({ view: 'layers', ctx: 'scp' }));
    }
    default:
      return assertNever(rule);
  }
}

