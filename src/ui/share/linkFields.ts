// One reader for every field an address may carry, whether it comes in a
// share link's fragment (#v=1&seed=..&lesson=..&step=..) or in the query
// (?lesson=..&step=..&frames=..): a number out of range, a lesson that does
// not exist or a step past a lesson's end is caught here, once, before any
// of it reaches the stores (a step past the end once blanked the page).

import type { LabConfig, TagStyle } from '../../engine/index.ts';
import { checkConfig, DEFAULT_CONFIG, findLesson, isTagStyle, TAG_STYLES } from '../../engine/index.ts';
import type { MessageKey, Values } from '../../i18n/translate.ts';

export type Field<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Field<T> => ({ ok: true, value });
const refuse = <T>(message: string): Field<T> => ({ ok: false, message });

/** A whole number from `min` to `max`, or null when the field is absent. */
export function readWhole(raw: string | null, name: string, min: number, max: number): Field<number | null> {
  if (raw === null) return ok(null);
  // digits only: Number() would also take "", " 7", "0x10" and "1e3"
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) return refuse(`${name} must be a whole number from ${min} to ${max}`);
  return ok(n);
}

/** How the link wants the patent's tags shown (tags=patent|steps|none), or null when it does not say. */
export function readTagStyle(raw: string | null): Field<TagStyle | null> {
  if (raw === null) return ok(null);
  if (isTagStyle(raw)) return ok(raw);
  return refuse(`tags must be ${TAG_STYLES.slice(0, -1).join(', ')} or ${TAG_STYLES.at(-1)}, not "${raw.slice(0, 16)}"`);
}

/** The machine's configuration a link names (seed, frames, groups, units), checked as the engine checks it. */
export function readConfig(params: URLSearchParams): Field<LabConfig> {
  const fields = [
    ['seed', 'the seed', 0, 0xffffffff],
    ['frames', 'frames', 1, 1 << 20],
    ['groups', 'groups', 1, 8],
    ['units', 'units per group', 1, 16],
  ] as const;
  const read: number[] = [];
  for (const [key, name, min, max] of fields) {
    const field = readWhole(params.get(key), name, min, max);
    if (!field.ok) return field;
    read.push(field.value ?? -1);
  }
  const [seed, frames, groups, units] = read as [number, number, number, number];
  const config: LabConfig = {
    seed: seed < 0 ? DEFAULT_CONFIG.seed : seed,
    frames: frames < 0 ? DEFAULT_CONFIG.frames : frames,
    groups: groups < 0 ? DEFAULT_CONFIG.groups : groups,
    unitsPerGroup: units < 0 ? DEFAULT_CONFIG.unitsPerGroup : units,
  };
  const wrong = checkConfig(config);
  return wrong === null ? ok(config) : refuse(wrong);
}

/** The fields of a configuration that differ from the default machine, for writing into a link. */
export function configFields(config: LabConfig): Record<string, string> {
  const fields: Record<string, string> = { seed: String(config.seed) };
  if (config.frames !== DEFAULT_CONFIG.frames) fields.frames = String(config.frames);
  if (config.groups !== DEFAULT_CONFIG.groups) fields.groups = String(config.groups);
  if (config.unitsPerGroup !== DEFAULT_CONFIG.unitsPerGroup) fields.units = String(config.unitsPerGroup);
  return fields;
}

/**
 * A note for the reader as a catalog message, made into words by the page in
 * the reader's language (this module is read by Node's tests and tools too,
 * without the page's catalogs).
 */
export interface Note {
  readonly key: MessageKey;
  readonly values?: Values;
}

export interface LessonPlace {
  readonly lesson: string;
  /** counted from 0 */
  readonly step: number;
}

/**
 * A lesson and a step (counted from `firstStep`: 0 in a share link, 1 in
 * the query a person types). An unknown lesson is refused; a step past the
 * lesson's end opens its last step, and `note` says so.
 */
export function readLessonPlace(
  params: URLSearchParams,
  firstStep: 0 | 1,
): Field<{ readonly place: LessonPlace | null; readonly note: Note | null }> {
  const id = params.get('lesson');
  const step = readWhole(params.get('step'), 'the step', firstStep, 100);
  if (!step.ok) return refuse(`${step.message}; this link's step is out of range`);
  if (id === null) return ok({ place: null, note: null });
  const lesson = /^[a-z0-9-]{1,32}$/.test(id) ? findLesson(id) : undefined;
  if (!lesson) return refuse(`there is no lesson "${id.slice(0, 32)}"`);
  const wanted = (step.value ?? firstStep) - firstStep;
  const last = lesson.steps.length - 1;
  if (wanted <= last) return ok({ place: { lesson: lesson.id, step: wanted }, note: null });
  return ok({
    place: { lesson: lesson.id, step: last },
    note: { key: 'share.note.lastStep', values: { number: String(lesson.number), steps: String(lesson.steps.length) } },
  });
}
