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
import { findLesson } from '../../engine/index.ts';
import { readConfig, readLessonPlace, readWhole, said } from '../share/linkFields.ts';
import type { LessonPlace, Note, Said } from '../share/linkFields.ts';
import type { Words } from '../../engine/index.ts';
import { LINK_LIMITS } from '../share/shareLink.ts';

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

/** The room's lab as a page may use it: checked like a share link, with the same limits. */
export interface RoomLab {
  readonly meta: RoomMeta;
  readonly lines: readonly string[];
  /** something the room named that was adjusted (a step past a lesson's end, a lesson this page does not know) */
  readonly note: Note | null;
}

export type RoomRead =
  /** nobody has published a lab yet */
  | { readonly kind: 'empty' }
  | { readonly kind: 'lab'; readonly lab: RoomLab }
  /** what is there cannot be used: `message` says why in English, `words` in the strip's language */
  | ({ readonly kind: 'invalid' } & Said);

/** What a value read from the room is, for a message: "a number", "a nested Yjs type", ..., and its words. */
function kindOf(value: unknown): Said {
  if (value === null) return said('null', 'classroom.room.kind.null');
  if (value === undefined) return said('missing', 'classroom.room.kind.missing');
  if (value instanceof Y.AbstractType) return said('a nested Yjs type', 'classroom.room.kind.nested');
  if (value instanceof Uint8Array) return said('binary data', 'classroom.room.kind.binary');
  if (Array.isArray(value)) return said('a list', 'classroom.room.kind.list');
  const type = typeof value;
  if (type === 'object') return said('an object', 'classroom.room.kind.object');
  if (type === 'string') return said('text', 'classroom.room.kind.text');
  return said(`a ${type}`, 'classroom.room.kind.other', { type });
}

const invalid = (why: Said): RoomRead => ({ kind: 'invalid', ...why });

/** The room's fields as a message names them: the meta's own keys, and the step and the moment shown as a link's fields. */
const FIELD_WORDS: Readonly<Record<string, Words>> = {
  seed: { id: 'classroom.room.key.seed' },
  frames: { id: 'classroom.room.key.frames' },
  groups: { id: 'classroom.room.key.groups' },
  units: { id: 'classroom.room.key.units' },
  'the step': { id: 'share.field.step' },
  'the moment shown': { id: 'share.field.at' },
};

/** `field is <kind>, not a number` */
function notNumber(field: string, value: unknown): RoomRead {
  const kind = kindOf(value);
  return invalid(said(`${field} is ${kind.message}, not a number`, 'classroom.room.notNumber', { field: FIELD_WORDS[field]!, kind: kind.words }));
}

/**
 * The room's lab, read as warily as a share link (share/shareLink.ts): the
 * machine through the same field readers (a seed of -1, 5 frames, 99 groups
 * or 256.5 of anything are refused), the lesson step clamped to the lesson's
 * end with a note, every line a single line of text within the link's
 * limits. Anyone with the key (or a tool gone wrong) may have written the
 * document: nothing in it may throw in the page.
 */
export function readRoom(doc: Y.Doc): RoomRead {
  let meta: Y.Map<unknown>;
  let entries: unknown[];
  try {
    meta = roomMeta(doc);
    entries = roomLines(doc).toArray();
  } catch {
    // a root type of another kind (a map where the lines belong)
    return invalid(said('its document is not shaped like a room', 'classroom.room.shape'));
  }
  if (!meta.has('seed')) return { kind: 'empty' };

  // the machine: numbers only, then the share link's own readers
  const params = new URLSearchParams();
  for (const key of ['seed', 'frames', 'groups', 'units'] as const) {
    if (!meta.has(key)) continue;
    const value = meta.get(key);
    if (typeof value !== 'number') return notNumber(key, value);
    params.set(key, String(value));
  }
  const config = readConfig(params);
  if (!config.ok) return invalid(config);

  // the lesson and its step: a step past the end opens the last step, as a link does
  const lesson = meta.get('lesson') ?? null;
  const step = meta.get('step') ?? null;
  if (lesson !== null && typeof lesson !== 'string') {
    const kind = kindOf(lesson);
    return invalid(said(`the lesson is ${kind.message}, not a lesson's name`, 'classroom.room.lessonKind', { kind: kind.words }));
  }
  if (step !== null && typeof step !== 'number') return notNumber('the step', step);
  let note: Note | null = null;
  let place: LessonPlace | null = null;
  if (lesson !== null) {
    if (!/^[a-z0-9-]{1,32}$/.test(lesson)) return invalid(said('the lesson\'s name is not one a lesson can have', 'classroom.room.lessonName'));
    if (findLesson(lesson)) {
      const read = readLessonPlace(new URLSearchParams(step === null ? { lesson } : { lesson, step: String(step) }), 0);
      if (!read.ok) return invalid(read);
      ({ place, note } = read.value);
    } else {
      // the lecturer's own lesson file: the lab follows without it
      note = { key: 'classroom.note.unknownLesson', values: { lesson } };
    }
  }

  const position = meta.get('position') ?? 0;
  if (typeof position !== 'number') return notNumber('the moment shown', position);
  const at = readWhole(String(position), 'at', 0, 100_000_000);
  if (!at.ok) return invalid(at);

  // the lines: what a link could carry, no more
  const most = LINK_LIMITS.lines;
  if (entries.length > most) return invalid(said(`it holds ${entries.length} lines; at most ${most} can be replayed`, 'classroom.room.tooMany', { lines: entries.length, most }));
  let size = 0;
  for (const [i, entry] of entries.entries()) {
    const line = i + 1;
    if (typeof entry !== 'string') {
      const kind = kindOf(entry);
      return invalid(said(`line ${line} is ${kind.message}, not a line of text`, 'classroom.room.lineKind', { line, kind: kind.words }));
    }
    const longest = LINK_LIMITS.lineLength;
    if (entry.length > longest) return invalid(said(`line ${line} is longer than ${longest} characters`, 'classroom.room.longLine', { line, most: longest }));
    if (/[\r\n]/.test(entry)) return invalid(said(`line ${line} holds a line break`, 'classroom.room.lineBreak', { line }));
    size += entry.length + 1;
  }
  const kib = LINK_LIMITS.inflated / 1024;
  if (size > LINK_LIMITS.inflated) return invalid(said(`its lines come to more than ${kib} KiB`, 'classroom.room.tooBig', { kib }));

  const c = config.value;
  return {
    kind: 'lab',
    lab: {
      meta: {
        seed: c.seed,
        frames: c.frames,
        groups: c.groups,
        units: c.unitsPerGroup,
        lesson: place?.lesson ?? null,
        step: place?.step ?? null,
        position: at.value ?? 0,
        playing: meta.get('playing') === true,
        reveal: meta.get('reveal') === true,
        tally: readTally(meta.get('tally')),
      },
      lines: entries as string[],
      note,
    },
  };
}

