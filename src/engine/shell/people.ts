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
import type { Line, WordValue, Words } from '../words.js';
import { didYouMean, narrated, words } from '../words.js';
import type { CpuMode, PartitionStatus, SocketMode } from '../types.js';
import { codePoints, layRows } from './table.js';
import { visible } from './visible.js';
import { hex } from './values.js';
import { nearest } from './suggest.js';
import { mappingsOf } from '../memory/areas.js';
import { findLesson, findLessonIn, LESSONS, lessonsIn } from '../lessons/catalog.js';


type Base = { line: number; ctx: string; input: string };

/** How the reader wants a line's output shown; it never changes what the line does. */
export interface LineOptions {
  /** the patent's tags as every view shows them (the page's tags setting); `log` follows it. Default: the patent's */
  readonly tags?: TagStyle;
  /**
   * the language the reader reads lessons in (a code of LESSON_LANGUAGES): `lesson` lists a lesson's
   * title, summary and steps from its file in it (a file without it gives its first). Default: English
   */
  readonly lang?: string;
}
type Outcome = Ran;

/** A cell of a table: its English, and its words for another language (text of the command language is both). */
interface TextCell {
  readonly text: string;
  readonly value?: WordValue;
  readonly min?: number;
  readonly end?: boolean;
}

/** One printed line of a command for people: said (English and words), a row of the output's table, or the command language only. */
type Printed = Said | { readonly cells: readonly TextCell[] } | string;

/**
 * The lines as printed in English and as words: the rows of one output form
 * one table, laid out the same way in every language (table.ts).
 */
function printedLines(lines: readonly Printed[]): { text: string[]; words: Line[] } {
  const rows = lines.flatMap((l) => (typeof l === 'object' && 'cells' in l ? [l.cells] : []));
  // laid out as shown: a control character in a name takes the cells of its escape
  const laid = layRows(rows.map((cells) => cells.map((c) => ({ ...c, text: visible(c.text) }))), codePoints);
  let row = 0;
  const text: string[] = [];
  const said: Line[] = [];
  for (const l of lines) {
    if (typeof l === 'string') {
      text.push(l);
      said.push(l);
    } else if ('cells' in l) {
      text.push(laid[row++]!);
      said.push({ row: l.cells.map((c) => ({ value: c.value ?? c.text, ...(c.min === undefined ? {} : { min: c.min }), ...(c.end ? { end: true } : {}) })) });
    } else {
      text.push(l[0]);
      said.push(l[1]);
    }
  }
  return { text, words: said };
}

