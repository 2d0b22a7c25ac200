// A student's progress: which lesson steps and challenges they have passed.
// Kept in the browser, and exported/imported as a small JSON file. A broken
// or foreign file is refused with a message, and the progress kept is untouched.

export interface Progress {
  readonly lessons: Readonly<Record<string, readonly number[]>>;
  readonly challenges: readonly string[];
}

export const EMPTY_PROGRESS: Progress = { lessons: {}, challenges: [] };

const FORMAT = 'lparlab-progress';
const VERSION = 1;
const KEY = 'lparlab.progress';
const MAX_FILE = 64 * 1024;

export type ProgressResult = { readonly ok: true; readonly progress: Progress } | { readonly ok: false; readonly message: string };

/** Check untrusted data: only known lesson ids, step numbers and challenge ids get through. */
export function validateProgress(data: unknown, lessonIds: ReadonlySet<string>, challengeIds: ReadonlySet<string>): ProgressResult {
  const refuse = (why: string): ProgressResult => ({ ok: false, message: `This is not an lparlab progress file: ${why}. Your progress is unchanged.` });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('it is not a JSON object');
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT) return refuse(`its format is ${JSON.stringify(d.format ?? null)}`);
  if (d.version !== VERSION) return refuse(`it is version ${JSON.stringify(d.version ?? null)}, this lab reads version ${VERSION}`);
  const lessons: Record<string, number[]> = {};
  if (typeof d.lessons !== 'object' || d.lessons === null || Array.isArray(d.lessons)) return refuse('its lessons are not a record');
  for (const [id, steps] of Object.entries(d.lessons as Record<string, unknown>)) {
    if (!lessonIds.has(id)) return refuse(`it names an unknown lesson ${JSON.stringify(id.slice(0, 40))}`);
    if (!Array.isArray(steps) || steps.length > 100 || !steps.every((n) => Number.isInteger(n) && n >= 0 && n < 100)) return refuse(`its steps for ${id} are not step numbers`);
    lessons[id] = [...new Set(steps as number[])].sort((a, b) => a - b);
  }
  if (!Array.isArray(d.challenges) || !d.challenges.every((c) => typeof c === 'string' && challengeIds.has(c))) return refuse('its challenges are not known challenges');
  return { ok: true, progress: { lessons, challenges: [...new Set(d.challenges as string[])] } };
}

export function parseProgressFile(text: string, lessonIds: ReadonlySet<string>, challengeIds: ReadonlySet<string>): ProgressResult {
  if (text.length > MAX_FILE) return { ok: false, message: `This file is too large for a progress file (${Math.round(text.length / 1024)} KiB). Your progress is unchanged.` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not an lparlab progress file. Your progress is unchanged.' };
  }
  return validateProgress(data, lessonIds, challengeIds);
}

export function progressFile(progress: Progress): string {
  return `${JSON.stringify({ format: FORMAT, version: VERSION, ...progress }, null, 2)}\n`;
}

export function loadProgress(lessonIds: ReadonlySet<string>, challengeIds: ReadonlySet<string>): Progress {
  try {
    // reading `localStorage` itself throws where storage is blocked
    const saved = typeof window === 'undefined' ? null : window.localStorage.getItem(KEY);
    if (!saved) return EMPTY_PROGRESS;
    const result = parseProgressFile(saved, lessonIds, challengeIds);
    return result.ok ? result.progress : EMPTY_PROGRESS;
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function saveProgress(progress: Progress): void {
  try {
    window.localStorage.setItem(KEY, progressFile(progress));
  } catch {
    // storage full or blocked: progress lives on for this visit, and can be exported
  }
}

export function withStepPassed(progress: Progress, lesson: string, step: number): Progress {
  const steps = progress.lessons[lesson] ?? [];
  if (steps.includes(step)) return progress;
  return { ...progress, lessons: { ...progress.lessons, [lesson]: [...steps, step].sort((a, b) => a - b) } };
}

export function withChallengeSolved(progress: Progress, id: string): Progress {
  return progress.challenges.includes(id) ? progress : { ...progress, challenges: [...progress.challenges, id] };
}
