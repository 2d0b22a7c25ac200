// What `back` does, as scripts and the last line each typed line prints.
// One table for both front ends: the engine's shell runs it in Vitest
// (src/engine/shell/back.test.ts) and the page runs it, typed into its
// terminal, in Playwright (e2e/back.spec.ts). Plain data, no imports, so
// both test runners can load it.

/**
 * A timeline button pressed, by its accessible name: the page clicks it; the
 * engine's shell moves to the moment the page's shell moves to (the start is
 * moment 0, the latest event the last recorded moment).
 */
export type TimelineButton = 'go to the start' | 'go to the latest event';

export type BackStep =
  /** a line as typed, and the last line it prints (omitted: not checked) */
  | { readonly type: string; readonly prints?: string }
  | { readonly press: TimelineButton };

export interface BackCase {
  readonly name: string;
  readonly steps: readonly BackStep[];
}

/** The Fig. 9 exchange up to the send, as lesson 4 has it typed. */
const UP_TO_SEND = [
  { type: 's = socket(AF_LPAR, SOCK_SEQPACKET)' },
  { type: 'bind(s, 7)' },
  { type: 'listen(s)' },
  { type: 'fd = accept(s)' },
  { type: '@A ch = connect(7)' },
  { type: '@A a = area(4096)' },
  { type: '@A poke(a, "need 64 pages")', prints: '= 13' },
];

export const BACK_CASES: readonly BackCase[] = [
  {
    name: 'back undoes a send: A has its message area again and reads it',
    steps: [
      ...UP_TO_SEND,
      { type: '@A send(ch, a, "mem request")', prints: '= 4096' },
      { type: 'back', prints: 'back to moment 7: undid send()' },
      { type: '@A peek(a, 4)', prints: '= "need"' },
    ],
  },
  {
    name: 'back twice undoes two steps, then says there is nothing left to undo',
    steps: [
      { type: '@A a = area(4096)', prints: '= 0x100000' },
      { type: '@A b = area(8192)', prints: '= 0x101000' },
      { type: 'back', prints: 'back to moment 1: undid area()' },
      { type: 'back', prints: 'back to moment 0: undid area()' },
      { type: 'back', prints: '= -1 EINVAL: already at the first moment: nothing to undo' },
      { type: 'frames_free()', prints: '= 160' },
    ],
  },
  {
    name: 'back with extra words is refused and undoes nothing',
    steps: [
      { type: '@A a = area(4096)', prints: '= 0x100000' },
      { type: 'back back', prints: '= -1 EINVAL: back takes no words (usage: back); nothing was done, remove: back' },
      { type: 'frames_free()', prints: '= 159' },
    ],
  },
  {
    // issue 18: a name typed at the start dropped the names of the moments kept after it,
    // and the next move back threw
    name: 'names follow the moment shown after a name is typed at the start and the playhead goes to the latest event',
    steps: [
      { type: '@A a = area(4096)', prints: '= 0x100000' },
      { type: '@A b = area(4096)', prints: '= 0x101000' },
      { type: '@A c = area(4096)', prints: '= 0x102000' },
      { press: 'go to the start' },
      { type: 'x = 1', prints: '= 1' },
      { press: 'go to the latest event' },
      { type: 'c', prints: '= 0x102000' },
      { type: 'a', prints: '= 0x100000' },
      // x was named at the start, not at this moment: replaying this moment's lines would not bind it
      { type: 'x', prints: '= -1 ENOENT: unknown name x' },
      { type: 'back', prints: 'back to moment 2: undid area()' },
      { type: 'b', prints: '= 0x101000' },
      { type: 'c', prints: '= -1 ENOENT: unknown name c' },
      { press: 'go to the start' },
      { type: 'x', prints: '= 1' },
      { type: 'a', prints: '= -1 ENOENT: unknown name a; did you mean A?' },
    ],
  },
];
