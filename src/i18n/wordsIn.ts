// The engine's words (src/engine/words.ts) in the reader's language: one
// message and its values. Apart from shellWords.ts so that a panel showing a
// refusal's words (homework, the assignment maker) does not bring the shell's
// tables and their display widths (string-width) into the first load.

import type { Exercise, RuleResult, Words, WordValue } from '../engine/index.ts';
import type { MessageKey, Translate } from './translate.ts';
import { narrateIn } from './narrate.ts';

/** The words of `w` in the language of `t`; values nest, and a list reads as its items joined by commas. */
export function wordsIn(t: Translate, w: Words): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(w.values ?? {})) values[name] = valueIn(t, value);
  // numbers go in as text, so 4096 is not grouped as 4,096
  return t(w.id as MessageKey, values);
}

/** One value of a message in the language of `t`. */
export function valueIn(t: Translate, value: WordValue): string | number {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return (value as readonly WordValue[]).map((v) => valueIn(t, v)).join(', ');
  // a count only chooses a plural form: the message puts in the digits from a value of its own
  if ('count' in value) return value.count;
  if ('say' in value) return narrateIn(t, value.say);
  return wordsIn(t, value as Words);
}

/** What a lesson check says, in the language of `t`; a lesson's own sentence (a typed rule's `says`) as its author wrote it. */
export const saysIn = (t: Translate, r: Pick<RuleResult, 'says' | 'saysWords'>): string => (r.saysWords ? wordsIn(t, r.saysWords) : r.says);

/** Why a lesson check is not met, in the language of `t`, or undefined when it is met. */
export const whyIn = (t: Translate, r: Pick<RuleResult, 'why' | 'whyWords'>): string | undefined => (r.whyWords ? wordsIn(t, r.whyWords) : r.why);

/** A generated exercise's question, answer and why in the language of `t` (its script is the command language). */
export function exerciseIn(t: Translate, e: Pick<Exercise, 'words'>): { question: string; answer: string; why: string } {
  return { question: wordsIn(t, e.words.question), answer: String(valueIn(t, e.words.answer)), why: wordsIn(t, e.words.why) };
}

/** The answers a reader of `t`'s language may write for an exercise: its answer in the language, and the other forms the catalog accepts. */
export function answersIn(t: Translate, e: Pick<Exercise, 'words'>): string[] {
  const answer = String(valueIn(t, e.words.answer));
  return e.words.accept ? [answer, ...wordsIn(t, e.words.accept).split('|')] : [answer];
}
