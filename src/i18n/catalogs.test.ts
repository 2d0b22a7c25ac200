// The catalogs are complete and nothing in them is dead: every registered
// language has exactly the English catalog's keys, each message parses and
// names the same arguments; every key is used by the code; and no component
// of the page renders a literal English string where a catalog message should
// be (an explicit, shrinking allow-list holds the components not converted yet).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';
import { NARRATED_IDS } from './narrate.ts';
import { computedShellKeys } from './shellWords.ts';
import { readCatalog } from './catalogFiles.ts';

const SRC = join(import.meta.dirname, '..');
const en = readCatalog('en');

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path, ext);
    return ext.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The argument names a message uses, and those it uses only to choose a plural form. */
function argumentsOf(elements: readonly MessageFormatElement[], into = { all: new Set<string>(), plural: new Set<string>() }) {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.all.add(el.value);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      into.all.add(el.value);
      if (el.type === TYPE.plural) into.plural.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

describe('every registered catalog', () => {
  for (const lang of Object.keys(LANGUAGES)) {
    const catalog = readCatalog(lang);
    it(`${lang} has every key of the English catalog and no other`, () => {
      expect(Object.keys(en).filter((k) => !(k in catalog)), 'missing').toEqual([]);
      expect(Object.keys(catalog).filter((k) => !(k in en)), 'not in English').toEqual([]);
    });

    it(`${lang}: every message parses and names the arguments its English names`, () => {
      const wrong: string[] = [];
      for (const [key, message] of Object.entries(catalog)) {
        let own;
        try {
          own = argumentsOf(parse(message));
        } catch (error) {
          wrong.push(`${key}: ${(error as Error).message}`);
          continue;
        }
        if (en[key] === undefined) continue;
        const source = argumentsOf(parse(en[key]));
        const invented = [...own.all].filter((a) => !source.all.has(a));
        // a language without plural forms may leave out an argument English only counts with
        const dropped = [...source.all].filter((a) => !own.all.has(a) && !source.plural.has(a));
        if (invented.length || dropped.length) wrong.push(`${key}: invents [${invented}] drops [${dropped}]`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('the code and the catalog agree', () => {
  const code = sources(SRC, /\.tsx?$/).filter((f) => !f.includes(`${join('i18n', 'catalogs')}`)).map((f) => readFileSync(f, 'utf8')).join('\n');

  it('has a catalog message for every narration the engine can say', () => {
    expect(NARRATED_IDS.filter((id) => !(`say.${id}` in en))).toEqual([]);
  });

  it('uses every key of the catalog', () => {
    // narration ids, and the keys the shell computes from its tables (a call's description), are named by the code without quotes
    const narrated = new Set([...NARRATED_IDS.map((id) => `say.${id}`), ...computedShellKeys()]);
    const unused = Object.keys(en).filter((key) => !narrated.has(key) && !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});

/**
 * Components not converted to catalog messages yet, with how many literal
 * strings each still renders. The number may only go down: a new literal in
 * any component fails, and so does a count left higher than what remains.
 */
const NOT_CONVERTED: Readonly<Record<string, number>> = {};

/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'label']);
const hasWords = (text: string) => /[A-Za-z]{2,}/.test(text);

/** The literal strings a component renders: JSX text, strings in JSX braces, and read attributes. */
export function literalsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent) && (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) && hasWords(node.expression.text)) {
      found.push(node.expression.text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const value = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isTemplateExpression(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) ? init.expression.getText(source) : '';
      if (hasWords(value)) found.push(`${node.name.getText(source)}=${value}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components render words from the catalogs', () => {
  const components = sources(join(SRC, 'ui'), /\.tsx$/);
  const counts = Object.fromEntries(components.map((f) => [relative(SRC, f), literalsOf(f, readFileSync(f, 'utf8'))] as const));

  it('finds literal strings (the check itself works)', () => {
    expect(literalsOf('x.tsx', 'const a = <p title="a hint">Hello <b>{"there"}</b>{t("k")}</p>;')).toEqual(['title=a hint', 'Hello', 'there']);
    expect(literalsOf('x.tsx', 'const a = <p aria-label={t("k")}>{n} · {t("k2")}</p>;')).toEqual([]);
  });

  it('has no literal string in a converted component, and no more than its allowance in the others', () => {
    const over = Object.entries(counts).filter(([file, found]) => found.length > (NOT_CONVERTED[file] ?? 0)).map(([file, found]) => `${file} (${found.length} > ${NOT_CONVERTED[file] ?? 0}): ${found.join(' | ')}`);
    expect(over).toEqual([]);
  });

  it('lowers the allowance as components are converted', () => {
    const stale = Object.entries(NOT_CONVERTED).filter(([file, allowed]) => (counts[file]?.length ?? 0) < allowed).map(([file, allowed]) => `${file}: allows ${allowed}, renders ${counts[file]?.length ?? 0}`);
    expect(stale).toEqual([]);
  });
});
