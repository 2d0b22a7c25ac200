// What the page shows of its classroom: the connection, the room's people and
// the student's choices (following the lecturer or not, a name, an answer).
// The store's actions reach the relay through the session attached to it.

import { create } from 'zustand';
import type { ClassroomLink } from './classroomLink.ts';
import { animalName } from './plan.ts';
import type { Presence, RoomMeta } from './room.ts';
import { questionKey } from './room.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'unreachable';

/** What the page says about the room's lab besides the connection: it cannot be used, or it was adjusted. */
export interface RoomNotice {
  readonly kind: 'invalid' | 'note';
  readonly text: string;
}

export interface ClassroomState {
  readonly link: ClassroomLink | null;
  readonly role: 'lecturer' | 'student';
  readonly status: ConnectionStatus;
  readonly name: string;
  readonly following: boolean;
  readonly meta: RoomMeta | null;
  readonly notice: RoomNotice | null;
  /** everyone in the room, this page included */
  readonly people: readonly Presence[];
  readonly answer: { readonly question: string; readonly text: string } | null;
  detach(): void;
  follow(): void;
  setName(name: string): void;
  sendAnswer(text: string): void;
  setReveal(reveal: boolean): void;
}

/** What the store asks of the page's session with the relay (session.ts). */
export interface SessionControl {
  announce(): void;
  followNow(force: boolean): void;
  reveal(reveal: boolean): void;
}

let session: SessionControl | null = null;

/** The session the store's actions reach; null when the page is in no classroom. */
export function attachSession(control: SessionControl | null): void {
  session = control;
}

export const useClassroom = create<ClassroomState>()((set, get) => ({
  link: null,
  role: 'student',
  status: 'connecting',
  name: '',
  following: true,
  meta: null,
  notice: null,
  people: [],
  answer: null,
  detach: () => {
    if (get().role !== 'student' || !get().following) return;
    set({ following: false });
    session?.announce();
  },
  follow: () => {
    if (get().role !== 'student') return;
    set({ following: true });
    session?.announce();
    session?.followNow(true);
  },
  setName: (name) => {
    const clean = name.replace(/[\p{C}]/gu, '').trim().slice(0, 40);
    if (!clean) return;
    set({ name: clean });
    try {
      localStorage.setItem('lparlab.classroom.name', clean);
    } catch {
      // storage blocked: the name lasts for this visit
    }
    session?.announce();
  },
  sendAnswer: (text) => {
    const meta = get().meta;
    const clean = text.replace(/[\p{C}]/gu, '').trim().slice(0, 80);
    if (!meta?.lesson || meta.step === null || !clean) return;
    set({ answer: { question: questionKey(meta.lesson, meta.step), text: clean } });
    session?.announce();
  },
  setReveal: (reveal) => {
    if (get().role === 'lecturer') session?.reveal(reveal);
  },
}));

/** The name this browser used in a classroom before, or a new animal's name. */
export function storedName(): string {
  try {
    const saved = localStorage.getItem('lparlab.classroom.name');
    if (saved) return saved;
  } catch {
    // storage blocked: a new name
  }
  return animalName(Math.random());
}
