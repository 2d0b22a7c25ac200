// Commands for people (docs/architecture.md, The command language): bare words rather than calls, printing
// tables and notes: help, lpars, frames, map A, channels, fds, ls /msg, ps,
// log, and the time controls back, reset and seed.

import type { LabState, Partition, Pid, PortNo } from '../types.js';
import type { CommandKind } from '../command.js';
import { PAGE_SIZE, SCP_PID } from '../types.js';
import { tagShown } from '../patentMap.js';
import type { TagStyle } from '../patentMap.js';
import { narrate } from '../narration.js';
import { messagePortAt, ownerName } from '../views/inspect.js';
import { layersView } from '../views/layersView.js';
import type { LayerPartition } from '../views/layersView.js';
import { allOwners } from '../memory/frameTable.js';
import { stepBack, traceOf } from '../timeline/timeline.js';
import { unitName } from '../machine/processors.js';
import type { Effect, Ran, ShellState } from './shellState.js';
import { contextPid, createShell, interruptCall, NO_EFFECT, seekShell } from './shellState.js';
import { wholeNumber } from './wholeNumber.js';
import { PEOPLE_COMMANDS, PEOPLE_TABLE } from './commands.js';
import type { PeopleName } from './commands.js';

export { PEOPLE_COMMANDS, PEOPLE_TABLE };
import { CALLS, callOfCommand, refWords, signature, signatureWords, summaryWords } from './calls.js';
import { peopleKey, usageWords } from './commands.js';
import type { WordValue, Words } from '../words.js';
import { didYouMean, words } from '../words.js';
import { hex } from './values.js';
import { nearest } from './suggest.js';
import { mappingsOf } from '../memory/areas.js';
import { findLesson, LESSONS } from '../lessons/catalog.js';


type Base = { line: number; ctx: string; input: string };

/** How the reader wants a line's output shown; it never changes what the line does. */
export interface LineOptions {
  /** the patent's tags as every view shows them (the page's tags setting); `log` follows it. Default: the patent's */
  readonly tags?: TagStyle;
}
type Outcome = Ran;

const text = (shell: ShellState, base: Base, lines: string[], effect: Effect = NO_EFFECT): Outcome => ({ shell, out: [{ ...base, kind: 'text', text: lines }], effect });
const said = (shell: ShellState, base: Base, lines: readonly Said[], effect: Effect = NO_EFFECT): Outcome => ({ shell, out: [{ ...base, kind: 'text', text: lines.map(([t]) => t), words: lines.map(([, w]) => w) }], effect });
const error = (shell: ShellState, base: Base, errno: string, message: string, said?: Words): Outcome => ({ shell, out: [{ ...base, kind: 'error', errno, message, ...(said ? { words: said } : {}) }], effect: NO_EFFECT });

export function runWords(shell: ShellState, command: string, typed: readonly string[], base: Base, options: LineOptions = {}): Outcome {
  // the parser hands over only the names in PEOPLE_TABLE; a caller that bypasses it gets the same answer as an unknown call
  const spec = PEOPLE_TABLE.find((c) => c.name === command);
  if (!spec) return error(shell, base, 'ENOENT', `unknown command ${command}`);
  const { usage, words: [fewest, most] } = spec;
  if (typed.length > most) return error(shell, base, 'EINVAL', `${command} takes ${most === 0 ? 'no words' : 'at most one word'} (usage: ${usage}); nothing was done, remove: ${typed.slice(most).join(' ')}`, words('error.people.takesWords', { command, one: String(most !== 0), usage: usageWords(spec), remove: typed.slice(most).join(' ') }));
  if (typed.length < fewest) return error(shell, base, 'EINVAL', `${command} needs a word (usage: ${usage})`, words('error.people.needsWordUsage', { command, usage: usageWords(spec) }));
  return RUN[spec.name](shell, typed, base, options);
}

type Run = (shell: ShellState, typed: readonly string[], base: Base, options: LineOptions) => Outcome;

