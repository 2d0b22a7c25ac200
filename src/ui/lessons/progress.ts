// A student's progress: which lesson steps and challenges they have passed.
// Kept in the browser, and exported/imported as a small JSON file. A broken
// or foreign file is refused with a message, and the progress kept is untouched.
//
// Progress only grows: saving merges with what is stored (another tab of the
// same lab may have saved since), a `storage` event from another tab merges
// in, and storage that is full or blocked is reported, never passed over.
//
// What is stored is read as far as it can be: a lesson this lab does not know
// (a newer lab's, say), a step past a lesson's end or a record cut short
// costs only itself. Before anything is written over stored progress that
// had such parts, a copy of it is kept under another key (SET_ASIDE_KEY) and
// the page says so; when no copy can be kept, the stored progress is not
// written over at all.

import { translateEnglish, type MessageKey, type Translate, type Values } from '../../i18n/translate.ts';
import { said, type Said } from '../share/linkFields.ts';

export interface Progress {
  readonly lessons: Readonly<Record<string, readonly number[]>>;
  readonly challenges: readonly string[];
}

/** What progress may name: each lesson with its number of steps, and the challenges. */
export interface Known {
  readonly lessons: ReadonlyMap<string, number>;
  readonly challenges: ReadonlySet<string>;
}

export const EMPTY_PROGRESS: Progress = { lessons: {}, challenges: [] };

const FORMAT = 'lparlab-progress';
const VERSION = 1;
export const PROGRESS_KEY = 'lparlab.progress';
const MAX_FILE = 64 * 1024;

export type ProgressResult = { readonly ok: true; readonly progress: Progress } | { readonly ok: false; readonly message: string };

/** A teacher's own lesson or challenge is kept under "~" and its id (lessonStore's progressKey). */
const CUSTOM = /^~[a-z0-9-]{1,32}$/;
/** a teacher's lesson has at most this many steps (the lesson file's limit) */
const CUSTOM_STEPS = 40;

/** Check untrusted data: only known lessons (or a teacher's, "~id"), steps those lessons have, and known challenges get through. */
export function validateProgress(data: unknown, known: Known, t: Translate = translateEnglish): ProgressResult {
  // in the language of `t`: the page passes the reader's
  const refuse = (key: MessageKey, values?: Values): ProgressResult => ({ ok: false, message: t('progress.refused', { why: t(key, values) }) });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('progress.why.notObject');
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT) return refuse('progress.why.format', { format: JSON.stringify(d.format ?? null) });
  if (d.version !== VERSION) return refuse('progress.why.version', { version: JSON.stringify(d.version ?? null), reads: String(VERSION) });
  // a record without a prototype, so a lesson named __proto__ is only ever a key
  const lessons: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  if (typeof d.lessons !== 'object' || d.lessons === null || Array.isArray(d.lessons)) return refuse('progress.why.lessons');
  for (const [id, steps] of Object.entries(d.lessons as Record<string, unknown>)) {
    const count = known.lessons.get(id) ?? (CUSTOM.test(id) ? CUSTOM_STEPS : undefined);
    if (count === undefined) return refuse('progress.why.unknownLesson', { lesson: JSON.stringify(id.slice(0, 40)) });
    if (!Array.isArray(steps) || steps.length > 100 || !steps.every((n) => Number.isInteger(n) && n >= 0)) return refuse('progress.why.steps', { lesson: id });
    const past = (steps as number[]).find((n) => n >= count);
    if (past !== undefined) return refuse('progress.why.pastEnd', { step: String(past + 1), lesson: id, count: String(count) });
    lessons[id] = [...new Set(steps as number[])].sort((a, b) => a - b);
  }
  if (!Array.isArray(d.challenges) || !d.challenges.every((c) => typeof c === 'string' && (known.challenges.has(c) || CUSTOM.test(c)))) return refuse('progress.why.challenges');
  return { ok: true, progress: { lessons: { ...lessons }, challenges: [...new Set(d.challenges as string[])] } };
}