/** The room's meta, checked (see readRoom); null when there is no usable lab. */
export function readMeta(doc: Y.Doc): RoomMeta | null {
  const read = readRoom(doc);
  return read.kind === 'lab' ? read.lab.meta : null;
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

/** The longest display name and answer a page sends (ClassroomBar's inputs). */
export const PRESENCE_LIMITS = { name: 40, answer: 80 } as const;

const QUESTION_KEY = /^[a-z0-9-]{1,32}:\d{1,3}$/;

/**
 * Presence as the page reads it: the record a page of this version sends
 * (session.ts `announce`), or null for anything else. Any connection can
 * announce anything: a record of another shape, a name or an answer longer
 * than a page would send, is not a student and is not counted.
 */
export function readPresence(state: unknown): Presence | null {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return null;
  const s = state as Record<string, unknown>;
  if (s.role !== 'lecturer' && s.role !== 'student') return null;
  if (typeof s.name !== 'string' || s.name.length > PRESENCE_LIMITS.name) return null;
  if (typeof s.following !== 'boolean') return null;
  const step = s.step ?? null;
  if (step !== null && !(typeof step === 'number' && Number.isInteger(step) && step >= 0 && step <= 100)) return null;
  const answer = s.answer ?? null;
  if (answer !== null) {
    if (typeof answer !== 'object' || Array.isArray(answer)) return null;
    const { question, text } = answer as { question?: unknown; text?: unknown };
    if (typeof question !== 'string' || !QUESTION_KEY.test(question)) return null;
    if (typeof text !== 'string' || text.length === 0 || text.length > PRESENCE_LIMITS.answer) return null;
    return { role: s.role, name: s.name, following: s.following, step, answer: { question, text } };
  }
  return { role: s.role, name: s.name, following: s.following, step, answer: null };
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

/**
 * The tally of the answers to `question`: most given first, at most `top`
 * bars and "other" for the rest. Each bar is shown as most of its answers
 * were spelled (ties: the first in code-unit order, so "B" before "b"),
 * whatever order the presences arrived in.
 */
export function tallyAnswers(people: readonly Presence[], question: string, top = 6): readonly TallyBar[] {
  const counts = new Map<string, { spellings: Map<string, number>; count: number }>();
  for (const p of people) {
    if (p.role !== 'student' || p.answer?.question !== question) continue;
    const key = normalAnswer(p.answer.text);
    if (!key) continue;
    const had = counts.get(key) ?? { spellings: new Map<string, number>(), count: 0 };
    const spelled = p.answer.text.trim();
    had.spellings.set(spelled, (had.spellings.get(spelled) ?? 0) + 1);
    counts.set(key, { spellings: had.spellings, count: had.count + 1 });
  }
  const shownOf = (spellings: Map<string, number>) =>
    [...spellings].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
  const bars = [...counts.values()]
    .map((c) => ({ answer: shownOf(c.spellings), count: c.count }))
    .sort((a, b) => b.count - a.count || (a.answer < b.answer ? -1 : a.answer > b.answer ? 1 : 0));
  if (bars.length <= top) return bars;
  const rest = bars.slice(top - 1).reduce((n, b) => n + b.count, 0);
  return [...bars.slice(0, top - 1), { answer: 'other answers', count: rest }];
}
