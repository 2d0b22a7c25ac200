// One reader for every field an address may carry, whether it comes in a
// share link's fragment (#v=1&seed=..&lesson=..&step=..) or in the query
// (?lesson=..&step=..&frames=..): a number out of range, a lesson that does
// not exist or a step past a lesson's end is caught here, once, before any
// of it reaches the stores (a step past the end once blanked the page).

import type { LabConfig, TagStyle, Words, WordValue } from '../../engine/index.ts';
import { checkConfig, DEFAULT_CONFIG, findLesson, isTagStyle, MAX_FRAMES, MIN_FRAMES, TAG_STYLES } from '../../engine/index.ts';
import type { MessageKey, Values } from '../../i18n/translate.ts';

/**
 * Why something a link or storage brought is refused: its English sentence
 * (what lparsh, the tools and the tests read) and the same as words, a
 * catalog message and its values, which the page says in the reader's
 * language (src/i18n/wordsIn.ts). The words are data so that this module and
 * the decoders that use it reach no catalog: the e2e specs import them, and
 * Playwright's loader cannot read the catalogs' JSON (issue 23).
 * src/ui/share/refusalWords.test.ts checks the English catalog says exactly
 * the sentence.
 */
export interface Said {
  readonly message: string;
  readonly words: Words;
}

/** A sentence and its words at once. */
export const said = (message: string, id: MessageKey, values?: Readonly<Record<string, WordValue>>): Said => ({ message, words: values ? { id, values } : { id } });

/** A sentence that wraps another (`{why}. The lab starts clean.`): the inner one's English and words go into the outer one. */
export const wrap = (inner: Said, message: (why: string) => string, id: MessageKey, values: Readonly<Record<string, WordValue>> = {}): Said =>
  said(message(inner.message), id, { ...values, why: inner.words });

export type Field<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Said);

const ok = <T>(value: T): Field<T> => ({ ok: true, value });
const refuse = <T>(why: Said): Field<T> => ({ ok: false, ...why });

/** The fields a whole number may fill, by their English names in a sentence and their catalog words. */
const WHOLE_FIELDS = {
  frames: ['frames', 'share.field.frames'],
  seed: ['the seed', 'share.field.seed'],
  groups: ['groups', 'share.field.groups'],
  units: ['units per group', 'share.field.units'],
  step: ['the step', 'share.field.step'],
  at: ['the moment shown', 'share.field.at'],
} as const satisfies Record<string, readonly [string, MessageKey]>;

export type WholeField = keyof typeof WHOLE_FIELDS;

/** A whole number from `min` to `max`, or null when the field is absent. */
export function readWhole(raw: string | null, field: WholeField, min: number, max: number): Field<number | null> {
  if (raw === null) return ok(null);
  // digits only: Number() would also take "", " 7", "0x10" and "1e3"
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    const [name, key] = WHOLE_FIELDS[field];
    return refuse(said(`${name} must be a whole number from ${min} to ${max}`, 'share.whole', { name: { id: key }, min, max }));
  }
  return ok(n);
}

/** How the link wants the patent's tags shown (tags=patent|steps|none), or null when it does not say. */
export function readTagStyle(raw: string | null): Field<TagStyle | null> {
  if (raw === null) return ok(null);
  if (isTagStyle(raw)) return ok(raw);
  const styles = TAG_STYLES.slice(0, -1).join(', ');
  const last = TAG_STYLES.at(-1)!;
  const value = raw.slice(0, 16);
  return refuse(said(`tags must be ${styles} or ${last}, not "${value}"`, 'share.tags', { styles, last, value }));
}

/**
 * What the engine's checkConfig refuses of a machine the field readers let
 * through (their ranges are wider: 5 frames, 1 group), as words; its English
 * is checkConfig's own sentence.
 */
function configWords(config: LabConfig, message: string): Said {
  if (!Number.isInteger(config.frames) || config.frames < MIN_FRAMES || config.frames > MAX_FRAMES) {
    return { message, words: { id: 'share.whole', values: { name: { id: 'share.field.frames' }, min: MIN_FRAMES, max: MAX_FRAMES } } };
  }
  if (!Number.isInteger(config.groups) || config.groups < 2 || config.groups > 8) return { message, words: { id: 'share.config.groups' } };
  if (!Number.isInteger(config.unitsPerGroup) || config.unitsPerGroup < 2 || config.unitsPerGroup > 16) return { message, words: { id: 'share.config.units' } };
  return { message, words: { id: 'share.config.seed' } };
}

/** The machine's configuration a link names (seed, frames, groups, units), checked as the engine checks it. */
export function readConfig(params: URLSearchParams): Field<LabConfig> {
  const fields = [
    ['seed', 0, 0xffffffff],
    ['frames', 1, 1 << 20],
    ['groups', 1, 8],
    ['units', 1, 16],
  ] as const;
  const read: number[] = [];
  for (const [key, min, max] of fields) {
    const field = readWhole(params.get(key), key, min, max);
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
  return wrong === null ? ok(config) : refuse(configWords(config, wrong));
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
  const step = readWhole(params.get('step'), 'step', firstStep, 100);
  if (!step.ok) return refuse(wrap(step, (why) => `${why}; this link's step is out of range`, 'share.stepRange'));
  if (id === null) return ok({ place: null, note: null });
  const lesson = /^[a-z0-9-]{1,32}$/.test(id) ? findLesson(id) : undefined;
  const named = id.slice(0, 32);
  if (!lesson) return refuse(said(`there is no lesson "${named}"`, 'share.noLesson', { lesson: named }));
  const wanted = (step.value ?? firstStep) - firstStep;
  const last = lesson.steps.length - 1;
  if (wanted <= last) return ok({ place: { lesson: lesson.id, step: wanted }, note: null });
  return ok({
    place: { lesson: lesson.id, step: last },
    note: { key: 'share.note.lastStep', values: { number: String(lesson.number), steps: String(lesson.steps.length) } },
  });
}
