// The glossary (docs/glossary.md) as data, read from the page itself so the
// page and the tests that hold the catalogs and the built-in lessons to it
// (glossary.test.ts, lessonWords.test.ts) cannot disagree.

export interface Glossary {
  /** language code -> column */
  readonly columns: ReadonlyMap<string, number>;
  /** language code -> the column of forms that language must not use */
  readonly avoid: ReadonlyMap<string, number>;
  readonly rows: readonly (readonly string[])[];
}

export function readGlossary(text: string): Glossary {
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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether an English text uses a term (in the singular or a plural or past form). */
export const usesEnglish = (message: string, term: string) => new RegExp(`\\b${escape(term)}(s|es|ed)?\\b`, 'i').test(message);

/**
 * Where a text in `lang` breaks the glossary against its English: a term the
 * English uses whose own-language term is missing, or a form the glossary
 * refuses. `checked` counts the terms looked for.
 */
export function glossaryOffences(glossary: Glossary, lang: string, english: string, message: string): { offences: string[]; checked: number } {
  const enColumn = glossary.columns.get('en')!;
  const column = glossary.columns.get(lang)!;
  const avoidColumn = glossary.avoid.get(lang);
  const offences: string[] = [];
  let checked = 0;
  for (const row of glossary.rows) {
    const term = row[enColumn]!;
    const own = row[column]!;
    if (own && usesEnglish(english, term)) {
      checked++;
      if (!message.includes(own)) offences.push(`"${term}" should read ${own}: ${message}`);
    }
    for (const wrong of (avoidColumn === undefined ? '' : row[avoidColumn]!).split(',').map((w) => w.trim()).filter(Boolean)) {
      // a refused form may be part of the right one (ポリシ in ポリシー): look past the right one
      if (message.split(own).join('').includes(wrong)) offences.push(`uses ${wrong}, the glossary says ${own}: ${message}`);
    }
  }
  return { offences, checked };
}
