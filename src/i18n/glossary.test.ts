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

const GLOSSARY = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'glossary.md'), 'utf8');

interface Glossary {
  /** language code -> column */
  readonly columns: ReadonlyMap<string, number>;
  readonly avoid: ReadonlyMap<string, number>;
  readonly rows: readonly (readonly string[])[];
}

function readGlossary(text: string): Glossary {
  const table = text.split('\n').filter((l) => l.startsWith('|')).map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
  const [head, , ...rows] = table;
  const columns = new Map<string, number>();
  const avoid = new Map<string, number>();
  head!.forEach((cell, i) => {
    const code = /\(([a-z]{2,3})\)$/.exec(cell)?.[1];
    if (!code) return;
    (cell.startsWith('not ') ? avoid : columns).set(code, i);
  });
  return { columns, avoid, rows };
}

const glossary = readGlossary(GLOSSARY);
const enColumn = glossary.columns.get('en')!;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const usesEnglish = (message: string, term: string) => new RegExp(`\\b${escape(term)}(s|es|ed)?\\b`, 'i').test(message);

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
      const column = glossary.columns.get(lang)!;
      const avoidColumn = glossary.avoid.get(lang);
      const offences: string[] = [];
      let checked = 0;
      for (const [key, english] of Object.entries(en)) {
        const message = catalog[key];
        if (message === undefined) continue; // a missing key is the catalog test's to report
        for (const row of glossary.rows) {
          const term = row[enColumn]!;
          const own = row[column]!;
          if (own && usesEnglish(english, term)) {
            checked++;
            if (!message.includes(own)) offences.push(`${key}: "${term}" should read ${own}: ${message}`);
          }
          for (const wrong of (avoidColumn === undefined ? '' : row[avoidColumn]!).split(',').map((w) => w.trim()).filter(Boolean)) {
            // a refused form may be part of the right one (ポリシ in ポリシー): look past the right one
            if (message.split(own).join('').includes(wrong)) offences.push(`${key}: uses ${wrong}, the glossary says ${own}`);
          }
        }
      }
      expect(offences).toEqual([]);
      expect(checked, 'messages that use a glossary term').toBeGreaterThan(0);
    });
  }
});
