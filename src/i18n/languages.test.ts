import { describe, expect, it } from 'vitest';
import { LANGUAGES, pickLanguage } from './languages.ts';
import { makeTranslate, translateEnglish } from './translate.ts';
import { initialLanguage } from '../ui/app/language.ts';
import { LESSON_LANGUAGES } from '../engine/index.ts';

describe('choosing the language', () => {
  it('takes a registered tag whole or by its primary subtag, in any case', () => {
    expect(pickLanguage(['ja'])).toBe('ja');
    expect(pickLanguage(['ja-JP'])).toBe('ja');
    expect(pickLanguage(['JA_jp'])).toBe('ja');
    expect(pickLanguage(['en-GB', 'ja'])).toBe('en');
  });

  it('skips what names no registered language and falls back to English', () => {
    expect(pickLanguage(['xx', 'ja'])).toBe('ja');
    expect(pickLanguage(['', '<script>', 'constructor', '__proto__', null, undefined])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('puts ?lang before the saved choice, and the saved choice before the browser', () => {
    expect(initialLanguage('?lang=ja', 'en', ['en-US'])).toBe('ja');
    expect(initialLanguage('?present&lang=en', 'ja', ['ja'])).toBe('en');
    expect(initialLanguage('', 'ja', ['en-US'])).toBe('ja');
    expect(initialLanguage('', null, ['fr-FR', 'ja-JP'])).toBe('ja');
    // a bad value in a link is ignored, not shown
    expect(initialLanguage('?lang=klingon', null, ['ja'])).toBe('ja');
    expect(initialLanguage('?lang=klingon', 'nonsense', [])).toBe('en');
  });
});

describe('formatting from catalogs', () => {
  it('formats a message of the chosen language, and English where its catalog lacks the key', async () => {
    const ja = makeTranslate('ja', await LANGUAGES.ja.load());
    expect(ja('app.lessons')).toBe('レッスン');
    expect(makeTranslate('ja', {})('app.lessons')).toBe('Lessons');
    expect(translateEnglish('app.lessons')).toBe('Lessons');
  });

  it('loads every registered catalog', async () => {
    for (const { load } of Object.values(LANGUAGES)) expect(Object.keys(await load()).length).toBeGreaterThan(0);
  });
});

describe('lesson files and the registered languages', () => {
  it('a lesson file may give its text in exactly the registered languages (the engine keeps its own list: it imports nothing from here)', () => {
    expect([...LESSON_LANGUAGES].sort(), 'add the code to LESSON_LANGUAGES in src/engine/lessons/format.ts').toEqual(Object.keys(LANGUAGES).sort());
  });
});
