// The built-in lessons' words for the page (issue 23): every built-in lesson
// file (src/engine/lessons/data/*.lesson.json) carries its texts in English
// and Japanese, and the engine imports them all. For the page's build this
// plugin hands the engine each file in its first language only (each text
// `{ "en": ..., "ja": ... }` becomes its "en" string), and serves the full
// files as the virtual module `virtual:lesson-texts`, which the page imports
// with import() only when a reader chooses another language (it then hands
// them to the engine's addBuiltinLanguage). An English reader's first load
// keeps none of the Japanese. Vitest, Node and lparsh read the full files.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const LESSON_DATA_DIR = join(import.meta.dirname, '..', 'src', 'engine', 'lessons', 'data');
const LESSON_FILE = /[\\/]src[\\/]engine[\\/]lessons[\\/]data[\\/][^\\/]+\.lesson\.json$/;
export const LESSON_TEXTS_ID = 'virtual:lesson-texts';
const RESOLVED = `\0${LESSON_TEXTS_ID}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A lesson file (parsed JSON) with its words in its first language only. A
 * text in several languages is an object whose keys are all declared
 * languages and whose values are all strings (docs/lesson-format.md); no
 * other object of the format has only language codes for keys. A file that
 * declares no languages is returned as it is.
 */
export function firstLanguageOnly(data: unknown): unknown {
  if (!isRecord(data) || !Array.isArray(data.languages) || data.languages.length < 2 || typeof data.languages[0] !== 'string') return data;
  const langs = data.languages as unknown[];
  const first = data.languages[0];
  const isText = (v: Record<string, unknown>) => Object.keys(v).length > 0 && Object.entries(v).every(([k, s]) => langs.includes(k) && typeof s === 'string');
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isRecord(v)) return v;
    if (isText(v)) return v[first] ?? v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return { ...(walk(data) as Record<string, unknown>), languages: [first] };
}

/** The built-in lesson files' names, in the directory's order. */
const lessonFileNames = () => readdirSync(LESSON_DATA_DIR).filter((f) => f.endsWith('.lesson.json')).sort();

export function lessonTexts(): Plugin {
  let project = true;
  return {
    name: 'lparlab-lesson-texts',
    enforce: 'pre',
    // vitest reads the full files (the engine's tests check every language); the page's build and dev server do not
    configResolved() {
      project = !process.env.VITEST;
    },
    resolveId(source) {
      return source === LESSON_TEXTS_ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const names = lessonFileNames();
      for (const name of names) this.addWatchFile(join(LESSON_DATA_DIR, name));
      return `export default [${names.map((name) => readFileSync(join(LESSON_DATA_DIR, name), 'utf8')).join(',\n')}];\n`;
    },
    transform(code, id) {
      if (!project || !LESSON_FILE.test(id.replace(/\?.*$/, ''))) return null;
      return { code: JSON.stringify(firstLanguageOnly(JSON.parse(code))), map: null };
    },
  };
}
