import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { addEnglish, makeTranslate, plainText, translateEnglish, type Catalog, type MessageKey } from './translate.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

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
