// Checks a teacher can pick instead of typing: from what the machine did
// since a step began (its events, the names bound, the answers printed) and
// how it stands now, the rules that hold right now and say something about
// this step: "frame 160 is owned by B", "the machine has done S107", "fd 4 is
// open". Every offer is checked against the lab before it is offered.
//
// Checks that read only the machine come first; those that read a name the
// teacher typed (`bound`, `mapped`, `typed`) come last and say so (`names`),
// since a student who names things their own way fails them (issue 20).

import type { LabState } from '../types.js';
import type { Output, ShellState } from '../shell/shell.js';
import type { ShellValue } from '../shell/values.js';
import { show } from '../shell/values.js';
import { traceOf } from '../timeline/timeline.js';
import type { Rule } from './rules.js';
import type { Words } from '../words.js';
import { afterContext, callOfLine, namesOf } from './rules.js';
import { checkRule } from './checkRule.js';

export interface Offer {
  readonly rule: Rule;
  /** the rule in plain words, as the student will see it */
  readonly says: string;
  /** `says` as words, for a reader of any language (absent for a typed rule's own sentence) */
  readonly saysWords?: Words;
  /** the names the rule reads that the teacher typed: a student must type the same ones */
  readonly names: readonly string[];
}

/**
 * 0: reads only the machine; 1: reads a number the machine allocated (a
 * frame, an fd, an address an answer printed), which may differ when the
 * student does things in another order; 2: reads a name.
 */
function rank(rule: Rule, allocated: ReadonlySet<Rule>): number {
  if (namesOf(rule).length) return 2;
  return rule.kind === 'owner' || rule.kind === 'fd' || allocated.has(rule) ? 1 : 0;
}

const MAX_OFFERS = 24;

/** Where a value holds an address: itself (`a = area(64)`) or its addr field (`r = recv(ch)`); null if nowhere. */
function addressIn(value: ShellValue): { field?: 'addr' } | null {
  if (value.t === 'addr') return {};
  return value.t === 'rec' && value.fields.addr ? { field: 'addr' } : null;
}

/** A count of one partition as the `count` rule reads it. */
function countOf(shell: ShellState, what: 'accepted' | 'areas' | 'shared', ctx: string): number {
  const state = shell.timeline.current;
  const pid = Object.values(state.partitions).find((p) => p.name === ctx)?.pid;
  if (pid === undefined) return 0;
  if (what === 'accepted') return Object.values(state.kernel.fds).filter((e) => e.kind === 'comm' && e.peer === pid).length;
  const kind = what === 'areas' ? 'message' : 'shared';
  return Object.values(state.areas).filter((a) => a.kind === kind && a.maps.some((m) => m.pid === pid)).length;
}

/**
 * Rules that hold now and speak of what changed since `before` (the lab
 * where the step began): at most 24, the most telling first (patent steps,
 * then ownership, then the rest).
 */
