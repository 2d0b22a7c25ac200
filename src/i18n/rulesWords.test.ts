// What lesson checks say, from the catalogs (issue 23): every rule kind's
// sentence, met and not met with each reason it gives, reads in English
// exactly as the engine has always said it, and in every other registered
// language has no English left beyond the command language; the built-in
// lessons and challenges, played, show their check lines in the language.

import { describe, expect, it } from 'vitest';
import { CHALLENGES, checkStep, createShell, LESSONS, playChallenge, runSolution, type RuleResult } from '../engine/index.ts';
import { checkRule } from '../engine/lessons/checkRule.ts';
import type { Rule } from '../engine/index.ts';
import { MACHINES, play, RULE_CASES } from '../engine/lessons/ruleCases.ts';
import { RULE_NAMES } from '../engine/lessons/format.ts';
import { LANGUAGES } from './languages.ts';
import { englishIn } from './englishIn.ts';
import { makeTranslate, translateEnglish } from './translate.ts';
import { readCatalog } from './catalogFiles.ts';
import { saysIn, whyIn } from './wordsIn.ts';

const machines = Object.fromEntries(Object.entries(MACHINES).map(([name, lines]) => [name, play(lines)]));
const results = RULE_CASES.map(({ on, rule }) => ({ rule, result: checkRule(rule, machines[on]!) }));

/** The sentences the checks said before they had words (the English of the engine until issue 23), in the table's order. */
const ENGLISH = [
    'x holds a value', 'x is not bound yet', 'r holds a record with addr', 'r is not bound yet', 'x holds a record with addr', 'x has no field addr',
    'A is suspended in connect', 'A is running', 'A is not suspended in any call', 'B is suspended in recv', 'B is running',
    'Z is not suspended in any call', 'there is no partition Z', 'A has mapping at a', 'a is not an address yet', 'A has no mapping at a',
    'B has mapping at r.addr', 'r.addr is not an address yet', 'B has no mapping at r.addr', 'nothing is mapped at 0x100000 in A',
    'B still maps frames 160 at 0x100000', 'frames owned by A > 0', 'frames owned by Z is 0', "messages waiting at undefined's ports is 0",
    'the check names no partition', 'free frames >= 1', 'message channels <= 0', 'virtual files under /msg is 1', 'it is 0',
    'open fds of the kernel is 2', "messages waiting at scp's ports is 0", 'accepted communication sockets is 1',
    'accepted communication sockets to A is 1', 'listening connection sockets is 1', 'message areas mapped in A is 1',
    'shared areas mapped in B is 0', 'it is 1', 'it is 3', 'C is ended', 'there is no partition C', 'A is ended', 'A is active',
    "A's mem limit <= 16", "C's mem used is 0", 'C is not an active partition', "a guest's mem limit >= 1", "a guest's cpu used > 1000",
    'no guest has it (A: 0, B: 0)', 'it is unlimited', 'no guest has it (A: unlimited, B: unlimited)', "B's mem limit is 12",
    "a guest's mem limit <= 1", 'no guest has it (A: 20, B: 12)', 'the machine has done [0063]', 'no [0063] event yet',
    'the machine has done [0063] (event.merge)', 'the machine has done [0063] with B 3 times after event.raise',
    'no [0063] event with B after event.raise yet', 'the machine has done [0063] with Z', 'the machine has done S107 with A after area.map',
    'no S107 event with A after area.map yet', 'an event is pending at a receive port of B', 'B has no event receive port',
    "no event is pending at B's receive ports", 'an event is pending at a receive port of Z', "B's port rp has event pending",
    'rp is not an event receive port of B', "B's port rp has no event pending", "A's port sp has event pending",
    'sp is not an event receive port of A', '2 bits are still set', 'the bit is set', '1 bit is still set', 'every bit is clear', 'the bit is clear',
    'select in scp got = [3]', 'not seen in the terminal yet', 'connect in some context got ECONNREFUSED', 'A got something with "0x"',
    'a call got a record with addr', 'select answered with the socket to A', 'no select has named the socket to A yet',
    'select answered with the socket to Z', 'you listed the partitions', 'not typed yet', 'you typed lpars', 'frame 0 is owned by control', 'frame 300 is free',
    'there is no frame 300 (the machine has 256)', 'frame 200 is owned by A', 'it is free', 'frame 0 is owned by A', 'control owns it',
    'frame 9999 is owned by A', 'there is no frame 9999 (the machine has 256)', 'fd 3 is open', 'there is no fd 3', 'fd 3 is closed',
    'fd 4 is closed', 'fd 5 is closed', 'fd 6 is closed', "the policy's ceiling for mem is 24",
    'the ceiling is 64 and requests are answered by the ceiling', "the policy's ceiling for mem >= 1, answered by the program itself",
    "the policy's ceiling for cpu <= 8, answered by the ceiling", 'the ceiling is not set and requests are answered by the ceiling',
    "the policy's ceiling for mem is 99", 'fd 3 is an open socket', 'fd 4 is an open comm', 'fd 5 is an open file',
    'the ceiling is 24 and requests are answered by the program itself',
];

