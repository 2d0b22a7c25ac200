// Every sentence a lesson check can say, as a table of rules and the machine
// each is checked on: each kind of rule, met and not met, with every reason
// it can give (issue 23). The words tests (src/i18n/rulesWords.test.ts) check
// each sentence reads the same in English as it always did and has no
// English left in another language. Test data only: no module of the lab
// imports it.

import type { Output, ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import type { CheckContext, Rule } from './rules.js';

/** Lines typed on a fresh shell; the check looks at everything since the start. */
export function play(lines: readonly string[], from: ShellState = createShell()): CheckContext {
  let shell = from;
  const outputs: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
  }
  return { shell, outputs, since: from.timeline.current.seq };
}

const CONNECTED = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'];
const SENT = [...CONNECTED, '@A a = area(4096)', '@A send(ch, a, "hi")', '@B r = recv(chb)', 'x = "hi"'];
const EVENTS = ['@B rp = event_port()', '@A sp = event_connect(B, rp)', '@B sig = signal()', '@B permit(sig)', '@A event_send(sp)', '@A event_send(sp)', '@B rq = event_port()', '@A sq = event_connect(B, rq)', '@B sig2 = signal()', '@B permit(sig2)', '@A event_send(sq)'];
const SERVED = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A c = connect(7)', 'fd = accept(s)', '@A m = area(64)', '@A send(c, m, "x")', 'got = select([fd])', 'limit(B, mem, 12)', 'limit(A, mem, 20)', 'policy(mem, 24)', 'policy(mem, ask)', 'msg = read(fd)', 'f = open(msg.vfile)'];

/** The machines the rules are checked on, by name. */
export const MACHINES: Readonly<Record<string, readonly string[]>> = {
  fresh: [],
  sent: SENT,
  events: EVENTS,
  half: [...EVENTS, '@B event_poll(rq)'],
  polled: [...EVENTS, '@B event_poll(rp)', '@B event_poll(rq)'],
  served: [...SERVED, 'lpars'],
  waiting: ['@A ch = connect(B)'],
  ended: ['lpar_create("C", 32, 2)', 'lpar_end(C)', 'limit(A, mem, unlimited)', 'limit(B, mem, unlimited)'],
};

