// How the terminal looks: its two themes, whose ANSI colours were chosen for
// contrast on each background, the colour of each kind of output, and its
// fonts. labTerminal.ts draws with them.

import type { ITheme } from '@xterm/xterm';
import type { Output } from '../../engine/index.ts';

export type TerminalTheme = 'light' | 'dark';

// ANSI colours chosen for at least 4.5:1 contrast on each background
export const THEMES: Record<TerminalTheme, ITheme> = {
  light: {
    background: '#fbfbf8', foreground: '#1c1c1c', cursor: '#1c1c1c', selectionBackground: '#b5d5ff',
    red: '#b3261e', green: '#1d6b2f', yellow: '#805300', blue: '#0b4f9c', cyan: '#00626f', magenta: '#8e2a7b', brightBlack: '#5c5c5c',
  },
  dark: {
    background: '#15171a', foreground: '#e8e6e3', cursor: '#e8e6e3', selectionBackground: '#3b5a85',
    red: '#ff8a80', green: '#8fdc97', yellow: '#f2cc60', blue: '#8ab4f8', cyan: '#7fd8e6', magenta: '#e6a1d8', brightBlack: '#a0a0a0',
  },
};

export const COLOUR: Record<Output['kind'], string> = { result: '', error: '\x1b[31m', blocked: '\x1b[33m', complete: '\x1b[36m', text: '' };
export const RESET = '\x1b[0m';
export const DIM = '\x1b[90m';

/**
 * The bundled face first (app.css loads it), so every machine draws the same
 * glyphs; Japanese falls to BIZ UDGothic, loaded only for a Japanese reader
 * (language.ts), and otherwise to the system's own.
 */
export const FONT = '"JetBrains Mono"';
export const FALLBACK_FONTS = 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, "BIZ UDGothic", monospace';
