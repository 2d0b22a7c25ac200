// The map from S05P1247 to the lab is the one source of tags: every tag the
// engine emits is a row of it, every patent step in it is shown by an example
// script and asserted by a test, and docs/patent-map.md is generated from it.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATENT_MAP, isLabTag, mapRow, patentMapMarkdown, tagLabel } from '../engine/patentMap.ts';
import { isStep, tagShown } from '../engine/patentMap.ts';
import { createShell, runLine } from '../engine/shell/shell.ts';
import { traceOf } from '../engine/timeline/timeline.ts';
import { apply, createLab } from '../engine/lab.ts';
import { opToCommand, seededOps } from '../engine/testing/randomOps.ts';
import type { LabEvent } from '../engine/event.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

/** Every event of every example script, run as typed. */
function exampleEvents(): Map<string, LabEvent[]> {
  const byScript = new Map<string, LabEvent[]>();
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.lab')).sort()) {
    let shell = createShell();
    for (const line of readFileSync(join(EXAMPLES, file), 'utf8').split('\n')) shell = runLine(shell, line).shell;
    byScript.set(file, [...traceOf(shell.timeline)]);
  }
  return byScript;
}

/** The text of every test file but this one: where a tag must be asserted. */
function testSources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) testSources(path, out);
    else if (/\.test\.tsx?$/.test(entry.name) && !path.endsWith('patentMap.test.ts')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

/** Every tag some example script emits. Run inside each test that needs it, not at load: code run while a test file loads counts as "static" for the mutation run, which then reruns every test for each mutant in it. */
function emittedByExamples(): Set<string> {
  return new Set([...exampleEvents().values()].flat().map((e) => e.tag));
}

describe('the map from S05P1247 to the lab', () => {
  it('has one row per tag, each saying where the patent says it and what the lab does', () => {
    const tags = PATENT_MAP.map((r) => r.tag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const row of PATENT_MAP) {
      expect(row.ref, row.tag).toMatch(/\[0\d{3}\]|S\d/);
      expect(row.lab.length, row.tag).toBeGreaterThan(10);
      // a lab extension is named as one, and only an extension is
      expect(row.tag.startsWith('lab:'), row.tag).toBe('extension' in row);
    }
  });

  it('holds every tag the engine emits: in every example script and in long random runs', () => {
    const random: string[] = [];
    // fewer under the mutation run (LPARLAB_PROPERTY_RUNS), which repeats the suite for every mutant
    const quick = Number(process.env.LPARLAB_PROPERTY_RUNS ?? 0) > 0;
    for (const seed of quick ? [1] : [1, 2, 3]) {
      let state = createLab({ seed }).state;
      for (const op of seededOps(seed, quick ? 800 : 4000)) {
        const step = apply(state, opToCommand(state, op));
        random.push(...step.events.map((e) => e.tag));
        state = step.state;
      }
    }
    const unknown = [...new Set([...emittedByExamples(), ...random])].filter((tag) => !mapRow(tag));
    expect(unknown).toEqual([]);
  });

  it('every patent step in it is shown by some example script', () => {
    const emitted = emittedByExamples();
    const steps = PATENT_MAP.map((r) => r.tag).filter(isStep);
    expect(steps.filter((tag) => !emitted.has(tag))).toEqual([]);
  });

  it('every patent step in it is asserted by some test', () => {
    const sources = testSources(join(ROOT, 'src')).join('\n');
    const steps = PATENT_MAP.map((r) => r.tag).filter(isStep);
    expect(steps.filter((tag) => !sources.includes(`'${tag}'`))).toEqual([]);
  });

  it('shows a lab extension as "lab", and a patent step or paragraph as itself', () => {
    expect(tagLabel('lab:sched')).toBe('lab');
    expect(isLabTag('lab:end')).toBe(true);
    expect(tagLabel('S107')).toBe('S107');
    expect(tagLabel('[0063]')).toBe('[0063]');
    expect(isLabTag('[0053]')).toBe(false);
    // a tag the map does not hold (a trace saved by another version of the lab) is shown as it is
    expect(isLabTag('lab:gone')).toBe(false);
    expect(tagLabel('lab:gone')).toBe('lab:gone');
  });

  it('shows a tag as the reader chose: the patent\'s, the figures\' step numbers only, or none', () => {
    expect(['S107', '[0063]', 'lab:sched', 'S204(a)', 'S-C'].map((t) => tagShown(t))).toEqual(['S107', '[0063]', 'lab', 'S204(a)', 'S-C']);
    expect(['S107', '[0063]', 'lab:sched', 'S204(a)', 'S-C'].map((t) => tagShown(t, 'steps'))).toEqual(['S107', '', '', 'S204(a)', 'S-C']);
    expect(PATENT_MAP.map((r) => tagShown(r.tag, 'none')).filter(Boolean)).toEqual([]);
  });

  it('docs/patent-map.md is the table as generated (npm run patent-map rewrites it)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'patent-map.md'), 'utf8')).toBe(patentMapMarkdown());
  });
});
