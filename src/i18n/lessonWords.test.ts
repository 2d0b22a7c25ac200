// The built-in lessons and challenges in every registered language (issue 23):
// each file declares the language, every text a person reads has its own
// text in it (or is one string the same in every language: a hint that is a
// line of the command language), no English is left in it beyond the command
// language, what the student types and the names of real systems, and it
// uses the glossary's terms wherever its English does. Read from the files
// themselves, so a lesson added in English only fails here, naming the field.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES, languagesOf, textIn, type Rule } from '../engine/index.ts';
import { LANGUAGES } from './languages.ts';
import { englishIn } from './englishIn.ts';
import { glossaryOffences, readGlossary } from './glossaryTable.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(ROOT, 'src', 'engine', 'lessons', 'data');
const glossary = readGlossary(readFileSync(join(ROOT, 'docs', 'glossary.md'), 'utf8'));

/** Names of real systems and units, written so in every language (the lessons' "real world" notes). */
const PROPER_NAMES = /\b(Xen|Linux|L4|PS3|TLB|KB|dom0|AF_VSOCK|MSG_ZEROCOPY)\b/g;

/** A text a person reads, where it is in the file. */
interface Said {
  readonly field: string;
  readonly value: unknown;
}

type Data = Record<string, unknown>;
const record = (v: unknown): Data => (typeof v === 'object' && v !== null ? (v as Data) : {});
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every text field a person reads, by the fields of the lesson format. */
function textsOf(file: Data): Said[] {
  const out: Said[] = [];
  const add = (field: string, value: unknown) => value !== undefined && out.push({ field, value });
  for (const key of ['title', 'figures', 'summary', 'realWorld']) add(key, file[key]);
  items(file.steps).forEach((s, i) => {
    const step = record(s);
    add(`steps[${i}].title`, step.title);
    add(`steps[${i}].narration`, step.narration);
    items(step.hints).forEach((h, j) => add(`steps[${i}].hints[${j}]`, h));
    if (step.question) {
      add(`steps[${i}].question.ask`, record(step.question).ask);
      add(`steps[${i}].question.answer`, record(step.question).answer);
    }
  });
  items(file.challenges).forEach((c, i) => {
    const challenge = record(c);
    add(`challenges[${i}].title`, challenge.title);
    add(`challenges[${i}].goal`, challenge.goal);
    items(challenge.hints).forEach((h, j) => add(`challenges[${i}].hints[${j}]`, h));
  });
  return out;
}

/** Every line the file has the student type: a word of one is the student's, not English to translate. */
const typedIn = (file: Data) =>
  [...items(file.steps).flatMap((s) => [...items(record(s).lines), ...items(record(s).solution)]), ...items(file.challenges).flatMap((c) => items(record(c).solution))].join(' ');

/** Calls as typed (policy(mem, 24)) name no glossary term: only the words around them do. */
const withoutCode = (text: string) => text.replace(/\b\w+\((?:[^()]|\([^()]*\))*\)/g, ' ');

/** What is wrong with a file's text in `lang`: a field with none, English left, a glossary term missed. */
function faultsIn(file: Data, lang: string): string[] {
  const typed = typedIn(file);
  const faults: string[] = [];
  if (!items(file.languages).includes(lang)) faults.push(`languages does not declare "${lang}"`);
  for (const { field, value } of textsOf(file)) {
    if (typeof value === 'string') {
      // one string for every language: only right when it is the command language alone
      const english = englishIn(value.replace(PROPER_NAMES, ' '), typed);
      if (english.length) faults.push(`${field} is in English only (${english.join(' ')}): ${value}`);
      continue;
    }
    const own = record(value)[lang];
    const english = record(value).en;
    if (typeof own !== 'string' || own.trim() === '') {
      faults.push(`${field} has no "${lang}" text`);
      continue;
    }
    const left = englishIn(own.replace(PROPER_NAMES, ' '), typed);
    if (left.length) faults.push(`${field}.${lang} has English left (${left.join(' ')}): ${own}`);
    if (typeof english === 'string') faults.push(...glossaryOffences(glossary, lang, withoutCode(english), own).offences.map((o) => `${field}.${lang}: ${o}`));
  }
  return faults;
}