export function suggestChecks(before: ShellState, shell: ShellState, outputs: readonly Output[]): Offer[] {
  const was: LabState = before.timeline.current;
  const now: LabState = shell.timeline.current;
  const since = was.seq;
  const rules: Rule[] = [];
  // answers that print an address or a handle: numbers the machine allocated
  const allocated = new Set<Rule>();
  const events = traceOf(shell.timeline).filter((e) => e.seq >= since);

  // patent steps and paragraphs the machine went through, in order
  const tags = new Set<string>();
  for (const e of events) {
    // the flip, a merged event and the policy's answers are worth naming with their kind
    if (e.kind === 'area.flip' || e.kind === 'event.merge' || e.kind.startsWith('resource.')) rules.push({ kind: 'tag', tag: e.tag, event: e.kind });
    if (!tags.has(e.tag)) rules.push({ kind: 'tag', tag: e.tag });
    tags.add(e.tag);
  }

  // frames that changed owner: the first frame of each area moved
  const moved = new Set<number>();
  // (these three events always name the area's frames)
  for (const e of events) if (e.kind === 'area.flip' || e.kind === 'area.reserve' || e.kind === 'area.discard') moved.add(e.frames![0]!);
  for (const frame of moved) rules.push({ kind: 'owner', frame, ctx: 'free' }, ...Object.values(now.partitions).map((p) => ({ kind: 'owner' as const, frame, ctx: p.name })));

  // the kernel's fds opened or closed
  for (const fd of Object.keys(now.kernel.fds)) if (!was.kernel.fds[Number(fd)]) rules.push({ kind: 'fd', fd: Number(fd), open: true });
  for (const fd of Object.keys(was.kernel.fds)) if (!now.kernel.fds[Number(fd)]) rules.push({ kind: 'fd', fd: Number(fd), open: false });

  // partitions created or ended, and who is suspended in which call
  for (const p of Object.values(now.partitions)) {
    const old = was.partitions[p.pid];
    if (!old || old.status !== p.status) rules.push({ kind: 'status', ctx: p.name, status: p.status });
    if (p.status !== 'active') continue;
    if (p.wait && p.wait.call !== old?.wait?.call) rules.push({ kind: 'waiting', ctx: p.name, call: p.wait.call });
    if (!p.wait && old?.wait) rules.push({ kind: 'waiting', ctx: p.name, call: null });
  }

  // names bound in this step, and where the addresses they hold are mapped (the check keeps the contexts that map them)
  for (const [name, value] of Object.entries(shell.vars)) {
    if (before.vars[name] === value) continue;
    const field = value.t === 'rec' ? ['addr', 'vfile'].find((f) => value.fields[f]) : undefined;
    rules.push(field ? { kind: 'bound', name, field } : { kind: 'bound', name });
    const at = addressIn(value);
    if (at) for (const p of Object.values(now.partitions)) rules.push({ kind: 'mapped', ctx: p.name, name, ...at, mapped: true });
  }
  // an address the step unmapped from a context that mapped it when the step began
  const mappedBefore = (rule: Rule) => checkRule(rule, { shell: before, outputs: [], since }).ok;
  for (const [name, value] of Object.entries(before.vars)) {
    const at = addressIn(value);
    if (!at) continue;
    for (const p of Object.values(was.partitions)) {
      const rule: Rule = { kind: 'mapped', ctx: p.name, name, ...at, mapped: true };
      if (mappedBefore(rule)) rules.push({ ...rule, mapped: false });
    }
  }

  // a partition's own receive ports with an event pending, or none any more
  for (const p of Object.values(now.partitions)) {
    if (p.status !== 'active') continue;
    for (const pending of [true, false]) {
      const rule: Rule = { kind: 'pending', ctx: p.name, pending };
      if (!checkRule(rule, { shell: before, outputs: [], since }).ok) rules.push(rule);
    }
  }

  // what the calls of this step answered: errors and values, and a record's kind by its field (a virtual file, an address)
  for (const o of outputs) {
    const call = o.kind === 'complete' ? o.call : callOfLine(o.input);
    const value = o.kind === 'result' ? o.value : o.kind === 'complete' && o.result.ok ? o.result.value : null;
    if (call && value?.t === 'rec') for (const field of ['vfile', 'addr']) if (value.fields[field]) rules.push({ kind: 'answer', ctx: o.ctx, call, field });
    if (call === 'select' && value?.t === 'list') for (const p of Object.values(now.partitions)) rules.push({ kind: 'selected', ctx: p.name });
    if (o.kind === 'error') rules.push({ kind: 'answer', ctx: o.ctx, errno: o.errno });
    else if (o.kind === 'complete' && !o.result.ok) rules.push({ kind: 'answer', ctx: o.ctx, errno: o.result.errno });
    else if (o.kind === 'result' && o.value.t !== 'none') {
      const rule: Rule = { kind: 'answer', ctx: o.ctx, ...(call ? { call } : {}), value: show(o.value) };
      if (o.value.t === 'addr' || o.value.t === 'handle') allocated.add(rule);
      rules.push(rule);
    }
    else if (o.kind === 'text') {
      // the command's word: "  lpars" and "@A ps" are lpars and ps; "@B " alone names no command (an empty start would match any line)
      const word = afterContext(o.input).replace(/[\s(].*$/s, '');
      // no sentence of the teacher's own: the check says "you typed ..." in each reader's language
      if (word) rules.push({ kind: 'typed', start: word });
    }
  }

  // counts that changed
  const counts = [
    ['channels', Object.keys(was.channels).length, Object.keys(now.channels).length],
    ['files', Object.keys(was.kernel.files).length, Object.keys(now.kernel.files).length],
    ['framesFree', was.frames.free, now.frames.free],
  ] as const;
  for (const [what, a, b] of counts) if (a !== b) rules.push({ kind: 'count', what, op: '==', value: b });
  // sockets accepted and areas mapped, per partition: what a step made, whatever it was called
  for (const p of Object.values(now.partitions)) {
    for (const what of ['accepted', 'areas', 'shared'] as const) {
      const count = (s: ShellState) => (p.pid in s.timeline.current.partitions ? countOf(s, what, p.name) : 0);
      const [a, b] = [count(before), count(shell)];
      if (a !== b) rules.push({ kind: 'count', what, ctx: p.name, op: '==', value: b });
    }
  }

  const c = { shell, outputs, since };
  const offers: Offer[] = [];
  const said = new Set<string>();
  // name-free first: a stable sort keeps the most telling first within each rank
  for (const rule of rules.map((r, i) => ({ r, i })).sort((x, y) => rank(x.r, allocated) - rank(y.r, allocated) || x.i - y.i).map((x) => x.r)) {
    const result = checkRule(rule, c);
    if (!result.ok || said.has(result.says)) continue;
    said.add(result.says);
    offers.push({ rule, says: result.says, ...(result.saysWords ? { saysWords: result.saysWords } : {}), names: namesOf(rule) });
    if (offers.length >= MAX_OFFERS) break;
  }
  return offers;
}
