// The page's one store. It holds the shell (and so the engine's timeline) and
// the playhead: which of the recorded events the views are showing now. A
// command's micro-steps are revealed one event at a time; stepping back and
// forward moves the playhead over events, and the views draw the machine as
// it was right after the event at the playhead (`shown`). The UI never
// changes engine state itself: it sends lines to the shell and moves in time.
//
// The playhead may trail the shell's current moment while the player catches
// up with commands just typed; moving in time on purpose (step, scrub, click
// an arrow) also moves the shell, so the next command branches from there.
//
// Every user action is one `set`: views never see the shell of one moment
// with the playhead of another. A typed line says what it did (its effect);
// the store acts on that and never compares states to guess it.

import { useMemo } from 'react';
import { create } from 'zustand';
import { usePrefs } from '../app/prefs.ts';
import { useLanguage } from '../app/language.ts';
import { OPENING } from '../app/mode.ts';
import { eventsBefore } from './eventIndex.ts';
import { entryMoments, momentState, rememberMoment } from './momentCache.ts';
import type { Highlight } from '../../engine/index.ts';
import type { Effect, LabEvent, LabState, Output, ShellState } from '../../engine/index.ts';
import {
  checkInvariants, createShell, entryEnd, eventsOf, interrupt as interruptShell, locateEvent, runLine, seekShell,
} from '../../engine/index.ts';

