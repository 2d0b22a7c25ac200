// The commands for people, as names: bare words rather than calls, that
// print tables and notes or move the machine in time. The parser, the
// shell's name checks, tab completion and `help` read this table; what each
// command does is in people.ts, a layer above the shell.

import type { WordValue } from '../words.js';
import { words } from '../words.js';

export interface PeopleCommand {
  readonly name: string;
  /** how many words may follow the name: [fewest, most]; a command takes one word at most */
  readonly words: readonly [0 | 1, 0 | 1];
  readonly usage: string;
  readonly summary: string;
}

export const PEOPLE_TABLE = [
  { name: 'help', words: [0, 1], usage: 'help [call]', summary: 'the calls of this context, or one call in detail' },
  { name: 'lpars', words: [0, 0], usage: 'lpars', summary: 'the partitions: mode, state, frames, resources used / limit' },
  { name: 'frames', words: [0, 0], usage: 'frames', summary: 'physical memory: who owns which frames' },
  { name: 'map', words: [0, 1], usage: 'map A', summary: "a partition's logical address space and the frames behind it" },
  { name: 'channels', words: [0, 0], usage: 'channels', summary: 'the message channels and what waits in their ports' },
  { name: 'fds', words: [0, 0], usage: 'fds', summary: "the system control OS kernel's file descriptor table" },
  { name: 'ls', words: [0, 1], usage: 'ls /msg', summary: 'the virtual files of received messages' },
  { name: 'ps', words: [0, 0], usage: 'ps', summary: 'who is running and who is suspended in which call' },
  { name: 'log', words: [0, 1], usage: 'log [n]', summary: 'the last n events (default 20) with their patent steps' },
  { name: 'lesson', words: [0, 1], usage: 'lesson [name]', summary: 'list the lessons, or open one (in the page: the lesson panel)' },
  { name: 'interrupt', words: [0, 1], usage: 'interrupt [A]', summary: 'interrupt the suspended call of a context, as Ctrl-C does (EINTR)' },
  { name: 'back', words: [0, 0], usage: 'back', summary: 'undo the last step (names come back too)' },
  { name: 'reset', words: [0, 0], usage: 'reset', summary: 'start the machine again with the same seed' },
  { name: 'seed', words: [1, 1], usage: 'seed <n>', summary: 'start the machine again with seed n' },
] as const satisfies readonly PeopleCommand[];

/** The name of a command for people: people.ts has a handler for each, the compiler checks it. */
export type PeopleName = (typeof PEOPLE_TABLE)[number]['name'];

export const PEOPLE_COMMANDS: ReadonlySet<string> = new Set<string>(PEOPLE_TABLE.map((c) => c.name));

/** The catalog keys of a command's description and its usage line (help; src/i18n). */
export const peopleKey = (name: string): string => `help.command.${name}`;
export const usageKey = (name: string): string => `help.usage.${name}`;
/** A usage line with a placeholder word (`help [call]`) as words; the others are the command language only. */
export const usageWords = (c: PeopleCommand): WordValue => (/[a-z]{2,}\]/.test(c.usage) ? words(usageKey(c.name)) : c.usage);
