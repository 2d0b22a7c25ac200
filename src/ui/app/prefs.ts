// The viewer's preferences, kept in the browser: light or dark theme, and how
// the patent's tags are shown (S05P1247's steps and paragraphs, the figures'
// step numbers only, or none).
//
// Tags: a link (?tags= or a share link's tags=) or a lesson file ("tags") may
// say how it wants them shown, and it is obeyed when it opens: a teacher who
// hides the paragraphs for an OS class expects the class to open the lesson
// that way, whatever a student once chose. What a link or lesson asks lasts
// for the visit and is not saved. The reader may change it at any moment from
// the menu; that choice holds from then on, in this visit and the next ones,
// until a later link or lesson asks again.

import { create } from 'zustand';
import type { TagStyle } from '../../engine/index.ts';
import { isTagStyle } from '../../engine/index.ts';
import { OPENING } from './mode.ts';
import type { MessageKey } from '../../i18n/translate.ts';

export type Theme = 'light' | 'dark';

const KEY = 'lparlab.theme';
const TAGS_KEY = 'lparlab.tags';

function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage may be blocked (private mode, file://): fall back to the system preference
  }
  // (no window: the page's modules loaded by a test in Node)
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The reader's own saved choice of tags, or null when none was made (or storage is blocked). */
function savedTags(): TagStyle | null {
  try {
    const saved = window.localStorage.getItem(TAGS_KEY);
    return isTagStyle(saved) ? saved : null;
  } catch {
    return null;
  }
}

interface Prefs {
  readonly theme: Theme;
  /** how every view prints the patent's tags (engine `tagShown`) */
  readonly tags: TagStyle;
  toggleTheme(): void;
  /** the reader's own choice: shown at once and kept for later visits */
  chooseTags(style: TagStyle): void;
  /** what a link or lesson asks for: shown at once, for this visit only */
  askTags(style: TagStyle): void;
}

export const usePrefs = create<Prefs>()((set, get) => ({
  theme: initialTheme(),
  tags: OPENING.tags ?? savedTags() ?? 'patent',
  toggleTheme() {
    const theme = get().theme === 'light' ? 'dark' : 'light';
    try {
      window.localStorage.setItem(KEY, theme);
    } catch {
      // not saved; the choice still holds for this visit
    }
    set({ theme });
  },
  chooseTags(style) {
    try {
      window.localStorage.setItem(TAGS_KEY, style);
    } catch {
      // not saved; the choice still holds for this visit
    }
    set({ tags: style });
  },
  askTags(style) {
    set({ tags: style });
  },
}));

/** The words of each choice (catalog ids), for the menu. */
export const TAG_CHOICES = [
  { style: 'patent', label: 'app.tags.patent' },
  { style: 'steps', label: 'app.tags.steps' },
  { style: 'none', label: 'app.tags.none' },
] as const satisfies readonly { readonly style: TagStyle; readonly label: MessageKey }[];
