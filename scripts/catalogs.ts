// The page's catalogs compiled at build time: every message of
// src/i18n/catalogs/*.json is parsed into FormatJS's message AST here, in
// Node, and the page's bundle gets the parser-free build of
// intl-messageformat (FormatJS's documented `no-parser` alias). The ICU
// parser is three quarters of the library's weight (about 8 KB of the
// 10.7 KB gzip it added to the first load), and an English reader should
// not download it to read English. lparsh and the tests parse at run time.

import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const CATALOG = /[\\/]src[\\/]i18n[\\/]catalogs[\\/][a-z]{2,3}(-[A-Za-z0-9]+)?\.json$/;

/** One catalog's JSON text with every message replaced by its AST; a message that does not parse fails the build, naming its key. */
export function compileCatalog(json: string, file: string): string {
  const catalog = JSON.parse(json) as Record<string, unknown>;
  const compiled: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(catalog)) {
    if (typeof message !== 'string') throw new Error(`${file}: "${key}" is not a string`);
    try {
      compiled[key] = parse(message);
    } catch (error) {
      throw new Error(`${file}: "${key}" is not a valid ICU message: ${(error as Error).message}`, { cause: error });
    }
  }
  return JSON.stringify(compiled);
}

export function compiledCatalogs(): Plugin {
  return {
    name: 'lparlab-catalogs',
    enforce: 'pre',
    resolveId(source, importer) {
      // the formatter inside the bundle needs no parser: every message arrives parsed
      if (source === '@formatjs/icu-messageformat-parser' && importer?.includes('intl-messageformat')) {
        return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js', importer, { skipSelf: true });
      }
      return null;
    },
    transform(code, id) {
      return CATALOG.test(id) ? { code: compileCatalog(code, id), map: null } : null;
    },
  };
}
