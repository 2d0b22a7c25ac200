// The page's catalogs compiled at build time: every message of
// src/i18n/catalogs/*.json is parsed into FormatJS's message AST here, in
// Node, and the page's bundle gets the parser-free build of
// intl-messageformat (FormatJS's documented `no-parser` alias). The ICU
// parser is three quarters of the library's weight (about 8 KB of the
// 10.7 KB gzip it added to the first load), and an English reader should
// not download it to read English. lparsh and the tests parse at run time.
//
// The English catalog is split too (issue 23): the page's English carries
// only the words outside src/i18n/wordAreas.ts's areas, and each area is the
// virtual module `virtual:words/<area>`, imported by the page when a panel
// that reads it is first shown. Vitest reads the whole catalog.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { areaOf, isNodeOnly, WORD_AREAS, type WordArea } from '../src/i18n/wordAreas.ts';

const CATALOG = /[\\/]src[\\/]i18n[\\/]catalogs[\\/][a-z]{2,3}(-[A-Za-z0-9]+)?\.json$/;
const ENGLISH = /[\\/]src[\\/]i18n[\\/]catalogs[\\/]en\.json$/;
const ENGLISH_FILE = join(import.meta.dirname, '..', 'src', 'i18n', 'catalogs', 'en.json');
const WORDS = 'virtual:words/';

/**
 * One catalog's JSON text with every message replaced by its AST; a message
 * that does not parse fails the build, naming its key. `keep` picks the
 * messages to compile (all of them unless given).
 */
export function compileCatalog(json: string, file: string, keep: (key: string) => boolean = () => true): string {
  const catalog = JSON.parse(json) as Record<string, unknown>;
  const compiled: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(catalog)) {
    if (!keep(key)) continue;
    if (typeof message !== 'string') throw new Error(`${file}: "${key}" is not a string`);
    try {
      compiled[key] = parse(message);
    } catch (error) {
      throw new Error(`${file}: "${key}" is not a valid ICU message: ${(error as Error).message}`, { cause: error });
    }
  }
  return JSON.stringify(compiled);
}

const isArea = (name: string): name is WordArea => Object.hasOwn(WORD_AREAS, name);

export function compiledCatalogs(): Plugin {
  let page = true;
  return {
    name: 'lparlab-catalogs',
    enforce: 'pre',
    // vitest checks the whole English catalog; the page's build and dev server split it
    configResolved() {
      page = !process.env.VITEST;
    },
    resolveId(source, importer) {
      if (source.startsWith(WORDS)) {
        if (!isArea(source.slice(WORDS.length))) this.error(`${source}: no such area of words (src/i18n/wordAreas.ts)`);
        return `\0${source}`;
      }
      // the formatter inside the bundle needs no parser: every message arrives parsed
      if (source === '@formatjs/icu-messageformat-parser' && importer?.includes('intl-messageformat')) {
        return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js', importer, { skipSelf: true });
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(`\0${WORDS}`)) return null;
      const area = id.slice(WORDS.length + 1);
      this.addWatchFile(ENGLISH_FILE);
      return `export default ${compileCatalog(readFileSync(ENGLISH_FILE, 'utf8'), ENGLISH_FILE, (key) => areaOf(key) === area)};`;
    },
    transform(code, id) {
      if (!CATALOG.test(id)) return null;
      // lparsh's own words are never the page's: its English leaves them out too
      const firstLoad = page && ENGLISH.test(id) ? (key: string) => areaOf(key) === null && !isNodeOnly(key) : undefined;
      return { code: compileCatalog(code, id, firstLoad), map: null };
    },
  };
}
