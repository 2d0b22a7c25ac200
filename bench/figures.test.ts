import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apartLines, CLASSROOM_FIGURES, currentFigures, ENGINE_FIGURES, figureOf, GRADE_FIGURES, mergeApart, renderFigures, replaceFigures, UI_FIGURES } from './figures.ts';
import type { ClassroomResults, EngineResults, GradeResults, UiResults } from './figures.ts';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const engine = JSON.parse(read('bench/results.json')) as EngineResults;
const ui = JSON.parse(read('bench/ui-results.json')) as UiResults;
const grade = existsSync(join(ROOT, 'bench/grade-results.json')) ? (JSON.parse(read('bench/grade-results.json')) as GradeResults) : null;
const classroom = existsSync(join(ROOT, 'bench/classroom-results.json')) ? (JSON.parse(read('bench/classroom-results.json')) as ClassroomResults) : null;

describe('the README figures', () => {
  it('are what the committed bench/results.json and bench/ui-results.json render to (run `npm run bench:readme`)', () => {
    expect(currentFigures(read('README.md'))).toBe(renderFigures(engine, ui, classroom, grade));
  });

  it('come from results files that record the commit, date and machine, and every figure with its runs and goal', () => {
    for (const [results, specs] of [[engine, ENGINE_FIGURES], [ui, UI_FIGURES], ...(classroom ? [[classroom, CLASSROOM_FIGURES] as const] : []), ...(grade ? [[grade, GRADE_FIGURES] as const] : [])] as const) {
      expect(results.commit).toMatch(/^[0-9a-f]{40}(\+dirty)?$/);
      expect(Number.isNaN(Date.parse(results.date))).toBe(false);
      expect(results.machine.cores).toBeGreaterThan(0);
      expect(results.machine.node).toMatch(/^v\d+/);
      const figures = results as unknown as Record<string, { value: number; min: number; max: number; runs: number }>;
      for (const name of Object.keys(specs)) {
        const f = figures[name]!;
        expect(f, name).toBeDefined();
        expect(f.min, name).toBeLessThanOrEqual(f.value);
        expect(f.value, name).toBeLessThanOrEqual(f.max);
      }
    }
    expect(ui.machine.chromium).toMatch(/^\d+\./);
    for (const run of ui.apart ?? []) {
      expect(run.commit).toMatch(/^[0-9a-f]{40}(\+dirty)?$/);
      for (const name of run.figures) expect(Object.keys(UI_FIGURES), name).toContain(name);
    }
    for (const results of [engine, ui, ...(ui.apart ?? []), ...(classroom ? [classroom] : [])]) {
      for (const score of Object.values(results.reference ?? {})) {
        expect(score.min).toBeLessThanOrEqual(score.value);
        expect(score.value).toBeLessThanOrEqual(score.max);
        expect(score.value).toBeGreaterThan(0);
      }
    }
  });
});

describe('figureOf', () => {
  it('takes the median of the runs, their lowest and highest, and checks the goal', () => {
    expect(figureOf(UI_FIGURES.stressP95Ms, [20, 12, 15])).toEqual({ value: 15, min: 12, max: 20, runs: 3, unit: 'ms', goal: '< 16.7 ms', met: true });
    expect(figureOf(ENGINE_FIGURES.engineVsUnix, [2, 3, 1, 4])).toMatchObject({ value: 2.5, goal: '>= 10x', met: false });
    expect(figureOf(ENGINE_FIGURES.unixRoundTripsPerSec, [5]).met).toBeNull();
  });

  it('refuses no runs or a run that is not a number', () => {
    expect(() => figureOf(UI_FIGURES.stressP95Ms, [])).toThrow(/no runs/);
    expect(() => figureOf(UI_FIGURES.stressP95Ms, [3, Number.NaN])).toThrow(/not a number/);
  });
});

describe('figures measured apart (LPARLAB_BENCH_MERGE=1)', () => {
  const phoneLoad = figureOf(UI_FIGURES.phoneLoadMs, [4000, 5000, 4500]);
  const node = figureOf({ label: 'reference', unit: '/s', goal: null }, [900, 1000, 1100]);
  const run = { commit: 'b'.repeat(40), date: '2026-12-05T18:00:00.000Z', reference: { node } };

  it('replace only their own figures and keep the file\'s commit and reference score, with theirs beside them', () => {
    const merged = mergeApart(ui, { phoneLoadMs: phoneLoad }, run);
    expect(merged.phoneLoadMs).toEqual(phoneLoad);
    expect(merged.stressP95Ms).toEqual(ui.stressP95Ms);
    expect(merged.commit).toBe(ui.commit);
    expect(merged.reference).toEqual(ui.reference);
    expect(merged.apart?.at(-1)).toEqual({ ...run, figures: ['phoneLoadMs'] });
  });

  it('take a figure from a run measured apart earlier, which is dropped once it has none left', () => {
    const once = mergeApart({ ...ui, apart: [] }, { phoneLoadMs: phoneLoad, phoneFollowP95Ms: phoneLoad }, run);
    const twice = mergeApart(once, { phoneLoadMs: phoneLoad }, { ...run, commit: 'c'.repeat(40) });
    expect(twice.apart?.map((r) => [r.commit[0], r.figures])).toEqual([['b', ['phoneFollowP95Ms']], ['c', ['phoneLoadMs']]]);
    const thrice = mergeApart(twice, { phoneFollowP95Ms: phoneLoad }, { ...run, commit: 'd'.repeat(40) });
    expect(thrice.apart?.map((r) => r.commit[0])).toEqual(['c', 'd']);
  });

  it('are marked in the README\'s table, with the commit and reference score of their run under it', () => {
    const merged = mergeApart({ ...ui, apart: [] }, { phoneLoadMs: phoneLoad }, run);
    const text = renderFigures(engine, merged, classroom, grade);
    expect(text).toContain(`| ${UI_FIGURES.phoneLoadMs.label} [a] | 4,500 ms |`);
    expect(text).not.toContain(`${UI_FIGURES.stressP95Ms.label} [a]`);
    expect(apartLines(merged.apart)).toEqual(['', expect.stringMatching(/^\[a\] Measured apart .* at commit `bbbbbbbbbb` on 2026-12-05\. Reference score .*: Node 1,000 \(3: 900 - 1,100\)\.$/)]);
    expect(text).toContain(apartLines(merged.apart)[1]);
  });
});

describe('replaceFigures', () => {
  it('rewrites only what lies between the markers', () => {
    const readme = 'intro\n<!-- figures:start -->\nold\n<!-- figures:end -->\noutro\n';
    const done = replaceFigures(readme, '\nnew\n');
    expect(done).toEqual({ ok: true, text: 'intro\n<!-- figures:start -->\nnew\n<!-- figures:end -->\noutro\n' });
  });

  it('says so when the README has no markers, and changes nothing', () => {
    expect(replaceFigures('no markers here', 'x')).toEqual({ ok: false, message: expect.stringMatching(/figures:start/) });
  });
});
