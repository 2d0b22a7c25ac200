// The page's one store. It holds the shell (and so the engine's timeline) and
// the playhead: which of the recorded events the views are showing now. A
// command's micro-steps are revealed one event at a time; stepping back and
// forward moves the playhead over events, and the views draw the machine as
// it was right after the event at the playhead. The UI never changes engine
// state itself: it sends lines to the shell and moves in time (STYLE.md).

import { useMemo } from 'react';
import { create } from 'zustand';
import type { LabEvent, LabState, Output, ShellState } from '../../engine/index.ts';
import {
  checkInvariants, createShell, interrupt as interruptShell, locateEvent, microStates, runLine, seekShell,
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
  /** the entry the playhead is inside, while it is not at the entry's end */
  readonly inside: EntryMoments | null;
  readonly playing: boolean;
  readonly speed: Speed;
  /** every line the terminal printed, for export and for tests */
  readonly transcript: readonly string[];
  /** bumps whenever the shell is replaced wholesale (reset, seed, loaded link) */
  readonly generation: number;
  /** the latest page fault a call caused (EFAULT): the Memory view flashes it [0070] */
  readonly lastFault: { readonly ctx: string; readonly addr: number; readonly id: number } | null;

  submit(line: string): readonly Output[];
  interrupt(ctx?: string): readonly Output[];
  stepForward(): void;
  stepBack(): void;
  seek(position: number): void;
  seekEvent(seq: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  noteTranscript(lines: readonly string[]): void;
  replaceShell(shell: ShellState): void;
}

/** Total events recorded in the timeline (boot included), whether or not the cursor has reached them. */
export function totalEvents(shell: ShellState): number {
  const t = shell.timeline;
  const last = t.entries[t.length - 1];
  return last ? last.firstSeq + last.step.events.length : t.bootEvents.length;
}

/** Events up to the shell's current moment: where the playhead rests when nothing is being replayed. */
export function restingPosition(shell: ShellState): number {
  const t = shell.timeline;
  const last = t.entries[t.cursor - 1];
  return last ? last.firstSeq + last.step.events.length : t.bootEvents.length;
}

/** In a development build every moment shown is checked against the machine's invariants. */
function checked(shell: ShellState): ShellState {
  if (import.meta.env.DEV) {
    const broken = checkInvariants(shell.timeline.current);
    if (broken.length) console.error(`lparlab invariant broken:\n${broken.join('\n')}`);
  }
  return shell;
}

/** Put the playhead at `position`: the shell moves to the moment that contains it. */
function placePlayhead(shell: ShellState, position: number, inside: EntryMoments | null) {
  const boot = shell.timeline.bootEvents.length;
  const target = Math.max(boot, Math.min(position, totalEvents(shell)));
  if (target === boot) return { shell: checked(seekShell(shell, 0)), position: target, inside: null };
  const { entry, index } = locateEvent(shell.timeline, target - 1);
  const moved = checked(seekShell(shell, entry + 1));
  const events = shell.timeline.entries[entry]!.step.events;
  if (index + 1 >= events.length) return { shell: moved, position: target, inside: null };
  const moments = inside?.entry === entry ? inside : { entry, events, ...microStates(shell.timeline, entry) };
  return { shell: moved, position: target, inside: moments };
}

export const useLab = create<LabStore>()((set, get) => ({
  shell: createShell(),
  position: 0,
  inside: null,
  playing: true,
  speed: 1,
  transcript: [],
  generation: 0,
  lastFault: null,

  submit(line) {
    const before = get().shell;
    const { shell, out } = runLine(before, line);
    const fault = out.find((o) => o.kind === 'error' && o.errno === 'EFAULT' && o.addr !== undefined);
    if (fault && fault.kind === 'error') set({ lastFault: { ctx: fault.ctx, addr: fault.addr!, id: (get().lastFault?.id ?? 0) + 1 } });
    const t0 = before.timeline;
    const t1 = shell.timeline;
    const recorded = t1.config === t0.config && t1.cursor === t0.cursor + 1 && t1.entries[t0.cursor] !== t0.entries[t0.cursor];
    if (recorded) {
      // a new entry: the playhead reveals its first micro-step; the player does the rest
      set(placePlayhead(checked(shell), restingPosition(before) + 1, null));
    } else if (t1 !== t0) {
      // back, reset, seed: a moment changed without a new entry
      set({ shell: checked(shell), position: restingPosition(shell), inside: null, generation: get().generation + (t1.config === t0.config ? 0 : 1) });
    } else {
      set({ shell });
    }
    return out;
  },

  interrupt(ctx) {
    const { shell, out } = interruptShell(get().shell, ctx);
    set({ shell: checked(shell), position: restingPosition(shell), inside: null });
    return out;
  },

  stepForward: () => set(placePlayhead(get().shell, get().position + 1, get().inside)),
  stepBack: () => set(placePlayhead(get().shell, get().position - 1, get().inside)),
  seek: (position) => set(placePlayhead(get().shell, position, get().inside)),
  seekEvent: (seq) => set({ ...placePlayhead(get().shell, seq + 1, get().inside), playing: false }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  noteTranscript: (lines) => set({ transcript: [...get().transcript, ...lines] }),
  replaceShell: (shell) => set({ shell: checked(shell), position: restingPosition(shell), inside: null, generation: get().generation + 1 }),
}));

// ------------------------------------------------------------ selectors for views

/** The machine as it was right after the event at the playhead. */
export function displayState(s: LabStore): LabState {
  if (!s.inside) return s.shell.timeline.current;
  const index = s.position - 1 - s.inside.events[0]!.seq;
  return index < 0 ? s.inside.before : s.inside.moments[index]!;
}

/** The event the playhead has just revealed (null at the start). */
export function focusEvent(s: LabStore): LabEvent | null {
  if (s.position === 0) return null;
  const t = s.shell.timeline;
  if (s.inside) return s.inside.events[s.position - 1 - s.inside.events[0]!.seq] ?? null;
  const last = t.entries[t.cursor - 1];
  if (last) return last.step.events.at(-1) ?? null;
  return t.bootEvents[s.position - 1] ?? null;
}

export const useDisplayState = () => useLab(displayState);
export const useFocusEvent = () => useLab(focusEvent);

/** Every event up to the playhead, boot included: what the sequence chart and the log draw. */
export function useShownEvents(): readonly LabEvent[] {
  const timeline = useLab((s) => s.shell.timeline);
  const position = useLab((s) => s.position);
  return useMemo(() => {
    const all: LabEvent[] = [...timeline.bootEvents];
    for (let i = 0; i < timeline.length && all.length < position; i++) all.push(...timeline.entries[i]!.step.events);
    return all.slice(0, position);
  }, [timeline, position]);
}

/** The events of the command being shown, up to the playhead (for highlights), or of the last command. */
export function useCurrentStepEvents(): readonly LabEvent[] {
  const inside = useLab((s) => s.inside);
  const position = useLab((s) => s.position);
  const timeline = useLab((s) => s.shell.timeline);
  return useMemo(() => {
    if (inside) return inside.events.filter((e) => e.seq < position);
    return timeline.entries[timeline.cursor - 1]?.step.events ?? [];
  }, [inside, position, timeline]);
}
