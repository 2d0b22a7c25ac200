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
//
// This file is the rule language: what a rule is, what a check looks at and
// what it answers. checkRule.ts judges a rule against the machine.

import type { ResourceKind } from '../types.js';
import type { Output, ShellState } from '../shell/shell.js';
import type { EventKind } from '../event.js';
import type { Words } from '../words.js';

export type Compare = '==' | '>=' | '<=' | '>';

/** What a `count` rule counts. */
export const COUNT_WHAT = ['framesOf', 'framesFree', 'channels', 'files', 'fds', 'queued', 'accepted', 'listening', 'areas', 'shared'] as const;
export type CountWhat = (typeof COUNT_WHAT)[number];

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
  /**
   * the student typed a line starting with this text, after any @ctx (for steps that ask to look at something);
   * the check shows `says`, the lesson's own sentence, or without it "you typed <start>" in the reader's language
   */
  | { readonly kind: 'typed'; readonly start: string; readonly says?: string }
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
  /**
   * `says` as words (src/engine/words.ts: a catalog id and its values) for a
   * reader of any language; absent when `says` is the lesson's own sentence
   * (a typed rule's), shown as written
   */
  readonly saysWords?: Words;
  /** `why` as words */
  readonly whyWords?: Words;
}

/** A typed line without its leading spaces and `@ctx`: what the `typed` rule compares with. */
export const afterContext = (input: string) => input.replace(/^\s*@\w+\s+/, '').trimStart();