const text = (shell: ShellState, base: Base, lines: readonly Printed[], effect: Effect = NO_EFFECT): Outcome => ({ shell, out: [{ ...base, kind: 'text', ...printedLines(lines) }], effect });
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
    return text(shell, base, files.length
      ? files.map((f): Said => {
        const size = state.areas[f.area]!.size;
        const peer = state.partitions[f.peer]!.name;
        const short = JSON.stringify(f.short);
        return [`${f.path}  ${size} bytes from ${peer}, short ${short}`, words('table.ls.file', { path: f.path, size, peer, short })];
      })
      : [['/msg is empty', words('table.ls.empty')]]);
  },
  ps: (shell, _words, base) => text(shell, base, processes(shell.timeline.current)),
  log: (shell, typed, base, options) => {
    const count = typed[0] === undefined ? 20 : wholeNumber(typed[0]);
    if (count === null || count < 1 || count > 1000) return error(shell, base, 'EINVAL', 'log takes a count from 1 to 1000, in digits', words('error.people.logTakesCount'));
    // the tags as the reader chose to see them, like every view: a hidden tag leaves no column
    const style = options.tags ?? 'patent';
    // the narration in the reader's language too (src/i18n/narrate.ts); the tags are the patent's, the same in every language
    return text(shell, base, traceOf(shell.timeline).slice(-count).map((e) => ({ cells: [
      { text: String(e.seq), min: 5, end: true },
      ...(style === 'none' ? [] : [{ text: tagShown(e.tag, style), min: 8 }]),
      { text: narrate(e.say), value: narrated(e.say) },
    ] })));
  },
  lesson: (shell, typed, base, options) => {
    // a lesson's own text (title, summary, steps) comes from its file: the English sentence from its
    // English, the words from its text in the reader's language (issue 23), the lines to type the same in both
    const lang = options.lang ?? 'en';
    if (!typed[0]) {
      const shown = lessonsIn(lang);
      return text(shell, base, [['Lessons:', words('shell.lessons')], ...LESSONS.map((l, i) => ({ cells: [
        { text: `  lesson ${l.id}`, min: 17 },
        { text: `${l.number}.`, min: 3, end: true },
        { text: `${l.title} (${l.figure})`, value: words('shell.lessonTitle', { title: shown[i]!.title, figure: shown[i]!.figure }) },
      ] }))], { kind: 'openLesson', id: null });
    }
    const lesson = findLesson(typed[0]);
    if (!lesson) {
      const near = nearest(typed[0], LESSONS.map((l) => l.id));
      return error(shell, base, 'ENOENT', `there is no lesson ${typed[0]}${near ? `; did you mean ${near}?` : ''} (lesson lists them)`, words('error.people.noLesson', { lesson: typed[0], hint: didYouMean(near) }));
    }
    const own = findLessonIn(lesson.id, lang) ?? lesson;
    return text(shell, base, [
      [`Lesson ${lesson.number}: ${lesson.title} (${lesson.figure})`, words('shell.lessonHead', { number: String(lesson.number), title: own.title, figure: own.figure })],
      [lesson.summary, words('shell.lessonSummary', { summary: own.summary })],
      ...lesson.steps.map((st, i): Said => [`  ${i + 1}. ${st.title}: ${st.type.join('; ')}`, words('shell.lessonStep', { n: i + 1, title: own.steps[i]!.title, lines: st.type.join('; ') })]),
    ], { kind: 'openLesson', id: lesson.id });
  },
  // typed as a line, it goes into the history as typed, like any other line
  interrupt: (shell, typed, base) => interruptCall(shell, typed[0] ?? base.ctx, '^C'),
  back: (shell, _words, base) => {
    if (shell.timeline.cursor === 0) return error(shell, base, 'EINVAL', 'already at the first moment: nothing to undo', words('error.people.alreadyFirstMoment'));
    const undone = callNameOf(shell.timeline.commands[shell.timeline.cursor - 1]!.kind);
    const back = seekShell(shell, stepBack(shell.timeline).cursor);
    return text(back, { ...base, ctx: back.ctx }, [[`back to moment ${back.timeline.cursor}: undid ${undone}`, words('shell.back', { moment: back.timeline.cursor, call: undone })]], { kind: 'moved' });
  },
  reset: (shell, _words, base) => restart(shell, shell.timeline.config.seed, base),
  seed: (shell, typed, base) => restart(shell, typed[0] === undefined ? NaN : wholeNumber(typed[0]) ?? NaN, base),
};

