// The shared lab of a classroom, as other tools may read it: one Yjs
// document per room. `lines` holds the lines that rebuild the lecturer's lab
// on a fresh machine of `meta.seed` and `meta.frames`, in order; `meta` also
// holds the lecturer's lesson, step and playhead (`position`, events shown).
// Presence (awareness) carries each participant's display name, whether
// they follow, their lesson step and their answer to the room's question.
//
// Nothing here knows the page: the relay's tests, the benchmark and the page
// all read and write a room through these functions.

import * as Y from 'yjs';
import { DEFAULT_CONFIG } from '../../engine/index.ts';

export interface RoomMeta {
  readonly seed: number;
  readonly frames: number;
  /** the machine's processor groups and units per group (the page's ?groups= and ?units=) */
  readonly groups: number;
  readonly units: number;
  readonly lesson: string | null;
  /** the lesson step, counting from 0 */
  readonly step: number | null;
  /** the lecturer's playhead: events shown, boot included */
  readonly position: number;
  /** whether the lecturer's player is running (students' players run with it) */
  readonly playing: boolean;
  /** whether the lecturer has revealed the tally of the room's question */
  readonly reveal: boolean;
  /** the revealed tally, as the lecturer's page counted it (students do not receive each other's presence) */
  readonly tally: readonly TallyBar[];
}

export interface Presence {
  readonly role: 'lecturer' | 'student';
  readonly name: string;
  readonly following: boolean;
  readonly step: number | null;
  /** the answer to the question of `question` ("lesson:step"), if any */
  readonly answer: { readonly question: string; readonly text: string } | null;
}

export const roomLines = (doc: Y.Doc): Y.Array<string> => doc.getArray<string>('lines');
export const roomMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The meta map read defensively: whatever a tool wrote there, the page gets sane values. */
export function readMeta(doc: Y.Doc): RoomMeta | null {
  const meta = roomMeta(doc);
  if (!meta.has('seed')) return null;
  const lesson = meta.get('lesson');
  const step = meta.get('step');
  return {
    seed: num(meta.get('seed'), 1),
    frames: num(meta.get('frames'), DEFAULT_CONFIG.frames),
    groups: num(meta.get('groups'), DEFAULT_CONFIG.groups),
    units: num(meta.get('units'), DEFAULT_CONFIG.unitsPerGroup),
    lesson: typeof lesson === 'string' ? lesson : null,
    step: typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : null,
    position: num(meta.get('position'), 0),
    playing: meta.get('playing') === true,
    reveal: meta.get('reveal') === true,
    tally: readTally(meta.get('tally')),
  };
}

function readTally(value: unknown): readonly TallyBar[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, 8)
    .filter((b): b is TallyBar => typeof b === 'object' && b !== null && typeof b.answer === 'string' && Number.isInteger(b.count) && b.count >= 0)
    .map((b) => ({ answer: b.answer.slice(0, 80), count: b.count }));
}

/** Write the fields of `meta` that differ, in one transaction. */
export function writeMeta(doc: Y.Doc, meta: Partial<RoomMeta>): void {
  const map = roomMeta(doc);
  doc.transact(() => {
    for (const [k, v] of Object.entries(meta)) if (JSON.stringify(map.get(k)) !== JSON.stringify(v)) map.set(k, v);
  });
}

/** Replace the whole script (a new machine: reset, seed, a lesson opened). */
export function replaceLines(doc: Y.Doc, lines: readonly string[], meta: Partial<RoomMeta>): void {
  doc.transact(() => {
    const arr = roomLines(doc);
    if (arr.length) arr.delete(0, arr.length);
    if (lines.length) arr.push([...lines]);
    writeMeta(doc, meta);
  });
}

export function appendLines(doc: Y.Doc, lines: readonly string[]): void {
  if (lines.length) roomLines(doc).push([...lines]);
}

/** Presence as the page reads it: a well-formed record, or null for anything else. */
export function readPresence(state: unknown): Presence | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Record<string, unknown>;
  if (s.role !== 'lecturer' && s.role !== 'student') return null;
  const answer = s.answer as { question?: unknown; text?: unknown } | null | undefined;
  return {
    role: s.role,
    name: typeof s.name === 'string' ? s.name.slice(0, 40) : '',
    following: s.following === true,
    step: typeof s.step === 'number' ? s.step : null,
    answer: answer && typeof answer.question === 'string' && typeof answer.text === 'string' ? { question: answer.question, text: answer.text.slice(0, 80) } : null,
  };
}

/** The key of a lesson step's question, as answers name it. */
export const questionKey = (lesson: string, step: number) => `${lesson}:${step}`;

/** Answers grouped the way a person would read them: case, spaces and a final full stop do not make a different answer. */
export function normalAnswer(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '').toLowerCase();
}

export interface TallyBar {
  readonly answer: string;
  readonly count: number;
}

/** The tally of the answers to `question`: most given first, at most `top` bars and "other" for the rest. */
export function tallyAnswers(people: readonly Presence[], question: string, top = 6): readonly TallyBar[] {
  const counts = new Map<string, { shown: string; count: number }>();
  for (const p of people) {
    if (p.role !== 'student' || p.answer?.question !== question) continue;
    const key = normalAnswer(p.answer.text);
    if (!key) continue;
    const had = counts.get(key);
    counts.set(key, { shown: had?.shown ?? p.answer.text.trim(), count: (had?.count ?? 0) + 1 });
  }
  const bars = [...counts.values()].sort((a, b) => b.count - a.count || a.shown.localeCompare(b.shown)).map((c) => ({ answer: c.shown, count: c.count }));
  if (bars.length <= top) return bars;
  const rest = bars.slice(top - 1).reduce((n, b) => n + b.count, 0);
  return [...bars.slice(0, top - 1), { answer: 'other answers', count: rest }];
}