export function parseProgressFile(text: string, known: Known, t: Translate = translateEnglish): ProgressResult {
  if (text.length > MAX_FILE) return { ok: false, message: t('lesson.progress.tooLarge', { kib: String(Math.round(text.length / 1024)) }) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: t('progress.notJson') };
  }
  return validateProgress(data, known, t);
}

export function progressFile(progress: Progress): string {
  return `${JSON.stringify({ format: FORMAT, version: VERSION, ...progress }, null, 2)}\n`;
}

/** Everything passed in either: no ticked step or solved challenge is ever dropped. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const lessons: Record<string, readonly number[]> = { ...a.lessons };
  for (const [id, steps] of Object.entries(b.lessons)) lessons[id] = [...new Set([...(a.lessons[id] ?? []), ...steps])].sort((x, y) => x - y);
  return { lessons, challenges: [...new Set([...a.challenges, ...b.challenges])] };
}

export function sameProgress(a: Progress, b: Progress): boolean {
  return progressFile(mergeProgress(EMPTY_PROGRESS, a)) === progressFile(mergeProgress(EMPTY_PROGRESS, b));
}

/** Stored progress read as far as it can be: what was read, and what was not, in English and in words (empty when all was read). */
export interface StoredProgress {
  readonly progress: Progress;
  readonly unread: readonly Said[];
}

const quoted = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : JSON.stringify(v ?? null)?.slice(0, 40) ?? 'nothing');

/**
 * Read progress stored in this browser, keeping every part that is valid:
 * unlike a file being imported (all or nothing, so a student sees at once
 * that it is not theirs), stored progress is the student's own, and one
 * unreadable entry must not cost them the rest.
 */
export function readStoredProgress(raw: string, known: Known): StoredProgress {
  const nothing = (why: Said): StoredProgress => ({ progress: EMPTY_PROGRESS, unread: [why] });
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return nothing(said('it is not JSON, perhaps cut short', 'progress.stored.notJson'));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return nothing(said('it is not a JSON object', 'progress.stored.notObject'));
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT) return nothing(said(`its format is ${quoted(d.format)}`, 'progress.stored.format', { format: quoted(d.format) }));
  if (d.version !== VERSION) return nothing(said(`it is version ${quoted(d.version)}, and this lab reads version ${VERSION}`, 'progress.stored.version', { version: quoted(d.version), reads: VERSION }));
  const unread: Said[] = [];
  const lessons: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  if (typeof d.lessons === 'object' && d.lessons !== null && !Array.isArray(d.lessons)) {
    for (const [id, steps] of Object.entries(d.lessons as Record<string, unknown>)) {
      const count = known.lessons.get(id) ?? (CUSTOM.test(id) ? CUSTOM_STEPS : undefined);
      if (count === undefined) {
        unread.push(said(`the steps of a lesson this lab does not have, ${quoted(id)}`, 'progress.stored.unknownLesson', { lesson: quoted(id) }));
        continue;
      }
      if (!Array.isArray(steps)) {
        unread.push(said(`the steps of lesson ${id}, which are not a list`, 'progress.stored.notList', { lesson: id }));
        continue;
      }
      const good = steps.filter((n): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < count);
      const bad = steps.length - good.length;
      if (bad > 0) {
        const message = `${bad === 1 ? 'a step' : `${bad} steps`} of lesson ${id} that it does not have (it has ${count})`;
        unread.push(said(message, 'progress.stored.pastEnd', { bad: { count: bad }, steps: bad, lesson: id, count }));
      }
      if (good.length > 0) lessons[id] = [...new Set(good)].sort((a, b) => a - b);
    }
  } else if (d.lessons !== undefined) unread.push(said('its lessons, which are not a record', 'progress.stored.lessons'));
  const challenges: string[] = [];
  if (Array.isArray(d.challenges)) {
    for (const c of d.challenges as unknown[]) {
      if (typeof c === 'string' && (known.challenges.has(c) || CUSTOM.test(c))) {
        if (!challenges.includes(c)) challenges.push(c);
      } else unread.push(said(`a challenge this lab does not have, ${quoted(c)}`, 'progress.stored.unknownChallenge', { challenge: quoted(c) }));
    }
  } else if (d.challenges !== undefined) unread.push(said('its challenges, which are not a list', 'progress.stored.challenges'));
  return { progress: { lessons: { ...lessons }, challenges }, unread };
}

