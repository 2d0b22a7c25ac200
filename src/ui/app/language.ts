// The reader's language: `?lang=ja` in the link, else the one they chose in
// the menu (kept in this browser), else the browser's own languages, else
// English. A link never carries the sender's language to the reader: only
// an explicit `?lang` does. A value that names no registered language is
// ignored. Every other catalog than English is fetched only when chosen.

import { create } from 'zustand';
import { DEFAULT_LANGUAGE, LANGUAGES, pickLanguage, type Language } from '../../i18n/languages.ts';
import { makeTranslate, translateEnglish, type Translate } from '../../i18n/translate.ts';
import { formatOutput, type Output } from '../../engine/index.ts';
import { loadBuiltinLanguages } from './builtinLanguages.ts';

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
  /** The lines the terminal (and the screen reader's log of results) prints for one output of the shell, in this language. */
  readonly formatOutput: (o: Output) => string[];
  /** Shows `lang` once its catalog has loaded; `remember` keeps the choice in this browser. */
  choose(lang: Language, remember?: boolean): Promise<void>;
}

/**
 * The shell's words in a language other than English (src/i18n/shellWords.ts), fetched with its catalog:
 * an English reader never downloads them, and English prints the engine's own sentences, byte for byte
 * what lparsh and the golden transcripts print.
 */
const loadShellWords = () => import('../../i18n/shellWords.ts');

/**
 * Loads the face `lang` needs without showing the page in it: the lesson
 * builder's column for a second language (issue 23) is Japanese on an
 * English page. Nothing for a language the page's fonts already draw.
 */
export function loadFace(lang: Language): Promise<unknown> {
  return FONTS[lang]?.() ?? Promise.resolve();
}

/** The language asked for last: a choice made while an earlier catalog still loaded wins over it. */
let latest: Language = DEFAULT_LANGUAGE;

export const useLanguage = create<LanguageState>()((set) => ({
  lang: DEFAULT_LANGUAGE,
  t: translateEnglish,
  formatOutput,
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
    let shellWords;
    try {
      [catalog, shellWords] = await Promise.all([LANGUAGES[lang].load(), lang === DEFAULT_LANGUAGE ? null : loadShellWords(), FONTS[lang]?.(), lang === DEFAULT_LANGUAGE ? null : loadBuiltinLanguages()]);
    } catch (error) {
      // offline before the catalog was ever fetched: the page stays readable in the language it shows
      console.warn(`lparlab: the ${LANGUAGES[lang].name} catalog could not be loaded`, error);
      return;
    }
    if (latest !== lang) return;
    if (shellWords === null) set({ lang, t: translateEnglish, formatOutput });
    else {
      const t = makeTranslate(lang, catalog);
      const { formatOutputIn } = shellWords;
      set({ lang, t, formatOutput: (o) => formatOutputIn(t, o) });
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  },
}));

/** Loads the reader's language before the first paint, so Japanese readers see no English flash. */
export function startLanguage(): Promise<void> {
  const lang = initialLanguage(location.search, saved(), navigator.languages ?? [navigator.language]);
  return lang === DEFAULT_LANGUAGE ? Promise.resolve() : useLanguage.getState().choose(lang, false);
}

/** An output of the shell as the reader's language prints it now (a line printed before a switch stays as it was). */
export function formatOutputNow(o: Output): string[] {
  return useLanguage.getState().formatOutput(o);
}

/** The translate function of the language shown now; components re-render when it changes. */
export function useT(): Translate {
  return useLanguage((s) => s.t);
}