/** The micro-steps of one recorded entry, computed when the playhead enters it. */
interface EntryMoments {
  readonly entry: number;
  readonly before: LabState;
  readonly moments: readonly LabState[];
  readonly events: readonly LabEvent[];
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface LabStore {
  readonly shell: ShellState;
  /** events shown so far, counting boot events: the playhead */
  readonly position: number;
  /** the micro-steps of the entry the playhead is inside, while it is not at the entry's end */
  readonly inside: EntryMoments | null;
  /** the machine as it was right after the event at the playhead: what the views draw */
  readonly shown: LabState;
  readonly playing: boolean;
  /**
   * Whether the player may play on past the shell's moment into the recorded
   * future, moving the shell with it: true after a move with the timeline's
   * controls (a replay). A typed line (a new command, or `back`, which undoes)
   * or a loaded lab sets it false: the player then stops at the shell's own
   * moment, and an undone future stays on the scrubber only.
   */
  readonly replaying: boolean;
  /** where a bounded play stops (a presenter plays one lesson step of a replay): null plays to the player's end */
  readonly stop: number | null;
  readonly speed: Speed;
  /** bumps whenever the shell is replaced wholesale (reset, seed, loaded link) */
  readonly generation: number;
  /** every output the shell printed since the page opened (capped), for lesson checks */
  readonly outputs: readonly Output[];
  /** lines for the terminal to print that no typed line produced (a replayed lesson, a loaded link) */
  readonly notice: { readonly id: number; readonly lines: readonly string[] } | null;
  /** a message for the whole page (a refused link or file), shown until dismissed */
  readonly banner: { readonly kind: 'error' | 'info'; readonly text: string } | null;
  /** what a failed lesson check points at: views outline it */
  readonly highlight: (Highlight & { readonly id: number }) | null;
  /** the latest page fault a call caused (EFAULT): the Memory view flashes it [0070] */
  readonly lastFault: { readonly ctx: string; readonly addr: number; readonly id: number } | null;

  /** the page's terminal, once it is mounted: lines typed for the student go through it, so they see them */
  readonly terminal: TerminalPort | null;

  /** run a typed line: what it printed and what it did */
  submit(line: string): Typed;
  interrupt(ctx?: string): readonly Output[];
  /** type a line as if by keyboard, so the student sees it (without a terminal: run it) */
  typeLine(line: string): void;
  stepForward(): void;
  stepBack(): void;
  /**
   * The player's step: `count` events forward (one unless given), at most to
   * the player's end; like stepForward, but the shell stays at its moment
   * while the view catches up, and follows past it only in a replay.
   */
  advance(count?: number): void;
  /** show the latest event at once (reduced motion) */
  catchUp(): void;
  seek(position: number): void;
  /** the playhead at `position` while the shell stays at its moment: a shared link opens where its sender was watching */
  showAt(position: number): void;
  seekEvent(seq: number): void;
  setPlaying(playing: boolean): void;
  /** play, stopping at `position` at the latest */
  playTo(position: number): void;
  setSpeed(speed: Speed): void;
  /** a new lab (a lesson's fresh start, a loaded link); `note` is printed above it */
  /** a new lab; `outputs`, when given, replace those seen so far (what a replayed link printed) */
  replaceShell(shell: ShellState, note?: readonly string[], outputs?: readonly Output[]): void;
  setHighlight(highlight: Highlight | null): void;
  notify(lines: readonly string[]): void;
  setBanner(banner: LabStore['banner']): void;
  attachTerminal(terminal: TerminalPort | null): void;
}

/** What a typed line printed and what it did (the shell's effect). */
export interface Typed {
  readonly out: readonly Output[];
  readonly effect: Effect;
}

/** What the store needs from the page's terminal. */
export interface TerminalPort {
  typeLine(line: string): void;
}

export const MAX_OUTPUTS = 2000;
const appendOutputs = (old: readonly Output[], more: readonly Output[]) => (more.length === 0 ? old : [...old, ...more].slice(-MAX_OUTPUTS));

/** Total events recorded in the timeline (boot included), whether or not the cursor has reached them. */
export function totalEvents(shell: ShellState): number {
  return shell.timeline.eventCount;
}

/** Events up to the shell's current moment: where the playhead rests when nothing is being replayed. */
export function restingPosition(shell: ShellState): number {
  return entryEnd(shell.timeline, shell.timeline.cursor - 1);
}

/** In a development build every moment shown is checked against the machine's invariants. */
function checked(shell: ShellState): ShellState {
  if (import.meta.env.DEV) {
    const broken = checkInvariants(shell.timeline.current);
    if (broken.length) console.error(`lparlab invariant broken:\n${broken.join('\n')}`);
  }
  return shell;
}

/**
 * Put the playhead at `position`. With `moveShell` the shell goes to the
 * moment that contains it (time travel on purpose); otherwise the shell stays
 * where it is and only the view trails behind.
 */
function placePlayhead(shell: ShellState, position: number, inside: EntryMoments | null, moveShell: boolean) {
  const t = shell.timeline;
  const boot = t.bootEvents.length;
  const target = Math.max(boot, Math.min(position, totalEvents(shell)));
  if (target === boot) {
    const moved = moveShell ? checked(seekShell(shell, 0)) : shell;
    return { shell: moved, position: target, inside: null, shown: moved === shell && t.cursor !== 0 ? momentState(t, 0) : moved.timeline.current };
  }
  const { entry, index } = locateEvent(t, target - 1);
  const moved = moveShell ? checked(seekShell(shell, entry + 1)) : shell;
  const events = eventsOf(t, entry);
  if (index + 1 >= events.length) {
    const shown = moved.timeline.cursor === entry + 1 ? moved.timeline.current : momentState(t, entry + 1);
    return { shell: moved, position: target, inside: null, shown };
  }
  const moments = inside?.entry === entry ? inside : { entry, events, ...entryMoments(t, entry) };
  return { shell: moved, position: target, inside: moments, shown: moments.moments[index]! };
}

const INITIAL = createShell(OPENING.frames ? { frames: OPENING.frames } : {});

/** Where the player stops: the end of the recorded timeline while replaying, else the shell's own moment. */
export function playerEnd(s: Pick<LabStore, 'shell' | 'replaying'> & { readonly stop?: number | null }): number {
  const end = s.replaying ? totalEvents(s.shell) : restingPosition(s.shell);
  return s.stop === null || s.stop === undefined ? end : Math.min(end, s.stop);
}

export const useLab = create<LabStore>()((set, get) => ({
  shell: INITIAL,
  position: restingPosition(INITIAL),
  inside: null,
  shown: INITIAL.timeline.current,
  playing: true,
  replaying: false,
  stop: null,
  speed: 1,
  generation: 0,
  lastFault: null,
  outputs: [],
  highlight: null,
  notice: null,
  banner: null,
  terminal: null,

  submit(line) {
    const now = get();
    // `log` prints the patent's tags as the reader chose to see them, like the views; `lesson` lists a lesson's text in the reader's language
    const { shell, out, effect } = runLine(now.shell, line, { tags: usePrefs.getState().tags, lang: useLanguage.getState().lang });
    const fault = out.find((o) => o.kind === 'error' && o.errno === 'EFAULT' && o.addr !== undefined);
    const seen = {
      outputs: appendOutputs(now.outputs, out),
      ...(fault?.kind === 'error' ? { lastFault: { ctx: fault.ctx, addr: fault.addr!, id: (now.lastFault?.id ?? 0) + 1 } } : {}),
    };
    switch (effect.kind) {
      case 'recorded': {
        // the machine before the new entry, in hand now: the player and the views ask for it next
        if (shell.timeline.cursor === now.shell.timeline.cursor + 1) rememberMoment(shell.timeline, now.shell.timeline.cursor, now.shell.timeline.current);
        // a new entry: the playhead reveals its first micro-step, unless it is still
        // catching up with earlier ones; the player does the rest
        const resting = restingPosition(now.shell);
        const at = now.position < resting ? now.position : resting + 1;
        set({ ...seen, ...placePlayhead(checked(shell), at, now.inside, false), replaying: false, stop: null });
        break;
      }
      // back: an earlier moment, shown at once; the undone steps are not replayed
      case 'moved': set({ ...seen, ...rest(checked(shell)) }); break;
      case 'restarted': set({ ...seen, ...rest(checked(shell)), generation: now.generation + 1 }); break;
      case 'none': case 'openLesson': set({ ...seen, shell, replaying: false }); break;
    }
    return { out, effect };
  },

  interrupt(ctx) {
    const { shell, out } = interruptShell(get().shell, ctx);
    set({ ...rest(checked(shell)), outputs: appendOutputs(get().outputs, out) });
    return out;
  },

  typeLine(line) {
    const terminal = get().terminal;
    if (terminal) terminal.typeLine(line);
    else get().submit(line);
  },

  stepForward: () => set(travel(get(), get().position + 1)),
  stepBack: () => set(travel(get(), get().position - 1)),
  seek: (position) => set(travel(get(), position)),
  showAt: (position) => set(placePlayhead(get().shell, position, get().inside, false)),
  seekEvent: (seq) => set({ ...travel(get(), seq + 1), playing: false }),
  catchUp() {
    const s = get();
    const end = playerEnd(s);
    set(placePlayhead(s.shell, end, s.inside, end > restingPosition(s.shell)));
  },
  advance(count = 1) {
    // one update however many events: stepping them one by one, with the shell following each
    // moment, ends where this does, but cost a store update (every view's selectors) per event
    const s = get();
    const end = playerEnd(s);
    if (s.position >= end) return;
    const target = Math.min(s.position + count, end);
    set(placePlayhead(s.shell, target, s.inside, target > restingPosition(s.shell)));
  },
  setPlaying: (playing) => set({ playing, stop: null }),
  playTo: (position) => set({ playing: true, stop: position }),
  setSpeed: (speed) => set({ speed }),
  replaceShell: (shell, note, outputs) => set({
    ...rest(checked(shell)), generation: get().generation + 1, highlight: null,
    ...(outputs ? { outputs: appendOutputs([], outputs) } : {}),
    ...(note ? { notice: { id: (get().notice?.id ?? 0) + 1, lines: note } } : {}),
  }),
  notify: (lines) => set({ notice: { id: (get().notice?.id ?? 0) + 1, lines } }),
  setBanner: (banner) => set({ banner }),
  setHighlight: (highlight) => set({ highlight: highlight ? { ...highlight, id: (get().highlight?.id ?? 0) + 1 } : null }),
  attachTerminal: (terminal) => set({ terminal }),
}));

/** Time travel on purpose (step, scrub, an arrow clicked): the shell follows, and the player may replay from there. */
function travel(s: LabStore, position: number) {
  return { ...placePlayhead(s.shell, position, s.inside, true), replaying: true, stop: null };
}

// ------------------------------------------------------------ selectors for views

/** The machine as it was right after the event at the playhead. */
export const displayState = (s: LabStore): LabState => s.shown;

/** The event the playhead has just revealed (null at the start). */
export function focusEvent(s: LabStore): LabEvent | null {
  const t = s.shell.timeline;
  if (s.position <= t.bootEvents.length) return t.bootEvents[s.position - 1] ?? null;
  return s.position <= t.eventCount ? t.events[s.position - 1] ?? null : null;
}

/** The playhead at the shell's own moment, nothing being replayed. */
function rest(shell: ShellState) {
  return { shell, position: restingPosition(shell), inside: null, shown: shell.timeline.current, replaying: false, stop: null };
}

export const useDisplayState = () => useLab(displayState);
export const useFocusEvent = () => useLab(focusEvent);

/**
 * Every event up to the playhead, boot included: what the sequence chart and
 * the log draw. Timelines append to a shared events array, so the array (and
 * this list) only changes when the playhead moves or history branches, not
 * each time a command is typed while the player catches up.
 */
export function useShownEvents(): readonly LabEvent[] {
  const events = useLab((s) => s.shell.timeline.events);
  const position = useLab((s) => s.position);
  return useMemo(() => eventsBefore(events, position), [events, position]);
}

const NO_EVENTS: readonly LabEvent[] = [];

/** The events of the command the playhead is in (the whole command once it is past its end). */
/** Where the events of the command the playhead is in start (-1 at boot). */
function commandStartAtPlayhead(s: LabStore): number {
  const t = s.shell.timeline;
  return s.position <= t.bootEvents.length ? -1 : t.starts[locateEvent(t, s.position - 1).entry]!;
}

/** Where they end: the sequence number after the command's last event (-1 at boot). */
function commandEndAtPlayhead(s: LabStore): number {
  const t = s.shell.timeline;
  return s.position <= t.bootEvents.length ? -1 : entryEnd(t, locateEvent(t, s.position - 1).entry);
}

/** The events of the command being shown, up to the playhead (for highlights). Stable while the playhead stays. */
export function useCurrentStepEvents(): readonly LabEvent[] {
  const from = useLab(commandStartAtPlayhead);
  const end = useLab(commandEndAtPlayhead);
  const events = useLab((s) => s.shell.timeline.events);
  const position = useLab((s) => s.position);
  // the branch's events sit in one flat array by sequence number: the command's are [from, end)
  return useMemo(() => (from < 0 ? NO_EVENTS : events.slice(from, Math.min(end, position))), [events, from, end, position]);
}
