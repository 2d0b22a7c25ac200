// For the tests that check a line reads in another language: the English
// words left in it once the command language is taken out. Kept apart from
// any one test file so every test of the shell's words (shellWords.test.ts,
// the engine's refusals) and of the built-in lessons (lessonWords.test.ts)
// uses the same rule.

import { CALLS, CONSTANTS, PEOPLE_TABLE } from '../engine/index.ts';

/** The command language's own words, the same in every language. */
const LANGUAGE_WORDS = new Set([
  ...CALLS.map((c) => c.name), ...PEOPLE_TABLE.map((c) => c.name), ...CONSTANTS,
  // owner_of's answers, the trace's tags, and words every language writes so
  'control', 'free', 'lab', 'OS', 'ID', 'CPU', 'fd', 'fds', 'scp', 'POSIX', 'Ctrl', 'GiB',
]);

/** The English words left in a line once the command language, and any word of the line typed, is taken out of it. */
export function englishIn(line: string, typed = ''): string[] {
  const own = new Set([...(typed.match(/\w+/g) ?? []), ...(typed.match(/[A-Za-z][\w.]*[A-Za-z]/g) ?? [])]);
  const rest = line
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ') // strings typed
    .replace(/\b\w+\((?:[^()]|\([^()]*\))*\)/g, ' ') // calls as they are typed, with their arguments
    .replace(/\{[^{}]*\}/g, ' ') // record shapes: {addr, size, short}
    .replace(/\/msg\S*/g, ' ') // virtual files
    .replace(/\bS-?[\dA-E]+(\([a-d]\))?/g, ' ') // the patent's steps
    .replace(/\bE[A-Z]+\b/g, ' ') // errno names
    .replace(/\b0x[\da-f]+\b/g, ' ') // addresses
    .replace(/\blp\d+\b/g, ' ') // logical processors by number: lp3
    .replace(/^ *\d+ [^ ]{1,64}$/, ' ') // a row of the frame map: a letter for each frame's owner
    .replace(/\blab:\w+/g, ' ') // the lab's own tags
    .replace(/\b\w+\.\w+\b/g, ' ') // fields of a name: r.request
    .replace(/\s(例|e\.g\.): .*$/, ' '); // an example is a line of the command language
  return [...rest.matchAll(/[A-Za-z][\w.]*[A-Za-z]/g)].map((m) => m[0]).filter((w) => !LANGUAGE_WORDS.has(w) && !own.has(w));
}