/** What each command for people does; a command in PEOPLE_TABLE without an entry here does not compile. */
const RUN: { readonly [K in PeopleName]: Run } = {
  help: (shell, typed, base) => said(shell, base, help(shell, base.ctx, typed[0])),
  lpars: (shell, _words, base) => text(shell, base, lpars(shell.timeline.current)),
  frames: (shell, _words, base) => text(shell, base, frames(shell.timeline.current)),
  map: (shell, typed, base) => {
    const state = shell.timeline.current;
    const name = typed[0] ?? base.ctx;
    const p = Object.values(state.partitions).find((q) => q.name === name);
    if (!p) {
      const near = nearest(name, Object.values(state.partitions).map((q) => q.name));
      return error(shell, base, 'ENOENT', `there is no partition ${name}${near ? `; did you mean ${near}?` : ''}`, words('error.people.noPartition', { name, hint: didYouMean(near) }));
    }
    return text(shell, base, addressSpace(state, p));
  },
  channels: (shell, _words, base) => text(shell, base, channels(shell.timeline.current)),
  fds: (shell, _words, base) => text(shell, base, fds(shell.timeline.current)),
  ls: (shell, typed, base) => {
    const state = shell.timeline.current;
    const dir = typed[0] ?? '/msg';
    if (dir !== '/msg' && dir !== '/msg/') return error(shell, base, 'ENOENT', `only /msg exists in this virtual file system`, words('error.people.onlyMsgExists'));
    const files = Object.values(state.kernel.files);
    return text(shell, base, files.length ? files.map((f) => `${f.path}  ${state.areas[f.area]!.size} bytes from ${state.partitions[f.peer]!.name}, short ${JSON.stringify(f.short)}`) : ['/msg is empty']);
  },
  ps: (shell, _words, base) => text(shell, base, processes(shell.timeline.current)),
  log: (shell, typed, base, options) => {
    const count = typed[0] === undefined ? 20 : wholeNumber(typed[0]);
    if (count === null || count < 1 || count > 1000) return error(shell, base, 'EINVAL', 'log takes a count from 1 to 1000, in digits', words('error.people.logTakesCount'));
    // the tags as the reader chose to see them, like every view: a hidden tag leaves no column
    const style = options.tags ?? 'patent';
    const tag = (t: string) => (style === 'none' ? '' : `${tagShown(t, style).padEnd(8)} `);
    return text(shell, base, traceOf(shell.timeline).slice(-count).map((e) => `${String(e.seq).padStart(5)} ${tag(e.tag)}${narrate(e.say)}`));
  },
  lesson: (shell, typed, base) => {
    if (!typed[0]) return text(shell, base, ['Lessons:', ...LESSONS.map((l) => `  lesson ${l.id.padEnd(8)} ${String(l.number).padStart(2)}. ${l.title} (${l.figure})`)], { kind: 'openLesson', id: null });
    const lesson = findLesson(typed[0]);
    if (!lesson) {
      const near = nearest(typed[0], LESSONS.map((l) => l.id));
      return error(shell, base, 'ENOENT', `there is no lesson ${typed[0]}${near ? `; did you mean ${near}?` : ''} (lesson lists them)`, words('error.people.noLesson', { lesson: typed[0], hint: didYouMean(near) }));
    }
    return text(shell, base, [`Lesson ${lesson.number}: ${lesson.title} (${lesson.figure})`, lesson.summary, ...lesson.steps.map((st, i) => `  ${i + 1}. ${st.title}: ${st.type.join('; ')}`)], { kind: 'openLesson', id: lesson.id });
  },
  // typed as a line, it goes into the history as typed, like any other line
  interrupt: (shell, typed, base) => interruptCall(shell, typed[0] ?? base.ctx, '^C'),
  back: (shell, _words, base) => {
    if (shell.timeline.cursor === 0) return error(shell, base, 'EINVAL', 'already at the first moment: nothing to undo', words('error.people.alreadyFirstMoment'));
    const undone = callNameOf(shell.timeline.entries[shell.timeline.cursor - 1]!.command.kind);
    const back = seekShell(shell, stepBack(shell.timeline).cursor);
    return text(back, { ...base, ctx: back.ctx }, [`back to moment ${back.timeline.cursor}: undid ${undone}`], { kind: 'moved' });
  },
  reset: (shell, _words, base) => restart(shell, shell.timeline.config.seed, base),
  seed: (shell, typed, base) => restart(shell, typed[0] === undefined ? NaN : wholeNumber(typed[0]) ?? NaN, base),
};

function restart(shell: ShellState, seed: number, base: Base): Outcome {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return error(shell, base, 'EINVAL', 'seed takes a whole number from 0 to 4294967295, in digits', words('error.people.seedTakesWhole'));
  const fresh = { ...createShell({ ...shell.timeline.config, seed }), lineNo: shell.lineNo };
  return text(fresh, { ...base, ctx: 'scp' }, [`the machine starts again with seed ${seed}`], { kind: 'restarted' });
}

