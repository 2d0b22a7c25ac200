// The catalogs speak the glossary's terms (docs/glossary.md): wherever an
// English message uses a term, the same message in every other language with
// a column in the glossary uses that language's term, and never a form the
// glossary refuses. The glossary is read from the page itself, so the page
// and the test cannot disagree.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';
import { readCatalog } from './catalogFiles.ts';
import { glossaryOffences, readGlossary } from './glossaryTable.ts';

const GLOSSARY = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'glossary.md'), 'utf8');

const glossary = readGlossary(GLOSSARY);
const enColumn = glossary.columns.get('en')!;

describe('the glossary', () => {
  it('names the key terms of the Japanese patent literature', () => {
    const ja = glossary.columns.get('ja')!;
    const pairs = new Map(glossary.rows.map((r) => [r[enColumn], r[ja]]));
    expect(Object.fromEntries([
      'control OS', 'logical partition', 'system control OS', 'system control program', 'guest OS',
      'message channel', 'control signal port', 'event port', 'virtual file', 'physical address space',
    ].map((t) => [t, pairs.get(t)]))).toEqual({
      'control OS': '制御OS', 'logical partition': '論理パーティション', 'system control OS': 'システム制御OS',
      'system control program': 'システム制御プログラム', 'guest OS': 'ゲストOS', 'message channel': 'メッセージチャネル',
      'control signal port': '制御信号ポート', 'event port': 'イベントポート', 'virtual file': '仮想ファイル', 'physical address space': '物理アドレス空間',
    });
  });

  it('has a column for every registered language', () => {
    for (const lang of Object.keys(LANGUAGES)) expect(glossary.columns.has(lang), lang).toBe(true);
  });

  const en = readCatalog('en');
  for (const lang of Object.keys(LANGUAGES).filter((l) => l !== 'en')) {
    it(`is followed by the ${lang} catalog: the term wherever English uses it, never a refused form`, () => {
      const catalog = readCatalog(lang);
      const offences: string[] = [];
      let checked = 0;
      for (const [key, english] of Object.entries(en)) {
        const message = catalog[key];
        if (message === undefined) continue; // a missing key is the catalog test's to report
        const found = glossaryOffences(glossary, lang, english, message);
        checked += found.checked;
        offences.push(...found.offences.map((o) => `${key}: ${o}`));
      }
      expect(offences).toEqual([]);
      expect(checked, 'messages that use a glossary term').toBeGreaterThan(0);
    });
  }
});
