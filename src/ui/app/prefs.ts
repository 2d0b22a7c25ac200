// The viewer's preferences, kept in the browser: light or dark theme.

import { create } from 'zustand';

export type Theme = 'light' | 'dark';

const KEY = 'lparlab.theme';

function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage may be blocked (private mode, file://): fall back to the system preference
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface Prefs {
  readonly theme: Theme;
  toggleTheme(): void;
}

export const usePrefs = create<Prefs>()((set, get) => ({
  theme: initialTheme(),
  toggleTheme() {
    const theme = get().theme === 'light' ? 'dark' : 'light';
    try {
      window.localStorage.setItem(KEY, theme);
    } catch {
      // not saved; the choice still holds for this visit
    }
    set({ theme });
  },
}));