/**
 * A rule's own values (names, calls, tags) and the lines of its machine: what the student typed, not English to translate.
 * A count of one partition that names none reads "undefined" there, as it always has (the check fails, saying it names none).
 */
const typedOf = (rule: Rule) => [...Object.values(rule).map(String), ...Object.values(MACHINES).flat(), 'undefined'].join(' ');

/** Every sentence of a check result in `t`'s language: what it says, and why it is not met. */
const sentencesIn = (t: Parameters<typeof saysIn>[0], r: RuleResult) => [saysIn(t, r), ...(r.why === undefined ? [] : [whyIn(t, r)!])];

describe('lesson checks in English from the catalog', () => {
  it('the table has every rule kind, met and not met', () => {
    expect([...new Set(RULE_CASES.map((c) => c.rule.kind))].sort()).toEqual([...RULE_NAMES].sort());
    for (const kind of RULE_NAMES) {
      expect(results.filter((r) => r.rule.kind === kind).map((r) => r.result.ok), kind).toContain(false);
      expect(results.filter((r) => r.rule.kind === kind).map((r) => r.result.ok), kind).toContain(true);
    }
  });

  it('the engine says what it always said', () => {
    const said = [...new Set(results.flatMap(({ result: r }) => [r.says, ...(r.why === undefined ? [] : [r.why])]))];
    expect(said).toEqual(ENGLISH);
  });

  it('every sentence has words, and the English catalog says exactly the engine\'s sentence', () => {
    for (const { rule, result } of results) {
      // a typed rule's own sentence is the lesson's, shown as written
      if (!(rule.kind === 'typed' && rule.says !== undefined)) expect(result.saysWords, result.says).toBeDefined();
      if (result.why !== undefined) expect(result.whyWords, result.why).toBeDefined();
      expect(sentencesIn(translateEnglish, result)).toEqual([result.says, ...(result.why === undefined ? [] : [result.why])]);
    }
  });
});

for (const lang of Object.keys(LANGUAGES).filter((l) => l !== 'en')) {
  const t = makeTranslate(lang, readCatalog(lang));

  describe(`lesson checks in ${lang}`, () => {
    it('every rule kind says, and says why, with no English left and no sentence the same as the English', () => {
      const left = results.flatMap(({ rule, result }) => sentencesIn(t, result)
        .filter((_, i) => (i === 0 ? result.saysWords : result.whyWords) !== undefined)
        .flatMap((s) => {
          const english = englishIn(s, typedOf(rule));
          return english.length ? [`${s} (${english.join(' ')})`] : [];
        }));
      expect(left).toEqual([]);
      const same = results.flatMap(({ result }) => (result.saysWords && saysIn(t, result) === result.says ? [result.says] : []));
      expect(same).toEqual([]);
    });

    it('the built-in lessons and challenges show their check lines in the language, met and not met', () => {
      const lines: { said: string; rule: Rule }[] = [];
      for (const lesson of LESSONS) {
        for (const { step, check } of runSolution(lesson)) {
          const rules = lesson.steps[step]!.check;
          // met, after the step's lines; not met, on a fresh lab with nothing typed
          const before = checkStep(rules, createShell(), [], 0);
          [...check.results, ...before.results].forEach((r, i) => lines.push(...sentencesIn(t, r).map((said) => ({ said, rule: rules[i % rules.length]! }))));
        }
      }
      for (const challenge of CHALLENGES) {
        const { check } = playChallenge(challenge);
        check.results.forEach((r, i) => lines.push(...sentencesIn(t, r).map((said) => ({ said, rule: challenge.check[i]! }))));
      }
      expect(lines.length).toBeGreaterThan(100);
      const left = lines
        // STEP1: a typed rule's own sentence is the lesson file's
        .filter(({ rule, said }) => !(rule.kind === 'typed' && said === rule.says))
        .flatMap(({ said, rule }) => { const english = englishIn(said, typedOf(rule)); return english.length ? [`${said} (${english.join(' ')})`] : []; });
      expect(left).toEqual([]);
    });
  });
}