function restart(shell: ShellState, seed: number, base: Base): Outcome {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return error(shell, base, 'EINVAL', 'seed takes a whole number from 0 to 4294967295, in digits', words('error.people.seedTakesWhole'));
  const fresh = { ...createShell({ ...shell.timeline.config, seed }), lineNo: shell.lineNo };
  return text(fresh, { ...base, ctx: 'scp' }, [[`the machine starts again with seed ${seed}`, words('shell.restart', { seed })]], { kind: 'restarted' });
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

const MODE_KEY = { supervisor: 'table.lpars.mode.supervisor', problem: 'table.lpars.mode.problem' } as const satisfies Record<CpuMode, string>;
const STATUS_KEY = { active: 'table.lpars.status.active', ended: 'table.lpars.status.ended' } as const satisfies Record<PartitionStatus, string>;
const SOCKET_MODE_KEY = { map: 'table.fds.mode.map', vfile: 'table.fds.mode.vfile' } as const satisfies Record<SocketMode, string>;

function lpars(state: LabState): Printed[] {
  // the same model the Layers view draws (Fig. 3), as text narrow enough for a terminal of 48 columns
  const rows = layersView(state).partitions;
  const show = (r: LayerPartition, kind: string) => {
    const bar = r.resources?.find((x) => x.resource === kind);
    return bar ? `${bar.used}/${bar.limit ?? '∞'}` : '-';
  };
  return [
    { cells: [
      { text: 'id', value: words('table.lpars.id'), min: 2 }, { text: 'name', value: words('table.lpars.name'), min: 4 },
      { text: 'mode', value: words('table.lpars.mode'), min: 8 }, { text: 'state', value: words('table.lpars.state'), min: 6 },
      { text: 'frames', value: words('table.lpars.frames'), min: 6 }, { text: 'cpus', value: words('table.lpars.cpus'), min: 4 },
      { text: 'mem', value: words('table.lpars.mem'), min: 5 }, { text: 'ports', value: words('table.lpars.ports'), min: 5 },
      { text: 'wait', value: words('table.lpars.wait') },
    ] },
    ...rows.map((r) => ({ cells: [
      { text: String(r.pid), min: 2 },
      { text: r.name, min: 4 },
      { text: r.mode === 'supervisor' ? 'superv.' : r.mode, value: words(MODE_KEY[r.mode]), min: 8 },
      { text: r.status, value: words(STATUS_KEY[r.status]), min: 6 },
      { text: String(r.frames), min: 6 },
      { text: String(r.logicalProcessors), min: 4 },
      { text: show(r, 'mem'), min: 5 },
      { text: show(r, 'events'), min: 5 },
      { text: r.wait?.call ?? '-' },
    ] })),
    ['mem: pages taken without asking / limit [0055]; ports: event ports / limit', words('table.lpars.legend')],
  ];
}

function frames(state: LabState): Printed[] {
  const owners = allOwners(state.frames);
  const counts = new Map<string, number>();
  for (const o of owners) counts.set(ownerName(state, o), (counts.get(ownerName(state, o)) ?? 0) + 1);
  // the control OS and the free frames are the lab's words; a partition's name stays as it is
  const ownerWords = (name: string): WordValue => (name === 'control' ? words('table.frames.control') : name === 'free' ? words('table.frames.free') : name);
  const lines: Printed[] = [[
    `${state.frames.count} frames of ${PAGE_SIZE} bytes: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    words('table.frames.head', { count: state.frames.count, size: PAGE_SIZE, owners: [...counts].map(([k, v]) => words('table.frames.owner', { owner: ownerWords(k), count: v })) }),
  ]];
  if (state.frames.count <= 4096) {
    const letter = (o: number) => (o === -1 ? '.' : o === 0 ? '#' : ownerName(state, o).slice(0, 1));
    for (let i = 0; i < owners.length; i += 64) {
      lines.push(`${String(i).padStart(5)} ${Array.from(owners.slice(i, i + 64), letter).join('')}`);
    }
    lines.push(['  # control OS, . free, a letter: the partition that owns the frame', words('table.frames.legend')]);
  }
  return lines;
}

function addressSpace(state: LabState, p: Partition): Printed[] {
  if (p.status === 'ended') return [[`${p.name} has ended: its address space is gone`, words('table.map.ended', { name: p.name })]];
  // an active partition has memory: lpar_create grants at least one page, and only ending takes it all back
  const from = hex(0);
  const to = hex(p.ram.length * PAGE_SIZE - 1);
  const first = p.ram[0]!;
  const last = p.ram[p.ram.length - 1]!;
  const lines: Printed[] = [
    [`${p.name}'s logical address space:`, words('table.map.head', { name: p.name })],
    [`  ${from}-${to}  its memory: ${p.ram.length} pages -> frames ${first}..${last}`, words('table.map.own', { from, to, pages: p.ram.length, first, last })],
  ];
  for (const { page, area } of mappingsOf(state, p.pid)) {
    const id = area.id;
    const start = hex(page * PAGE_SIZE);
    const end = hex(page * PAGE_SIZE + area.frames.length * PAGE_SIZE - 1);
    const owner = state.partitions[area.owner]!.name;
    const frameList = area.frames.join(', ');
    lines.push([
      `  ${start}-${end}  ${area.kind} area ${id} (${area.size} bytes) -> frames ${frameList}${area.owner !== p.pid ? ` (owned by ${owner})` : ''}`,
      words(area.kind === 'message' ? 'table.map.messageArea' : 'table.map.sharedArea', { from: start, to: end, id, size: area.size, frames: frameList, owner: area.owner !== p.pid ? words('table.map.ownedBy', { owner }) : '' }),
    ]);
  }
  return lines;
}

function channels(state: LabState): Printed[] {
  const all = Object.values(state.channels);
  if (!all.length) return [['no message channels', words('table.channels.none')]];
  const end = (pid: Pid, port: PortNo | null): [string, Words] => {
    const p = state.partitions[pid]!;
    if (port === null) return [`${p.name} (closed)`, words('table.channels.closed', { name: p.name })];
    const queued = messagePortAt(state, pid, port).queue.length;
    return [`${p.name} port ${port}${queued ? ` [${queued} waiting]` : ''}`, words('table.channels.end', { name: p.name, port, waiting: queued ? words('table.channels.waiting', { count: queued }) : '' })];
  };
  return all.map((c): Said => {
    const [client, clientWords] = end(c.client.pid, c.client.port);
    const [server, serverWords] = end(c.server.pid, c.server.port);
    return [`channel ${c.id}: ${client} <-> ${server}`, words('table.channels.row', { id: c.id, client: clientWords, server: serverWords })];
  });
}

function fds(state: LabState): Printed[] {
  const lines: Printed[] = [
    { cells: [{ text: 'fd', min: 3 }, { text: 'what', value: words('table.fds.what') }] },
    { cells: [{ text: '0-2', min: 3 }, { text: 'standard streams', value: words('table.fds.std') }] },
  ];
  const row = (fd: number, text: string, value: Words) => ({ cells: [{ text: String(fd), min: 3 }, { text, value }] });
  const names = (pids: readonly Pid[]) => pids.map((p) => state.partitions[p]!.name).join(', ');
  const mode = (m: SocketMode) => (m === 'map' ? 'direct-map' : 'virtual-file');
  for (const e of Object.values(state.kernel.fds)) {
    if (e.kind === 'socket') {
      lines.push(row(e.fd, `connection socket, ${mode(e.mode)} mode, ${e.service === null ? 'unbound' : `service ${e.service}`}${e.listening ? ', listening' : ''}${e.denied.length ? `, denies ${names(e.denied)}` : ''}`, words('table.fds.socket', {
        mode: words(SOCKET_MODE_KEY[e.mode]),
        service: e.service === null ? words('table.fds.unbound') : words('table.fds.service', { service: e.service }),
        listening: e.listening ? words('table.fds.listening') : '',
        denies: e.denied.length ? words('table.fds.denies', { names: names(e.denied) }) : '',
      })));
    }
    if (e.kind === 'comm') {
      const peer = state.partitions[e.peer]!.name;
      lines.push(row(e.fd, `communication socket with ${peer} (service ${e.service}, ${mode(e.mode)} mode)`, words('table.fds.comm', { peer, service: e.service, mode: words(SOCKET_MODE_KEY[e.mode]) })));
    }
    if (e.kind === 'file') lines.push(row(e.fd, `open file ${e.path} at offset ${e.offset}`, words('table.fds.file', { path: e.path, offset: e.offset })));
  }
  return lines;
}

/** "a; b; c" as words: each item and the rest after it. */
const semicolons = (items: readonly WordValue[]): WordValue => items.reduceRight((rest, item) => words('table.ps.then', { item, rest }));

function processes(state: LabState): Printed[] {
  const lines: Printed[] = Object.values(state.partitions).map((p) => {
    const args = p.wait ? ('fd' in p.wait ? `(${p.wait.fd})` : 'fds' in p.wait ? `([${p.wait.fds.join(', ')}])` : '') : '';
    const wait: [string, Words] = p.wait ? [`suspended in ${p.wait.call}${args}`, words('table.ps.suspended', { call: `${p.wait.call}${args}` })]
      : p.status === 'active' ? ['running', words('table.ps.running')] : ['ended', words('table.ps.ended')];
    const scp = p.pid === SCP_PID;
    return { cells: [
      { text: p.name, min: 5 },
      // two spaces before the state: the role's column is one wider than its longest English
      { text: scp ? 'system control program' : 'guest OS', value: words(scp ? 'table.ps.scp' : 'table.ps.guest'), min: 23 },
      { text: wait[0], value: wait[1] },
    ] };
  });
  const placing = state.machine.units.flatMap((u, i): [string, Words][] => {
    if (u.running === null) return [];
    const unit = unitName(state.machine, i);
    const name = state.partitions[state.machine.lps[u.running]!.pid]!.name;
    const unitWords = u.group === 0 ? words('table.ps.mainUnit', { index: u.index }) : words('table.ps.subUnit', { group: u.group, index: u.index });
    return [[`${unit}: ${name} lp${u.running}`, words('table.ps.placed', { unit: unitWords, name, lp: u.running })]];
  });
  lines.push(placing.length
    ? [`running now: ${placing.map(([t]) => t).join('; ')}`, words('table.ps.runningNow', { units: semicolons(placing.map(([, w]) => w)) })]
    : ['no time slice has run yet (tick() runs the scheduler)', words('table.ps.noSlice')]);
  return lines;
}
