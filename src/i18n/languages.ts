// The registered languages. A new language is its catalog in ./catalogs and
// one line here (docs/translating.md). English ships in the first load;
// every other catalog is a chunk of its own, fetched only when chosen.

import type { Catalog } from './translate.ts';
import en from './catalogs/en.json';

export const LANGUAGES = {
  en: { name: 'English', load: (): Promise<Catalog> => Promise.resolve(en) },
  ja: { name: '日本語', load: (): Promise<Catalog> => import('./catalogs/ja.json').then((m) => m.default) },
} as const satisfies Record<string, { readonly name: string; load(): Promise<Catalog> }>;

export type Language = keyof typeof LANGUAGES;
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

/**
 * The language to show: the first of `wanted` that is registered, tried whole
 * (`ja`) and by its primary subtag (`ja-JP` -> `ja`), case-insensitively;
 * anything else (a typo in a link, an unknown tag) is skipped, and with
 * nothing left the default.
 */
export function pickLanguage(wanted: readonly (string | null | undefined)[]): Language {
  for (const tag of wanted) {
    if (typeof tag !== 'string') continue;
    const lower = tag.trim().toLowerCase();
    if (isLanguage(lower)) return lower;
    const primary = lower.split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
