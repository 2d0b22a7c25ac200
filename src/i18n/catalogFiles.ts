// The catalogs as their files hold them (ICU strings, not the page's compiled
// form), for the tests and tools that check them in Node.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CATALOG_DIR = join(import.meta.dirname, 'catalogs');

export function readCatalog(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(join(CATALOG_DIR, `${lang}.json`), 'utf8')) as Record<string, string>;
}
