// What to send and what to apply, decided as data (no document, no store):
// the session acts on these plans.
//
// The room's `lines` must rebuild the lecturer's lab on a fresh machine, so a
// latecomer lands where everyone else is. The lecturer's shell keeps every
// line typed since its machine started; when the lecturer goes back in time
// (the timeline, or `back`) and then types, the lab branches from that
// earlier moment. The script says so with `back` lines before the new one:
// replayed, they take the machine to the same moment, then the line branches.

/** The lines typed since the machine started, as the shell keeps them (an append-only list). */
export interface History {
  readonly length: number;
  at(index: number): string | undefined;
  slice(start?: number, end?: number): string[];
}

export interface Published {
  /** how many lines of the shell's history the room has heard, and the last of them */
  readonly heard: number;
  readonly lastHeard: string | undefined;
  /** the timeline cursor those lines leave the machine at */
  readonly cursor: number;
  readonly generation: number;
  readonly seed: number;
  readonly frames: number;
}

export interface ShellFacts {
  readonly history: History;
  readonly cursor: number;
  readonly generation: number;
  readonly seed: number;
  readonly frames: number;
}

/** What the room has heard once it has heard everything in `now`. */
export const heardAll = (now: ShellFacts): Published => ({
  heard: now.history.length, lastHeard: now.history.at(-1), cursor: now.cursor, generation: now.generation, seed: now.seed, frames: now.frames,
});

export type Publish =
  | { readonly kind: 'none' }
  /** a new machine (reset, seed, a lesson opened, a link loaded): the whole script again */
  | { readonly kind: 'replace'; readonly lines: readonly string[] }
  | { readonly kind: 'append'; readonly lines: readonly string[] };

export function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  if (prefix.length > of.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== of[i]) return false;
  return true;
}

/**
 * What the lecturer's page sends after a change of its lab: `before` is the
 * cursor the shell was at when the new lines were typed.
 */
export function planPublish(last: Published, now: ShellFacts, before: number): Publish {
  const sameMachine = now.generation === last.generation && now.seed === last.seed && now.frames === last.frames;
  // the history only grows while the machine is the same; anything else is a new script
  const grew = now.history.length >= last.heard && (last.heard === 0 || now.history.at(last.heard - 1) === last.lastHeard);
  if (!sameMachine || !grew) return { kind: 'replace', lines: now.history.slice() };
  if (now.history.length === last.heard) return { kind: 'none' };
  const typed = now.history.slice(last.heard);
  // typed after going back in time: first go back to where it was typed
  const backs = Math.max(0, last.cursor - before);
  return { kind: 'append', lines: [...Array<string>(backs).fill('back'), ...typed] };
}

export type Follow =
  | { readonly kind: 'none' }
  /** build the lab again from the whole script at once (a latecomer, a new machine, a long gap) */
  | { readonly kind: 'rebuild' }
  /** type the new lines, animated as usual */
  | { readonly kind: 'type'; readonly lines: readonly string[] };

/** More new lines than this at once (a long network gap) are not animated one by one. */
export const ANIMATE_AT_MOST = 12;

/** A script and the machine it runs on, as "seed/frames/groups/units". */
export interface Script {
  readonly lines: readonly string[];
  readonly machine: string;
}

export function planFollow(applied: Script | null, room: Script): Follow {
  if (!applied || applied.machine !== room.machine || !isPrefix(applied.lines, room.lines)) return { kind: 'rebuild' };
  const fresh = room.lines.slice(applied.lines.length);
  if (fresh.length === 0) return { kind: 'none' };
  return fresh.length > ANIMATE_AT_MOST ? { kind: 'rebuild' } : { kind: 'type', lines: fresh };
}

const ANIMALS = ['Otter', 'Heron', 'Lynx', 'Badger', 'Puffin', 'Gecko', 'Marten', 'Ibex', 'Wombat', 'Kestrel', 'Newt', 'Tapir', 'Okapi', 'Quokka', 'Stoat', 'Vole'] as const;

/** A display name for a student who has not chosen one: an animal and a number, from `r` in [0, 1). */
export function animalName(r: number): string {
  const i = Math.floor(r * ANIMALS.length * 100);
  return `${ANIMALS[i % ANIMALS.length]!} ${Math.floor(i / ANIMALS.length) + 1}`;
}