export function callNameOf(kind: CommandKind): string {
  return `${callOfCommand(kind)}()`;
}

/** One printed line: its English text, and the same as words for a reader of another language. */
type Said = readonly [text: string, words: Words];

const WHERE_KEY = { any: 'help.where.any', scp: 'help.where.scp', guest: 'help.where.guest' } as const;

/** `help` in context `ctx` (`@A help` asks A's calls, whatever the current context). */
function help(shell: ShellState, ctx: string, topic: string | undefined): Said[] {
  const role = contextPid(shell, ctx) === SCP_PID ? 'scp' : 'guest';
  if (topic) {
    const specs = CALLS.filter((c) => c.name === topic.replace(/\(\)?$/, ''));
    const people = PEOPLE_TABLE.find((c) => c.name === topic);
    if (people) return [[`${people.usage}: ${people.summary}`, words('help.topic.people', { usage: usageWords(people), summary: words(peopleKey(people.name)) })]];
    if (!specs.length) {
      const near = nearest(topic, [...CALLS.map((c) => c.name), ...PEOPLE_COMMANDS]);
      return [[`no call or command ${topic}${near ? `; did you mean ${near}?` : ''}`, words('help.unknown', { topic, hint: didYouMean(near) })]];
    }
    return specs.flatMap((c): Said[] => [
      [`${signature(c)}    (${c.where === 'any' ? 'anywhere' : c.where === 'scp' ? 'system control program' : 'guests'}; ${c.ref})`,
        words('help.topic.head', { signature: signatureWords(c), where: words(WHERE_KEY[c.where]), ref: refWords(c) })],
      [`  ${c.summary}`, words('help.topic.summary', { summary: summaryWords(c) })],
      [`  e.g. ${c.example}`, words('help.topic.example', { example: c.example })],
    ]);
  }
  const calls = CALLS.filter((c) => c.where === role || c.where === 'any');
  // each entry on two lines, its description whole and indented under it: a terminal of any width
  // wraps the description under itself (a hanging indent), where a column padded to 44 would
  // break mid-row and cut descriptions short
  const entry = (head: string, headWords: WordValue, summary: string, summaryWords: Words): Said[] => [
    [`  ${head}`, words('help.entry.head', { head: headWords })],
    [`      ${summary}`, words('help.entry.summary', { summary: summaryWords })],
  ];
  return [
    // "scp" reads as secure copy to students: the long name comes first, wherever a reader meets it
    role === 'scp' ? [`In the system control program (${ctx}, problem mode) you can call:`, words('help.head.scp', { ctx })] : [`In ${ctx} (a guest OS, supervisor mode) you can call:`, words('help.head.guest', { ctx })],
    ...calls.flatMap((c) => entry(signature(c), signatureWords(c), c.summary, summaryWords(c))),
    ['Commands for people:', words('help.people')],
    ...PEOPLE_TABLE.flatMap((c) => entry(c.usage, usageWords(c), c.summary, words(peopleKey(c.name)))),
    ['Switch context with @A (or run one line there: @A connect(7)). Names you bind (x = ...) are shared by all contexts.', words('help.footer')],
  ];
}

function lpars(state: LabState): string[] {
  // the same model the Layers view draws (Fig. 3), as text narrow enough for a terminal of 48 columns
  const rows = layersView(state).partitions;
  const show = (r: LayerPartition, kind: string) => {
    const bar = r.resources?.find((x) => x.resource === kind);
    return bar ? `${bar.used}/${bar.limit ?? '∞'}` : '-';
  };
  return [
    'id name mode     state  frames cpus mem   ports wait',
    ...rows.map((r) => {
      const mode = r.mode === 'supervisor' ? 'superv.' : r.mode;
      return `${String(r.pid).padEnd(2)} ${r.name.padEnd(4)} ${mode.padEnd(8)} ${r.status.padEnd(6)} ${String(r.frames).padEnd(6)} ${String(r.logicalProcessors).padEnd(4)} ${show(r, 'mem').padEnd(5)} ${show(r, 'events').padEnd(5)} ${r.wait?.call ?? '-'}`;
    }),
    'mem: pages taken without asking / limit [0055]; ports: event ports / limit',
  ];
}

