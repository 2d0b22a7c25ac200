import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { compileCatalog } from './catalogs.ts';
import { areaOf } from '../src/i18n/wordAreas.ts';

describe('catalogs compiled at build time', () => {
  it('turns every message into the AST intl-messageformat formats without a parser', () => {
    const compiled = JSON.parse(compileCatalog('{"n": "{count, plural, one {# frame} other {# frames}}"}', 'en.json')) as Record<string, MessageFormatElement[]>;
    expect(Array.isArray(compiled.n)).toBe(true);
    expect(new IntlMessageFormat(compiled.n!, 'en').format({ count: 3 })).toBe('3 frames');
  });

  it('compiles only the messages picked: the first load leaves out the areas of src/i18n/wordAreas.ts (issue 23)', () => {
    const compiled = JSON.parse(compileCatalog('{"app.a": "A", "lesson.b": "B", "builder.c": "{n} C"}', 'en.json', (key) => areaOf(key) === null)) as Record<string, unknown>;
    expect(Object.keys(compiled)).toEqual(['app.a']);
    const lesson = JSON.parse(compileCatalog('{"app.a": "A", "lesson.b": "B"}', 'en.json', (key) => areaOf(key) === 'lesson')) as Record<string, unknown>;
    expect(Object.keys(lesson)).toEqual(['lesson.b']);
  });

  it('fails the build on a message that does not parse, naming its key', () => {
    expect(() => compileCatalog('{"good": "x", "bad": "{count, plural, one {#}"}', 'ja.json')).toThrow(/ja\.json: "bad" is not a valid ICU message/);
    expect(() => compileCatalog('{"n": 3}', 'ja.json')).toThrow(/"n" is not a string/);
  });
});
