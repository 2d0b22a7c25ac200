// Words from catalogs. A catalog is one JSON file per language: message ids
// to ICU MessageFormat strings (plurals, selects, numbers), formatted by
// FormatJS's intl-messageformat. English is the source catalog and the
// fallback; the page, lparsh and the exports all format through here, and
// the engine only ever emits ids and parameters (narration.ts).

import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from './catalogs/en.json';

/** Every message id: the keys of the English catalog, so a typo is a compile error. */
export type MessageKey = keyof typeof en;
/** Message ids to ICU strings, or (in the page's bundle, compiled by scripts/catalogs.ts) to their parsed form. */
export type Catalog = Readonly<Record<string, string | MessageFormatElement[]>>;
export type Values = Readonly<Record<string, PrimitiveType>>;
/** Formats one message of the chosen language. */
export type Translate = (key: MessageKey, values?: Values) => string;

export const SOURCE_CATALOG: Catalog = en;

/**
 * A translator for `lang` over `catalog`. A key the catalog lacks falls back
 * to English (the catalog tests keep that from happening in a release); a
 * message is parsed once and kept.
 */
export function makeTranslate(lang: string, catalog: Catalog): Translate {
  const parsed = new Map<string, IntlMessageFormat>();
  return (key, values) => {
    let format = parsed.get(key);
    if (format === undefined) {
      const own = catalog[key];
      const source = own ?? (en as Catalog)[key];
      // an id no catalog has (a stale lesson file naming one) reads as itself
      if (source === undefined) return key;
      format = new IntlMessageFormat(source, own === undefined ? 'en' : lang);
      parsed.set(key, format);
    }
    return String(format.format(values));
  };
}

export const translateEnglish: Translate = makeTranslate('en', en);