const files = readdirSync(DATA).filter((f) => f.endsWith('.lesson.json')).sort();
const read = (name: string) => JSON.parse(readFileSync(join(DATA, name), 'utf8')) as Data;

describe('the built-in lessons in every language', () => {
  it('are all here: eleven lessons and the challenges', () => {
    expect(files).toHaveLength(12);
    expect(files).toContain('challenges.lesson.json');
  });

  it('finds a missing language, English left and a glossary term missed (the check itself works)', () => {
    const lesson: Data = {
      languages: ['en', 'ja'],
      title: { en: 'The control OS', ja: 'コントロールOS' },
      summary: 'Only English here.',
      steps: [{ title: { en: 'A step', ja: 'ステップ' }, narration: { en: 'A sends.', ja: 'Aがsendする。' }, lines: ['@A send(ch, a)'], hints: ['@A send(ch, a)', { en: 'Send it.' }] }],
    };
    expect(faultsIn(lesson, 'ja')).toEqual([
      'title.ja: "control OS" should read 制御OS: コントロールOS',
      'title.ja: uses コントロールOS, the glossary says 制御OS: コントロールOS',
      'summary is in English only (Only English here): Only English here.',
      'steps[0].hints[1] has no "ja" text',
    ]);
    // what the student types, calls, constants, tags and real systems' names are not English to translate
    expect(faultsIn({ languages: ['ja'], steps: [{ lines: ['@A poke(a, "hello")'], narration: { ja: 'Xenでは AF_LPAR の "hello" を S308(a) [0070] で read(fd) する' } }] }, 'ja')).toEqual([]);
  });

  for (const lang of Object.keys(LANGUAGES).filter((l) => l !== 'en')) {
    for (const name of files) {
      it(`${name} has ${lang} text for every text a person reads, with no English left and the glossary's terms`, () => {
        const file = read(name);
        expect(faultsIn(file, lang)).toEqual([]);
        expect(textsOf(file).filter((t) => typeof t.value !== 'string').length, 'texts in several languages').toBeGreaterThan(5);
      });
    }
  }

  for (const lang of Object.keys(LANGUAGES).filter((l) => l !== 'en')) {
    it(`the lab reads every built-in file in ${lang}: other words, the same lines, checks and solutions`, () => {
      for (const file of BUILTIN_FILES) {
        expect(languagesOf(file), file.lesson.id).toContain(lang);
        const own = textIn(file, lang);
        const en = textIn(file, 'en');
        expect(own.lesson.title, file.lesson.id).not.toBe(en.lesson.title);
        // a typed rule's says is the lesson's own sentence, in each language: the rest of a check is the same in all
        const bare = (rules: readonly Rule[]) => rules.map((r) => (r.kind === 'typed' ? { ...r, says: undefined } : r));
        expect(own.lesson.steps.map((s) => [s.type, bare(s.check), s.solution]), file.lesson.id).toEqual(en.lesson.steps.map((s) => [s.type, bare(s.check), s.solution]));
        const says = (rules: readonly Rule[]) => rules.flatMap((r) => (r.kind === 'typed' && r.says !== undefined ? [r.says] : []));
        expect(own.lesson.steps.flatMap((s) => says(s.check)).filter((t) => en.lesson.steps.some((e) => says(e.check).includes(t))), `${file.lesson.id}: a check's says left in English`).toEqual([]);
        expect(own.lesson.steps.map((s) => s.text).filter((t, i) => t === en.lesson.steps[i]!.text), `${file.lesson.id}: narration left in English`).toEqual([]);
        expect(own.challenges.map((c) => [c.id, c.check, c.solution])).toEqual(en.challenges.map((c) => [c.id, c.check, c.solution]));
        expect(own.challenges.map((c) => c.goal).filter((g, i) => g === en.challenges[i]!.goal), 'goals left in English').toEqual([]);
      }
    });
  }
});