/**
 * Where a copy of stored progress with unreadable parts is kept: this key,
 * then "KEY.2" to "KEY.<SET_ASIDE_PLACES>"; an earlier copy is never written over.
 */
export const SET_ASIDE_KEY = 'lparlab.progress.unreadable';
export const SET_ASIDE_PLACES = 9;

const setAsideKey = (place: number) => (place === 1 ? SET_ASIDE_KEY : `${SET_ASIDE_KEY}.${place}`);

/** Keep a copy of `raw` under a set-aside key (the one already holding it, or the first free one). */
function keepCopy(storage: Storage, raw: string): { readonly ok: true; readonly key: string } | { readonly ok: false; readonly why: Said } {
  let free: string | null = null;
  for (let place = 1; place <= SET_ASIDE_PLACES; place++) {
    const there = storage.getItem(setAsideKey(place));
    if (there === raw) return { ok: true, key: setAsideKey(place) };
    if (there === null && free === null) free = setAsideKey(place);
  }
  if (free === null) return { ok: false, why: said(`the ${SET_ASIDE_PLACES} places for such copies are all taken`, 'progress.copy.taken', { places: SET_ASIDE_PLACES }) };
  try {
    storage.setItem(free, raw);
    return { ok: true, key: free };
  } catch (e) {
    return { ok: false, why: storageTrouble(e) };
  }
}

/** Stored progress that was not all read: what the page tells the student (in English and in words), and where the copy is (null: none could be kept). */
export interface SetAside extends Said {
  readonly copy: string | null;
}

const MAX_REASONS = 3;

function setAsideMessage(read: StoredProgress, copy: { ok: true; key: string } | { ok: false; why: Said }): SetAside {
  const some = read.progress.challenges.length > 0 || Object.keys(read.progress.lessons).length > 0;
  const more = read.unread.length - MAX_REASONS;
  // the first reasons joined two by two ("a; b; c"), then how many more
  const shown = read.unread.slice(0, MAX_REASONS).reduceRight<Said | null>((rest, reason) =>
    rest === null ? reason : said(`${reason.message}; ${rest.message}`, 'progress.stored.join', { first: reason.words, rest: rest.words }), null)!;
  const what = more > 0 ? said(`${shown.message}; and ${more} more`, 'progress.stored.more', { what: shown.words, more }) : shown;
  const head = some
    ? said(`Part of the progress stored in this browser could not be read (${what.message}); the rest is loaded.`, 'progress.setAside.part', { what: what.words })
    : said(`The progress stored in this browser could not be read (${what.message}).`, 'progress.setAside.all', { what: what.words });
  return copy.ok
    ? { ...said(`${head.message} A copy of it as it was stored is kept under "${copy.key}" in this site's storage.`, 'progress.setAside.kept', { head: head.words, key: copy.key }), copy: copy.key }
    : {
      ...said(`${head.message} No copy of it could be kept (${copy.why.message}), so it is left as it is and what you pass now counts for this visit only; export your progress to keep it.`,
        'progress.setAside.noCopy', { head: head.words, why: copy.why.words }),
      copy: null,
    };
}

/**
 * What is stored, read as far as it can be. When part of it could not be
 * read, a copy is kept first: `writable` is false when none could be, and
 * then nothing may be written over it.
 */
function openStored(storage: Storage, known: Known): { progress: Progress; setAside: SetAside | null; writable: boolean } {
  const raw = storage.getItem(PROGRESS_KEY);
  if (raw === null || raw === '') return { progress: EMPTY_PROGRESS, setAside: null, writable: true };
  const read = readStoredProgress(raw, known);
  if (read.unread.length === 0) return { progress: read.progress, setAside: null, writable: true };
  const copy = keepCopy(storage, raw);
  return { progress: read.progress, setAside: setAsideMessage(read, copy), writable: copy.ok };
}

export interface Loaded {
  readonly progress: Progress;
  /** set when part of what was stored could not be read */
  readonly setAside: SetAside | null;
}

