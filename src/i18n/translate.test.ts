import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { readFileSync } from 'node:fs';
import { addEnglish, makeTranslate, plainText, translateEnglish, type Catalog, type MessageKey } from './translate.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Each catalog's messages as written (imported, the build's plugin hands them over parsed). */
const CATALOGS: Record<string, Record<string, string>> = Object.fromEntries(
  ['en', 'ja'].map((lang) => [lang, JSON.parse(readFileSync(new URL(`./catalogs/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>]),
);

/** A message's words, or the name of the error formatting it threw. */
function said(format: () => string): string {
  try {
    return format();
  } catch (e) {
    return `threw ${(e as Error).name}`;
  }
}

/** Sets of values for a message's arguments: each plural and number argument at 0, 1, 2 and 1234, each select through its options. */
function sampleValues(ast: MessageFormatElement[]): Record<string, string | number>[] {
  const args = new Map<string, (i: number) => string | number>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) args.set(el.value, (i) => `v${i}`);
      else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) args.set(el.value, (i) => [0, 1, 2, 1234][i]!);
      else if (el.type === TYPE.plural) {
        args.set(el.value, (i) => [0, 1, 2, 1234][i]!);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.select) {
        const keys = Object.keys(el.options);
        args.set(el.value, (i) => keys[i % keys.length]!);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return [0, 1, 2, 3].map((i) => Object.fromEntries([...args].map(([name, value]) => [name, value(i)])));
}

describe('plainText', () => {
  it('reads a message without arguments as it is, parsed (the page) or not (lparsh)', () => {
    expect(plainText('Lessons')).toBe('Lessons');
    expect(plainText(parse('go to the start'))).toBe('go to the start');
  });

  it('leaves arguments, plurals, quotes and tags to the formatter', () => {
    for (const message of ['{n} frames', '{count, plural, one {# frame} other {# frames}}', "it''s", '<b>bold</b>']) expect(plainText(message)).toBeNull();
    for (const message of ['{n} frames', '{count, plural, one {# frame} other {# frames}}', '<b>bold</b>']) expect(plainText(parse(message))).toBeNull();
    // once parsed, a quoted apostrophe is plain text
    expect(plainText(parse("it''s"))).toBe("it's");
  });
});

describe('makeTranslate', () => {
  // keys of a test catalog: the translator reads any id, the type only guards the page's calls
  const key = (k: string) => k as MessageKey;
  const catalog: Catalog = {
    a: 'plain words',
    b: parse('plain parsed words'),
    c: parse('{count, plural, one {# frame} other {# frames}}'),
    d: '{count, plural, one {# page} other {# pages}} of {total, number}',
    e: "don''t {x}",
  };

  it('gives the same words as the formatter for every kind of message', () => {
    const t = makeTranslate('en', catalog);
    expect(t(key('a'))).toBe('plain words');
    expect(t(key('b'))).toBe('plain parsed words');
    expect(t(key('c'), { count: 1 })).toBe('1 frame');
    expect(t(key('c'), { count: 3 })).toBe('3 frames');
    expect(t(key('d'), { count: 2, total: 1234 })).toBe('2 pages of 1,234');
    expect(t(key('e'), { x: 'go' })).toBe("don't go");
    expect(t(key('no.such.key'))).toBe('no.such.key');
  });

  it('builds no formatter for plain words (a cold page reads hundreds of them)', () => {
    const lookup = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    const t = makeTranslate('en', catalog);
    t(key('a'));
    t(key('b'));
    expect(lookup).not.toHaveBeenCalled();
  });

  it("formats parsed plurals and numbers (the page's catalogs) without asking Intl which locales it supports (its first answer costs a cold page 0.25 s and more at CPU / 4)", () => {
    const lookup = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    const t = makeTranslate('en', { ...catalog, d: parse(catalog.d as string) });
    expect(t(key('c'), { count: 3 })).toBe('3 frames');
    expect(t(key('d'), { count: 1, total: 5 })).toBe('1 page of 5');
    // Japanese has one plural form (other), so the same count reads differently: the locale was followed
    expect(makeTranslate('ja', catalog)(key('c'), { count: 1 })).toBe('1 frames');
    expect(lookup).not.toHaveBeenCalled();
  });

  it("says every message of every catalog as FormatJS's IntlMessageFormat says it, parsed or not", () => {
    let compared = 0;
    for (const [lang, messages] of Object.entries(CATALOGS)) {
      const fromText = makeTranslate(lang, messages);
      const fromParsed = makeTranslate(lang, Object.fromEntries(Object.entries(messages).map(([id, m]) => [id, parse(m)])));
      for (const [id, source] of Object.entries(messages)) {
        const reference = new IntlMessageFormat(source, lang);
        for (const values of sampleValues(parse(source))) {
          const expected = said(() => String(reference.format(values)));
          expect(said(() => fromText(key(id), values)), `${lang} ${id}`).toBe(expected);
          expect(said(() => fromParsed(key(id), values)), `${lang} ${id}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('makes one plural rule per locale for all its messages, not one per message', () => {
    const Real = Intl.PluralRules;
    let made = 0;
    vi.spyOn(Intl, 'PluralRules').mockImplementation(function make(...args: ConstructorParameters<typeof Intl.PluralRules>) {
      made++;
      return new Real(...args);
    } as unknown as typeof Intl.PluralRules);
    const t = makeTranslate('en', catalog);
    t(key('c'), { count: 1 });
    t(key('d'), { count: 2, total: 3 });
    t(key('c'), { count: 5 });
    expect(made).toBe(1);
  });
});

describe("addEnglish (issue 23: a panel's words arrive with its code)", () => {
  it('makes a message added later readable in English and as the fallback of another language', () => {
    const id = 'test.addedLater.words' as MessageKey;
    // not there yet: the id reads as itself
    expect(translateEnglish(id)).toBe(id);
    addEnglish({ [id]: parse('{count, plural, one {# word} other {# words}} added') });
    expect(translateEnglish(id, { count: 2 })).toBe('2 words added');
    expect(makeTranslate('ja', {})(id, { count: 1 })).toBe('1 word added');
  });
});
