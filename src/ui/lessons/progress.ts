// A student's progress: which lesson steps and challenges they have passed.
// Kept in the browser, and exported/imported as a small JSON file. A broken
// or foreign file is refused with a message, and the progress kept is untouched.
//
// Progress only grows: saving merges with what is stored (another tab of the
// same lab may have saved since), a `storage` event from another tab merges
// in, and storage that is full or blocked is reported, never passed over.

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
export function validateProgress(data: unknown, known: Known): ProgressResult {
  const refuse = (why: string): ProgressResult => ({ ok: false, message: `This is not an lparlab progress file: ${why}. Your progress is unchanged.` });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('it is not a JSON object');
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT) return refuse(`its format is ${JSON.stringify(d.format ?? null)}`);
  if (d.version !== VERSION) return refuse(`it is version ${JSON.stringify(d.version ?? null)}, this lab reads version ${VERSION}`);
  // a record without a prototype, so a lesson named __proto__ is only ever a key
  const lessons: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  if (typeof d.lessons !== 'object' || d.lessons === null || Array.isArray(d.lessons)) return refuse('its lessons are not a record');
  for (const [id, steps] of Object.entries(d.lessons as Record<string, unknown>)) {
    const count = known.lessons.get(id) ?? (CUSTOM.test(id) ? CUSTOM_STEPS : undefined);
    if (count === undefined) return refuse(`it names an unknown lesson ${JSON.stringify(id.slice(0, 40))}`);
    if (!Array.isArray(steps) || steps.length > 100 || !steps.every((n) => Number.isInteger(n) && n >= 0)) return refuse(`its steps for ${id} are not step numbers`);
    const past = (steps as number[]).find((n) => n >= count);
    if (past !== undefined) return refuse(`it ticks step ${past + 1} of lesson ${id}, which has ${count} steps`);
    lessons[id] = [...new Set(steps as number[])].sort((a, b) => a - b);
  }
  if (!Array.isArray(d.challenges) || !d.challenges.every((c) => typeof c === 'string' && (known.challenges.has(c) || CUSTOM.test(c)))) return refuse('its challenges are not known challenges');
  return { ok: true, progress: { lessons: { ...lessons }, challenges: [...new Set(d.challenges as string[])] } };
}

export function parseProgressFile(text: string, known: Known): ProgressResult {
  if (text.length > MAX_FILE) return { ok: false, message: `This file is too large for a progress file (${Math.round(text.length / 1024)} KiB). Your progress is unchanged.` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not an lparlab progress file. Your progress is unchanged.' };
  }
  return validateProgress(data, known);
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

/** The stored progress; none when nothing is stored, storage is blocked, or what is stored is not progress. */
export function loadProgress(known: Known): Progress {
  try {
    // reading `localStorage` itself throws where storage is blocked
    const saved = typeof window === 'undefined' ? null : window.localStorage.getItem(PROGRESS_KEY);
    if (!saved) return EMPTY_PROGRESS;
    const result = parseProgressFile(saved, known);
    return result.ok ? result.progress : EMPTY_PROGRESS;
  } catch {
    return EMPTY_PROGRESS;
  }
}

export type SaveResult =
  /** stored; `progress` is what is stored now, this tab's merged with any other tab's */
  | { readonly ok: true; readonly progress: Progress }
  /** not stored: `progress` lives on for this visit only, `message` says why */
  | { readonly ok: false; readonly progress: Progress; readonly message: string };

/** Why the browser would not store progress, in words. */
function storageTrouble(e: unknown): string {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'the browser\'s storage for this site is full';
  if (name === 'SecurityError') return 'the browser does not let this page store anything';
  return 'the browser would not store it';
}

/** Save `progress`, merged with what another tab may have saved meanwhile. */
export function saveProgress(progress: Progress, known: Known): SaveResult {
  try {
    const storage = window.localStorage;
    const saved = storage.getItem(PROGRESS_KEY);
    const theirs = saved ? parseProgressFile(saved, known) : null;
    const merged = theirs?.ok ? mergeProgress(theirs.progress, progress) : progress;
    storage.setItem(PROGRESS_KEY, progressFile(merged));
    return { ok: true, progress: merged };
  } catch (e) {
    return {
      ok: false,
      progress,
      message: `Your progress was not saved: ${storageTrouble(e)}. It counts for this visit only; export it to keep it.`,
    };
  }
}

/** Forget the stored progress (Clear progress): the one change that drops ticks, asked for by name. */
export function clearProgress(): SaveResult {
  try {
    window.localStorage.removeItem(PROGRESS_KEY);
    return { ok: true, progress: EMPTY_PROGRESS };
  } catch (e) {
    return { ok: false, progress: EMPTY_PROGRESS, message: `The stored progress could not be cleared: ${storageTrouble(e)}.` };
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
    const result = parseProgressFile(e.newValue, known);
    if (result.ok) onSaved(result.progress);
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
