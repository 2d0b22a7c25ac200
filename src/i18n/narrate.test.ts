// The narration from the catalogs says, in English, exactly what the engine's
// own sentences say, for every event the example scripts and the built-in
// lessons' solutions make; and in every other registered language it says
// something else, in that language, for each of them.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShell, LESSONS, narrate, runLine, solutionOf, traceOf, type LabEvent, type Narration } from '../engine/index.ts';
import { LANGUAGES } from './languages.ts';
import { narrateIn } from './narrate.ts';
import { makeTranslate, translateEnglish } from './translate.ts';
import { readCatalog } from './catalogFiles.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

function eventsOf(lines: readonly string[]): LabEvent[] {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return [...traceOf(shell.timeline)];
}

const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith('.lab')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8').split('\n'));
const lessons = LESSONS.map((lesson) => lesson.steps.flatMap((step) => solutionOf(step)));
const says: Narration[] = [...scripts, ...lessons].flatMap(eventsOf).map((e) => e.say);
const ids = new Set(says.map((say) => say[0]));

describe('narration from the catalogs', () => {
  it('covers most of the messages the engine can say', () => {
    const all = Object.keys(readCatalog('en')).filter((k) => k.startsWith('say.'));
    expect(ids.size).toBeGreaterThan(all.length / 2);
  });

  it('says in English exactly what the engine says', () => {
    const differ = says.filter((say) => narrateIn(translateEnglish, say) !== narrate(say)).map((say) => [narrate(say), narrateIn(translateEnglish, say)]);
    expect(differ).toEqual([]);
  });

  for (const lang of Object.keys(LANGUAGES).filter((l) => l !== 'en')) {
    it(`says every event in ${lang}`, () => {
      const t = makeTranslate(lang, readCatalog(lang));
      // a system call is said as it was typed (the command language is the same in every language)
      const english = says.filter((say) => say[0] !== 'sys.call' && narrateIn(t, say) === narrate(say)).map((say) => narrate(say));
      expect(english).toEqual([]);
    });
  }
});
