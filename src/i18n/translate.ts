// Words from catalogs. A catalog is one JSON file per language: message ids
// to ICU MessageFormat strings (plurals, selects, numbers), formatted by
// FormatJS's intl-messageformat. English is the source catalog and the
// fallback; the page, lparsh and the exports all format through here, and
// the engine only ever emits ids and parameters (narration.ts).

import { formatToParts, IntlMessageFormat, PART_TYPE, type Formatters, type PrimitiveType } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from './catalogs/en.json';

/** Every message id: the keys of the English catalog, so a typo is a compile error. */
export type MessageKey = keyof typeof en;
/** Message ids to ICU strings, or (in the page's bundle, compiled by scripts/catalogs.ts) to their parsed form. */
export type Catalog = Readonly<Record<string, string | MessageFormatElement[]>>;
export type Values = Readonly<Record<string, PrimitiveType>>;
/** Formats one message of the chosen language. */
export type Translate = (key: MessageKey, values?: Values) => string;

/**
 * The English the translators read and fall back to. In the page's build the
 * catalog holds the first screen's words only and the words of a panel's area
 * (src/i18n/wordAreas.ts) are added when the panel is first shown
 * (addEnglish); elsewhere it is the whole catalog from the start.
 */
const english: Record<string, Catalog[string]> = { ...(en as Catalog) };
export const SOURCE_CATALOG: Catalog = english;

/** Adds messages to the English every translator reads (an area's words, once its chunk has loaded). */
export function addEnglish(words: Catalog): void {
  Object.assign(english, words);
}

/**
 * The text of a message that has no argument, plural or tag, else null. Most
 * of the page's words are such plain text, and they are read as they are:
 * an IntlMessageFormat costs a locale lookup (Intl's supportedLocalesOf) and
 * formatters of its own, which for the few hundred words of a cold page came
 * to about 0.25 s at CPU / 4 (issue 22). A string with a brace, an apostrophe
 * (ICU's quote) or a tag goes to the formatter.
 */
export function plainText(source: Catalog[string]): string | null {
  if (typeof source === 'string') return /[{}'<]/.test(source) ? null : source;
  let text = '';
  for (const element of source) {
    // type 0 is a literal in FormatJS's message AST (TYPE.literal)
    if (element.type !== 0) return null;
    text += element.value;
  }
  return text;
}

/** Number, date and plural formatters made once per options and shared by every message of a translator (FormatJS makes them per message). */
function sharedFormatters(): Formatters {
  const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
  const once = <T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(kind: string, args: readonly unknown[], make: () => T): T => {
    const key = `${kind} ${JSON.stringify(args)}`;
    let made = kept.get(key);
    if (made === undefined) {
      made = make();
      kept.set(key, made);
    }
    return made as T;
  };
  return {
    // FormatJS's options type is newer than this TypeScript's lib (useGrouping 'auto'); the browser takes them
    getNumberFormat: (locales, options) => once('number', [locales, options], () => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions)),
    getDateTimeFormat: (...args) => once('date', args, () => new Intl.DateTimeFormat(...args)),
    getPluralRules: (...args) => once('plural', args, () => new Intl.PluralRules(...args)),
  };
}

/** A message ready to format: its parsed form and the locale its plurals and numbers follow. */
interface Compiled {
  readonly ast: MessageFormatElement[];
  readonly locale: string;
}

/**
 * `source` parsed for `locale`. The page's catalogs arrive parsed
 * (scripts/catalogs.ts); a string (lparsh, the tests) is parsed by FormatJS's
 * own constructor, the one place a parser is bundled.
 */
function compile(source: Catalog[string], locale: string): Compiled {
  return { ast: typeof source === 'string' ? new IntlMessageFormat(source, locale).getAst() : source, locale };
}

/**
 * A compiled message with `values`, joined as IntlMessageFormat's format
 * joins its parts. Formatting the parsed form straight away, without an
 * IntlMessageFormat, skips its constructor's locale lookup
 * (Intl.NumberFormat.supportedLocalesOf): the first such lookup in a page
 * builds Chromium's list of every locale it knows, which took 0.25 to 0.5 s
 * of a cold load at CPU / 4, before anything needed a number formatted
 * (issue 22). The locale needs no lookup: it is one of the lab's languages.
 */
function formatCompiled(message: Compiled, values: Values | undefined, formatters: Formatters): string {
  const parts = formatToParts<never>(message.ast, message.locale, formatters, IntlMessageFormat.formats, values);
  if (parts.length === 1) return String(parts[0]!.value);
  // neighbouring literal parts (PART_TYPE.literal) joined; a value that is not text stays a part of its own
  const joined: unknown[] = [];
  for (const part of parts) {
    if (joined.length === 0 || part.type !== PART_TYPE.literal || typeof joined.at(-1) !== 'string') joined.push(part.value);
    else joined[joined.length - 1] += part.value;
  }
  return joined.length <= 1 ? String(joined[0] || '') : String(joined);
}

/**
 * A translator for `lang` over `catalog`. A key the catalog lacks falls back
 * to English (the catalog tests keep that from happening in a release); a
 * message is parsed once and kept.
 */
export function makeTranslate(lang: string, catalog: Catalog): Translate {
  const parsed = new Map<string, Compiled | string>();
  const formatters = sharedFormatters();
  return (key, values) => {
    let format = parsed.get(key);
    if (format === undefined) {
      const own = catalog[key];
      const source = own ?? english[key];
      // an id no catalog has (a stale lesson file naming one) reads as itself
      if (source === undefined) return key;
      format = plainText(source) ?? compile(source, own === undefined ? 'en' : lang);
      parsed.set(key, format);
    }
    return typeof format === 'string' ? format : formatCompiled(format, values, formatters);
  };
}

export const translateEnglish: Translate = makeTranslate('en', english);