/** Every rule of the table, with the machine it is checked on. */
export const RULE_CASES: readonly { readonly on: keyof typeof MACHINES & string; readonly rule: Rule }[] = [
  ...(['fresh', 'sent'] as const).flatMap((on) => [
    { on, rule: { kind: 'bound', name: 'x' } },
    { on, rule: { kind: 'bound', name: 'r', field: 'addr' } },
    { on, rule: { kind: 'bound', name: 'x', field: 'addr' } },
  ] satisfies { on: string; rule: Rule }[]),
  ...(['fresh', 'waiting'] as const).flatMap((on) => [
    { on, rule: { kind: 'waiting', ctx: 'A', call: 'connect' } },
    { on, rule: { kind: 'waiting', ctx: 'A', call: null } },
    { on, rule: { kind: 'waiting', ctx: 'B', call: 'recv' } },
    { on, rule: { kind: 'waiting', ctx: 'Z', call: null } },
  ] satisfies { on: string; rule: Rule }[]),
  ...(['fresh', 'sent'] as const).flatMap((on) => [
    { on, rule: { kind: 'mapped', ctx: 'A', name: 'a', mapped: true } },
    { on, rule: { kind: 'mapped', ctx: 'A', name: 'a', mapped: false } },
    { on, rule: { kind: 'mapped', ctx: 'B', name: 'r', field: 'addr', mapped: true } },
    { on, rule: { kind: 'mapped', ctx: 'B', name: 'r', field: 'addr', mapped: false } },
  ] satisfies { on: string; rule: Rule }[]),
  ...(['fresh', 'served'] as const).flatMap((on) => [
    { on, rule: { kind: 'count', what: 'framesOf', ctx: 'A', op: '>', value: 0 } },
    { on, rule: { kind: 'count', what: 'framesOf', ctx: 'Z', op: '==', value: 0 } },
    { on, rule: { kind: 'count', what: 'queued', op: '==', value: 0 } },
    { on, rule: { kind: 'count', what: 'framesFree', op: '>=', value: 1 } },
    { on, rule: { kind: 'count', what: 'channels', op: '<=', value: 0 } },
    { on, rule: { kind: 'count', what: 'files', op: '==', value: 1 } },
    { on, rule: { kind: 'count', what: 'fds', op: '==', value: 2 } },
    { on, rule: { kind: 'count', what: 'queued', ctx: 'scp', op: '==', value: 0 } },
    { on, rule: { kind: 'count', what: 'accepted', op: '==', value: 1 } },
    { on, rule: { kind: 'count', what: 'accepted', ctx: 'A', op: '==', value: 1 } },
    { on, rule: { kind: 'count', what: 'listening', op: '==', value: 1 } },
    { on, rule: { kind: 'count', what: 'areas', ctx: 'A', op: '==', value: 1 } },
    { on, rule: { kind: 'count', what: 'shared', ctx: 'B', op: '==', value: 0 } },
  ] satisfies { on: string; rule: Rule }[]),
  ...(['fresh', 'ended'] as const).flatMap((on) => [
    { on, rule: { kind: 'status', ctx: 'C', status: 'ended' } },
    { on, rule: { kind: 'status', ctx: 'A', status: 'ended' } },
    { on, rule: { kind: 'status', ctx: 'A', status: 'active' } },
    { on, rule: { kind: 'resource', ctx: 'A', resource: 'mem', of: 'limit', op: '<=', value: 16 } },
    { on, rule: { kind: 'resource', ctx: 'C', resource: 'mem', of: 'used', op: '==', value: 0 } },
    { on, rule: { kind: 'resource', resource: 'mem', of: 'limit', op: '>=', value: 1 } },
    { on, rule: { kind: 'resource', resource: 'cpu', of: 'used', op: '>', value: 1000 } },
  ] satisfies { on: string; rule: Rule }[]),
  { on: 'served', rule: { kind: 'resource', ctx: 'B', resource: 'mem', of: 'limit', op: '==', value: 12 } },
  { on: 'served', rule: { kind: 'resource', resource: 'mem', of: 'limit', op: '<=', value: 1 } },
  ...(['fresh', 'events', 'half', 'polled'] as const).flatMap((on) => [
    { on, rule: { kind: 'tag', tag: '[0063]' } },
    { on, rule: { kind: 'tag', tag: '[0063]', event: 'event.merge' } },
    { on, rule: { kind: 'tag', tag: '[0063]', ctx: 'B', times: 3, after: 'event.raise' } },
    { on, rule: { kind: 'tag', tag: '[0063]', ctx: 'Z' } },
    { on, rule: { kind: 'tag', tag: 'S107', ctx: 'A', after: 'area.map' } },
    { on, rule: { kind: 'pending', ctx: 'B', pending: true } },
    { on, rule: { kind: 'pending', ctx: 'B', pending: false } },
    { on, rule: { kind: 'pending', ctx: 'Z', pending: true } },
    { on, rule: { kind: 'pending', ctx: 'B', name: 'rp', pending: true } },
    { on, rule: { kind: 'pending', ctx: 'B', name: 'rp', pending: false } },
    { on, rule: { kind: 'pending', ctx: 'A', name: 'sp', pending: true } },
  ] satisfies { on: string; rule: Rule }[]),
  ...(['fresh', 'served'] as const).flatMap((on) => [
    { on, rule: { kind: 'answer', ctx: 'scp', call: 'select', value: '[3]' } },
    { on, rule: { kind: 'answer', call: 'connect', errno: 'ECONNREFUSED' } },
    { on, rule: { kind: 'answer', ctx: 'A', text: '0x' } },
    { on, rule: { kind: 'answer', field: 'addr' } },
    { on, rule: { kind: 'selected', ctx: 'A' } },
    { on, rule: { kind: 'selected', ctx: 'Z' } },
    { on, rule: { kind: 'typed', start: 'lpars', says: 'you listed the partitions' } },
    { on, rule: { kind: 'typed', start: 'lpars' } },
    { on, rule: { kind: 'owner', frame: 0, ctx: 'control' } },
    { on, rule: { kind: 'owner', frame: 300, ctx: 'free' } },
    { on, rule: { kind: 'owner', frame: 200, ctx: 'A' } },
    { on, rule: { kind: 'owner', frame: 0, ctx: 'A' } },
    { on, rule: { kind: 'owner', frame: 9999, ctx: 'A' } },
    { on, rule: { kind: 'fd', fd: 3, open: true } },
    { on, rule: { kind: 'fd', fd: 3, open: false } },
    { on, rule: { kind: 'fd', fd: 4, open: false } },
    { on, rule: { kind: 'fd', fd: 5, open: false } },
    { on, rule: { kind: 'fd', fd: 6, open: false } },
    { on, rule: { kind: 'policy', resource: 'mem', op: '==', value: 24 } },
    { on, rule: { kind: 'policy', resource: 'mem', op: '>=', value: 1, ask: true } },
    { on, rule: { kind: 'policy', resource: 'cpu', op: '<=', value: 8, ask: false } },
    { on, rule: { kind: 'policy', resource: 'mem', op: '==', value: 99 } },
  ] satisfies { on: string; rule: Rule }[]),
];
