// The reader's language: `?lang=ja` in the link, else the one they chose in
// the menu (kept in this browser), else the browser's own languages, else
// English. A link never carries the sender's language to the reader: only
// an explicit `?lang` does. A value that names no registered language is
// ignored. Every other catalog than English is fetched only when chosen.

import { create } from 'zustand';
import { DEFAULT_LANGUAGE, LANGUAGES, pickLanguage, type Language } from '../../i18n/languages.ts';
import { makeTranslate, translateEnglish, type Translate } from '../../i18n/translate.ts';

const KEY = 'lparlab.lang';

/** The lab's name: the same in every language. */
export const LAB_NAME = 'lparlab';

/** A face a language needs beyond the page's own fonts, loaded with its catalog (the page's CSS: not for lparsh). */
const FONTS: Partial<Record<Language, () => Promise<unknown>>> = {
  ja: () => Promise.all([import('@fontsource/biz-udgothic/400.css'), import('./japanese.css')]),
};

function saved(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked (private mode, file://): no saved choice
  }
}

/** The language a page opened at `search` starts in. */
export function initialLanguage(search: string, stored: string | null, browser: readonly string[]): Language {
  return pickLanguage([new URLSearchParams(search).get('lang'), stored, ...browser]);
}

interface LanguageState {
  /** The language whose words are shown now. */
  readonly lang: Language;
  readonly t: Translate;
  /** Shows `lang` once its catalog has loaded; `remember` keeps the choice in this browser. */
  choose(lang: Language, remember?: boolean): Promise<void>;
}

/** The language asked for last: a choice made while an earlier catalog still loaded wins over it. */
let latest: Language = DEFAULT_LANGUAGE;

export const useLanguage = create<LanguageState>()((set) => ({
  lang: DEFAULT_LANGUAGE,
  t: translateEnglish,
  async choose(lang, remember = true) {
    latest = lang;
    if (remember) {
      try {
        window.localStorage.setItem(KEY, lang);
      } catch {
        // not saved; the choice still holds for this visit
      }
    }
    let catalog;
    try {
      [catalog] = await Promise.all([LANGUAGES[lang].load(), FONTS[lang]?.()]);
    } catch (error) {
      // offline before the catalog was ever fetched: the page stays readable in the language it shows
      console.warn(`lparlab: the ${LANGUAGES[lang].name} catalog could not be loaded`, error);
      return;
    }
    if (latest !== lang) return;
    set({ lang, t: lang === DEFAULT_LANGUAGE ? translateEnglish : makeTranslate(lang, catalog) });
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  },
}));

/** Loads the reader's language before the first paint, so Japanese readers see no English flash. */
export function startLanguage(): Promise<void> {
  const lang = initialLanguage(location.search, saved(), navigator.languages ?? [navigator.language]);
  return lang === DEFAULT_LANGUAGE ? Promise.resolve() : useLanguage.getState().choose(lang, false);
}

/** The translate function of the language shown now; components re-render when it changes. */
export function useT(): Translate {
  return useLanguage((s) => s.t);
}