function frames(state: LabState): string[] {
  const owners = allOwners(state.frames);
  const counts = new Map<string, number>();
  for (const o of owners) counts.set(ownerName(state, o), (counts.get(ownerName(state, o)) ?? 0) + 1);
  const lines = [`${state.frames.count} frames of ${PAGE_SIZE} bytes: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`];
  if (state.frames.count <= 4096) {
    const letter = (o: number) => (o === -1 ? '.' : o === 0 ? '#' : ownerName(state, o).slice(0, 1));
    for (let i = 0; i < owners.length; i += 64) {
      lines.push(`${String(i).padStart(5)} ${Array.from(owners.slice(i, i + 64), letter).join('')}`);
    }
    lines.push('  # control OS, . free, a letter: the partition that owns the frame');
  }
  return lines;
}

function addressSpace(state: LabState, p: Partition): string[] {
  if (p.status === 'ended') return [`${p.name} has ended: its address space is gone`];
  // an active partition has memory: lpar_create grants at least one page, and only ending takes it all back
  const lines = [`${p.name}'s logical address space:`, `  ${hex(0)}-${hex(p.ram.length * PAGE_SIZE - 1)}  its memory: ${p.ram.length} pages -> frames ${p.ram[0]}..${p.ram[p.ram.length - 1]}`];
  for (const { page, area } of mappingsOf(state, p.pid)) {
    const id = area.id;
    const start = page * PAGE_SIZE;
    lines.push(`  ${hex(start)}-${hex(start + area.frames.length * PAGE_SIZE - 1)}  ${area.kind} area ${id} (${area.size} bytes) -> frames ${area.frames.join(', ')}${area.owner !== p.pid ? ` (owned by ${state.partitions[area.owner]!.name})` : ''}`);
  }
  return lines;
}

function channels(state: LabState): string[] {
  const all = Object.values(state.channels);
  if (!all.length) return ['no message channels'];
  const end = (pid: Pid, port: PortNo | null) => {
    const p = state.partitions[pid]!;
    if (port === null) return `${p.name} (closed)`;
    const queued = messagePortAt(state, pid, port).queue.length;
    return `${p.name} port ${port}${queued ? ` [${queued} waiting]` : ''}`;
  };
  return all.map((c) => `channel ${c.id}: ${end(c.client.pid, c.client.port)} <-> ${end(c.server.pid, c.server.port)}`);
}

function fds(state: LabState): string[] {
  const lines = ['fd  what', '0-2 standard streams'];
  for (const e of Object.values(state.kernel.fds)) {
    if (e.kind === 'socket') lines.push(`${String(e.fd).padEnd(3)} connection socket, ${e.mode === 'map' ? 'direct-map' : 'virtual-file'} mode, ${e.service === null ? 'unbound' : `service ${e.service}`}${e.listening ? ', listening' : ''}${e.denied.length ? `, denies ${e.denied.map((p) => state.partitions[p]!.name).join(', ')}` : ''}`);
    if (e.kind === 'comm') lines.push(`${String(e.fd).padEnd(3)} communication socket with ${state.partitions[e.peer]!.name} (service ${e.service}, ${e.mode === 'map' ? 'direct-map' : 'virtual-file'} mode)`);
    if (e.kind === 'file') lines.push(`${String(e.fd).padEnd(3)} open file ${e.path} at offset ${e.offset}`);
  }
  return lines;
}

function processes(state: LabState): string[] {
  const lines = Object.values(state.partitions).map((p) => {
    const wait = p.wait ? `suspended in ${p.wait.call}${'fd' in p.wait ? `(${p.wait.fd})` : 'fds' in p.wait ? `([${p.wait.fds.join(', ')}])` : ''}` : p.status === 'active' ? 'running' : 'ended';
    return `${p.name.padEnd(5)} ${p.pid === SCP_PID ? 'system control program' : 'guest OS'.padEnd(22)}  ${wait}`;
  });
  const placing = state.machine.units
    .map((u, i) => (u.running === null ? null : `${unitName(state.machine, i)}: ${state.partitions[state.machine.lps[u.running]!.pid]!.name} lp${u.running}`))
    .filter((x) => x !== null);
  return [...lines, placing.length ? `running now: ${placing.join('; ')}` : 'no time slice has run yet (tick() runs the scheduler)'];
}