/** The stored progress, as far as it can be read; none when nothing is stored or storage is blocked. */
export function loadProgress(known: Known): Loaded {
  try {
    // reading `localStorage` itself throws where storage is blocked
    if (typeof window === 'undefined') return { progress: EMPTY_PROGRESS, setAside: null };
    const { progress, setAside } = openStored(window.localStorage, known);
    return { progress, setAside };
  } catch {
    return { progress: EMPTY_PROGRESS, setAside: null };
  }
}

export type SaveResult =
  /** stored; `progress` is what is stored now, this tab's merged with any other tab's; `setAside` when what was stored had unreadable parts */
  | { readonly ok: true; readonly progress: Progress; readonly setAside?: SetAside }
  /** not stored: `progress` lives on for this visit only, `message` (and `words`) say why */
  | ({ readonly ok: false; readonly progress: Progress } & Said);

/** Why the browser would not store progress, in English and in words. */
function storageTrouble(e: unknown): Said {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return said('the browser\'s storage for this site is full', 'progress.storage.full');
  if (name === 'SecurityError') return said('the browser does not let this page store anything', 'progress.storage.blocked');
  return said('the browser would not store it', 'progress.storage.refused');
}

/** Save `progress`, merged with what another tab may have saved meanwhile. */
export function saveProgress(progress: Progress, known: Known): SaveResult {
  try {
    const storage = window.localStorage;
    const theirs = openStored(storage, known);
    if (!theirs.writable) {
      return {
        ok: false,
        progress,
        ...said('Your progress was not saved: the progress stored in this browser has parts this lab cannot read, and no copy of them could be kept, so it is not written over. It counts for this visit only; export it to keep it.', 'progress.save.unreadable'),
      };
    }
    const merged = mergeProgress(theirs.progress, progress);
    storage.setItem(PROGRESS_KEY, progressFile(merged));
    return { ok: true, progress: merged, ...(theirs.setAside ? { setAside: theirs.setAside } : {}) };
  } catch (e) {
    const why = storageTrouble(e);
    return { ok: false, progress, ...said(`Your progress was not saved: ${why.message}. It counts for this visit only; export it to keep it.`, 'progress.save.failed', { why: why.words }) };
  }
}

/** Forget the stored progress (Clear progress): the one change that drops ticks, asked for by name. */
export function clearProgress(): SaveResult {
  try {
    window.localStorage.removeItem(PROGRESS_KEY);
    return { ok: true, progress: EMPTY_PROGRESS };
  } catch (e) {
    const why = storageTrouble(e);
    return { ok: false, progress: EMPTY_PROGRESS, ...said(`The stored progress could not be cleared: ${why.message}.`, 'progress.clear.failed', { why: why.words }) };
  }
}

/**
 * What this tab holds after another tab stored `theirs`: the union of both.
 * Tabs run in separate renderer processes whose copies of localStorage catch
 * up asynchronously, so the other tab may have saved over ticks of ours it had
 * not seen yet: when what it stored lacks any of ours, the union is stored
 * again (the other tab then hears of it and stops there, having nothing new).
 */
export function afterOtherTabSaved(ours: Progress, theirs: Progress, known: Known): SaveResult {
  const merged = mergeProgress(ours, theirs);
  return sameProgress(merged, theirs) ? { ok: true, progress: merged } : saveProgress(merged, known);
}

/** Progress another tab of the lab saved: `onSaved` gets it as it is stored. Returns the way to stop listening. */
export function watchOtherTabs(known: Known, onSaved: (progress: Progress) => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key !== PROGRESS_KEY || !e.newValue) return;
    // what cannot be read stays stored; our next save copies it aside before writing over it
    onSaved(readStoredProgress(e.newValue, known).progress);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

export function withStepPassed(progress: Progress, lesson: string, step: number): Progress {
  const steps = progress.lessons[lesson] ?? [];
  if (steps.includes(step)) return progress;
  return { ...progress, lessons: { ...progress.lessons, [lesson]: [...steps, step].sort((a, b) => a - b) } };
}

export function withChallengeSolved(progress: Progress, id: string): Progress {
  return progress.challenges.includes(id) ? progress : { ...progress, challenges: [...progress.challenges, id] };
}
